import ScapeModel
import ScapeRender
import ScapeScene

/// One figure as a live page shows it: inline SVG with its real-text layer, and the catalogue
/// its cards read. The laid-out scene is kept so that the next render can tell, before the
/// costly pen and outlines, whether anything changed.
public struct PreviewFigure: Sendable {
    public var id: String
    public var svg: String
    public var catalogue: FigureCatalogue
    public var warnings: [String]
    /// The scene before the pen, and the settings it was drawn with: equal inputs, equal output.
    var layoutScene: Scene
    var style: FigureStyle

    init(id: String, svg: String, catalogue: FigureCatalogue, warnings: [String], layoutScene: Scene, style: FigureStyle) {
        self.id = id
        self.svg = svg
        self.catalogue = catalogue
        self.warnings = warnings
        self.layoutScene = layoutScene
        self.style = style
    }
}

extension FigureRenderer {
    /// Renders a figure for a live page. When `previous` was laid out to the same scene with
    /// the same catalogue, it is returned as it is (the pen and the outlines are skipped):
    /// the output depends only on those.
    public func preview(_ figure: Figure, of landscape: Landscape, settings: RenderSettings, previous: PreviewFigure? = nil) -> PreviewFigure {
        let laid = layout(figure, of: landscape, settings: settings)
        let catalogue = FigureCatalogue(landscape: landscape, figure: figure)
        let style = settings.effectiveStyle(for: landscape)
        if let previous, previous.id == figure.id, previous.style == style, previous.layoutScene == laid.scene, previous.catalogue == catalogue {
            return previous
        }
        let penned = settings.pen(for: landscape).apply(to: laid.scene)
        let options = RenderOptions(scale: settings.scale, creationDate: settings.creationDate, title: figure.title ?? figure.id, catalogue: catalogue)
        let svg = HTMLWriter.inlineSVG(penned, options: options, text: text)
        return PreviewFigure(id: figure.id, svg: svg, catalogue: catalogue, warnings: laid.warnings, layoutScene: laid.scene, style: style)
    }
}
