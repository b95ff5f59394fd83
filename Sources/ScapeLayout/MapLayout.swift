import ScapeGeometry
import ScapeModel
import ScapeScene

/// The parts of every map figure: axes with arrowheads and end labels, quadrant titles, and
/// the tools as hollow circles whose labels are placed clear of every other label and marker.
struct MapLayout {
    let landscape: Landscape
    let theme: Theme
    let measurer: any TextMeasurer
    let frame: MapFrame

    init(landscape: Landscape, axes: Axes? = nil, window: DataWindow = .full, canvas: Size? = nil, margin: Double? = nil,
         theme: Theme, measurer: any TextMeasurer) {
        self.landscape = landscape
        self.theme = theme
        self.measurer = measurer
        let size = canvas ?? Size(theme.mapWidth, theme.mapHeight)
        frame = MapFrame(axes: axes ?? landscape.axes, window: window, canvas: size, margin: margin, theme: theme, measurer: measurer)
    }

    /// The axis lines inside the window, arrowheads at the outer ends, and the end labels.
    func axes(ink: Color? = nil) -> [SceneNode] {
        let color = ink ?? theme.ink
        let stroke = StrokeStyle(color: ink ?? theme.axisColor ?? color, width: theme.axisStroke)
        let w = frame.window, head = theme.arrowheadLength
        let l = frame.point(x: w.minX, y: 0), r = frame.point(x: w.maxX, y: 0)
        let b = frame.point(x: 0, y: w.minY), t = frame.point(x: 0, y: w.maxY)
        var x = Path.segment(l, r)
        if w.minX < 0 { x.append(ArrowGeometry.head(tip: l, from: r, length: head)) }
        if w.maxX > 0 { x.append(ArrowGeometry.head(tip: r, from: l, length: head)) }
        var y = Path.segment(b, t)
        if w.maxY > 0 { y.append(ArrowGeometry.head(tip: t, from: b, length: head)) }
        if w.minY < 0 { y.append(ArrowGeometry.head(tip: b, from: t, length: head)) }
        var children: [SceneNode] = [
            .path(ScenePath(id: "axis/x", path: x, stroke: stroke)),
            .path(ScenePath(id: "axis/y", path: y, stroke: stroke)),
        ]
        let font = theme.axisLabelFont
        for end in AxisEnd.allCases {
            guard let (text, rect) = frame.endLabels[end] else { continue }
            let alignment = MapFrame.alignment(of: end, theme: theme)
            let name = ["negativeX": "x/negative", "positiveX": "x/positive", "negativeY": "y/negative", "positiveY": "y/positive"][end.rawValue]!
            let labelColor = ink ?? ([.negativeX, .positiveX].contains(end) ? theme.xAxisLabelColor : theme.yAxisLabelColor) ?? color
            children.append(.text(SceneText(id: "axis/\(name)", text: text, font: font, color: labelColor, frame: rect, alignment: alignment)))
        }
        return [.group(SceneGroup(id: "axes", children: children))]
    }

    /// The axis lines with their heads: no name may cover them, but a leader may cross them
    /// (to reach the free quadrant beside a crowded one).
    func axisLines() -> [Rect] {
        let pad = theme.arrowheadLength * 0.45
        let plot = frame.plotRect
        return [
            Rect(x: plot.minX, y: frame.origin.y - pad, width: plot.width, height: 2 * pad),
            Rect(x: frame.origin.x - pad, y: plot.minY, width: 2 * pad, height: plot.height),
        ]
    }

    /// The quadrant titles' boxes, centred in their quadrants.
    func quadrantTitleFrames(font: FontSpec) -> [(Quadrant, String, Rect)] {
        landscape.quadrants.sorted { $0.id < $1.id }.map { q in
            let text = TitleWrap.balanced(q.title)
            let size = measurer.measure(text, font: font)
            return (q, text, Rect(center: frame.quadrantRect(x: q.x, y: q.y).center, size: size))
        }
    }

