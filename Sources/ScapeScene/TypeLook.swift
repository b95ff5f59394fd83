/// How a style sets type that was laid out in another style's metrics. A map is laid out once,
/// in the sketch's metrics, and drawn in either style ("one layout, two looks"), so switching
/// the style never changes which tools are named, stacked, numbered or drawn in an inset. Each
/// style then sets the laid-out text in its own family at a fixed share of the laid-out size,
/// but never below the publish width's smallest readable type (nor above the laid-out size).
public struct TypeLook: Hashable, Sendable {
    /// The family the text is drawn in.
    public var family: String
    /// The drawn size over the laid-out size (the clean style's 15 pt names for the sketch's 19).
    public var scale: Double
    /// The smallest drawn size, in points, where the laid-out size allows it.
    public var floor: Double

    public init(family: String, scale: Double = 1, floor: Double = 0) {
        self.family = family
        self.scale = scale
        self.floor = floor
    }

    /// The font text laid out in `laid` is drawn in.
    public func font(for laid: FontSpec) -> FontSpec {
        var f = laid
        f.family = family
        f.size = max(laid.size * scale, min(laid.size, floor))
        return f
    }

    /// True when the look draws text exactly as it was laid out.
    public func keeps(_ laid: FontSpec) -> Bool { font(for: laid) == laid }
}
