import ScapeGeometry
import ScapeModel
import ScapeScene

/// The figure that introduces the axes: long end labels (above the x axis near its ends),
/// a pictogram beyond each end of the x axis, two-loop glyphs in chosen quadrants with the
/// covered loop bold, and a note naming the axes beside the origin.
struct SetupFigureLayout {
    let landscape: Landscape
    let theme: Theme
    let measurer: any TextMeasurer

    func layout(_ figure: Figure) -> LaidOutFigure {
        let axes = figure.axisLabels ?? landscape.axes
        let canvas = Size(theme.mapWidth * 1.05, theme.mapHeight * 1.05)
        let m = theme.margin
        let font = theme.axisLabelFont
        let ink = theme.ink
        let pictogramSize = Size(canvas.width * 0.1, canvas.width * 0.1 * 0.62)
        let top = measurer.measure(axes.y.positive, font: font), bottom = measurer.measure(axes.y.negative, font: font)
        let gap = theme.arrowheadLength * 0.8
        let origin = Point(canvas.width / 2, (m + top.height + gap + canvas.height - m - bottom.height - gap) / 2)
        let halfX = canvas.width / 2 - m - pictogramSize.width - gap
        let halfY = origin.y - m - top.height - gap
        let left = Point(origin.x - halfX, origin.y), right = Point(origin.x + halfX, origin.y)
        let up = Point(origin.x, origin.y - halfY), down = Point(origin.x, origin.y + halfY)
        let head = theme.arrowheadLength
        var x = Path.segment(left, right)
        x.append(ArrowGeometry.head(tip: left, from: right, length: head))
        x.append(ArrowGeometry.head(tip: right, from: left, length: head))
        var y = Path.segment(down, up)
        y.append(ArrowGeometry.head(tip: up, from: down, length: head))
        y.append(ArrowGeometry.head(tip: down, from: up, length: head))
        let stroke = StrokeStyle(color: ink, width: theme.axisStroke)
        let negative = measurer.measure(axes.x.negative, font: font), positive = measurer.measure(axes.x.positive, font: font)
        var nodes: [SceneNode] = [.group(SceneGroup(id: "axes", children: [
            .path(ScenePath(id: "axis/x", path: x, stroke: stroke)),
            .path(ScenePath(id: "axis/y", path: y, stroke: stroke)),
            .text(SceneText(id: "axis/x/negative", text: axes.x.negative, font: font, color: ink,
                            frame: Rect(x: left.x + head * 0.4, y: origin.y - gap - negative.height, width: negative.width, height: negative.height))),
            .text(SceneText(id: "axis/x/positive", text: axes.x.positive, font: font, color: ink,
                            frame: Rect(x: right.x - head * 0.4 - positive.width, y: origin.y - gap - positive.height, width: positive.width, height: positive.height),
                            alignment: .right)),
            .text(SceneText(id: "axis/y/positive", text: axes.y.positive, font: font, color: ink,
                            frame: Rect(x: origin.x - top.width / 2, y: up.y - gap - top.height, width: top.width, height: top.height), alignment: .center)),
            .text(SceneText(id: "axis/y/negative", text: axes.y.negative, font: font, color: ink,
                            frame: Rect(x: origin.x - bottom.width / 2, y: down.y + gap, width: bottom.width, height: bottom.height), alignment: .center)),
        ]))]
        let pictograms = Pictograms(theme: theme)
        if let p = figure.pictograms.negative {
            nodes.append(pictograms.pictogram(p, in: Rect(x: m, y: origin.y - pictogramSize.height / 2, width: pictogramSize.width, height: pictogramSize.height), id: "pictogram/negative"))
        }
        if let p = figure.pictograms.positive {
            nodes.append(pictograms.pictogram(p, in: Rect(x: canvas.width - m - pictogramSize.width, y: origin.y - pictogramSize.height / 2,
                                                          width: pictogramSize.width, height: pictogramSize.height), id: "pictogram/positive"))
        }
        for glyph in figure.glyphs {
            guard let q = landscape.quadrant(id: glyph.quadrant) else { continue }
            let cx = origin.x + q.x.sign * halfX * 0.42, cy = origin.y - q.y.sign * halfY * 0.55
            let box = Rect(center: Point(cx, cy), size: Size(halfX * 0.5, halfY * 0.5))
            nodes.append(pictograms.loops(in: box, id: "glyph/\(q.id)", bold: glyph.bold, ink: ink))
        }
        if let note = figure.note {
            let noteFont = FontSpec(family: theme.fontFamily, size: theme.toolFontSize)
            let size = measurer.measure(note, font: noteFont)
            nodes.append(.text(SceneText(id: "note", text: note, font: noteFont, color: ink,
                                         frame: Rect(x: origin.x + gap, y: origin.y + gap * 0.6, width: size.width, height: size.height))))
        }
        return LaidOutFigure(figure: figure, scene: Scene(size: canvas, background: theme.background, nodes: nodes), warnings: [])
    }
}