    /// The quadrant titles: faint behind the tools, or in ink alone.
    func quadrantTitles(color: Color, font: FontSpec) -> [SceneNode] {
        let children: [SceneNode] = quadrantTitleFrames(font: font).map { q, text, rect in
            .text(SceneText(id: "quadrant/\(q.id)", text: text, font: font, color: QuadrantBackdrop.titleColor(q, theme: theme, fallback: color), frame: rect, alignment: .center))
        }
        return children.isEmpty ? [] : [.group(SceneGroup(id: "quadrant-titles", children: children))]
    }

    /// The tools: markers and placed labels (next to the marker, or with a leader line).
    /// Greyed tools are drawn light and place their labels after the highlighted ones.
    /// `obstacles` are extra boxes no label may cover (a diff's trails and marks).
    func tools(_ tools: [Tool], greyed: Set<String> = [], soft extraSoft: [SoftObstacle] = [], obstacles extraHard: [Rect] = [], titleFont: FontSpec? = nil) -> ToolLayer {
        let nameFont = theme.toolFont, subFont = theme.subtitleFont
        let names = tools.map { ToolLabelText(tool: $0) }
        let legend = calloutLegend
        let numberSize = legend.numberSize(count: tools.count)
        let onMarkerSize = measurer.measure(String(repeating: "8", count: String(max(1, tools.count)).count), font: onMarkerNumberFont)
        let requests = tools.indices.map { i -> LabelRequest in
            let sub = tools[i].subtitle.map { measurer.measure($0, font: subFont) }
            let variants = names[i].variants.map { name -> Size in
                let n = measurer.measure(name, font: nameFont)
                return Size(max(n.width, sub?.width ?? 0), n.height + (sub?.height ?? 0))
            }
            // Past 2,000 tools unstyled markers are small dots: labels and leaders go to the dot.
            let radius = tools.count > 2000 && tools[i].style == nil ? dotRadius(count: tools.count)
                : (tools[i].style?.radius ?? theme.markerRadius) + (tools[i].style?.strokeWidth ?? theme.markerStroke) / 2
            var request = LabelRequest(anchor: frame.point(x: tools[i].x, y: tools[i].y), anchorRadius: radius,
                                       variants: variants, priority: greyed.contains(tools[i].id) ? 0 : 1, calloutSize: numberSize)
            request.onMarkerCalloutSize = onMarkerSize
            return request
        }
        let bounds = Rect(origin: .zero, size: frame.canvas).insetBy(theme.margin / 2)
        let titles = quadrantTitleFrames(font: titleFont ?? theme.quadrantTitleFont).map { SoftObstacle(rect: $0.2, weight: 1.2) }
        var placer = LabelPlacer(gap: theme.labelGap, calloutLimit: legend.capacity)
        placer.leaderClearance = 1 + theme.strokeWobble
        // Axis labels keep the labels' own spacing, so no name runs into one ("SQLiteHigh").
        let placements = placer.place(requests, obstacles: frame.endLabels.values.map { $0.frame.outsetBy(LabelPlacer.labelSpacing) } + extraHard, crossable: axisLines(), soft: titles + extraSoft, bounds: bounds)
        var layer = ToolLayer(placements: placements, anchors: requests.map(\.anchor), legend: legend)
        // Callout numbers follow the legend, which is sorted by name.
        let numbered = tools.indices.filter { placements[$0].outcome == .callout }
            .sorted { (tools[$0].name.lowercased(), tools[$0].id) < (tools[$1].name.lowercased(), tools[$1].id) }
        var numbers: [Int: Int] = [:]
        for (k, i) in numbered.enumerated() {
            numbers[i] = k + 1
            layer.callouts.append(CalloutLegend.Entry(number: k + 1, name: tools[i].name, owner: "tool/\(tools[i].id)"))
        }
        for (i, tool) in tools.enumerated() {
            let p = placements[i]
            let isGrey = greyed.contains(tool.id)
            let ink = isGrey ? theme.greyedInk : theme.ink
            // Thousands of markers are dots in a cloud: hatching them would cost much and show nothing.
            var pattern = tools.count > 2000 ? nil : theme.markerPattern
            if isGrey { pattern?.color = theme.greyedInk.withAlpha(0.7) }
            // A tool's own style (from a Mermaid chart) wins over the theme, unless greyed.
            let style = isGrey ? nil : tool.style
            let fill = style?.color.flatMap(Color.init(hex:))
            if fill != nil { pattern = nil }
            let markerInk = style?.strokeColor.flatMap(Color.init(hex:)) ?? ink
            var marker = ScenePath(id: "tool/\(tool.id)/marker", path: .circle(center: requests[i].anchor, radius: style?.radius ?? theme.markerRadius),
                                   fill: fill, pattern: pattern, stroke: StrokeStyle(color: markerInk, width: style?.strokeWidth ?? theme.markerStroke))
            if tools.count > 2000 && style == nil {
                // A cloud of thousands: each tool a small solid dot, cheap to draw in every style.
                // The dot shrinks with density, so the cloud still shows where tools gather.
                marker.path = .circle(center: requests[i].anchor, radius: dotRadius(count: tools.count))
                marker.fill = ink
                marker.stroke = nil
            }
            var children: [SceneNode] = [.path(marker)]
            switch p.outcome {
            case .omitted:
                layer.omitted.append(tool.name)
            case .callout:
                let number = "\(numbers[i]!)"
                // Aligned towards the marker inside the reserved box, so the drawn number is no
                // nearer any other marker than the box the placer judged.
                let onMarker = p.rect.contains(requests[i].anchor)
                let numberFont = onMarker ? onMarkerNumberFont : legend.font
                let size = measurer.measure(number, font: numberFont)
                var box = Rect(x: p.rect.minX + (p.rect.width - size.width) * p.side.textAlignment.fraction, y: p.rect.midY - size.height / 2,
                               width: size.width, height: size.height)
                if p.hasLeader {
                    // The leader the placer cleared runs to the reserved box; the number sits
                    // in that box where the leader ends, so the drawn line is the one checked.
                    let end = p.rect.nearestPoint(to: requests[i].anchor)
                    box.origin.x = min(max(end.x - size.width / 2, p.rect.minX), p.rect.maxX - size.width)
                    children.append(leader(from: requests[i], to: p.rect, id: "tool/\(tool.id)/leader", ink: ink))
                }
                if onMarker {
                    // The number on its marker: a disc of the background under it keeps it legible.
                    let r = max(box.width, box.height) / 2 + 1
                    children.append(.path(ScenePath(id: "tool/\(tool.id)/callout-disc", path: .circle(center: requests[i].anchor, radius: r),
                                                    fill: theme.background ?? .white, stroke: StrokeStyle(color: ink, width: theme.markerStroke * 0.6))))
                }
                children.append(.text(SceneText(id: "tool/\(tool.id)/callout", text: number, font: numberFont, color: ink,
                                                frame: box, alignment: .center)))
            case .leader:
                layer.leaders += 1
                children.append(leader(from: requests[i], to: p.rect, id: "tool/\(tool.id)/leader", ink: ink))
                fallthrough
            case .adjacent:
                children += labelTexts(tool, name: names[i].variants[p.variant], placement: p, ink: ink, nameFont: nameFont, subFont: subFont)
            }
            let title = ([tool.subtitle.map { "\(tool.name) (\($0))" } ?? tool.name] + tool.categories.compactMap { landscape.category(id: $0)?.name })
                .joined(separator: " · ")
            layer.nodes.append(.group(SceneGroup(id: "tool/\(tool.id)", title: title, link: tool.url, children: children)))
        }
        layer.nodes = [.group(SceneGroup(id: "tools", children: layer.nodes))]
        return layer
    }

