import ScapeModel
import Yams

/// Mermaid's chart configuration, from front matter `config:` or an `%%{init: {...}}%%`
/// directive. Keys with a counterpart in an mlscape figure are honoured (text sizes, point
/// radius and colour, quadrant tints and title colours, axis and frame colours, where the axis
/// labels go, the chart's proportions, dark theme, font); every other key gets one located
/// warning naming it, so nothing is dropped silently.
struct MermaidConfig {
    /// The look to lay over the style's theme.
    var theme = ThemeOverrides()
    /// The style every point starts from (classes and inline styles override it).
    var pointStyle = ToolStyle()
    var diagnostics: [Diagnostic] = []
    private var axisSizes: [(String, Double, SourceLocation)] = []
    private var chartSize: [String: (Double, SourceLocation)] = [:]
    /// Where `xAxisPosition` was given: Mermaid draws the x axis at the bottom of a chart with
    /// points whatever it says, so the parser may have to move it (see `placeXAxis`).
    private var xAxisPositionAt: SourceLocation?

    /// Why a key cannot apply, by key; keys not listed and not honoured are "not used".
    private static let reasons: [String: String] = [
        "titleFontSize": "the figure title uses the axis label size",
    ]

    /// Mermaid's quadrant-N, as the corner mlscape's theme keys its colours by.
    private static let corners: [QuadrantCorner] = [.topRight, .topLeft, .bottomLeft, .bottomRight]

    /// Reads a `config` mapping; `locate` places a node in the file.
    mutating func read(config node: Node, locate: (Node) -> SourceLocation) {
        guard let map = node.mapping else { return warn("the configuration is not a mapping; ignored", at: locate(node)) }
        for (k, v) in map {
            guard let key = k.string else { continue }
            switch key {
            case "quadrantChart": readChart(v, locate: locate)
            case "themeVariables": readThemeVariables(v, locate: locate)
            case "theme":
                switch v.string {
                case "dark": theme.variant = .dark
                case "default", "base", "neutral", "forest": theme.variant = .light
                default: warn("theme '\(v.string ?? "")' is not one of Mermaid's (default, base, dark, forest, neutral); ignored", at: locate(v))
                }
            case "fontFamily":
                if let font = v.string { theme.font = font }
            default:
                warn("configuration '\(key)' is not used by mlscape; ignored", at: locate(k))
            }
        }
        finish()
    }

    private mutating func readChart(_ node: Node, locate: (Node) -> SourceLocation) {
        guard let map = node.mapping else { return warn("'quadrantChart' is not a mapping; ignored", at: locate(node)) }
        for (k, v) in map {
            guard let key = k.string else { continue }
            let sizes: [String: WritableKeyPath<ThemeOverrides, Double?>] = [
                "pointRadius": \.markerRadius, "pointLabelFontSize": \.toolSize, "quadrantLabelFontSize": \.titleSize,
            ]
            var honoured = true
            if let path = sizes[key] {
                if let d = number(v, locate) { theme[keyPath: path] = d }
            } else if key == "xAxisLabelFontSize" || key == "yAxisLabelFontSize" {
                if let d = number(v, locate) { axisSizes.append((key, d, locate(k))) }
            } else if key == "chartWidth" || key == "chartHeight" {
                if let d = number(v, locate) { chartSize[key] = (d, locate(k)) }
            } else if key == "xAxisPosition" || key == "yAxisPosition" {
                let allowed: [ThemeOverrides.AxisLabelSpot] = key == "xAxisPosition" ? [.top, .bottom] : [.left, .right]
                if let spot = v.string.flatMap(ThemeOverrides.AxisLabelSpot.init(rawValue:)), allowed.contains(spot) {
                    if key == "xAxisPosition" { theme.xLabels = spot; xAxisPositionAt = locate(k) } else { theme.yLabels = spot }
                } else {
                    warn("\(key) '\(v.string ?? "")' is not \(allowed.map(\.rawValue).joined(separator: " or ")); ignored", at: locate(v))
                }
            } else {
                honoured = false
            }
            if !honoured { unused("quadrantChart.\(key)", reason: Self.reasons[key], at: locate(k)) }
        }
    }

