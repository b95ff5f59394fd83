import Foundation

extension BandBorder {
    /// The calmest border that holds the tools: a parabola s = a + b t + c t² across the bands
    /// (so it turns back at most once: no S, no wave), its curvature bounded by `maxCurvature`,
    /// chosen to put the fewest tools on the wrong side by `clearance`, then the flattest,
    /// then the one with the widest margin. `tools` are (s along, t across, earlier: true
    /// for a tool that belongs before the border).
    static func calmFit(_ tools: [(s: Double, t: Double, earlier: Bool)], near cut: Double, clearance: Double,
                        maxCurvature: Double = 0.6, maxSlope: Double = 1.2) -> BandBorder {
        guard !tools.isEmpty else { return .straight(cut) }
        var best: (border: BandBorder, score: (Int, Double, Double))?
        let steps = 24
        for i in -steps...steps {
            let c = maxCurvature * Double(i) / Double(steps)
            for j in -steps...steps {
                let b = maxSlope * Double(j) / Double(steps)
                // Each tool bounds a from one side.
                var lower = -Double.infinity, upper = Double.infinity
                for p in tools {
                    let rest = b * p.t + c * p.t * p.t
                    if p.earlier { lower = max(lower, p.s + clearance - rest) } else { upper = min(upper, p.s - clearance - rest) }
                }
                // A cut between the bounds holds every tool; else the middle, kept near the cut.
                var a = lower.isFinite && upper.isFinite ? (lower + upper) / 2 : lower.isFinite ? lower : upper
                if !a.isFinite { a = cut }
                let wrong = tools.filter { p in
                    let v = a + b * p.t + c * p.t * p.t
                    return p.earlier ? p.s + clearance > v + 1e-9 : p.s - clearance < v - 1e-9
                }.count
                let margin = lower.isFinite && upper.isFinite ? upper - lower : 0
                let score = (wrong, abs(c) + 0.5 * abs(b) + 0.2 * abs(a - cut), -margin)
                if best == nil || score < best!.score {
                    best = (BandBorder(along: across.map { a + b * $0 + c * $0 * $0 }), score)
                }
            }
        }
        return best!.border
    }
}
