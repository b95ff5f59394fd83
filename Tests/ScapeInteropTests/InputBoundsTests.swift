import Foundation
import ScapeInterop
@testable import ScapeModel
import Testing

/// Walks the bounds table and checks every reader against it: for each bound, each format that
/// carries such a value refuses one just outside the range (with the table's wording) and
/// accepts the range's edges. A bound added to the table without samples here fails the test,
/// and a reader added to `Reader` does not compile until each bound says how it is written there.
@Suite struct InputBoundsTests {
    enum Reader: CaseIterable {
        case yaml, json, csv, mermaid, radarCSV, radarJSON, lifecycle
    }

    struct Sample {
        var reader: Reader
        var file: String
        var text: String
        /// What the refusal says; nil: the table's own words.
        var expected: String?
    }

    static func load(_ s: Sample) -> LoadResult {
        switch s.reader {
        case .yaml, .json, .csv, .mermaid: return DataFileLoader.load(text: s.text, file: s.file)
        case .radarCSV, .radarJSON: return RadarCSVParser.parse(text: s.text, file: s.file)
        case .lifecycle: return FigureSpecResolver.standalone(text: s.text, file: s.file)
        }
    }

    /// How each reader writes a value `v` of a number bound; empty for flags (checked from the CLI).
    static func samples(_ bound: NumberBound, _ v: String) -> [Sample] {
        func yaml(_ body: String) -> Sample { Sample(reader: .yaml, file: "b.yaml", text: body, expected: nil) }
        func theme(_ key: String) -> [Sample] {
            [yaml("theme: { \(key): \(v) }\ntools: []\n"),
             Sample(reader: .json, file: "b.json", text: "{\"theme\": {\"\(key)\": \(v)}, \"tools\": []}\n", expected: nil)]
        }
        var out: [Sample] = []
        for reader in Reader.allCases {
            switch (bound.key, reader) {
            case ("position", .yaml): out.append(yaml("tools:\n  - { name: A, x: \(v), y: 0.1 }\n"))
            case ("position", .json): out.append(Sample(reader: .json, file: "b.json", text: "{\"tools\": [{\"name\": \"A\", \"x\": 0.1, \"y\": \(v)}]}\n", expected: nil))
            case ("position", .csv): out.append(Sample(reader: .csv, file: "b.csv", text: "name,x,y\nA,\(v),0.1\n", expected: nil))
            case ("position", .mermaid):
                // Mermaid's 0 ... 1 maps onto the table's -1 ... 1.
                let m = NumberBound.show((Double(v)! + 1) / 2)
                out.append(Sample(reader: .mermaid, file: "b.mmd", text: "quadrantChart\n    A: [\(m), 0.5]\n", expected: "Mermaid positions run from 0 to 1"))
            case ("arrow point or band border", .yaml):
                out.append(yaml("tools: []\nfigures:\n  - { id: f, kind: map, arrows: [ { through: [[0, 0], [\(v), 0]] } ] }\n"))
            case ("radius", .yaml):
                out.append(yaml("tools:\n  - { name: A, x: 0.1, y: 0.1, style: { radius: \(v) } }\n"))
                out += theme("marker-radius")
            case ("radius", .mermaid): out.append(Sample(reader: .mermaid, file: "b.mmd", text: "quadrantChart\n    A: [0.3, 0.6] radius: \(v)\n", expected: nil))
            case ("fit", .yaml): out.append(yaml("tools: []\nfigures:\n  - { id: f, kind: map, fit: \(v) }\n"))
            case ("fit", .json):
                out.append(Sample(reader: .json, file: "b.json", text: "{\"tools\": [], \"figures\": [{\"id\": \"f\", \"kind\": \"map\", \"fit\": \(v)}]}\n", expected: nil))
            case ("stroke-width", .yaml): out.append(yaml("tools:\n  - { name: A, x: 0.1, y: 0.1, style: { stroke-width: \(v) } }\n"))
            case ("stroke-width", .mermaid):
                out.append(Sample(reader: .mermaid, file: "b.mmd", text: "quadrantChart\n    classDef c stroke-width: \(v)px\n    A:::c: [0.3, 0.6]\n", expected: nil))
            case ("font size", .yaml):
                for key in ["tool-size", "subtitle-size", "axis-size", "title-size"] { out += theme(key) }
            case ("hatch-gap", .yaml), ("hatch-angle", .yaml), ("hatch-weight", .yaml), ("stroke-scale", .yaml):
                out += theme(bound.key)
            case (_, .yaml), (_, .json), (_, .csv), (_, .mermaid), (_, .radarCSV), (_, .radarJSON), (_, .lifecycle):
                break
            }
        }
        return out
    }

