/// How a path's outline is drawn.
public struct StrokeStyle: Hashable, Sendable {
    public enum Cap: String, Sendable { case butt, round, square }
    public enum Join: String, Sendable { case miter, round, bevel }

    public var color: Color
    public var width: Double
    /// Dash lengths in figure units; empty for a solid line.
    public var dash: [Double]
    public var cap: Cap
    public var join: Join
    /// The lines of a fill pattern (`FillPattern.stroke`): texture, not a contour a reader
    /// follows, so a raster may sample them more coarsely (`RasterSampling`).
    public var hatching: Bool

    public init(color: Color, width: Double, dash: [Double] = [], cap: Cap = .round, join: Join = .round, hatching: Bool = false) {
        self.color = color
        self.width = width
        self.dash = dash
        self.cap = cap
        self.join = join
        self.hatching = hatching
    }
}

/// A font request; Pango resolves the family with fontconfig, falling back per glyph.
public struct FontSpec: Hashable, Sendable {
    public enum Weight: String, Sendable { case normal, bold }

    public var family: String
    /// Size in figure units (points).
    public var size: Double
    public var weight: Weight

    public init(family: String, size: Double, weight: Weight = .normal) {
        self.family = family
        self.size = size
        self.weight = weight
    }
}

/// How the lines of a multi-line text align within its box.
public enum TextAlignment: String, Hashable, Sendable {
    case left, center, right
}
