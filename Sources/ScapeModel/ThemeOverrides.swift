/// The look a data file asks for, on top of its style: light or dark, a font, colours and
/// sizes. Every field is optional; what is not set keeps the style's value.
public struct ThemeOverrides: Sendable, Equatable {
    public enum Variant: String, Sendable, Equatable, CaseIterable { case light, dark }

    public var variant: Variant?
    public var font: String?
    /// `#rrggbb` colours.
    public var ink: String?
    public var background: String?
    public var greyed: String?
    public var quadrantTitle: String?
    /// Figure units (points).
    public var toolSize: Double?
    public var subtitleSize: Double?
    public var axisSize: Double?
    public var titleSize: Double?
    public var markerRadius: Double?
    /// Region and band fills: hachure, cross-hatch, zigzag, dots or solid; their lines' angle
    /// (degrees), gap and weight; and a factor on every stroke's width.
    public var fill: String?
    public var hatchAngle: Double?
    public var hatchGap: Double?
    public var hatchWeight: Double?
    public var strokeScale: Double?
    /// Per-quadrant background tints and title colours (`#rrggbb`), keyed by `QuadrantCorner`.
    public var quadrantFills: [String: String] = [:]
    public var quadrantTitleColors: [String: String] = [:]
    /// The axis lines' colour, and a frame around the plot in this colour (no frame unless set).
    public var axisColor: String?
    public var frameColor: String?
    /// The colours of the x and of the y axis's end labels (the ink unless set).
    public var xLabelColor: String?
    public var yLabelColor: String?
    /// Where the end labels go: x at ends, top or bottom; y at ends, left or right.
    public var xLabels: AxisLabelSpot?
    public var yLabels: AxisLabelSpot?
    /// How quadrant titles are drawn: as labels of the frame that nothing covers (and that
    /// move within their quadrant off the markers), or as faint watermarks behind the tools
    /// that names may cross (the blog's look). Nil: labels.
    public var quadrantTitles: QuadrantTitleStyle?
    public enum QuadrantTitleStyle: String, Sendable, Equatable, CaseIterable { case label, watermark }
    /// The map's width over its height (1/3 to 3); its area stays the style's, so text keeps its size.
    public var aspect: Double?

    public enum AxisLabelSpot: String, Sendable, Equatable, CaseIterable { case ends, top, bottom, left, right }

    public init(variant: Variant? = nil, font: String? = nil, ink: String? = nil, background: String? = nil, greyed: String? = nil,
                quadrantTitle: String? = nil, toolSize: Double? = nil, subtitleSize: Double? = nil, axisSize: Double? = nil,
                titleSize: Double? = nil, markerRadius: Double? = nil) {
        self.variant = variant
        self.font = font
        self.ink = ink
        self.background = background
        self.greyed = greyed
        self.quadrantTitle = quadrantTitle
        self.toolSize = toolSize
        self.subtitleSize = subtitleSize
        self.axisSize = axisSize
        self.titleSize = titleSize
        self.markerRadius = markerRadius
    }
}