    /// How each reader writes a text of a text bound.
    static func samples(_ bound: TextBound, _ t: String) -> [Sample] {
        var out: [Sample] = []
        for reader in Reader.allCases {
            switch (bound.key, reader) {
            case ("label", .yaml):
                out += ["tools:\n  - { name: \(t), x: 0.1, y: 0.1 }\n", "title: \(t)\ntools: []\n", "axes: { x: { negative: \(t) } }\ntools: []\n",
                        "quadrants:\n  - { id: q, title: \(t), x: positive, y: positive }\ntools: []\n",
                        "categories:\n  - { id: c, name: \(t) }\ntools: []\n", "tools: []\nfigures:\n  - { id: f, kind: map, title: \(t) }\n"]
                    .map { Sample(reader: .yaml, file: "b.yaml", text: $0) }
            case ("label", .json): out.append(Sample(reader: .json, file: "b.json", text: "{\"tools\": [{\"name\": \"\(t)\", \"x\": 0.1, \"y\": 0.1}]}\n"))
            case ("label", .csv):
                out.append(Sample(reader: .csv, file: "b.csv", text: "name,x,y\n\(t),0.1,0.1\n"))
                out.append(Sample(reader: .csv, file: "b.csv", text: "name,subtitle,x,y\nA,\(t),0.1,0.1\n"))
            case ("label", .mermaid):
                out += ["quadrantChart\n    title \(t)\n", "quadrantChart\n    \(t): [0.3, 0.6]\n", "quadrantChart\n    x-axis \(t) --> High\n",
                        "quadrantChart\n    quadrant-1 \(t)\n", "---\ntitle: \(t)\n---\nquadrantChart\n"].map { Sample(reader: .mermaid, file: "b.mmd", text: $0) }
            case ("label", .radarCSV): out.append(Sample(reader: .radarCSV, file: "r.csv", text: "name,ring,quadrant,isNew,description\n\(t),Adopt,Tools,false,\n"))
            case ("label", .radarJSON):
                out.append(Sample(reader: .radarJSON, file: "r.json", text: "[{\"name\": \"\(t)\", \"ring\": \"Adopt\", \"quadrant\": \"Tools\", \"isNew\": \"false\", \"description\": \"\"}]\n"))
            case ("label", .lifecycle): out.append(Sample(reader: .lifecycle, file: "l.yaml", text: "loops:\n  - { id: a, steps: [\(t), Two] }\n"))
            case ("note", .yaml):
                out.append(Sample(reader: .yaml, file: "b.yaml", text: "tools: []\nfigures:\n  - { id: f, kind: map, note: \(t) }\n"))
                out.append(Sample(reader: .yaml, file: "b.yaml", text: "tools:\n  - { name: A, x: 0.1, y: 0.1, url: \(t) }\n"))
            case ("note", .radarCSV): out.append(Sample(reader: .radarCSV, file: "r.csv", text: "name,ring,quadrant,isNew,description\nA,Adopt,Tools,false,\(t)\n"))
            case ("note", .lifecycle): out.append(Sample(reader: .lifecycle, file: "l.yaml", text: "loops:\n  - { id: a, caption: \(t), steps: [One, Two] }\n"))
            case (_, .yaml), (_, .json), (_, .csv), (_, .mermaid), (_, .radarCSV), (_, .radarJSON), (_, .lifecycle):
                break
            }
        }
        return out
    }

