import Foundation
import ScapeGeometry
import ScapeModel
import ScapeScene

/// What `mlscape diff` draws over a map or zoom of the new edition: a thin arrow (a trail)
/// from each mover's old spot to its marker, a green disc under each added tool's marker, a cross
/// in each removed tool's greyed marker at its old spot, and a legend strip under the map.
/// Trails and discs go to the label placer as hard obstacles, so no name covers them.
struct ChangeLayer {
    let changes: FigureChanges
    let frame: MapFrame
    let theme: Theme
    /// Each tool's marker as drawn (outer radius, stroke included), once the tools are laid
    /// out: a styled marker, or a small dot in a cloud of thousands, is not the theme's size.
    var drawnRadii: [String: Double] = [:]

    init(changes: FigureChanges, frame: MapFrame, theme: Theme) {
        self.changes = changes
        self.frame = frame
        self.theme = theme
    }

    /// This layer with the markers' sizes read from the laid-out tools.
    func measuringMarkers(in nodes: [SceneNode]) -> ChangeLayer {
        var out = self
        for node in nodes {
            guard case .path(let p) = node, p.id.hasPrefix("tool/"), p.id.hasSuffix("/marker"), let b = p.path.controlBounds else { continue }
            out.drawnRadii[String(p.id.dropFirst(5).dropLast(7))] = b.width / 2 + (p.stroke?.width ?? 0) / 2
        }
        return out
    }

    /// The outer radius of a tool's marker.
    func markerRadius(_ tool: Tool) -> Double {
        drawnRadii[tool.id] ?? (tool.style?.radius ?? theme.markerRadius) + (tool.style?.strokeWidth ?? theme.markerStroke) / 2
    }

    static let trailColor = Color(red: 0.13, green: 0.38, blue: 0.72)
    /// The trails' blue, lighter on a dark theme so it still reads.
    static func trailColor(on theme: Theme) -> Color {
        let ink = theme.ink
        return ink.red * 0.3 + ink.green * 0.59 + ink.blue * 0.11 > 0.5 ? Color(red: 0.4, green: 0.62, blue: 0.95) : trailColor
    }
    static let addedColor = Color(red: 0.16, green: 0.55, blue: 0.36)
    /// The added mark (a green disc under the marker) shows this far around it, inside the labels' gap.
    var ringGap: Double { 1.5 }

    /// The tools a diff shows: only the movers when asked; the removed ones are added by
    /// `removedTools`.
    static func shown(_ tools: [Tool], _ changes: FigureChanges) -> [Tool] {
        guard changes.movedOnly else { return tools }
        let movers = Set(changes.trails.map(\.toolID))
        return tools.filter { movers.contains($0.id) }
    }

    /// The removed tools as drawn: at their old spots, in no category (so every region
    /// keeps them outside), inside `window`.
    static func removedTools(_ changes: FigureChanges, in window: DataWindow) -> [Tool] {
        changes.removed.filter { window.contains(x: $0.x, y: $0.y) }.map { t in
            var copy = t
            copy.categories = []
            copy.style = nil
            return copy
        }
    }

    /// The old spots of the movers, for fitting a zoom's window around them too.
    static func oldSpots(_ changes: FigureChanges) -> [(x: Double, y: Double)] {
        changes.trails.map { ($0.fromX, $0.fromY) }
    }

    /// A trail's segment on the canvas: from the old spot (clipped to the plot) to the edge
    /// of the tool's marker. Nil when nothing of it would show.
    func trail(_ t: FigureChanges.Trail, to tool: Tool) -> (from: Point, to: Point)? {
        let a = frame.point(x: t.fromX, y: t.fromY), b = frame.point(x: tool.x, y: tool.y)
        guard let (from, _) = Self.clip(a, b, to: frame.plotRect) else { return nil }
        let radius = markerRadius(tool) + theme.markerStroke / 2
        let length = from.distance(to: b)
        guard length > radius + 1 else { return nil }
        return (from, b + (from - b).normalized * radius)
    }

