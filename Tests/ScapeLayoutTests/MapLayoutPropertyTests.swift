import Foundation
import Testing
import ScapeGeometry
import ScapeInterop
@testable import ScapeLayout
import ScapeModel
import ScapeScene

/// Layout properties on fixed text metrics, so they hold whatever fonts a machine has.
@Suite struct MapLayoutPropertyTests {
    let landscape = try! LandscapeLoader.loadDefault().get()
    func layout(_ theme: Theme) -> FigureLayout { FigureLayout(theme: theme, measurer: FixedTextMeasurer()) }

    struct ToolBoxes {
        var marker: Rect
        var label: Rect
    }

    /// Each tool's marker box and the union of its label lines, read back from the scene.
    func boxes(_ scene: Scene) -> [String: ToolBoxes] {
        var out: [String: ToolBoxes] = [:]
        for node in scene.allNodes {
            guard case .group(let g) = node, g.id.hasPrefix("tool/") else { continue }
            var marker: Rect?
            var label: Rect?
            for child in g.children {
                switch child {
                case .path(let p) where p.id.hasSuffix("/marker"): marker = p.path.controlBounds
                case .text(let t): label = label.map { $0.union(t.frame) } ?? t.frame
                default: break
                }
            }
            out[String(g.id.dropFirst(5))] = ToolBoxes(marker: marker!, label: label!)
        }
        return out
    }

    @Test(arguments: [Theme.clean, .sketch])
    func labelsNeverOverlapEachOtherOrAForeignMarker(theme: Theme) {
        let laid = layout(theme).layout(landscape.figure(id: "ml-landscape-all")!, of: landscape)
        #expect(laid.warnings.isEmpty, "\(laid.warnings)")
        let b = boxes(laid.scene)
        #expect(b.count == 45)
        let ids = b.keys.sorted()
        for (i, a) in ids.enumerated() {
            for other in ids[(i + 1)...] {
                #expect(!b[a]!.label.intersects(b[other]!.label), "labels of \(a) and \(other) overlap")
            }
            for other in ids where other != a {
                #expect(!b[a]!.label.intersects(b[other]!.marker), "label of \(a) covers the marker of \(other)")
            }
        }
    }

    @Test(arguments: [Theme.clean, .sketch])
    func labelsStayInsideTheCanvasAndOffTheAxes(theme: Theme) {
        let laid = layout(theme).layout(landscape.figure(id: "ml-landscape-all")!, of: landscape)
        let canvas = Rect(origin: .zero, size: laid.scene.size)
        let frame = MapFrame(axes: landscape.axes, canvas: Size(theme.mapWidth, theme.mapHeight), theme: theme, measurer: FixedTextMeasurer())
        for (id, box) in boxes(laid.scene) {
            #expect(canvas.contains(box.label), "label of \(id) leaves the canvas")
            #expect(!box.label.intersectsSegment(frame.point(x: -1, y: 0), frame.point(x: 1, y: 0)), "label of \(id) crosses the x axis")
            #expect(!box.label.intersectsSegment(frame.point(x: 0, y: -1), frame.point(x: 0, y: 1)), "label of \(id) crosses the y axis")
        }
    }

    @Test func everyToolIsDrawnInItsQuadrantsAreaOfTheCanvas() {
        let laid = layout(.clean).layout(landscape.figure(id: "ml-landscape-all")!, of: landscape)
        let frame = MapFrame(axes: landscape.axes, canvas: Size(Theme.clean.mapWidth, Theme.clean.mapHeight), theme: .clean, measurer: FixedTextMeasurer())
        let b = boxes(laid.scene)
        for tool in landscape.tools {
            let q = landscape.quadrant(at: tool.x, tool.y)!
            let area = frame.quadrantRect(x: q.x, y: q.y)
            #expect(area.contains(b[tool.id]!.marker.center), "\(tool.name) is drawn outside \(q.id)")
        }
    }

    @Test func quadrantsFigureHasAxesAndTitlesButNoTools() {
        let laid = layout(.clean).layout(landscape.figure(id: "ml-landscape-quads")!, of: landscape)
        let ids = laid.scene.allNodes.map(\.id)
        #expect(ids.contains("axis/x") && ids.contains("axis/y"))
        #expect(ids.filter { $0.hasPrefix("quadrant/") }.count == 4)
        #expect(!ids.contains { $0.hasPrefix("tool/") })
    }
}

