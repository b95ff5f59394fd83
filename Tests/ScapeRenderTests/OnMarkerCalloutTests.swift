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

    /// A key number set on a marker and a stack's count are both a number in a disc; they must
    /// not look alike, or a reader takes a stack's "2" for legend entry 2. A key number is
    /// light on a solid disc (a tool's as a stack's), a count dark in an open ring. Read from
    /// the SVG of the crowded Mermaid chart, which has both, in each style.
    @Test(arguments: [FigureStyle.clean, .sketch])
    func aKeyNumberOnAMarkerNeverLooksLikeAStacksCount(style: FigureStyle) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let l = try DataFileLoader.load(contentsOf: root.appendingPathComponent("fixtures/examples/crowded-quadrant.mmd")).get()
        let out = try FigureRenderer().render(l.effectiveFigures[0], of: l, settings: RenderSettings(formats: ["svg"], style: style))
        let svg = String(decoding: out.files.first { $0.fileName.hasSuffix(".svg") }!.bytes, as: UTF8.self)
        var fills: [String: String] = [:]
        for match in svg.matches(of: /<path id="([^"]+)"[^>]*? fill="(#[0-9a-f]{6})"/) { fills[String(match.1)] = String(match.2) }
        /// The fill a disc shows: its sketch's fill layer where it is drawn by hand.
        func shown(_ id: String) -> String? { fills[id + ".fill"] ?? fills[id] }
        func isDark(_ hex: String) -> Bool {
            let v = Int(hex.dropFirst(), radix: 16)!
            return 0.299 * Double(v >> 16) + 0.587 * Double((v >> 8) & 0xff) + 0.114 * Double(v & 0xff) < 128
        }
        let discs = Set(fills.keys.compactMap { id in
            id.hasSuffix(".callout-disc") ? id : id.hasSuffix(".callout-disc.fill") ? String(id.dropLast(".fill".count)) : nil
        })
        #expect(!discs.isEmpty, "\(style): the chart sets numbers on markers")
        for disc in discs {
            let number = String(disc.dropLast("-disc".count))
            #expect(shown(disc).map(isDark) == true && fills[number].map(isDark) == false, "\(style): \(number) is \(fills[number] ?? "-") on \(shown(disc) ?? "-")")
        }
        let counts = fills.keys.filter { $0.hasPrefix("stack.") && $0.hasSuffix(".count") }
        #expect(!counts.isEmpty, "\(style): the chart has a stack")
        for count in counts {
            let marker = String(count.dropLast("count".count)) + "marker"
            #expect(fills[count].map(isDark) == true && shown(marker).map(isDark) == false, "\(style): \(count) is \(fills[count] ?? "-") on \(shown(marker) ?? "-")")
        }
    }
}
