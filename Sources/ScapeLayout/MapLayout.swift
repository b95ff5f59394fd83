import ScapeGeometry
import ScapeModel
import ScapeScene

/// Lays out the map figures: the axes with arrowheads and end labels, the quadrant titles,
/// and each tool as a hollow circle with its label placed clear of every other label and marker.
struct MapLayout {
    let landscape: Landscape
    let theme: Theme
    let measurer: any TextMeasurer
    let frame: MapFrame

    init(landscape: Landscape, theme: Theme, measurer: any TextMeasurer) {
        self.landscape = landscape
        self.theme = theme
        self.measurer = measurer
        self.frame = MapFrame(axes: landscape.axes, theme: theme, measurer: measurer)
    }

    /// The axes with both arrowheads, and the four end labels.
    func axes() -> [SceneNode] {
        let stroke = StrokeStyle(color: theme.ink, width: theme.axisStroke)
        let l = frame.point(x: -1, y: 0), r = frame.point(x: 1, y: 0)
        let t = frame.point(x: 0, y: 1), b = frame.point(x: 0, y: -1)
        let head = theme.arrowheadLength
        var x = Path.segment(l, r)
        x.append(ArrowGeometry.head(tip: l, from: r, length: head))
        x.append(ArrowGeometry.head(tip: r, from: l, length: head))
        var y = Path.segment(b, t)
        y.append(ArrowGeometry.head(tip: t, from: b, length: head))
        y.append(ArrowGeometry.head(tip: b, from: t, length: head))
        let axes = landscape.axes
        let font = theme.axisLabelFont
        return [
            .group(SceneGroup(id: "axes", children: [
                .path(ScenePath(id: "axis/x", path: x, stroke: stroke)),
                .path(ScenePath(id: "axis/y", path: y, stroke: stroke)),
                .text(SceneText(id: "axis/x/negative", text: axes.x.negative, font: font, color: theme.ink, frame: frame.labelNegativeX, alignment: .right)),
                .text(SceneText(id: "axis/x/positive", text: axes.x.positive, font: font, color: theme.ink, frame: frame.labelPositiveX)),
                .text(SceneText(id: "axis/y/positive", text: axes.y.positive, font: font, color: theme.ink, frame: frame.labelPositiveY, alignment: .center)),
                .text(SceneText(id: "axis/y/negative", text: axes.y.negative, font: font, color: theme.ink, frame: frame.labelNegativeY, alignment: .center)),
            ])),
        ]
    }

    /// Boxes that tool labels must keep clear of: the axis lines with their heads, the end labels.
    func axisObstacles() -> [Rect] {
        let pad = theme.arrowheadLength * 0.45
        let plot = frame.plotRect
        return [
            Rect(x: plot.minX, y: frame.origin.y - pad, width: plot.width, height: 2 * pad).insetBy(0),
            Rect(x: frame.origin.x - pad, y: plot.minY, width: 2 * pad, height: plot.height),
            frame.labelNegativeX, frame.labelPositiveX, frame.labelNegativeY, frame.labelPositiveY,
        ]
    }

    /// The quadrant titles, centred in their quadrants: faint behind the tools, or in ink alone.
    func quadrantTitles(color: Color, font: FontSpec) -> [SceneNode] {
        let children: [SceneNode] = landscape.quadrants.map { q in
            let text = TitleWrap.balanced(q.title)
            let size = measurer.measure(text, font: font)
            let center = frame.quadrantRect(x: q.x, y: q.y).center
            return .text(SceneText(id: "quadrant/\(q.id)", text: text, font: font, color: color,
                                   frame: Rect(center: center, size: size), alignment: .center))
        }
        return children.isEmpty ? [] : [.group(SceneGroup(id: "quadrant-titles", children: children))]
    }

    /// The tools: markers and placed labels. Returns the nodes and one warning per label that
    /// found no free spot.
    func tools(_ tools: [Tool]) -> (nodes: [SceneNode], warnings: [String], placements: [LabelPlacement]) {
        let nameFont = theme.toolFont, subFont = theme.subtitleFont
        let sizes = tools.map { tool -> (name: Size, sub: Size?) in
            (measurer.measure(tool.name, font: nameFont), tool.subtitle.map { measurer.measure($0, font: subFont) })
        }
        let requests = tools.indices.map { i -> LabelRequest in
            let s = sizes[i]
            let box = Size(max(s.name.width, s.sub?.width ?? 0), s.name.height + (s.sub?.height ?? 0))
            return LabelRequest(anchor: frame.point(x: tools[i].x, y: tools[i].y), anchorRadius: theme.markerRadius + theme.markerStroke / 2, size: box)
        }
        let bounds = Rect(origin: .zero, size: frame.canvas).insetBy(theme.margin / 2)
        let placements = LabelPlacer(gap: theme.labelGap).place(requests, obstacles: axisObstacles(), bounds: bounds)
        var nodes: [SceneNode] = []
        var warnings: [String] = []
        let stroke = StrokeStyle(color: theme.ink, width: theme.markerStroke)
        for (i, tool) in tools.enumerated() {
            let p = placements[i]
            if !p.isFree { warnings.append("the label of '\(tool.name)' found no free spot and overlaps another") }
            let box = p.rect
            let (h, centered) = p.side.alignment
            let alignment: TextAlignment = centered ? .center : (h == 0 ? .left : .right)
            func lineFrame(_ size: Size, top: Double) -> Rect {
                Rect(x: box.minX + (box.width - size.width) * (centered ? 0.5 : h), y: top, width: size.width, height: size.height)
            }
            var children: [SceneNode] = [
                .path(ScenePath(id: "tool/\(tool.id)/marker", path: .circle(center: requests[i].anchor, radius: theme.markerRadius),
                                pattern: theme.markerPattern, stroke: stroke)),
                .text(SceneText(id: "tool/\(tool.id)/name", text: tool.name, font: nameFont, color: theme.ink,
                                frame: lineFrame(sizes[i].name, top: box.minY), alignment: alignment)),
            ]
            if let subtitle = tool.subtitle, let s = sizes[i].sub {
                children.append(.text(SceneText(id: "tool/\(tool.id)/subtitle", text: subtitle, font: subFont, color: theme.ink,
                                                frame: lineFrame(s, top: box.minY + sizes[i].name.height), alignment: alignment)))
            }
            let title = ([tool.subtitle.map { "\(tool.name) (\($0))" } ?? tool.name] + tool.categories.compactMap { landscape.category(id: $0)?.name })
                .joined(separator: " · ")
            nodes.append(.group(SceneGroup(id: "tool/\(tool.id)", title: title, children: children)))
        }
        return ([.group(SceneGroup(id: "tools", children: nodes))], warnings, placements)
    }
}

/// Splits a title into two balanced lines when it has no line break of its own.
enum TitleWrap {
    static func balanced(_ title: String) -> String {
        if title.contains("\n") { return title }
        let words = title.split(separator: " ")
        guard words.count > 1, title.count > 12 else { return title }
        var best = title
        var bestDiff = Int.max
        for cut in 1..<words.count {
            let a = words[..<cut].joined(separator: " "), b = words[cut...].joined(separator: " ")
            let diff = abs(a.count - b.count)
            if diff < bestDiff { bestDiff = diff; best = a + "\n" + b }
        }
        return best
    }
}
