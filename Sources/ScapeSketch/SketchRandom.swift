import ScapeGeometry

/// The sketch pen's random numbers: a small multiplicative generator (Park-Miller, 48271 mod
/// 2^31-1), seeded per shape from the figure seed and the shape's stable id, so the same
/// figure always wiggles the same way and adding a shape leaves every other shape alone.
struct SketchRandom {
    private var state: UInt64

    init(seed: UInt64, id: String) {
        let mixed = StableHash.fnv1a64("\(seed)\u{1f}\(id)")
        state = mixed % 2_147_483_646 + 1
    }

    /// Uniform in [0, 1).
    mutating func next() -> Double {
        state = (state * 48271) % 2_147_483_647
        return Double(state - 1) / 2_147_483_646
    }

    /// Uniform in [-amount, amount].
    mutating func spread(_ amount: Double) -> Double { (next() * 2 - 1) * amount }

    mutating func jitter(_ amount: Double) -> (Double, Double) { (spread(amount), spread(amount)) }
}
