import Foundation
import Testing
import ScapeGeometry
import ScapeInterop
import ScapeModel
import ScapePipeline
import ScapeScene

/// A map is laid out once for both styles: switching the style changes how it is drawn,
/// never what it decides. Judged from the two SVGs, by ids: which tools share a stack, which
/// are named on the map, which in an inset, which are listed in the legend (numbered), and
/// where each inset stands.
@Suite struct OneLayoutTwoLooksTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Decisions: Equatable, CustomStringConvertible {
        var stacks: Set<Set<String>> = []
        var onMap: Set<String> = []
        var inInsets: Set<String> = []
        var inLegend: Set<String> = []
        var insetFrames: [Rect] = []

        var description: String {
            "\(stacks.count) stacks, \(onMap.count) named on the map, \(inInsets.count) in insets, \(inLegend.count) in the legend, insets at \(insetFrames)"
        }

        static func == (a: Decisions, b: Decisions) -> Bool {
            a.stacks == b.stacks && a.onMap == b.onMap && a.inInsets == b.inInsets && a.inLegend == b.inLegend
                && a.insetFrames.count == b.insetFrames.count
                // A hand-drawn frame strays a pen's width or two from its box.
                && zip(a.insetFrames, b.insetFrames).allSatisfy { abs($0.midX - $1.midX) < 4 && abs($0.midY - $1.midY) < 4 && abs($0.width - $1.width) < 8 }
        }
    }

    static func decisions(_ svg: String) -> Decisions {
        var d = Decisions()
        let legendStart = svg.range(of: "<g id=\"legend\">")?.lowerBound ?? svg.endIndex
        func ids(_ text: Substring, _ pattern: String) -> [[String]] {
            text.matches(of: try! Regex(pattern)).map { m in (1..<m.output.count).map { m.output[$0].substring.map(String.init) ?? "" } }
        }
        let map = svg[..<legendStart], legend = svg[legendStart...]
        var stacks: [String: Set<String>] = [:]
        for m in ids(map, #"id="stack\.([0-9]+)\.tool\.([^."]+)\.marker""#) { stacks[m[0], default: []].insert(m[1]) }
        d.stacks = Set(stacks.values)
        d.onMap = Set(ids(map, #"id="(?:stack\.[0-9]+\.)?tool\.([^."]+)\.name""#).map { $0[0] })
        d.inInsets = Set(ids(map, #"id="inset\.[0-9]+\.(?:stack\.[0-9]+\.)?tool\.([^."]+)\.name""#).map { $0[0] })
        d.inLegend = Set(ids(legend, #"id="(?:stack\.[0-9]+\.)?tool\.([^."]+)\.name""#).map { $0[0] })
        d.insetFrames = LabelAudit(svg: svg).items.filter { $0.id.hasPrefix("inset.") && $0.id.hasSuffix(".frame") }.map(\.box)
        return d
    }

    func both(_ landscape: Landscape, figure: Figure = Figure(id: "map", kind: .map)) throws -> (sketch: Decisions, clean: Decisions) {
        func svg(_ style: FigureStyle) throws -> String {
            let out = try FigureRenderer().render(figure, of: landscape, settings: RenderSettings(formats: ["svg"], style: style))
            return String(decoding: out.files[0].bytes, as: UTF8.self)
        }
        return (Self.decisions(try svg(.sketch)), Self.decisions(try svg(.clean)))
    }

    /// The crowded examples: the same stacks, names, insets and numbers in both styles (the
    /// corner example made 18 and 14 stacks, 5 the same, and named 25 and 42 tools in insets).
    @Test(arguments: ["corner-120.csv", "crowded-quadrant.mmd", "frameworks-60.mmd", "clustered.csv", "databases-120.csv", "tools-80.csv"])
    func theCrowdedExamplesDecideTheSameInBothStyles(file: String) throws {
        let l = try DataFileLoader.load(contentsOf: Self.root.appendingPathComponent("fixtures/examples/\(file)")).get()
        let (sketch, clean) = try both(l, figure: l.effectiveFigures[0])
        #expect(!sketch.stacks.isEmpty || !sketch.inLegend.isEmpty, "\(file): a crowded example stacks or numbers some tools")
        #expect(sketch == clean, "\(file): sketch \(sketch); clean \(clean)")
    }

    /// Three hundred tools in knots (the bench's clusters and one quadrant): the same decisions
    /// in both styles (clusters of 150 had 10 numbers and 2.6x growth in sketch, 51 numbers and
    /// 1.56x in clean).
    @Test(arguments: [MapBenchmark.PointSet.clusters, .quadrant])
    func aKnotOfThreeHundredDecidesTheSameInBothStyles(set: MapBenchmark.PointSet) throws {
        let tools = MapBenchmark.points(set, n: 300).enumerated().map { i, p in Tool(id: "t\(i)", name: "Tool \(i)", x: p.0, y: p.1) }
        let (sketch, clean) = try both(Landscape(tools: tools))
        #expect(sketch.stacks.count > 10 && sketch.inLegend.count > 100)
        #expect(sketch == clean, "\(set): sketch \(sketch); clean \(clean)")
    }
}
