import Foundation
import ScapeGeometry

extension BandBorder {
    /// The most a calm border bends: |c| in s = a + b t + c t² (data units).
    static let maxCurvature = 0.3
    /// The most a calm border tilts against the straight cut: |b| (data units).
    static let maxSlope = 1.2

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
                        maxCurvature: Double = Self.maxCurvature, maxSlope: Double = Self.maxSlope) -> BandBorder {
        guard !tools.isEmpty || lower != nil else { return .straight(cut) }
        var best: (border: BandBorder, score: (Int, Double, Double), rank: Int)?
        let steps = Self.calmSteps
        let kept = across.indices.filter { lower != nil && keep($0) }
        let keptAcross = kept.map { across[$0] }, keptLower = kept.map { lower!.along[$0] + gap }
        let earlier = tools.filter(\.earlier), later = tools.filter { !$0.earlier }
        // Reused for every (c, b): 2,401 pairs per clearance. The bounds stay in the order the
        // last pair sorted them, with the tool each came from: the next pair moves them little,
        // so an insertion sort puts them in order again in about one pass (a full sort of each
        // list for every pair was most of the banded map's layout). The sorted values are the
        // same whichever way they are sorted.
        var atLeast = [Double](repeating: 0, count: earlier.count), atLeastTool = Array(earlier.indices)
        var atMost = [Double](repeating: 0, count: later.count), atMostTool = Array(later.indices)
        var trials = 0
        var moves = 0
        defer { WorkCounters.add(.bandFitChecks, trials * tools.count + moves) }
        atLeast.withUnsafeMutableBufferPointer { atLeast in atLeastTool.withUnsafeMutableBufferPointer { atLeastTool in
        atMost.withUnsafeMutableBufferPointer { atMost in atMostTool.withUnsafeMutableBufferPointer { atMostTool in
            for i in -steps...steps {
                let c = maxCurvature * Double(i) / Double(steps)
                // The tilts one way, then back: the bounds move little from one pair to the next
                // (from the steepest tilt to the other they would reverse their order). Ties
                // go to the pair first in the grid's order (`rank`), whichever way it is walked.
                for jStep in 0...(2 * steps) {
                    let j = (i + steps) % 2 == 0 ? jStep - steps : steps - jStep
                    let rank = (i + steps) * (2 * steps + 1) + (j + steps)
                    let b = maxSlope * Double(j) / Double(steps)
                    // Once a border leaves no tool out, a pair whose bend alone scores worse than
                    // it cannot win: skipped, as the score would show (`bend` is its first term).
                    if let found = best, found.score.0 == 0, abs(c) + 0.5 * abs(b) > found.score.1 { continue }
                    trials += 1
                    let bent = { (t: Double) in b * t + c * t * t }
                    // The order of the bands is kept whatever the tools: a is at least this.
                    var floor = -Double.infinity
                    for k in kept.indices { floor = Swift.max(floor, keptLower[k] - bent(keptAcross[k])) }
                    // Each tool holds where a is at least (earlier) or at most (later) its bound.
                    for k in atLeast.indices {
                        let p = earlier[atLeastTool[k]]
                        atLeast[k] = p.s + clearance - bent(p.t)
                    }
                    for k in atMost.indices {
                        let p = later[atMostTool[k]]
                        atMost[k] = p.s - clearance - bent(p.t)
                    }
                    moves += Self.sort(atLeast, carrying: atLeastTool) + Self.sort(atMost, carrying: atMostTool)
                    let (a, wrong, margin) = bestOffset(sortedAtLeast: UnsafeBufferPointer(atLeast), sortedAtMost: UnsafeBufferPointer(atMost),
                                                        floor: floor, near: cut)
                    let score = (wrong, abs(c) + 0.5 * abs(b) + 0.2 * abs(a - cut), -margin)
                    if best == nil || score < best!.score || (score == best!.score && rank < best!.rank) {
                        best = (BandBorder(along: across.map { a + bent($0) }), score, rank)
                    }
                }
            }
        } } } }
        return best?.border ?? .straight(cut)
    }

    /// Curvatures and tilts are tried in `calmSteps` steps each way.
    static let calmSteps = 24

    /// Sorts `v` ascending and moves `c` along with it: by insertion, fast when they are
    /// nearly in order already (a few tools, or the next pair of a walk), and by a full sort
    /// once that has moved more than a few places per value (thousands of tools, where one
    /// step of tilt reorders hundreds each and insertion would turn quadratic). Returns the
    /// places moved (a full sort counts n log n), for `bandFitChecks`.
    @discardableResult
    static func sort(_ v: UnsafeMutableBufferPointer<Double>, carrying c: UnsafeMutableBufferPointer<Int>) -> Int {
        guard v.count > 1 else { return 0 }
        let budget = 8 * v.count
        var moved = 0
        for k in 1..<v.count {
            let value = v[k], tag = c[k]
            var m = k
            while m > 0 && v[m - 1] > value {
                v[m] = v[m - 1]
                c[m] = c[m - 1]
                m -= 1
            }
            v[m] = value
            c[m] = tag
            moved += k - m
            if moved > budget {
                var pairs = (0..<v.count).map { (v[$0], c[$0]) }
                pairs.sort { $0.0 < $1.0 }
                for (k, pair) in pairs.enumerated() { (v[k], c[k]) = pair }
                return moved + v.count * (Int.bitWidth - v.count.leadingZeroBitCount)
            }
        }
        return moved
    }

    /// The offset a at or above `floor` that leaves out the fewest tools (an `atLeast` bound
    /// above a, an `atMost` bound below it): the middle of the widest run of such offsets, or
    /// the one nearest `near` when that run is open. With the count left out and the run's width.
    static func bestOffset(atLeast: [Double], atMost: [Double], floor: Double, near: Double) -> (a: Double, wrong: Int, margin: Double) {
        let above = atLeast.sorted(), below = atMost.sorted()
        return above.withUnsafeBufferPointer { a in below.withUnsafeBufferPointer { b in bestOffset(sortedAtLeast: a, sortedAtMost: b, floor: floor, near: near) } }
    }

    /// `bestOffset` of bounds already sorted. The bounds (and the floor) cut the line into runs,
    /// and the count left out is constant on each. calmFit asks this thousands of times per
    /// border: the runs' ends are merged from the two sorted lists as the counts are swept
    /// along with them, in one pass that makes no array.
    static func bestOffset(sortedAtLeast above: UnsafeBufferPointer<Double>, sortedAtMost below: UnsafeBufferPointer<Double>,
                           floor: Double, near: Double) -> (a: Double, wrong: Int, margin: Double) {
        var best = (a: 0.0, wrong: Int.max, margin: 0.0)
        // How many of `above` are at most, and of `below` below, the last offset tried: the
        // offsets rise run by run (each lies in its run), so the counts only move forward.
        var aboveHeld = 0, belowUnder = 0
        /// The run from the mark `lower` (or none) to the mark `high` (or none).
        func run(from lower: Double, to high: Double) {
            guard high >= floor else { return }
            let low = max(lower, floor)
            let a: Double
            if low.isFinite && high.isFinite { a = (low + high) / 2 } else { a = min(max(near, low), high) }
            // A bound equal to a still holds the tool (its clearance exactly).
            while aboveHeld < above.count && above[aboveHeld] <= a + 1e-9 { aboveHeld += 1 }
            while belowUnder < below.count && below[belowUnder] < a - 1e-9 { belowUnder += 1 }
            let wrong = above.count - aboveHeld + belowUnder
            let margin = low.isFinite && high.isFinite ? high - low : 1
            if wrong < best.wrong || (wrong == best.wrong && margin > best.margin) { best = (a, wrong, margin) }
        }
        // The marks: the finite values of both lists and the floor, in order, each once.
        var i = 0, j = 0, floorLeft = floor.isFinite
        var last = -Double.infinity, marks = 0
        while i < above.count || j < below.count || floorLeft {
            let nextA = i < above.count ? above[i] : .infinity, nextB = j < below.count ? below[j] : .infinity
            let mark: Double
            if floorLeft && floor <= nextA && floor <= nextB {
                mark = floor
                floorLeft = false
            } else if i < above.count && (j == below.count || nextA <= nextB) {
                mark = nextA
                i += 1
            } else {
                mark = nextB
                j += 1
            }
            guard mark.isFinite, marks == 0 || mark != last else { continue }
            run(from: marks == 0 ? -.infinity : last, to: mark)
            last = mark
            marks += 1
        }
        guard marks > 0 else { return (max(near, floor), 0, 0) }
        run(from: last, to: .infinity)
        return best
    }
}
