import Foundation
import Testing
import ScapeGeometry
@testable import ScapeInterop
import ScapeInterop
import ScapeModel

/// Mangled copies of the peers' own files never crash a reader, and every problem found is
/// located in the file it came from. Seeded: the seed is in every failure message.
@Suite struct ForeignInputRobustnessTests {
    static let seed: UInt64 = 20_261_127

    /// Deletes, repeats or swaps in syntax characters at random places.
    func mangled(_ text: String, _ rng: inout SplitMix64) -> String {
        var chars = Array(text.prefix(4000))
        let syntax = Array("{}[],:\"'\n\t<>-&#0123456789")
        for _ in 0..<(1 + Int(rng.next() % 6)) where !chars.isEmpty {
            let at = Int(rng.next() % UInt64(chars.count))
            switch rng.next() % 3 {
            case 0: chars.remove(at: at)
            case 1: chars.insert(syntax[Int(rng.next() % UInt64(syntax.count))], at: at)
            default: chars.insert(contentsOf: chars[at..<min(chars.count, at + 20)], at: at)
            }
        }
        return String(chars)
    }

    @Test(arguments: ["byor/sheet.csv", "byor/data.json", "zalando/config.json"])
    func mangledRadarsAreReadOrRefusedWithLocatedMessages(sample: String) throws {
        let text = try String(contentsOf: PeerSampleTests.peers.appendingPathComponent(sample), encoding: .utf8)
        let file = "m." + (sample as NSString).pathExtension
        var rng = SplitMix64(state: Self.seed)
        for k in 0..<150 {
            let input = mangled(text, &rng)
            let r = DataFileLoader.load(text: input, file: file)
            #expect(r.diagnostics.allSatisfy { $0.location?.file == file }, "seed \(Self.seed), case \(k): \(r.diagnostics.filter { $0.location?.file != file })")
            if r.diagnostics.hasErrors { #expect(r.landscape == nil, "seed \(Self.seed), case \(k)") }
        }
    }

    @Test func mangledScenesNeverCrashTheRoundTrip() throws {
        let data = try String(contentsOf: RoundTripTests.fixture, encoding: .utf8)
        let scene = #"{"type": "excalidraw", "version": 2, "elements": [{"id": "tool/a/marker", "type": "ellipse", "x": 10, "y": 10, "width": 10, "height": 10, "customData": {"mlscape": {"item": "tool/airflow", "cx": 15, "cy": 15}}}, {"id": "tool/b/marker", "type": "ellipse", "x": 90, "y": 40, "width": 10, "height": 10, "customData": {"mlscape": {"item": "tool/kubeflow", "cx": 95, "cy": 45}}}]}"#
        let tools = try LandscapeLoader.load(text: data, file: "d.yaml").get().tools.count
        var rng = SplitMix64(state: Self.seed)
        var patched = 0, intact = 0
        for k in 0..<300 {
            let input = mangled(scene, &rng)
            let r = ExcalidrawRoundTrip.patch(scene: Data(input.utf8), sceneFile: "e.excalidraw", data: data, dataFile: "d.yaml")
            if let text = r.text {
                // Whatever the scene said, the result is still a loadable landscape of the same tools.
                patched += 1
                let l = LandscapeLoader.load(text: text, file: "d.yaml")
                #expect(!l.diagnostics.hasErrors && l.landscape?.tools.count == tools, "seed \(Self.seed), case \(k)")
            } else {
                // No result is never silent: the user is told why.
                #expect(r.diagnostics.hasErrors, "seed \(Self.seed), case \(k): no data and no error")
            }
            // A mangle that left a well-formed scene with both markers and their numbers
            // (say, a digit inserted into an id) must still patch.
            if Self.isIntactScene(input) {
                intact += 1
                #expect(r.text != nil, "seed \(Self.seed), case \(k): an intact scene was refused: \(r.diagnostics.map(\.description))")
            }
        }
        #expect(intact >= 20 && patched >= intact, "seed \(Self.seed): \(intact) intact scenes, \(patched) patched")
    }

    /// A scene JSON still holds with both markers' items and centres, read by the test itself.
    static func isIntactScene(_ text: String) -> Bool {
        guard let doc = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], doc["type"] as? String == "excalidraw",
              let elements = doc["elements"] as? [[String: Any]] else { return false }
        let items = elements.compactMap { e -> String? in
            guard let custom = (e["customData"] as? [String: Any])?["mlscape"] as? [String: Any],
                  custom["cx"] is NSNumber, custom["cy"] is NSNumber,
                  ["x", "y", "width", "height"].allSatisfy({ e[$0] is NSNumber }) else { return nil }
            return custom["item"] as? String
        }
        return Set(items) == ["tool/airflow", "tool/kubeflow"]
    }
}
