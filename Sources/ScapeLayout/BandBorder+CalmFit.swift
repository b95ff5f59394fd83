import Foundation

extension BandBorder {
    /// The most a calm border bends: |c| in s = a + b t + c t² (data units).
    static let maxCurvature = 0.3

    /// A tool as a border sees it: `s` along the bands, `t` across them, and whether it
    /// belongs before the border (a ring up to the border's) or beyond it.
    struct Side {
        var s: Double
        var t: Double
        var earlier: Bool
    }

    /// The calm border: a parabola s = a + b t + c t² across the bands, so it bends one way
    /// only (no S, no wave), its curvature bounded by `maxCurvature` and its tilt against the
    /// straight cut by `maxSlope`. Of those it takes the one that puts the fewest tools on the
    /// wrong side by `clearance`, then the flattest and nearest `cut`, then the one with the
    /// widest margin. When no calm border holds every tool, the fewest are left out, and the
    /// caller reports them: no tool is moved, and no border bends back to reach one.
    ///
    /// `keep` says where the border must stay beyond another, `lower` (sample by sample, at
    /// least `gap` beyond it), so that the bands stay in order where they are drawn.
    static func calmFit(_ tools: [Side], near cut: Double, clearance: Double,
                        lower: BandBorder? = nil, gap: Double = 0, keep: (Int) -> Bool = { _ in true },
                        maxCurvature: Double = Self.maxCurvature, maxSlope: Double = 1.2) -> BandBorder {
        guard !tools.isEmpty || lower != nil else { return .straight(cut) }
        var best: (border: BandBorder, score: (Int, Double, Double))?
        let steps = 24
        let kept = across.indices.filter { lower != nil && keep($0) }
        for i in -steps...steps {
            let c = maxCurvature * Double(i) / Double(steps)
            for j in -steps...steps {
                let b = maxSlope * Double(j) / Double(steps)
                let bent = { (t: Double) in b * t + c * t * t }
                // The order of the bands is kept whatever the tools: a is at least this.
                let floor = kept.map { lower!.along[$0] + gap - bent(across[$0]) }.max() ?? -.infinity
                // Each tool holds where a is at least (earlier) or at most (later) its bound.
                var atLeast: [Double] = [], atMost: [Double] = []
                for p in tools {
                    if p.earlier { atLeast.append(p.s + clearance - bent(p.t)) } else { atMost.append(p.s - clearance - bent(p.t)) }
                }
                guard let (a, wrong, margin) = bestOffset(atLeast: atLeast, atMost: atMost, floor: floor, near: cut) else { continue }
                let score = (wrong, abs(c) + 0.5 * abs(b) + 0.2 * abs(a - cut), -margin)
                if best == nil || score < best!.score {
                    best = (BandBorder(along: across.map { a + bent($0) }), score)
                }
            }
        }
        return best?.border ?? .straight(cut)
    }

    /// The offset a at or above `floor` that leaves out the fewest tools (an `atLeast` bound
    /// above a, an `atMost` bound below it): the middle of the widest run of such offsets, or
    /// the one nearest `near` when that run is open. With the count left out and the run's width.
    static func bestOffset(atLeast: [Double], atMost: [Double], floor: Double, near: Double) -> (a: Double, wrong: Int, margin: Double)? {
        // The bounds cut the line into runs; the count left out is constant on each.
        let above = atLeast.sorted(), below = atMost.sorted()
        let marks = Array(Set((above + below + [floor]).filter(\.isFinite))).sorted()
        guard !marks.isEmpty else { return (max(near, floor), 0, 0) }
        var runs: [(low: Double, high: Double)] = [(-.infinity, marks[0])]
        runs += zip(marks, marks.dropFirst()).map { ($0, $1) }
        runs.append((marks[marks.count - 1], .infinity))
        var best: (a: Double, wrong: Int, margin: Double)?
        for run in runs where run.high >= floor {
            let low = max(run.low, floor)
            let a: Double
            if low.isFinite && run.high.isFinite { a = (low + run.high) / 2 } else { a = min(max(near, low), run.high) }
            // A bound equal to a still holds the tool (its clearance exactly).
            let wrong = above.count - Self.countAtMost(a + 1e-9, in: above) + Self.countAtMost(a - 1e-9, in: below, strictly: true)
            let margin = low.isFinite && run.high.isFinite ? run.high - low : 1
            if best == nil || wrong < best!.wrong || (wrong == best!.wrong && margin > best!.margin) { best = (a, wrong, margin) }
        }
        return best
    }

    /// How many of the sorted `values` are at most `x` (below it, when `strictly`).
    static func countAtMost(_ x: Double, in values: [Double], strictly: Bool = false) -> Int {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if strictly ? values[mid] < x : values[mid] <= x { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