    private mutating func readThemeVariables(_ node: Node, locate: (Node) -> SourceLocation) {
        guard let map = node.mapping else { return warn("'themeVariables' is not a mapping; ignored", at: locate(node)) }
        for (k, v) in map {
            guard let key = k.string else { continue }
            var honoured = true
            if key == "quadrantPointFill" {
                if let hex = colour(v, locate) { pointStyle.color = hex }
            } else if let n = (1...4).first(where: { key == "quadrant\($0)TextFill" }) {
                if let hex = colour(v, locate) { theme.quadrantTitleColors[Self.corners[n - 1].rawValue] = hex }
            } else if let n = (1...4).first(where: { key == "quadrant\($0)Fill" }) {
                if let hex = colour(v, locate) { theme.quadrantFills[Self.corners[n - 1].rawValue] = hex }
            } else if key == "quadrantInternalBorderStrokeFill" {
                if let hex = colour(v, locate) { theme.axisColor = hex }
            } else if key == "quadrantExternalBorderStrokeFill" {
                if let hex = colour(v, locate) { theme.frameColor = hex }
            } else if key == "quadrantXAxisTextFill" {
                if let hex = colour(v, locate) { theme.xLabelColor = hex }
            } else if key == "quadrantYAxisTextFill" {
                if let hex = colour(v, locate) { theme.yLabelColor = hex }
            } else {
                honoured = false
            }
            if !honoured { unused("themeVariables.\(key)", reason: Self.reasons[key], at: locate(k)) }
        }
    }

    /// One axis label size in mlscape: the first one given wins. The chart's size gives the
    /// figure's proportions (Mermaid's default side is 500).
    private mutating func finish() {
        if let at = (chartSize["chartWidth"] ?? chartSize["chartHeight"])?.1 {
            let ratio = (chartSize["chartWidth"]?.0 ?? 500) / (chartSize["chartHeight"]?.0 ?? 500)
            theme.aspect = min(3, max(1.0 / 3, ratio))
            if theme.aspect != ratio {
                warn("the chart's width over height is \((ratio * 100).rounded() / 100); mlscape draws maps from 1:3 to 3:1, so it is drawn at \((theme.aspect! * 100).rounded() / 100)", at: at)
            }
        }
        if let first = axisSizes.first {
            theme.axisSize = first.1
            for other in axisSizes.dropFirst() where other.1 != first.1 {
                warn("\(other.0) differs from \(first.0); mlscape uses one size for both axes, \(first.1)", at: other.2)
            }
        }
    }

    /// Mermaid draws the x axis at the bottom of any chart with points, whatever
    /// `xAxisPosition` says: so does mlscape, with a warning where the key asks for the top.
    mutating func placeXAxis(chartHasPoints: Bool) {
        guard chartHasPoints, theme.xLabels == .top, let at = xAxisPositionAt else { return }
        theme.xLabels = .bottom
        warn("xAxisPosition 'top' applies to charts without points; Mermaid and mlscape draw this chart's x axis labels at the bottom", at: at)
    }

    private mutating func number(_ v: Node, _ locate: (Node) -> SourceLocation) -> Double? {
        guard let s = v.string, let d = PlainNumber.parse(s), d > 0, d <= 1000 else {
            warn("'\(v.string ?? "")' is not a size in pixels; ignored", at: locate(v))
            return nil
        }
        return d
    }

    /// The sixteen colours of HTML 4 (and orange), which theme variables often name.
    static let namedColours = ["black": "#000000", "silver": "#c0c0c0", "gray": "#808080", "grey": "#808080", "white": "#ffffff",
                               "maroon": "#800000", "red": "#ff0000", "purple": "#800080", "fuchsia": "#ff00ff", "green": "#008000",
                               "lime": "#00ff00", "olive": "#808000", "yellow": "#ffff00", "navy": "#000080", "blue": "#0000ff",
                               "teal": "#008080", "aqua": "#00ffff", "orange": "#ffa500"]

    private mutating func colour(_ v: Node, _ locate: (Node) -> SourceLocation) -> String? {
        guard let hex = v.string.flatMap({ MermaidStyleList.hexColor($0) ?? Self.namedColours[$0.lowercased()] }) else {
            warn("'\(v.string ?? "")' is not a hex colour like #ff3300 or a basic colour name; ignored", at: locate(v))
            return nil
        }
        return hex.count == 4 ? "#" + hex.dropFirst().map { "\($0)\($0)" }.joined() : hex
    }

    private mutating func unused(_ key: String, reason: String?, at location: SourceLocation) {
        warn("Mermaid's \(key) is not used by mlscape\(reason.map { ": \($0)" } ?? ""); ignored", at: location)
    }

    private mutating func warn(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }
}
