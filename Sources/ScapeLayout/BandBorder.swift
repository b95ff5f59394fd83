import Foundation

/// One border between two adoption bands, as the position `s` along the bands' direction at
/// each `t` across it: a straight cut when `s` is constant, a gentle hand-drawn curve once it
/// has bent around the tools that would otherwise fall on the wrong side.
struct BandBorder: Equatable {
    /// Where across the bands the samples sit (data units, evenly spaced, increasing).
    static let span = 1.9
    static let samples = 77
    static let across: [Double] = (0..<samples).map { -span + 2 * span * Double($0) / Double(samples - 1) }

    /// `s` at each of `across`.
    var along: [Double]

    static func straight(_ s: Double) -> BandBorder { BandBorder(along: Array(repeating: s, count: samples)) }

    /// The border's position along the bands at `t`, linear between the samples.
    func value(at t: Double) -> Double {
        let u = (t + Self.span) / (2 * Self.span) * Double(Self.samples - 1)
        let i = min(max(Int(u.rounded(.down)), 0), Self.samples - 2)
        let f = min(max(u - Double(i), 0), 1)
        return along[i] + (along[i + 1] - along[i]) * f
    }

    /// A smooth bump of height `delta` centred at `t`, `width` wide (a Gaussian's sigma).
    mutating func bend(at t: Double, by delta: Double, width: Double) {
        for (j, tj) in Self.across.enumerated() {
            let d = (tj - t) / width
            along[j] += delta * exp(-d * d)
        }
    }

    /// The largest change of `s` per unit of `t` between two samples.
    var steepestSlope: Double {
        let step = 2 * Self.span / Double(Self.samples - 1)
        return zip(along, along.dropFirst()).map { abs($1 - $0) / step }.max() ?? 0
    }

    /// How many times the border turns back (local highs and lows, ignoring ripples under a
    /// thousandth): 0 for a straight cut, 1 for a single bump, 2 or more for an S or a wave.
    var turns: Int {
        let steps = zip(along, along.dropFirst()).map { $1 - $0 }.filter { abs($0) > 1e-3 }
        return zip(steps, steps.dropFirst()).filter { ($0 > 0) != ($1 > 0) }.count
    }

    /// Keeps the border within `reach` of the straight cut at `s`.
    mutating func stay(near s: Double, within reach: Double) {
        for j in along.indices { along[j] = min(max(along[j], s - reach), s + reach) }
    }

    /// Keeps the border at least `gap` beyond `lower` everywhere, so the bands stay ordered.
    mutating func stay(beyond lower: BandBorder, by gap: Double) {
        for j in along.indices { along[j] = max(along[j], lower.along[j] + gap) }
    }
}
