import ScapeGeometry
import ScapeModel
import ScapeScene

/// The series banner: rounded boxes, each a question over a small glyph, joined by arrows.
/// `step` 0 draws every box in ink; step N draws box N in ink and the others greyed.
struct BannerFigureLayout {
    let theme: Theme
    let measurer: any TextMeasurer

    func layout(_ figure: Figure) -> LaidOutFigure {
        let count = max(1, figure.boxes.count)
        let boxSize = Size(200, 262)
        let arrowGap = 86.0
        let m = theme.margin
        let canvas = Size(2 * m + Double(count) * boxSize.width + Double(count - 1) * arrowGap, 2 * m + boxSize.height)
        let font = FontSpec(family: theme.fontFamily, size: theme.axisLabelFontSize * 1.15)
        let pictograms = Pictograms(theme: theme)
        let grey = theme.greyedInk.withAlpha(0.75)
        var nodes: [SceneNode] = []
        for (k, box) in figure.boxes.enumerated() {
            let ink = figure.step == 0 || figure.step == k + 1 ? theme.ink : grey
            let r = Rect(x: m + Double(k) * (boxSize.width + arrowGap), y: m, width: boxSize.width, height: boxSize.height)
            let text = TitleWrap.balanced(box.text, minimumLength: 0)
            let size = measurer.measure(text, font: font)
            var children: [SceneNode] = [
                .path(ScenePath(id: "box/\(k + 1)/frame", path: .roundedRect(r, radius: 38), stroke: StrokeStyle(color: ink, width: theme.axisStroke * 0.8))),
                .text(SceneText(id: "box/\(k + 1)/text", text: text, font: font, color: ink,
                                frame: Rect(x: r.midX - size.width / 2, y: r.minY + 36, width: size.width, height: size.height), alignment: .center)),
            ]
            let glyphBox = Rect(x: r.minX + 25, y: r.minY + 36 + size.height + 14, width: r.width - 50, height: r.maxY - 24 - (r.minY + 36 + size.height + 14))
            switch box.glyph {
            case .loops: children.append(pictograms.loops(in: glyphBox, id: "box/\(k + 1)/glyph", bold: .none, ink: ink))
            case .axes: children.append(pictograms.axesCross(in: glyphBox, id: "box/\(k + 1)/glyph", ink: ink))
            case .radar: children.append(pictograms.quarterRadar(in: glyphBox, id: "box/\(k + 1)/glyph", ink: ink))
            case nil: break
            }
            nodes.append(.group(SceneGroup(id: "box/\(k + 1)", title: box.text, children: children)))
            if k + 1 < figure.boxes.count {
                let from = Point(r.maxX, r.midY), to = Point(r.maxX + arrowGap, r.midY)
                let arrowInk = figure.step == 0 ? theme.ink : grey
                var p = Path.segment(from, to)
                p.append(ArrowGeometry.head(tip: to, from: from, length: theme.arrowheadLength))
                nodes.append(.path(ScenePath(id: "link/\(k + 1)", path: p, stroke: StrokeStyle(color: arrowInk, width: theme.axisStroke * 0.8))))
            }
        }
        return LaidOutFigure(figure: figure, scene: Scene(size: canvas, background: theme.background, nodes: nodes), warnings: [])
    }
}