    /// The line from a marker's edge to the nearest point of its name's (or number's) box.
    func leader(from request: LabelRequest, to rect: Rect, id: String, ink: Color) -> SceneNode {
        let a = request.anchor
        let end = rect.nearestPoint(to: a)
        let start = a + (end - a).normalized * (request.anchorRadius + LabelPlacer.leaderGap)
        return .path(ScenePath(id: id, path: .segment(start, end), stroke: StrokeStyle(color: ink, width: theme.markerStroke * 0.6)))
    }

    /// The dot of a tool among thousands: it shrinks with density, so the cloud still shows
    /// where tools gather.
    func dotRadius(count: Int) -> Double {
        let share = (frame.canvas.width * frame.canvas.height / Double(max(1, count))).squareRoot()
        return min(theme.markerRadius * 0.5, max(0.6, share * 0.25))
    }

    /// The legend for callout numbers: the tool font a little smaller, as tall as the plot.
    var calloutLegend: CalloutLegend {
        CalloutLegend(font: FontSpec(family: theme.fontFamily, size: theme.toolFontSize * 0.85), measurer: measurer,
                      height: frame.canvas.height - 2 * theme.margin)
    }

    /// A number drawn on its own marker: smaller than the legend's, as the numbers inside
    /// radar blips are, so a tight cluster's markers can each carry one.
    var onMarkerNumberFont: FontSpec {
        FontSpec(family: theme.fontFamily, size: theme.toolFontSize * 0.85 * 0.72)
    }

