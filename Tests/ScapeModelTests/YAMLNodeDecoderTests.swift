import Foundation
import Testing
import Yams
@testable import ScapeModel

/// mlscape reads its YAML and JSON with its own decoder over Yams's tree (`YAMLNodeDecoder`).
/// Yams's `YAMLDecoder`, which it replaced, is the reference: on every data file in the
/// repository and on a catalogue of broken and unusual ones, both must read the same values
/// and report the same problems at the same places.
@Suite struct YAMLNodeDecoderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every YAML and JSON file under `fixtures/` and `fuzz/corpus/`, and the built-in data.
    static func repositoryFiles() throws -> [(name: String, text: String)] {
        var out: [(String, String)] = []
        for folder in ["fixtures", "fuzz/corpus", "Sources/ScapeModel/Resources"] {
            let base = root.appendingPathComponent(folder)
            guard let walk = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walk where ["yaml", "yml", "json"].contains(url.pathExtension) {
                guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else { continue }
                out.append((url.path.replacingOccurrences(of: root.path + "/", with: ""), text))
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Documents that reach the decoder's corners: each kind of mismatch, nulls, booleans as
    /// YAML 1.1 writes them, quoted numbers, merge keys, a key written twice in a merge.
    static let corners: [String] = [
        "tools: [{ name: A, x: 0.1, y: 0.2 }]",
        "tools: [{ name: A, x: '0.1', y: \"-0.2\" }]",
        "tools: [{ name: A, x: left, y: 0.2 }]",
        "tools: [{ name: A, x: 0,5, y: 0.2 }]",
        "tools: [{ name: [A, B], x: 0.1, y: 0.2 }]",
        "tools: [{ name: { first: A }, x: 0.1, y: 0.2 }]",
        "tools: [{ x: 0.1, y: 0.2 }]",
        "tools: [{ name: A, x: 0.1, y: 0.2, categories: one }]",
        "tools: [{ name: A, x: 0.1, y: 0.2, categories: [one, [two]] }]",
        "tools: [{ name: A, x: 0.1, y: 0.2, style: { radius: big } }]",
        "tools: [{ name: A, x: 0.1, y: 0.2, style: { radius: 3, color: ~ } }]",
        "tools: [{ name: A, x: 0.1, y: 0.2, subtitle: null, url: }]",
        "tools: [{ name: 12, x: 1e-1, y: .inf }]",
        "tools: [{ name: true, x: 0x1, y: 0.2 }]",
        "tools: { name: A }",
        "tools: A",
        "tools: [A, B]",
        "title: [a]\ntools: []",
        "title: ~\nstyle: ''\ntools: []",
        "rings: [adopt, 1, 2.5, true]\ntools: []",
        "rings: adopt\ntools: []",
        "figures: [{ id: m, kind: map, regions: yes, key: off, quarter: 'true', step: 3 }]\ntools: []",
        "figures: [{ id: m, kind: map, regions: maybe }]\ntools: []",
        "figures: [{ id: m, kind: map, step: 2.5 }]\ntools: []",
        "figures: [{ id: m, kind: map, step: '3' }]\ntools: []",
        "figures: [{ id: m, kind: map, bands: [0.1, x, 0.3] }]\ntools: []",
        "figures: [{ id: m, kind: map, arrows: [{ through: [[0, 0], [1]] }, { through: 3 }] }]\ntools: []",
        "figures: [{ id: m, kind: map, only: { tools: [a, b], rings: adopt } }]\ntools: []",
        "figures: [{ kind: map }, { id: 3, kind: map }]\ntools: []",
        "theme: { font: [a], ink: '#123' }\ntools: []",
        "axes: { x: { name: a, negative: [b] }, y: 3 }\ntools: []",
        "base: &base { x: 0.1, y: 0.2 }\ntools:\n  - { <<: *base, name: A }\n  - { <<: *base, name: B, x: 0.5 }",
        "a: &a { x: 0.1, subtitle: from a }\nb: &b { x: 0.9, y: 0.3, subtitle: from b }\ntools:\n  - { <<: [*a, *b], name: A }",
        "quadrants: [{ id: q, x: negative, y: positive }, { id: r }]\ntools: []",
        "categories: [{ id: c, quadrant: q, ring: [1] }, 3]\ntools: []",
        "[1, 2]",
        "just text",
        "tools:",
        "loops: [{ steps: [a, b, c] }]",
    ]

    static let lifecycleCorners: [String] = [
        "loops: [{ name: Build, steps: [a, b, c] }]",
        "loops: [{ steps: a }]",
        "loops: a",
        "loops: [3]",
        "title: x",
    ]

    /// The problem as a reader sees it: its kind, where, and what was expected or missing.
    static func described(_ error: DecodingError) -> String {
        switch error {
        case let .typeMismatch(type, c): return "mismatch \(type) at \(SpecPath(codingPath: c.codingPath).dotted)"
        case let .valueNotFound(type, c): return "no value \(type) at \(SpecPath(codingPath: c.codingPath).dotted)"
        case let .keyNotFound(key, c): return "no key \(key.stringValue) at \(SpecPath(codingPath: c.codingPath).dotted)"
        case let .dataCorrupted(c): return "corrupted at \(SpecPath(codingPath: c.codingPath).dotted): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    /// What a decoder made of `text` as `T`: the values, and each problem described. Ours
    /// reads the tree mlscape composes (`SafeYAML`, no tag rules); Yams's the one it composes
    /// itself, whose tags its decoder relies on (merge keys).
    static func reading<T: Decodable>(_ type: T.Type, _ text: String, yams: Bool, clearingProblems: (inout T) -> [DecodingError] = { _ in [] },
                                      with decode: (Node) throws -> T) -> String? {
        guard let node = try? (yams ? Yams.compose(yaml: text) : SafeYAML.compose(text)) else { return nil }
        do {
            var value = try decode(node)
            let problems = clearingProblems(&value)
            var shown = ""
            dump(value, to: &shown)
            return shown + problems.map(described).joined(separator: "\n")
        } catch let error as DecodingError {
            return "threw " + described(error)
        } catch {
            return "threw \(error)"
        }
    }

    static func landscape(_ text: String, yams: Bool) -> String? {
        reading(RawDocument.self, text, yams: yams, clearingProblems: { doc in defer { doc.problems = [] }; return doc.problems }) { node in
            yams ? try YAMLDecoder().decode(RawDocument.self, from: node) : try YAMLNodeDecoder.decode(RawDocument.self, from: node)
        }
    }

    static func lifecycle(_ text: String, yams: Bool) -> String? {
        reading(LifecycleLoader.RawSpec.self, text, yams: yams) { node in
            yams ? try YAMLDecoder().decode(LifecycleLoader.RawSpec.self, from: node) : try YAMLNodeDecoder.decode(LifecycleLoader.RawSpec.self, from: node)
        }
    }

    @Test func everyDataFileInTheRepositoryReadsAsYamsReadsIt() throws {
        let files = try Self.repositoryFiles()
        #expect(files.count > 40, "the fixtures were not found under \(Self.root.path)")
        var compared = 0
        for (name, text) in files {
            // What mlscape cannot compose, Yams cannot either, unless mlscape refused it first
            // (alias bombs, aliases as keys: `SafeYAML.Refusal`).
            do { _ = try SafeYAML.compose(text) } catch is SafeYAML.Refusal { continue } catch {
                #expect((try? Yams.compose(yaml: text)) == nil, "\(name) composes in Yams but not in mlscape: \(error)")
                continue
            }
            guard let ours = Self.landscape(text, yams: false) else { continue }
            #expect(ours == Self.landscape(text, yams: true), "\(name) as a landscape")
            #expect(Self.lifecycle(text, yams: false) == Self.lifecycle(text, yams: true), "\(name) as a lifecycle")
            compared += 1
        }
        #expect(compared > 40)
    }

    @Test(arguments: corners) func aCornerCaseReadsAsYamsReadsIt(_ text: String) {
        let ours = Self.landscape(text, yams: false)
        #expect(ours != nil)
        #expect(ours == Self.landscape(text, yams: true))
    }

    @Test(arguments: lifecycleCorners) func aLifecycleCornerReadsAsYamsReadsIt(_ text: String) {
        #expect(Self.lifecycle(text, yams: false) == Self.lifecycle(text, yams: true))
    }

    /// An integer in every notation Yams reads is read as Yams reads it, and one too large for
    /// `Int` in any of them is a mismatch, never a trap: Yams's base-60 arithmetic overflowed,
    /// and `step: 1:0:0:0:0:0:0:0:0:0:0` stopped the process.
    @Test func integersReadAsYamsReadsThemAndTooLargeIsAMismatch() throws {
        for text in ["12", "-3", "+5", "1_000", "0x1F", "-0x1F", "0o17", "017", "0b101", "1:30", "-1:30", "190:20:30",
                     "0", "08", "1.5", "", "abc", "1:", ":1", "9223372036854775807", "-9223372036854775808"] {
            let scalar = Node.Scalar(text, .implicit, .plain)
            #expect(YAMLInteger.parse(scalar) == Int.construct(from: scalar), "\(text)")
        }
        #expect(YAMLInteger.parse(Node.Scalar("12", .implicit, .doubleQuoted)) == nil)
        // 60^10 fits in an Int; Yams trapped on it all the same (its next power of 60 did not).
        #expect(YAMLInteger.parse(Node.Scalar("1:0:0:0:0:0:0:0:0:0:0", .implicit, .plain)) == 604_661_760_000_000_000)
        for huge in ["1:0:0:0:0:0:0:0:0:0:0:0", "-1:0:0:0:0:0:0:0:0:0:0:0", "9223372036854775807:1", "0x1_0000_0000_0000_0000", "99999999999999999999"] {
            #expect(YAMLInteger.parse(Node.Scalar(huge, .implicit, .plain)) == nil, "\(huge)")
            let result = LandscapeLoader.load(text: "figures: [{ id: m, kind: map, step: \(huge) }]\ntools: []\n", file: "t.yaml")
            #expect(result.diagnostics.contains { $0.message == "'figures[0].step' should be a number, found '\(huge)'" }, "\(huge)")
        }
    }

    /// Where the reading parts from Yams's on purpose (`YAMLNodeDecoder`'s doc comment says
    /// why): a key is found by its text, so a quoted key that spells a number, as every JSON key
    /// is quoted, is read; keys equal as text are then one key written twice, and refused.
    @Test func keysAreFoundByTheirText() throws {
        let json = #"{"theme": {"quadrant-fills": {"1": "red", "true": "blue"}}, "tools": []}"#
        let doc = try YAMLNodeDecoder.decode(RawDocument.self, from: try #require(try SafeYAML.compose(json)))
        #expect(doc.problems.isEmpty)
        #expect(doc.theme?.quadrantFills == ["1": "red", "true": "blue"])
        #expect(Self.landscape(json, yams: true)?.contains("no key 1") == true, "Yams's decoder no longer differs here: revisit the doc comment")
        #expect(throws: (any Error).self) { try SafeYAML.compose("{ 1: red, \"1\": blue }") }
    }

    /// The merge key is honoured: a tool takes the fields it does not write from the mapping
    /// it merges, its own first, and the first of several merged mappings before the next.
    @Test func mergedMappingsFillWhatAToolDoesNotWrite() throws {
        let text = """
        a: &a { x: 0.1, subtitle: from a }
        b: &b { x: 0.9, y: 0.3, subtitle: from b }
        tools:
          - { <<: [*a, *b], name: A }
          - { <<: *b, name: B, x: -0.5 }
        """
        let node = try #require(try SafeYAML.compose(text))
        let doc = try YAMLNodeDecoder.decode(RawDocument.self, from: node)
        #expect(doc.problems.isEmpty)
        let tools = doc.tools.map(\.value)
        #expect(tools.map(\.name) == ["A", "B"])
        #expect(tools.map(\.x) == [0.1, -0.5])
        #expect(tools.map(\.y) == [0.3, 0.3])
        #expect(tools.map(\.subtitle) == ["from a", "from b"])
    }

    /// A list item that is null is skipped only when read as one, and a list read past its
    /// end says so at the index it ran out.
    @Test func listsMovePastNullsOnlyAndReportWhereTheyEnd() throws {
        struct Pair: Decodable {
            var first: String?
            var second: String
            init(from decoder: any Decoder) throws {
                var c = try decoder.unkeyedContainer()
                first = try c.decodeNil() ? nil : c.decode(String.self)
                second = try c.decode(String.self)
            }
        }
        let both = try YAMLNodeDecoder.decode(Pair.self, from: try #require(try SafeYAML.compose("[a, b]")))
        #expect(both.first == "a" && both.second == "b")
        let nullFirst = try YAMLNodeDecoder.decode(Pair.self, from: try #require(try SafeYAML.compose("[~, b]")))
        #expect(nullFirst.first == nil && nullFirst.second == "b")
        do {
            _ = try YAMLNodeDecoder.decode(Pair.self, from: try #require(try SafeYAML.compose("[a]")))
            Issue.record("a list of one read as two")
        } catch let error as DecodingError {
            #expect(Self.described(error) == "no value String at [1]")
        }
    }
}
