import Foundation
import Testing
import ScapeInterop
import ScapeModel
import ScapePipeline
import ScapeRender
import ScapeGeometry

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
        for (set, n) in [(MapBenchmark.PointSet.uniform, 60), (.clusters, 40)] {
            let audit = try svgAudit(Figure(id: "map", kind: .map), of: landscape(set, n: n, seed: seed))
            #expect(audit.verdicts.count == n, "seed \(seed) \(set): \(audit.verdicts.count) markers read")
            // Markers drawn over each other cannot be told apart by any name: they are exempt.
            let markers = audit.items.filter { $0.id.hasSuffix(".marker") }
            let stacked = Set(markers.filter { m in markers.contains { $0.id != m.id && $0.box.insetBy(2).intersects(m.box.insetBy(2)) } }
                .map { "tool:" + $0.id.dropFirst(5).dropLast(7) })
            let failing = audit.verdicts.filter { !$0.value.isIdentifiable }.map(\.key)
            #expect(failing.allSatisfy(stacked.contains), "seed \(seed) \(set): \(audit.failures), stacked \(stacked.sorted())")
            #expect(audit.overlaps == 0 && audit.coveredLabels == 0, "seed \(seed) \(set)")
        }
    }

    @Test(arguments: ["clustered.csv", "crowded-quadrant.mmd", "tools-80.csv"])
    func denseExamplesNameEveryTool(file: String) throws {
        let l = try DataFileLoader.load(contentsOf: Self.root.appendingPathComponent("fixtures/examples/\(file)")).get()
        let audit = try svgAudit(l.effectiveFigures[0], of: l)
        #expect(audit.verdicts.count == l.tools.count)
        // Omission is allowed only where no spot next to the marker is free even for a number.
        #expect(audit.count(.ambiguous) == 0 && audit.count(.far) == 0 && audit.count(.crossed) == 0, "\(file): \(audit.failures)")
        #expect(audit.count(.omitted) <= l.tools.count / 20, "\(file): \(audit.failures)")
        #expect(audit.overlaps == 0 && audit.coveredLabels == 0)
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