    /// The name (and subtitle below it) inside the placed box, aligned towards the marker.
    private func labelTexts(_ tool: Tool, name: String, placement p: LabelPlacement, ink: Color, nameFont: FontSpec, subFont: FontSpec) -> [SceneNode] {
        let box = p.rect
        let (fraction, centered) = p.side.textAlignment
        let alignment: TextAlignment = centered ? .center : (fraction == 0 ? .left : .right)
        func lineFrame(_ size: Size, top: Double) -> Rect {
            Rect(x: box.minX + (box.width - size.width) * fraction, y: top, width: size.width, height: size.height)
        }
        let nameSize = measurer.measure(name, font: nameFont)
        var out: [SceneNode] = [
            .text(SceneText(id: "tool/\(tool.id)/name", text: name, font: nameFont, color: ink,
                            frame: lineFrame(nameSize, top: box.minY), alignment: alignment)),
        ]
        if let subtitle = tool.subtitle {
            let s = measurer.measure(subtitle, font: subFont)
            out.append(.text(SceneText(id: "tool/\(tool.id)/subtitle", text: subtitle, font: subFont, color: ink,
                                       frame: lineFrame(s, top: box.minY + nameSize.height), alignment: alignment)))
        }
        return out
    }
}

/// The laid-out tools: their scene nodes and how their labels fared.
struct ToolLayer {
    var nodes: [SceneNode] = []
    var placements: [LabelPlacement]
    var anchors: [Point]
    var leaders = 0
    var omitted: [String] = []
    var legend: CalloutLegend
    /// Tools drawn with a number at the marker and their name in the legend, in legend order.
    var callouts: [CalloutLegend.Entry] = []
}

/// A tool's label text: on one line, or (for long names of several words) wrapped onto two.
struct ToolLabelText {
    var variants: [String]

    init(tool: Tool) {
        variants = [tool.name]
        if tool.name.count >= 10, tool.name.contains(" ") {
            let wrapped = TitleWrap.balanced(tool.name, minimumLength: 0)
            if wrapped != tool.name { variants.append(wrapped) }
        }
    }
}

/// Splits a title into two balanced lines when it has no line break of its own.
enum TitleWrap {
    static func balanced(_ title: String, minimumLength: Int = 13) -> String {
        if title.contains("\n") { return title }
        let words = title.split(separator: " ")
        guard words.count > 1, title.count >= minimumLength else { return title }
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
