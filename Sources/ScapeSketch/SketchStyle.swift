/// The settings of the hand-drawn look. Defaults follow rough.js's "artist" (roughness 1),
/// in figure units, which are the pixels of an Excalidraw canvas at 1x.
public struct SketchStyle: Hashable, Sendable {
    /// 0 architect (nearly straight), 1 artist, 2 cartoonist.
    public var roughness: Double
    /// How far long lines bow sideways, relative to their length.
    public var bowing: Double
    /// Largest endpoint jitter of a line, before the length gain.
    public var maxOffset: Double
    /// The figure seed; every shape's own seed derives from it and the shape's id.
    public var seed: UInt64
    /// Draw every stroke twice, the second pass with half the jitter.
    public var doubleStroke: Bool

    public init(roughness: Double = 1, bowing: Double = 1, maxOffset: Double = 2, seed: UInt64 = SketchStyle.defaultSeed,
                doubleStroke: Bool = true) {
        self.roughness = roughness
        self.bowing = bowing
        self.maxOffset = maxOffset
        self.seed = seed
        self.doubleStroke = doubleStroke
    }

    public static let defaultSeed: UInt64 = 20_211_103
}