    /// Boxes along every trail and around every added ring, which no label may cover.
    func obstacles(tools: [Tool]) -> [Rect] {
        let byID = Dictionary(tools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Rect] = []
        for t in changes.trails {
            guard let tool = byID[t.toolID], let (a, b) = trail(t, to: tool) else { continue }
            // Boxes a little wider than the line, for the sketch pen's wiggle; one more for the head.
            let steps = max(1, Int((a.distance(to: b) / 3).rounded(.up)))
            for k in 0...steps {
                out.append(Rect(center: a.lerp(to: b, Double(k) / Double(steps)), size: Size(6, 6)))
            }
            let head = headLength(a, b)
            out.append(Rect(center: b + (a - b).normalized * (head / 2), size: Size(head + 2, head + 2)))
        }
        for id in changes.added {
            guard let tool = byID[id] else { continue }
            let r = ringRadius(tool) + 1
            out.append(Rect(center: frame.point(x: tool.x, y: tool.y), size: Size(2 * r, 2 * r)))
        }
        return out
    }

    func headLength(_ a: Point, _ b: Point) -> Double { min(theme.arrowheadLength * 0.55, a.distance(to: b) * 0.5) }

    func ringRadius(_ tool: Tool) -> Double { markerRadius(tool) + ringGap }

