import ScapeGeometry
import ScapeModel
import ScapeScene

/// A laid-out figure: its scene and what the layout had to compromise on.
public struct LaidOutFigure: Sendable {
    public var figure: Figure
    public var scene: Scene
    /// Problems a reader would notice (a label left out), for the user.
    public var warnings: [String]
    /// Tools whose label found no room and was left out.
    public var omittedLabels: [String] = []
    /// Labels drawn away from their marker, joined by a leader line.
    public var leaderCount = 0
    /// The category regions drawn, for checking what they enclose.
    public var regions: [RegionOutline] = []
}

/// Figure spec -> Scene. Pure Swift: text sizes come from the injected `TextMeasurer`.
public struct FigureLayout {
    public var theme: Theme
    public var measurer: any TextMeasurer
    /// Both styles' themes: maps are then laid out once for both (`StyleTwins`). Without
    /// them a map is laid out in `theme` alone.
    public var twins: StyleTwins?
    /// Threads the layout may use (the cores a render leaves idle): a banded map's borders are
    /// then fitted while its tools are placed. The layout does not depend on it.
    public var threads: Int

    public init(theme: Theme, measurer: any TextMeasurer, twins: StyleTwins? = nil, threads: Int = 1) {
        self.theme = theme
        self.measurer = measurer
        self.twins = twins
        self.threads = threads
    }

    public func layout(_ figure: Figure, of landscape: Landscape) -> LaidOutFigure {
        switch figure.kind {
        case .map, .zoom, .radarLandscape:
            // Read in a narrower column than the one it was drawn for: larger type.
            let width = PublishWidth(pixels: figure.fit ?? PublishWidth.defaultPixels)
            // A cloud of thousands of dots stacks nothing and draws no inset: it is laid out in
            // its own style, as measuring every name in both looks would cost it half again.
            guard let twins, landscape.tools.count <= ToolStacks.limit else {
                return MapFigureLayout(landscape: landscape, theme: width.fitted(theme), measurer: measurer, threads: threads).layout(figure)
            }
            let fitted = width.fitted(twins.layoutTheme)
            let plot = max(fitted.mapWidth, MapFigureLayout.plotWidth(of: figure.kind, theme: fitted))
            let looks = twins.looks(floor: width.smallestType(plotWidth: plot))
            var laid = MapFigureLayout(landscape: landscape, theme: fitted, measurer: BothLooksMeasurer(base: measurer, looks: [looks.sketch, looks.clean]), threads: threads)
                .layout(figure)
            laid.scene = SceneRetypesetter(look: twins.drawsClean ? looks.clean : looks.sketch, measurer: measurer).retype(laid.scene)
            return laid
        case .quadrants:
            let map = MapLayout(landscape: landscape, theme: theme, measurer: measurer)
            let nodes = QuadrantBackdrop(frame: map.frame, theme: theme).nodes + map.quadrantTitles(color: theme.ink, font: theme.quadsTitleFont) + map.axes()
            return LaidOutFigure(figure: figure, scene: Scene(size: map.frame.canvas, background: theme.background, nodes: nodes), warnings: [])
        case .setup:
            return SetupFigureLayout(landscape: landscape, theme: theme, measurer: measurer).layout(figure)
        case .banner:
            return BannerFigureLayout(theme: theme, measurer: measurer).layout(figure)
        case .lifecycle:
            return LifecycleLayout(theme: theme, measurer: measurer).layout(figure)
        case .radar:
            var laid = RadarLayout(landscape: landscape, theme: theme, measurer: measurer, threads: threads).layout(figure)
            if let title = figure.title, !title.isEmpty {
                laid.scene = FigureTitleBand(theme: theme, measurer: measurer).adding(title, to: laid.scene)
            }
            guard let changes = figure.changes else { return laid }
            return EditionLegend(theme: theme, measurer: measurer).appended(to: laid, changes: changes, counts: nil)
        }
    }
}
