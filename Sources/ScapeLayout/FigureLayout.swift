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
}

/// Figure spec -> Scene. Pure Swift: text sizes come from the injected `TextMeasurer`.
public struct FigureLayout {
    public var theme: Theme
    public var measurer: any TextMeasurer

    public init(theme: Theme, measurer: any TextMeasurer) {
        self.theme = theme
        self.measurer = measurer
    }

    public func layout(_ figure: Figure, of landscape: Landscape) -> LaidOutFigure {
        let map = MapLayout(landscape: landscape, theme: theme, measurer: measurer)
        var nodes: [SceneNode] = []
        var warnings: [String] = []
        var omitted: [String] = []
        var leaders = 0
        switch figure.kind {
        case .quadrants:
            nodes += map.quadrantTitles(color: theme.ink, font: theme.quadsTitleFont)
            nodes += map.axes()
        case .map:
            nodes += map.quadrantTitles(color: theme.quadrantTitleColor, font: theme.quadrantTitleFont)
            nodes += map.axes()
            let tools = map.tools(landscape.tools)
            nodes += tools.nodes
            omitted = tools.omitted
            leaders = tools.leaders
            if !omitted.isEmpty {
                let shown = omitted.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
                warnings.append("\(omitted.count) label\(omitted.count == 1 ? " was" : "s were") left out for lack of room: \(shown)\(omitted.count > 5 ? ", ..." : "")")
            }
        }
        let scene = Scene(size: map.frame.canvas, background: theme.background, nodes: nodes)
        return LaidOutFigure(figure: figure, scene: scene, warnings: warnings, omittedLabels: omitted, leaderCount: leaders)
    }
}
