import ScapeGeometry
import ScapeScene

/// A figure's title drawn in a band of its own above a finished scene, so it covers nothing:
/// for radars, whose title (a Zalando radar's `title`, a figure's `title:`) was otherwise only
/// in the SVG's `<title>`. The same font and place as a map's title.
struct FigureTitleBand {
    var theme: Theme
    var measurer: any TextMeasurer

    func adding(_ title: String, to scene: Scene) -> Scene {
        let font = theme.axisLabelFont
        let size = measurer.measure(title, font: font)
        let band = size.height + theme.margin
        var nodes = scene.nodes.map { $0.offset(by: Point(0, band)) }
        nodes.append(.text(SceneText(id: "title", text: title, font: font, color: theme.ink,
                                     frame: Rect(origin: Point(theme.margin, theme.margin), size: size))))
        var out = scene
        out.nodes = nodes
        out.size.height += band
        return out
    }
}
