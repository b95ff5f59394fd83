import Foundation
import Testing
import ScapeGeometry
import ScapeInterop
import ScapeModel
import ScapePipeline
import ScapeRender

/// A number drawn on its own marker is that marker's: the placer uses it in tight clusters,
/// and the outside audit (reading the SVG) accepts it.
@Suite struct OnMarkerCalloutTests {
    @Test func theAuditAcceptsANumberOnItsOwnMarkerBesideATouchingNeighbour() {
        let items = [
            LabelAudit.Item(id: "tool.a.marker", box: .init(x: 93, y: 93, width: 14, height: 14), points: []),
            LabelAudit.Item(id: "tool.b.marker", box: .init(x: 106, y: 93, width: 14, height: 14), points: []),
            LabelAudit.Item(id: "tool.a.callout", box: .init(x: 94, y: 95, width: 12, height: 10), points: []),
            LabelAudit.Item(id: "tool.a.name", box: .init(x: 600, y: 20, width: 40, height: 12), points: []),
            LabelAudit.Item(id: "tool.b.callout", box: .init(x: 107, y: 95, width: 12, height: 10), points: []),
            LabelAudit.Item(id: "tool.b.name", box: .init(x: 600, y: 40, width: 40, height: 12), points: []),
        ]
        let audit = LabelAudit(items: items)
        #expect(audit.verdicts["tool:a"] == .callout)
        #expect(audit.verdicts["tool:b"] == .callout)
    }

    @Test func aTightClusterGetsNumbersOnItsMarkersEachJudgedItsOwn() throws {
        let seed: UInt64 = 7
        let base = try DataFileLoader.loadDefault().get()
        let points = MapBenchmark.points(.clusters, n: 150, seed: seed)
        let tools = points.enumerated().map { i, p in Tool(id: "t\(i)", name: "Tool \(i)", x: p.0, y: p.1) }
        let landscape = Landscape(title: "cluster", style: base.style, axes: base.axes, quadrants: base.quadrants, tools: tools)
        let out = try FigureRenderer().render(Figure(id: "map", kind: .map), of: landscape, settings: RenderSettings(formats: ["svg"]))
        let audit = LabelAudit(svg: String(decoding: out.files.first { $0.fileName.hasSuffix(".svg") }!.bytes, as: UTF8.self))
        let markers = Dictionary(uniqueKeysWithValues: audit.items.filter { $0.id.hasSuffix(".marker") }.map { ($0.id.dropLast(7), $0.box) })
        let onMarker = audit.items.filter { item in
            // A tool's own number (a stack's count fills its marker, not a number).
            item.id.hasPrefix("tool.") && item.id.hasSuffix(".callout") && markers[item.id.dropLast(8)].map { item.box.contains($0.center) } == true
        }
        #expect(!onMarker.isEmpty, "seed \(seed): a tight cluster puts numbers on markers")
        for item in onMarker {
            let owner = "tool:" + item.id.dropFirst(5).dropLast(8)
            #expect(audit.verdicts[owner] == .callout, "seed \(seed): \(owner) \(audit.verdicts[owner]?.rawValue ?? "-")")
        }
        #expect(audit.count(.ambiguous) == 0 && audit.overlaps == 0, "seed \(seed): \(audit.failures)")
    }
}
