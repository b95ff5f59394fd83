import Foundation
import Testing
import ScapeInterop
import ScapeModel
import ScapePipeline
import ScapeRender
import ScapeGeometry
import ScapeScene
import ScapeLayout

/// Every drawn tool identifiable, judged from the written SVG by `LabelAudit` (ids and
/// geometry), not from the placer's bookkeeping.
@Suite struct IdentifiableToolsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func svgAudit(_ figure: Figure, of landscape: Landscape, style: String = "clean") throws -> LabelAudit {
        let settings = RenderSettings(formats: ["svg"], style: FigureStyle(rawValue: style))
        let out = try FigureRenderer().render(figure, of: landscape, settings: settings)
        let svg = String(decoding: out.files.first { $0.fileName.hasSuffix(".svg") }!.bytes, as: UTF8.self)
        return LabelAudit(svg: svg)
    }

    func landscape(_ set: MapBenchmark.PointSet, n: Int, seed: UInt64) throws -> Landscape {
        let base = try DataFileLoader.loadDefault().get()
        let tools = MapBenchmark.points(set, n: n, seed: seed).enumerated().map { i, p in Tool(id: "t\(i)", name: "Tool \(i)", x: p.0, y: p.1) }
        return Landscape(axes: base.axes, quadrants: base.quadrants, tools: tools)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func seededUniformAndClusteredMapsNameEveryToolByTheRule(seed: UInt64) throws {
        for (set, n) in [(MapBenchmark.PointSet.uniform, 60), (.clusters, 40), (.uniform, 150), (.clusters, 150)] {
            // The sketch style's font is wider: the 150s are drawn in both styles.
            for style in n < 150 ? ["clean"] : ["clean", "sketch"] {
            let audit = try svgAudit(Figure(id: "map", kind: .map), of: landscape(set, n: n, seed: seed), style: style)
            #expect(audit.verdicts.count == n, "seed \(seed) \(set): \(audit.verdicts.count) markers read")
            // Never misread, never crossed, no two names read as one: only left out.
            let failing = audit.verdicts.filter { !$0.value.isIdentifiable }
            #expect(failing.allSatisfy { $0.value == .omitted }, "seed \(seed) \(set) n=\(n) \(style): \(audit.failures)")
            #expect(audit.overlaps == 0 && audit.coveredLabels == 0 && audit.runOns == 0,
                    "seed \(seed) \(set) n=\(n) \(style): overlaps \(audit.overlaps), covered \(audit.coveredLabels), run-ons \(audit.runOns)")
            // At the publish width, with no growth, every tool is named somewhere: five knots of
            // 30 tools whose markers overlap too, by stacks, numbers and insets (8-21 of 150 were
            // left out before tools with no room joined their neighbours' stacks).
            #expect(failing.isEmpty, "seed \(seed) \(set) n=\(n) \(style): \(audit.failures)")
            }
        }
    }

    /// A crowd escalated to numbers gets back each name that fits beside its marker once the
    /// crowd's numbers are placed: the crowded corner example and five clusters of 30 still
    /// name tools on the map (measured 11 and 31 in sketch, 14 and 36 in clean). Without
    /// giving names back, the escalated crowd kept its numbers: 0 and 5 named on the map.
    @Test(arguments: ["sketch", "clean"])
    func aCrowdEscalatedToNumbersGetsItsNamesBack(style: String) throws {
        let corner = try DataFileLoader.load(contentsOf: Self.root.appendingPathComponent("fixtures/examples/corner-120.csv")).get()
        let clusters = Landscape(tools: MapBenchmark.points(.clusters, n: 150).enumerated().map { i, p in Tool(id: "t\(i)", name: "Tool \(i)", x: p.0, y: p.1) })
        for (name, l, least) in [("corner-120", corner, 8), ("clusters-150", clusters, 20)] {
            let audit = try svgAudit(l.effectiveFigures[0], of: l, style: style)
            #expect(audit.count(.adjacent) >= least, "\(name) \(style): \(audit.count(.adjacent)) named beside their markers")
            #expect(audit.failures.isEmpty, "\(name) \(style): \(audit.failures)")
        }
    }

    /// 300 tools in one crowded quadrant or in five tight clusters, at the publish width: the
    /// figure grows by at most 1.25 times (taller only for its legend), every name, number and legend entry
    /// shows at 11 px or more in a 1200 px column, no tool is misread, and every tool left out
    /// is counted, none silently missing.
    @Test(arguments: [MapBenchmark.PointSet.quadrant, .clusters])
    func threeHundredCrowdedToolsStayReadableAtThePublishWidth(set: MapBenchmark.PointSet) throws {
        let l = try landscape(set, n: 300, seed: 7)
        let audit = try svgAudit(Figure(id: "map", kind: .map), of: l)
        #expect(audit.verdicts.count == 300)
        let omitted = audit.count(.omitted)
        #expect(audit.failures.count == omitted, "\(set): only omission may fail: \(audit.failures)")
        #expect(audit.overlaps == 0 && audit.coveredLabels == 0 && audit.runOns == 0)
        // One crowded quadrant, three empty ones: the crowd is drawn again in several insets there.
        if set == .quadrant { #expect(audit.insets >= 3, "\(audit.insets) insets") }
        // Laid out in the style the SVG above was drawn in.
        let laid = FigureRenderer().layout(Figure(id: "map", kind: .map), of: l, settings: RenderSettings(formats: ["svg"], style: .clean))
        #expect(CrowdingAtThePublishWidthTests.grewOnlyForItsLegend(laid.scene), "\(laid.scene.size)")
        #expect(LabelAudit.smallestNamePixels(laid.scene, publishWidth: 1200) >= 11)
        #expect(!laid.warnings.contains { $0.contains("the plot grew") })
        // Nothing silently missing: every tool the audit finds unnamed is one the layout warns of.
        let warned = Set(laid.omittedLabels)
        for (tool, verdict) in audit.verdicts where verdict == .omitted {
            #expect(warned.contains(l.tools.first { "tool:" + $0.id == tool }?.name ?? tool), "\(tool) is left out without a word")
        }
    }

    /// Two tools at the same spot (a chart that lists a point twice) are both named: their
    /// markers are one to the eye, so a name beside it belongs to it either way.
    @Test func twoToolsAtTheSameSpotAreBothNamed() throws {
        let base = try DataFileLoader.loadDefault().get()
        let tools = [Tool(id: "a", name: "Alpha", x: 0.4, y: 0.4), Tool(id: "b", name: "Beta", x: 0.4, y: 0.4),
                     Tool(id: "c", name: "Gamma", x: -0.3, y: 0.2)]
        let audit = try svgAudit(Figure(id: "map", kind: .map), of: Landscape(axes: base.axes, quadrants: base.quadrants, tools: tools))
        #expect(audit.verdicts.count == 3)
        #expect(audit.failures.isEmpty, "\(audit.failures)")
        // Named beside the one marker they share, as any tool is, with no leader needed.
        #expect(audit.verdicts["tool:a"] == .adjacent && audit.verdicts["tool:b"] == .adjacent, "\(audit.verdicts)")
    }

    /// A tool standing apart from the crowd is named beside its marker, never numbered with
    /// the crowd it is near (a crowded chart's outliers: Bun, Deno, Rollup).
    @Test func aToolStandingApartIsNamedNotNumbered() throws {
        let l = try DataFileLoader.load(contentsOf: Self.root.appendingPathComponent("fixtures/examples/frameworks-60.mmd")).get()
        let audit = try svgAudit(l.effectiveFigures[0], of: l, style: "sketch")
        // The map's own markers (not a detail inset's copies, nor a stack's member dots).
        let markers = audit.items.filter { $0.id.hasPrefix("tool.") && $0.id.hasSuffix(".marker") }
        var apart: [String] = []
        for m in markers where !markers.contains(where: { $0.id != m.id && $0.box.center.distance(to: m.box.center) < 60 }) {
            apart.append("tool:" + m.id.dropFirst(5).dropLast(7))
        }
        #expect(apart.count >= 5, "the chart has outliers: \(apart)")
        for t in apart { #expect(audit.verdicts[t] == .adjacent, "\(t) stands apart but is \(audit.verdicts[t].map(\.rawValue) ?? "missing")") }
        #expect(audit.failures.isEmpty, "\(audit.failures)")
    }

    @Test(arguments: ["clustered.csv", "crowded-quadrant.mmd", "tools-80.csv", "frameworks-60.mmd", "databases-120.csv"])
    func denseExamplesNameEveryTool(file: String) throws {
        let l = try DataFileLoader.load(contentsOf: Self.root.appendingPathComponent("fixtures/examples/\(file)")).get()
        let audit = try svgAudit(l.effectiveFigures[0], of: l)
        #expect(audit.verdicts.count == l.tools.count)
        #expect(audit.failures.isEmpty, "\(file): \(audit.failures)")
        #expect(audit.overlaps == 0 && audit.coveredLabels == 0)
        // No name runs into an axis label ("SQLiteHigh"): the gap two names keep (4 pt) between their letters.
        let sketched = try svgAudit(l.effectiveFigures[0], of: l, style: "sketch")
        let axisLabels = sketched.items.filter { $0.id.hasPrefix("axis.x.") || $0.id.hasPrefix("axis.y.") }
        for name in sketched.items where name.id.hasPrefix("tool.") && name.id.hasSuffix(".name") {
            for axis in axisLabels {
                #expect(!name.box.outsetBy(4).intersects(axis.box), "\(file): \(name.id) runs into \(axis.id)")
            }
        }
    }

    @Test func theBlogsFiguresNameEveryToolNextToItsMarker() throws {
        let l = try DataFileLoader.loadDefault().get()
        for figure in l.effectiveFigures where [.map, .zoom].contains(figure.kind) {
            let audit = try svgAudit(figure, of: l, style: "sketch")
            #expect(audit.failures.isEmpty, "\(figure.id): \(audit.failures)")
            #expect(audit.count(.callout) == 0, "\(figure.id) needed a legend")
        }
    }

    @Test func aZoomsTitleCoversNoAxisLabel() throws {
        let l = try DataFileLoader.loadDefault().get()
        let q = l.quadrants.first { $0.id == "ml-platforms" }!
        let figure = Figure(id: "zoom", kind: .zoom, title: "ML platforms we use", only: nil)
        _ = q
        var zoom = figure
        zoom.quadrant = "ml-platforms"
        let audit = try svgAudit(zoom, of: l)
        #expect(audit.items.contains { $0.id == "title" })
        #expect(audit.coveredLabels == 0)
        let title = audit.items.first { $0.id == "title" }!.box
        for axis in audit.items where axis.id.hasPrefix("axis.x.") || axis.id.hasPrefix("axis.y.") {
            #expect(!title.intersects(axis.box), "the title covers \(axis.id)")
        }
    }

    @Test func theAuditCatchesANameNearerAnotherMarker() {
        // Two markers 40 apart; B's name drawn right next to A: ambiguous, whatever the placer thought.
        let items = [
            LabelAudit.Item(id: "tool.a.marker", box: .init(x: 93, y: 93, width: 14, height: 14), points: []),
            LabelAudit.Item(id: "tool.b.marker", box: .init(x: 133, y: 93, width: 14, height: 14), points: []),
            LabelAudit.Item(id: "tool.b.name", box: .init(x: 60, y: 70, width: 40, height: 12), points: []),
            LabelAudit.Item(id: "tool.a.name", box: .init(x: 152, y: 94, width: 40, height: 12), points: []),
        ]
        let audit = LabelAudit(items: items)
        #expect(audit.verdicts["tool:b"] == .ambiguous)
        #expect(audit.verdicts["tool:a"] == .ambiguous)
    }

    /// In a radar's legends, each name stands under its own quadrant's heading, even where a
    /// quadrant runs on into another column (which repeats the heading).
    @Test func everyLegendNameStandsUnderItsQuadrantsHeading() throws {
        let l = try DataFileLoader.load(contentsOf: Self.root.appendingPathComponent("fixtures/examples/radar-dense.csv")).get()
        let sectorOf = Dictionary(l.figures[0].radar!.blips.map { ($0.id, $0.sector + 1) }, uniquingKeysWith: { a, _ in a })
        let scene = FigureRenderer().layout(l.effectiveFigures[0], of: l).scene
        var checked = 0
        for side in ["blip-legend-left", "blip-legend-right"] {
            guard let legend = scene.node(id: side) else { continue }
            let texts = Scene(size: scene.size, background: nil, nodes: [legend]).allNodes.compactMap { n -> SceneText? in
                if case .text(let t) = n { return t } else { return nil }
            }
            let headings = texts.filter { $0.id.hasPrefix("legend/sector/") }
            for name in texts where name.id.hasPrefix("blip/") && name.id.hasSuffix("/name") {
                let blip = String(name.id.dropFirst(5).dropLast(5))
                // The heading of the column the name stands in: the lowest one above it.
                let column = headings.filter { $0.frame.minX <= name.frame.minX && name.frame.minX - $0.frame.minX < 60 && $0.frame.minY < name.frame.minY }
                let heading = column.max { $0.frame.minY < $1.frame.minY }
                let sector = heading.flatMap { Int($0.id.split(separator: "/")[2]) }
                #expect(sector == sectorOf[blip], "\(blip) (quadrant \(sectorOf[blip] ?? 0)) stands under \(heading?.text ?? "no heading")")
                checked += 1
            }
        }
        #expect(checked == sectorOf.count, "every blip is in a legend")
    }

    @Test func aDenseRadarNumbersItsCrowdedQuadrantsAndNamesEveryBlip() throws {
        let l = try DataFileLoader.load(contentsOf: Self.root.appendingPathComponent("fixtures/examples/radar-dense.csv")).get()
        let figure = l.effectiveFigures[0]
        let audit = try svgAudit(figure, of: l)
        let blips = l.figures[0].radar!.blips.count
        #expect(audit.verdicts.count == blips)
        #expect(audit.count(.ambiguous) == 0 && audit.count(.far) == 0 && audit.count(.crossed) == 0, "\(audit.failures)")
        #expect(audit.count(.omitted) <= blips / 50, "\(audit.failures)")
        #expect(audit.count(.callout) > 0, "a crowded radar numbers its blips")
        #expect(audit.overlaps == 0)
        // Asked for names only: no legend, and whatever has no room is counted as left out.
        var names = figure
        names.blipLabels = .names
        let laid = FigureRenderer().layout(names, of: l)
        #expect(laid.scene.node(id: "blip-legend-left") == nil && laid.scene.node(id: "blip-legend-right") == nil)
        #expect(laid.omittedLabels.count == LabelAudit(scene: laid.scene).count(.omitted))
    }

    @Test func theQuarterRadarsRingNamesAreCrossedByNoRingLine() throws {
        let l = try DataFileLoader.loadDefault().get()
        for figure in l.effectiveFigures where figure.kind == .radar {
            let scene = FigureRenderer().layout(figure, of: l).scene
            let names = scene.allNodes.compactMap { n -> (String, Rect)? in
                if case .text(let t) = n, t.id.hasPrefix("radar/ring/") { return (t.text, t.frame) } else { return nil }
            }
            let borders = scene.allNodes.compactMap { n -> Path? in
                if case .path(let p) = n, p.id.hasPrefix("radar/border/") || p.id.hasPrefix("radar/ring/") { return p.path } else { return nil }
            }
            #expect(!names.isEmpty)
            for (text, rect) in names {
                for border in borders {
                    for line in border.polylines(curveSteps: 24) {
                        for (a, b) in zip(line.points, line.points.dropFirst()) {
                            #expect(!rect.intersectsSegment(a, b), "\(figure.id): the ring line crosses '\(text)'")
                        }
                    }
                }
            }
        }
    }
}