@Suite struct BlogFiguresPlaceEveryLabel {
    @Test(arguments: [Theme.clean, .sketch])
    func everyFigureOfTheBuiltInSetNamesEveryToolInThePlot(theme: Theme) throws {
        let landscape = try LandscapeLoader.loadDefault().get()
        // The blog's quadrant titles are watermarks (its data file says so), as in the posts.
        var theme = theme
        theme.quadrantTitlesAreWatermarks = landscape.theme?.quadrantTitles == .watermark
        #expect(theme.quadrantTitlesAreWatermarks)
        for figure in landscape.effectiveFigures {
            let laid = FigureLayout(theme: theme, measurer: FixedTextMeasurer()).layout(figure, of: landscape)
            #expect(laid.omittedLabels.isEmpty, "\(figure.id) left out \(laid.omittedLabels)")
            // Leaders are allowed where an adjacent spot would be ambiguous; a legend is not needed.
            #expect(laid.scene.node(id: "legend") == nil, "\(figure.id) needed numbered callouts")
        }
    }
}

@Suite struct CSVLandscapeLayoutTests {
    @Test func eightyToolsNeverOverlapAndLeadersStayClear() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/examples/tools-80.csv")
        let l = try DataFileLoader.load(contentsOf: url).get()
        let laid = FigureLayout(theme: .sketch, measurer: FixedTextMeasurer()).layout(Figure(id: "t", kind: .map), of: l)
        var labels: [String: Rect] = [:], markers: [String: Rect] = [:], leaders: [String: (Point, Point)] = [:]
        var numbered = Set<String>(), callouts: [String: Rect] = [:], stacked = Set<String>()
        for node in laid.scene.allNodes {
            let parts = node.id.split(separator: "/")
            // Tools at one spot are one stack marker; each member is named in its list or legend.
            if parts.count == 5, parts[0] == "stack", parts[4] == "name" { stacked.insert(String(parts[3])) }
            guard parts.count == 3, parts[0] == "tool" else { continue }
            let owner = String(parts[1])
            switch node {
            case .text(let t) where parts[2] == "callout":
                numbered.insert(owner)
                callouts[owner] = t.frame
            case .text(let t): labels[owner] = labels[owner].map { $0.union(t.frame) } ?? t.frame
            case .path(let p) where parts[2] == "marker": markers[owner] = p.path.controlBounds
            case .path(let p) where parts[2] == "leader":
                let ends = p.path.elements.compactMap { e -> Point? in
                    switch e { case .move(let q), .line(let q): return q; default: return nil }
                }
                if let a = ends.first, let b = ends.last { leaders[owner] = (a, b) }
            default: break
            }
        }
        #expect(markers.count + stacked.count == 80, "every tool keeps its marker, or is named in a stack's list")
        // A numbered tool's name stands in the legend, boxed with its number: only names in the plot count.
        for owner in numbered { labels[owner] = nil }
        #expect(labels.count + numbered.count + stacked.count + laid.omittedLabels.count == 80)
        let owners = labels.keys.sorted()
        for (i, a) in owners.enumerated() {
            for b in owners[(i + 1)...] { #expect(!labels[a]!.intersects(labels[b]!), "the labels of \(a) and \(b) overlap") }
            for (b, m) in markers where b != a { #expect(!labels[a]!.intersects(m), "the label of \(a) covers the marker of \(b)") }
        }
        for (owner, (start, end)) in leaders {
            #expect(markers[owner]!.outsetBy(2).contains(start), "the leader of \(owner) does not start at its marker")
            // A leader ends at the name, or at the number of a numbered tool.
            #expect((labels[owner] ?? callouts[owner]).map { $0.outsetBy(1).contains(end) } == true, "the leader of \(owner) does not reach its label")
            for (b, m) in markers where b != owner {
                #expect(distance(from: m.center, toSegment: start, end) >= m.width / 2 - 0.5, "the leader of \(owner) crosses the marker of \(b)")
            }
            for (b, r) in labels where b != owner { #expect(!r.intersectsSegment(start, end), "the leader of \(owner) crosses the label of \(b)") }
        }
    }
}
