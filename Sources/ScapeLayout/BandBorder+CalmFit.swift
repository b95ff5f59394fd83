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
        let keptAcross = kept.map { across[$0] }, keptLower = kept.map { lower!.along[$0] + gap }
        let earlier = tools.filter(\.earlier), later = tools.filter { !$0.earlier }
        // Reused for every (c, b): 2,401 pairs per clearance. The bounds stay in the order the
        // last pair sorted them, with the tool each came from: the next pair moves them little,
        // so an insertion sort puts them in order again in about one pass (a full sort of each
        // list for every pair was most of the banded map's layout). The sorted values are the
        // same whichever way they are sorted.
        var atLeast = [Double](repeating: 0, count: earlier.count), atLeastTool = Array(earlier.indices)
        var atMost = [Double](repeating: 0, count: later.count), atMostTool = Array(later.indices)
        for i in -steps...steps {
            let c = maxCurvature * Double(i) / Double(steps)
            for j in -steps...steps {
                let b = maxSlope * Double(j) / Double(steps)
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
                Self.insertionSort(&atLeast, carrying: &atLeastTool)
                Self.insertionSort(&atMost, carrying: &atMostTool)
                guard let (a, wrong, margin) = bestOffset(sortedAtLeast: atLeast, sortedAtMost: atMost, floor: floor, near: cut) else { continue }
                let score = (wrong, abs(c) + 0.5 * abs(b) + 0.2 * abs(a - cut), -margin)
                if best == nil || score < best!.score {
                    best = (BandBorder(along: across.map { a + bent($0) }), score)
                }
            }
        }
        return best?.border ?? .straight(cut)
    }

    /// Sorts `values` ascending and moves `carried` along with them: fast when they are
    /// nearly in order already.
    static func insertionSort(_ values: inout [Double], carrying carried: inout [Int]) {
        values.withUnsafeMutableBufferPointer { v in
            carried.withUnsafeMutableBufferPointer { c in
                guard v.count > 1 else { return }
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
                }
            }
        }
    }

    /// The offset a at or above `floor` that leaves out the fewest tools (an `atLeast` bound
    /// above a, an `atMost` bound below it): the middle of the widest run of such offsets, or
    /// the one nearest `near` when that run is open. With the count left out and the run's width.
    static func bestOffset(atLeast: [Double], atMost: [Double], floor: Double, near: Double) -> (a: Double, wrong: Int, margin: Double)? {
        bestOffset(sortedAtLeast: atLeast.sorted(), sortedAtMost: atMost.sorted(), floor: floor, near: near)
    }

    /// `bestOffset` of bounds already sorted.
    static func bestOffset(sortedAtLeast above: [Double], sortedAtMost below: [Double], floor: Double, near: Double) -> (a: Double, wrong: Int, margin: Double)? {
        // The bounds cut the line into runs; the count left out is constant on each.
        // calmFit asks this thousands of times per border: the marks are merged from the two
        // sorted lists (no set, no third sort) and the counts swept along with the runs.
        let marks = Self.sortedDistinctFinite(above, below, floor)
        guard !marks.isEmpty else { return (max(near, floor), 0, 0) }
        var best: (a: Double, wrong: Int, margin: Double)?
        // How many of `above` are at most, and of `below` below, the last offset tried: the
        // offsets rise run by run (each lies in its run), so the counts only move forward.
        var aboveHeld = 0, belowUnder = 0
        for r in 0...marks.count {
            let high = r == marks.count ? Double.infinity : marks[r]
            guard high >= floor else { continue }
            let low = max(r == 0 ? -Double.infinity : marks[r - 1], floor)
            let a: Double
            if low.isFinite && high.isFinite { a = (low + high) / 2 } else { a = min(max(near, low), high) }
            // A bound equal to a still holds the tool (its clearance exactly).
            while aboveHeld < above.count && above[aboveHeld] <= a + 1e-9 { aboveHeld += 1 }
            while belowUnder < below.count && below[belowUnder] < a - 1e-9 { belowUnder += 1 }
            let wrong = above.count - aboveHeld + belowUnder
            let margin = low.isFinite && high.isFinite ? high - low : 1
            if best == nil || wrong < best!.wrong || (wrong == best!.wrong && margin > best!.margin) { best = (a, wrong, margin) }
        }
        return best
    }

    /// The finite values of two sorted lists and one more value, sorted, each once.
    static func sortedDistinctFinite(_ a: [Double], _ b: [Double], _ extra: Double) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(a.count + b.count + 1)
        var i = 0, j = 0, extraLeft = extra.isFinite
        func add(_ v: Double) {
            guard v.isFinite, out.last != v else { return }
            out.append(v)
        }
        while i < a.count || j < b.count || extraLeft {
            let nextA = i < a.count ? a[i] : .infinity, nextB = j < b.count ? b[j] : .infinity
            if extraLeft && extra <= nextA && extra <= nextB {
                add(extra)
                extraLeft = false
            } else if i < a.count && (j == b.count || nextA <= nextB) {
                add(nextA)
                i += 1
            } else {
                add(nextB)
                j += 1
            }
        }
        return out
    }
}
