import Foundation

/// One border between two adoption bands, as the position `s` along the bands' direction at
/// each `t` across it: a straight cut when `s` is constant, else a calm arc bending one way.
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

    /// How many times the border turns back (local highs and lows, ignoring ripples under a
    /// thousandth): 0 for a straight cut, 1 for a single bump, 2 or more for an S or a wave.
    var turns: Int {
        let steps = zip(along, along.dropFirst()).map { $1 - $0 }.filter { abs($0) > 1e-3 }
        return zip(steps, steps.dropFirst()).filter { ($0 > 0) != ($1 > 0) }.count
    }

    /// How many times the border's bending changes side (its second differences change sign,
    /// ignoring ripples under a millionth): 0 for a straight cut or a one-way arc, 1 or more
    /// for an S or a wave.
    var inflections: Int {
        let second = zip(along, zip(along.dropFirst(), along.dropFirst(2))).map { $1.1 - 2 * $1.0 + $0 }.filter { abs($0) > 1e-6 }
        return zip(second, second.dropFirst()).filter { ($0 > 0) != ($1 > 0) }.count
    }
}
