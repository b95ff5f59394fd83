import ScapeGeometry

/// Text sizes for layout. The renderer implements it with Pango so that layout and drawing
/// agree to the point; tests use fixed metrics so layout tests need no fonts.
public protocol TextMeasurer {
    /// The logical size of `text` (lines split at "\n") in `font`, in figure units.
    func measure(_ text: String, font: FontSpec) -> Size
}

/// Deterministic metrics: every character `0.55 em` wide, lines `1.2 em` apart.
public struct FixedTextMeasurer: TextMeasurer, Sendable {
    public var advance: Double
    public var lineHeight: Double

    public init(advance: Double = 0.55, lineHeight: Double = 1.2) {
        self.advance = advance
        self.lineHeight = lineHeight
    }

    public func measure(_ text: String, font: FontSpec) -> Size {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let widest = lines.map(\.count).max() ?? 0
        return Size(Double(widest) * advance * font.size, Double(max(1, lines.count)) * lineHeight * font.size)
    }
}
