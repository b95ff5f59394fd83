import Foundation
import Testing
import ScapeInterop
import ScapeModel
import ScapePipeline

/// Can a reader tell which name belongs to which marker? Measured on the SVG file, with the
/// real Pango metrics of the glyphs drawn, not on the placer's own bookkeeping.
@Suite struct LabelIdentifiabilityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// How far a name without a leader may stand from its marker's edge: two lines of the
    /// default tool font. Further, and a reader starts looking for a leader that is not there.
    static let adjacentReach = 36.0

    func svg(_ landscape: Landscape, figure: Figure) throws -> String {
        let settings = RenderSettings(formats: ["svg"], style: .clean, scale: 1)
        let files = try FigureRenderer().render(figure, of: landscape, settings: settings).files
        return String(decoding: files[0].bytes, as: UTF8.self)
    }

    static let inputs: [(String, String?)] = [
        ("built-in", "ml-landscape-all"), ("built-in", "ml-landscape-ml-platforms"), ("built-in", "orchestrators"),
        ("fixtures/examples/tools-80.csv", nil), ("fixtures/examples/world.yaml", nil), ("fixtures/examples/quadrant-chart.mmd", nil),
    ]

    @Test(arguments: inputs)
    func everyNameIsClearAndNearestToItsOwnMarker(file: String, figureID: String?) throws {
        let landscape = try (file == "built-in" ? DataFileLoader.loadDefault() : DataFileLoader.load(contentsOf: Self.root.appendingPathComponent(file))).get()
        let figure = figureID.flatMap { landscape.figure(id: $0) } ?? landscape.effectiveFigures.first { $0.kind == .map } ?? Figure(id: "map", kind: .map)
        let g = SVGToolGeometry(svg: try svg(landscape, figure: figure))
        let markers = g.tools.compactMapValues(\.marker)
        #expect(markers.count >= 5, "\(file): only \(markers.count) markers read back")
        let labelled = g.tools.filter { $0.value.label != nil }
        #expect(labelled.count * 10 >= markers.count * 9, "\(file): \(markers.count - labelled.count) of \(markers.count) names are not drawn")
        let ids = labelled.keys.sorted()
        var misread: [String] = []
        for (k, a) in ids.enumerated() {
            let label = labelled[a]!.label!
            for b in ids[(k + 1)...] { #expect(!label.intersects(labelled[b]!.label!), "\(file): the names of \(a) and \(b) overlap") }
            for (b, m) in markers where b != a { #expect(!label.intersects(m), "\(file): the name of \(a) covers the marker of \(b)") }
            guard let own = markers[a] else { Issue.record("\(a) has a name but no marker"); continue }
            if labelled[a]!.hasCallout { continue }
            if labelled[a]!.leader.isEmpty {
                let distance = label.distance(to: own.center)
                let ownRadius = (own.maxX - own.minX) / 2
                #expect(distance - ownRadius <= Self.adjacentReach, "\(file): the name of \(a) stands \(Int(distance - ownRadius)) px from its marker")
                // Identifiable: no other marker is nearer to the name than its own.
                let nearest = markers.min { label.distance(to: $0.value.center) < label.distance(to: $1.value.center) || (label.distance(to: $0.value.center) == label.distance(to: $1.value.center) && $0.key < $1.key) }!
                if label.distance(to: nearest.value.center) < distance - 0.5 { misread.append("\(a) -> \(nearest.key)") }
            } else {
                // A leader runs from its own marker to its own name.
                let start = labelled[a]!.leader.first!, end = labelled[a]!.leader.last!
                // Within a few points: the line ends at the name's line box, a little above or
                // below its letters, and the hand-drawn pen wobbles.
                #expect(own.distance(to: start) <= 2, "\(file): the leader of \(a) does not start at its marker")
                #expect(label.distance(to: end) <= 4, "\(file): the leader of \(a) does not reach its name")
            }
        }
        #expect(misread.isEmpty, "\(file): names nearer another tool's marker than their own (name -> marker): \(misread)")
    }

    @Test func svgIdsStayUniqueWhenTwoToolIdsSanitiseAlike() throws {
        // 'café' and 'cafè' are distinct tool ids, but both are 'caf_' as an XML name.
        let landscape = Landscape(tools: [Tool(name: "Café", x: 0.3, y: 0.3), Tool(name: "Cafè", x: -0.3, y: -0.3)])
        let g = SVGToolGeometry(svg: try svg(landscape, figure: Figure(id: "map", kind: .map)))
        #expect(Set(g.ids).count == g.ids.count, "repeated ids: \(Dictionary(grouping: g.ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        #expect(g.ids.filter { $0.hasPrefix("tool.caf_") && !$0.dropFirst(5).contains(".") }.count == 2, "two tool groups: \(g.ids)")
    }

    @Test func svgIdsAreUniqueAndNameTheirTool() throws {
        let landscape = try DataFileLoader.loadDefault().get()
        let g = SVGToolGeometry(svg: try svg(landscape, figure: landscape.figure(id: "ml-landscape-all")!))
        #expect(Set(g.ids).count == g.ids.count, "repeated ids: \(Dictionary(grouping: g.ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        #expect(Set(g.tools.keys) == Set(landscape.tools.map(\.id)), "every tool's paths are named tool.<its id>.<part>")
        for id in g.ids { #expect(id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) } && id.first!.isLetter, "'\(id)' is not an XML name") }
    }
}
