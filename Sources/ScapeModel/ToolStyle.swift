/// A tool marker's own look, as a Mermaid quadrant chart can give it per point or per class.
/// Every field is optional: what is not set falls back to the theme.
public struct ToolStyle: Sendable, Hashable {
    /// Marker radius in figure units.
    public var radius: Double?
    /// Marker fill, `#rrggbb` or `#rgb`.
    public var color: String?
    /// Marker outline colour, `#rrggbb` or `#rgb`.
    public var strokeColor: String?
    /// Marker outline width in figure units.
    public var strokeWidth: Double?

    public init(radius: Double? = nil, color: String? = nil, strokeColor: String? = nil, strokeWidth: Double? = nil) {
        self.radius = radius
        self.color = color
        self.strokeColor = strokeColor
        self.strokeWidth = strokeWidth
    }

    /// True when nothing is set, so the tool can carry no style at all.
    public var isEmpty: Bool { radius == nil && color == nil && strokeColor == nil && strokeWidth == nil }

    /// This style with every field `other` sets taking its place (inline styles over a class).
    public func overridden(by other: ToolStyle) -> ToolStyle {
        ToolStyle(radius: other.radius ?? radius, color: other.color ?? color,
                  strokeColor: other.strokeColor ?? strokeColor, strokeWidth: other.strokeWidth ?? strokeWidth)
    }
}
