import ScapeScene

/// The width, in pixels, a figure is read at (the blog's column: 1200 px). A figure is
/// scaled to it on the page, so a figure twice as wide shows its names at half the size:
/// crowding is met inside the figure (numbers, stacks, insets), never by growing it past
/// `growthLimit`, and every name, number and legend entry keeps `smallestNamePixels` there.
public struct PublishWidth: Sendable, Equatable {
    /// The blog's column.
    public static let defaultPixels = 1200.0
    /// The usual floor for labels on the web (body text is 14-18 px).
    public static let smallestNamePixels = 11.0
    /// How much wider (or taller) than the plot a figure may grow, for a legend or margin.
    public static let growthLimit = 1.25

    public var pixels: Double

    public init(pixels: Double = PublishWidth.defaultPixels) {
        self.pixels = pixels
    }

    /// The smallest type, in points, that still shows at `smallestNamePixels` on a figure
    /// `width` points wide that has grown its full `growthLimit`.
    public func smallestType(plotWidth width: Double) -> Double {
        Self.smallestNamePixels * width * Self.growthLimit / pixels
    }

    /// A theme whose names, and everything sized from them, read at this width: the tool
    /// font is raised to `smallestType` where the figure is read narrower than it was drawn for.
    public func fitted(_ theme: Theme) -> Theme {
        var t = theme
        let floor = smallestType(plotWidth: theme.mapWidth)
        if t.toolFontSize < floor {
            let f = floor / t.toolFontSize
            t.toolFontSize = floor
            t.subtitleFontSize *= f
        }
        return t
    }

    /// How many pixels a point of a figure `width` points wide shows as.
    public func pixelsPerPoint(figureWidth width: Double) -> Double { pixels / max(1, width) }
}
