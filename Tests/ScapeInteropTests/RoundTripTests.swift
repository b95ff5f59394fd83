import Foundation
import Testing
@testable import ScapeInterop
import ScapeModel
import ScapePipeline
import ScapeScene

/// An Excalidraw scene edited by hand comes back onto its data file: exactly the dragged tools
/// get new numbers, where they are drawn now; every other byte stays.
@Suite struct RoundTripTests {
    static let fixture = PeerSampleTests.peers.deletingLastPathComponent().appendingPathComponent("mlops-landscape.yaml")

    /// The figure's scene as exported, as JSON objects.
    func exported(_ text: String, figure: String, style: FigureStyle = .clean) throws -> (Scene, [String: Any]) {
        let l = try LandscapeLoader.load(text: text, file: "d.yaml").get()
        let f = l.figure(id: figure) ?? Figure(id: figure, kind: .map)
        let scene = FigureRenderer().scene(for: f, of: l, settings: RenderSettings(style: style)).scene
        // The file as `render --format excalidraw` writes it.
        let bytes = try FigureRenderer().render(f, of: l, settings: RenderSettings(formats: ["excalidraw"], style: style)).files[0].bytes
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        return (scene, doc)
    }

    /// Drags every element of a tool's group by (dx, dy), as Excalidraw does.
    func drag(_ doc: [String: Any], _ moves: [String: (Double, Double)]) throws -> Data {
        var doc = doc
        doc["elements"] = (doc["elements"] as! [[String: Any]]).map { e in
            var e = e
            for (tool, (dx, dy)) in moves where (e["groupIds"] as? [String])?.contains("tool/\(tool)") == true {
                e["x"] = (e["x"] as! NSNumber).doubleValue + dx
                e["y"] = (e["y"] as! NSNumber).doubleValue + dy
            }
            return e
        }
        return try JSONSerialization.data(withJSONObject: doc)
    }

    func markerCentre(_ scene: Scene, _ tool: String) -> (Double, Double)? {
        guard case .path(let p)? = scene.node(id: "tool/\(tool)/marker"), let b = p.path.controlBounds else { return nil }
        return (b.midX, b.midY)
    }

    @Test func exactlyTheDraggedToolsMoveToWhereTheyWereDropped() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let (scene, doc) = try exported(text, figure: "ml-landscape-all")
        let drags: [String: (Double, Double)] = ["kubeflow": (60, 40), "airflow": (-35, 0)]
        let r = ExcalidrawRoundTrip.patch(scene: try drag(doc, drags), sceneFile: "e.excalidraw", data: text, dataFile: "d.yaml")
        let patched = try #require(r.text)
        #expect(Set(r.moves.map(\.id)) == ["kubeflow", "airflow"])
        // Every line but the two tools' is byte for byte the same.
        let before = text.components(separatedBy: "\n"), after = patched.components(separatedBy: "\n")
        #expect(before.count == after.count)
        let changed = before.indices.filter { before[$0] != after[$0] }
        #expect(changed.map { before[$0].contains("name: Kubeflow,") || before[$0].contains("name: Airflow,") } == [true, true])
        // Drawn again from the patched file, each moved marker sits where it was dropped.
        let (again, _) = try exported(patched, figure: "ml-landscape-all")
        for (tool, (dx, dy)) in drags {
            let old = try #require(markerCentre(scene, tool)), new = try #require(markerCentre(again, tool))
            #expect(abs(new.0 - (old.0 + dx)) < 1 && abs(new.1 - (old.1 + dy)) < 1, "\(tool): \(old) -> \(new)")
        }
        let untouched = try #require(markerCentre(scene, "valohai")), same = try #require(markerCentre(again, "valohai"))
        #expect(untouched == same)
    }

    @Test func aZoomFigureComesBackToo() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let (scene, doc) = try exported(text, figure: "ml-landscape-ml-platforms")
        let r = ExcalidrawRoundTrip.patch(scene: try drag(doc, ["valohai": (-30, 25)]), sceneFile: "e.excalidraw", data: text, dataFile: "d.yaml")
        #expect(r.moves.map(\.id) == ["valohai"])
        let (again, _) = try exported(try #require(r.text), figure: "ml-landscape-ml-platforms")
        let old = try #require(markerCentre(scene, "valohai")), new = try #require(markerCentre(again, "valohai"))
        #expect(abs(new.0 - (old.0 - 30)) < 1 && abs(new.1 - (old.1 + 25)) < 1, "\(old) -> \(new)")
    }

    @Test func anUneditedSceneChangesNothing() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let (_, doc) = try exported(text, figure: "ml-landscape-all", style: .sketch)
        let r = ExcalidrawRoundTrip.patch(scene: try JSONSerialization.data(withJSONObject: doc), sceneFile: "e.excalidraw", data: text, dataFile: "d.yaml")
        #expect(r.moves.map(\.id) == [] && r.diagnostics.map(\.description) == [])
        #expect(r.text == text)
    }

    @Test func blockStyleYAMLKeepsCommentsOrderAndSpelling() throws {
        let text = """
        # Our stack
        title: Stack   # shown nowhere
        tools:
          - name: Alpha      # the first
            y: 0.50
            x: -0.25
          - name: Beta
            x: 0.75
            y: -0.5
          - {name: Gamma, x: 0.1, y: 0.2}

        """
        let (_, doc) = try exported(text, figure: "landscape")
        let r = ExcalidrawRoundTrip.patch(scene: try drag(doc, ["alpha": (20, 0), "gamma": (0, -15)]), sceneFile: "e.excalidraw", data: text, dataFile: "d.yaml")
        let patched = try #require(r.text)
        let lines = patched.components(separatedBy: "\n"), old = text.components(separatedBy: "\n")
        #expect(lines[0...3] == old[0...3] && lines[6...8] == old[6...8])
        #expect(lines[4] == old[4], "Alpha moved sideways only: its y keeps its spelling")
        #expect(lines[5] != old[5] && lines[5].hasPrefix("    x: -0.") && !lines[5].contains("-0.25"))
        #expect(lines[9].hasPrefix("  - {name: Gamma, x: 0.1, y: 0.") && lines[9].hasSuffix("}") && lines[9] != old[9])
        let moved = try LandscapeLoader.load(text: patched, file: "d.yaml").get()
        #expect(moved.tools.map(\.name) == ["Alpha", "Beta", "Gamma"])
        #expect(moved.tools[0].x > -0.25 && abs(moved.tools[0].y - 0.5) < 0.002 && moved.tools[1].x == 0.75)
    }

    @Test func foreignOrEmptyScenesAreErrors() {
        let notScene = ExcalidrawRoundTrip.patch(scene: Data("{}".utf8), sceneFile: "e.excalidraw", data: "tools: []\n", dataFile: "d.yaml")
        #expect(notScene.text == nil && notScene.diagnostics.first?.message.hasPrefix("this is not an Excalidraw scene") == true)
        let bare = Data(#"{"type": "excalidraw", "version": 2, "elements": []}"#.utf8)
        let empty = ExcalidrawRoundTrip.patch(scene: bare, sceneFile: "e.excalidraw", data: "tools: []\n", dataFile: "d.yaml")
        #expect(empty.text == nil && empty.diagnostics.first?.message.hasPrefix("the scene has no tool markers exported by mlscape") == true)
    }
}