    static let flags: Set<String> = ["--scale", "--width", "--roughness", "--jobs"]

    @Test func everyNumberBoundIsEnforcedByEveryReaderThatCarriesIt() {
        for bound in InputBounds.numbers {
            let outside = [bound.lowerOpen ? bound.lower : bound.lower - max(1, abs(bound.lower)), bound.upper + max(1, abs(bound.upper))]
            let inside = bound.lowerOpen ? [bound.upper] : [bound.lower, bound.upper]
            if Self.flags.contains(bound.key) { continue }  // the command line's; see ReliabilityTests
            #expect(!Self.samples(bound, "0").isEmpty, "bound '\(bound.key)' is read by no format here; add its samples")
            for v in outside {
                for s in Self.samples(bound, NumberBound.show(v)) {
                    let r = Self.load(s)
                    let words = s.expected ?? bound.note ?? bound.rangeText
                    #expect(r.diagnostics.errors.contains { $0.message.contains(words) },
                            "\(s.reader) accepted \(bound.key) = \(v) or said something else: \(r.diagnostics.map(\.description))\n\(s.text)")
                }
            }
            for v in inside {
                for s in Self.samples(bound, NumberBound.show(v)) {
                    let r = Self.load(s)
                    #expect(!r.diagnostics.hasErrors, "\(s.reader) refused \(bound.key) = \(v): \(r.diagnostics.map(\.description))\n\(s.text)")
                }
            }
        }
    }

    @Test func everyTextBoundIsEnforcedByEveryReaderThatCarriesIt() {
        for bound in InputBounds.texts {
            #expect(!Self.samples(bound, "x").isEmpty, "bound '\(bound.key)' is read by no format here; add its samples")
            for s in Self.samples(bound, String(repeating: "x", count: bound.maxCharacters + 1)) {
                let r = Self.load(s)
                #expect(r.diagnostics.errors.contains { $0.message.contains("a \(bound.key) holds at most \(bound.maxCharacters)") && $0.location != nil },
                        "\(s.reader) took a \(bound.maxCharacters + 1)-character \(bound.key): \(r.diagnostics.map(\.description))\n\(s.text.prefix(120))")
            }
            for s in Self.samples(bound, String(repeating: "x", count: bound.maxCharacters)) {
                let r = Self.load(s)
                #expect(!r.diagnostics.contains { $0.message.contains("holds at most") }, "\(s.reader) refused a \(bound.maxCharacters)-character \(bound.key)")
            }
        }
    }

    @Test func everyReaderRefusesMoreToolsThanTheLimit() {
        let n = InputBounds.maxTools + 1
        let csv = "name,x,y\n" + (0..<n).map { "t\($0),0.1,0.1\n" }.joined()
        let radar = "name,ring,quadrant,isNew,description\n" + (0..<n).map { "t\($0),Adopt,Tools,false,\n" }.joined()
        let mermaid = "quadrantChart\n" + (0..<n).map { "    t\($0): [0.3, 0.6]\n" }.joined()
        let yaml = "tools:\n" + (0..<n).map { "  - { name: t\($0), x: 0.1, y: 0.1 }\n" }.joined()
        for (text, file, radarReader) in [(csv, "b.csv", false), (radar, "r.csv", true), (mermaid, "b.mmd", false), (yaml, "b.yaml", false)] {
            let r = radarReader ? RadarCSVParser.parse(text: text, file: file) : DataFileLoader.load(text: text, file: file)
            #expect(r.diagnostics.errors.contains { $0.message.contains("a file may hold at most \(InputBounds.maxTools)") }, "\(file): \(r.diagnostics.prefix(3).map(\.description))")
        }
    }
}

extension InputBoundsTests.Sample {
    init(reader: InputBoundsTests.Reader, file: String, text: String) {
        self.init(reader: reader, file: file, text: text, expected: nil)
    }
}