    /// Trails and the discs of added tools (drawn under the markers).
    func trailNodes(tools: [Tool]) -> [SceneNode] {
        let byID = Dictionary(tools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var children: [SceneNode] = []
        for id in changes.added.sorted() {
            guard let tool = byID[id] else { continue }
            children.append(.path(ScenePath(id: "tool/\(id)/added", path: .circle(center: frame.point(x: tool.x, y: tool.y), radius: ringRadius(tool)),
                                            fill: Self.addedColor.withAlpha(0.75), stroke: StrokeStyle(color: Self.addedColor, width: 1))))
        }
        for t in changes.trails.sorted(by: { $0.toolID < $1.toolID }) {
            guard let tool = byID[t.toolID], let (a, b) = trail(t, to: tool) else { continue }
            var path = Path.segment(a, b)
            path.append(ArrowGeometry.head(tip: b, from: a, length: headLength(a, b)))
            path.append(.circle(center: a, radius: 1.8))
            children.append(.path(ScenePath(id: "tool/\(tool.id)/trail", path: path, stroke: StrokeStyle(color: Self.trailColor(on: theme), width: 1.3))))
        }
        return children.isEmpty ? [] : [.group(SceneGroup(id: "changes/trails", children: children))]
    }

    /// Crosses in removed tools' markers (drawn over them).
    func markNodes(removed: [Tool]) -> [SceneNode] {
        var children: [SceneNode] = []
        for tool in removed {
            let c = frame.point(x: tool.x, y: tool.y), d = markerRadius(tool) * 0.55
            var cross = Path.segment(c + Point(-d, -d), c + Point(d, d))
            cross.append(.segment(c + Point(-d, d), c + Point(d, -d)))
            children.append(.path(ScenePath(id: "tool/\(tool.id)/removed", path: cross, stroke: StrokeStyle(color: theme.greyedInk, width: 1.4))))
        }
        return children.isEmpty ? [] : [.group(SceneGroup(id: "changes/marks", children: children))]
    }

    /// The tools' hover texts say what changed: new, removed, moved from where, renamed from what.
    func annotated(_ nodes: [SceneNode], removed: [Tool]) -> [SceneNode] {
        let removedIDs = Set(removed.map(\.id)), added = Set(changes.added)
        let from = Dictionary(changes.trails.map { ($0.toolID, $0) }, uniquingKeysWith: { a, _ in a })
        func note(_ id: String) -> String? {
            var parts: [String] = []
            if removedIDs.contains(id) { parts.append("removed") }
            if added.contains(id) { parts.append("new") }
            if let was = changes.renamed[id] { parts.append("was \(was)") }
            if let t = from[id] { parts.append(String(format: "moved from (%.2f, %.2f)", t.fromX, t.fromY)) }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        return nodes.map { node in
            guard case .group(var tools) = node, tools.id == "tools" else { return node }
            tools.children = tools.children.map { child in
                guard case .group(var g) = child, g.id.hasPrefix("tool/"), let n = note(String(g.id.dropFirst(5))) else { return child }
                g.title = [g.title, n].compactMap { $0 }.joined(separator: " · ")
                return .group(g)
            }
            return .group(tools)
        }
    }

    /// Liang-Barsky: the part of segment a-b inside `rect`, or nil.
    static func clip(_ a: Point, _ b: Point, to rect: Rect) -> (Point, Point)? {
        var t0 = 0.0, t1 = 1.0
        let d = b - a
        for (p, q) in [(-d.x, a.x - rect.minX), (d.x, rect.maxX - a.x), (-d.y, a.y - rect.minY), (d.y, rect.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
                if t0 > t1 { return nil }
            }
        }
        return (a + d * t0, a + d * t1)
    }
}

/// The strip under a diff's figure: which editions are compared, and (for maps) what each
/// mark means, with counts.
struct EditionLegend {
    let theme: Theme
    let measurer: any TextMeasurer

    /// `HEAD~1:fixtures/a.yaml` -> `HEAD~1:a.yaml`, `/x/y/b.csv` -> `b.csv`.
    static func short(_ label: String) -> String {
        let name = label.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? label
        guard let colon = label.firstIndex(of: ":"), !name.contains(":") else { return name }
        return String(label[...colon]) + name
    }

    func appended(to laid: LaidOutFigure, changes: FigureChanges, counts: (moved: Int, added: Int, removed: Int)?) -> LaidOutFigure {
        var out = laid
        let font = theme.toolFont
        let x0 = theme.margin * 2
        var y = laid.scene.size.height
        var children: [SceneNode] = []
        var heading = "Changes from \(changes.oldLabel) to \(changes.newLabel)"
        var hs = measurer.measure(heading, font: font)
        if hs.width > laid.scene.size.width - 2 * x0 {
            // Long paths: the file names (with their revisions) say enough.
            heading = "Changes from \(Self.short(changes.oldLabel)) to \(Self.short(changes.newLabel))"
            hs = measurer.measure(heading, font: font)
        }
        children.append(.text(SceneText(id: "legend/editions", text: heading, font: font, color: theme.ink, frame: Rect(origin: Point(x0, y), size: hs))))
        y += hs.height + 8
        if let counts {
            var x = x0
            let h = measurer.measure("Ag", font: font).height
            let mid = y + h / 2, r = theme.markerRadius
            let items: [(String, String, Int)] = [("moved", "moved", counts.moved), ("added", "added", counts.added), ("removed", "removed", counts.removed)]
            for (key, word, n) in items where !(changes.movedOnly && key != "moved") {
                var marks: [SceneNode] = []
                switch key {
                case "moved":
                    var p = Path.segment(Point(x, mid), Point(x + 30, mid))
                    p.append(ArrowGeometry.head(tip: Point(x + 30, mid), from: Point(x, mid), length: theme.arrowheadLength * 0.55))
                    p.append(.circle(center: Point(x, mid), radius: 1.8))
                    marks.append(.path(ScenePath(id: "legend/moved/mark", path: p, stroke: StrokeStyle(color: ChangeLayer.trailColor(on: theme), width: 1.3))))
                    x += 38
                case "added":
                    let c = Point(x + r + 4, mid)
                    marks.append(.path(ScenePath(id: "legend/added/mark", path: .circle(center: c, radius: r + theme.markerStroke / 2 + 1.5),
                                                 fill: ChangeLayer.addedColor.withAlpha(0.75))))
                    marks.append(.path(ScenePath(id: "legend/added/marker", path: .circle(center: c, radius: r), pattern: theme.markerPattern,
                                                 stroke: StrokeStyle(color: theme.ink, width: theme.markerLineWidth))))
                    x += 2 * r + 14
                default:
                    let c = Point(x + r + 4, mid), d = r * 0.6
                    var cross = Path.segment(c + Point(-d, -d), c + Point(d, d))
                    cross.append(.segment(c + Point(-d, d), c + Point(d, -d)))
                    marks.append(.path(ScenePath(id: "legend/removed/marker", path: .circle(center: c, radius: r), stroke: StrokeStyle(color: theme.greyedInk, width: theme.markerLineWidth))))
                    marks.append(.path(ScenePath(id: "legend/removed/mark", path: cross, stroke: StrokeStyle(color: theme.greyedInk, width: 1.4))))
                    x += 2 * r + 14
                }
                let text = "\(word) (\(n))"
                let s = measurer.measure(text, font: font)
                marks.append(.text(SceneText(id: "legend/\(key)", text: text, font: font, color: theme.ink, frame: Rect(origin: Point(x, mid - s.height / 2), size: s))))
                children.append(.group(SceneGroup(id: "legend/\(key)/item", children: marks)))
                x += s.width + 28
            }
            y += h + 4
        }
        out.scene.size.height = y + theme.margin
        out.scene.nodes.append(.group(SceneGroup(id: "legend", children: children)))
        return out
    }
}
