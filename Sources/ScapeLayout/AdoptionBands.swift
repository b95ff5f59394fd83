import Foundation
import ScapeGeometry
import ScapeModel
import ScapeScene

/// The adoption rings laid over the map as ordered bands across a direction (adopt
/// bottom-left ... hold top-right). Tools are projected on the direction; each border starts
/// as the straight cut that puts the fewest tools on the wrong side of it (ties broken by the
/// widest margin), then becomes the calm curve (bending one way only, as the hand-drawn
/// reference's strips do) that holds the most tools in their ring's band. The direction is
/// the one between 10 and 80 degrees whose straight cuts misplace the fewest tools, nearest
/// the diagonal on ties; when some tool is still misplaced, every other direction all round
/// is tried too, so rings that run another way are followed. A tool no calm border can hold
/// is reported, never hidden, and never reached by an S-bend.
struct AdoptionBands {
    let landscape: Landscape
    /// Radians from the x axis; the straight borders are perpendicular to it.
    let angle: Double
    /// The angle's cosine and sine, for the projections (asked for every tool at every angle
    /// the direction search tries).
    private let cosAngle: Double, sinAngle: Double
    /// How far (data units, along the direction) a border keeps from a tool's centre: the
    /// white gap between bands plus a marker.
    static let clearance = 0.075
    /// The white gap between two bands, half on each side of the border.
    static let gap = 0.035
    /// The narrowest a band is between its two borders (data units, along the direction).
    static let bandWidth = 2 * clearance
    /// The padded box (data units, each way from the centre) the bands are drawn in.
    static let box = 1.22
    /// Each tool's ring index (`ring(of:)`), in `landscape.tools`' order: looked up once, not
    /// for every direction the search tries (the lookups were half of that search).
    let toolRings: [Int?]

    init(landscape: Landscape, angle: Double? = nil) {
        self.init(landscape: landscape, angle: angle, toolRings: landscape.tools.map { Self.ring(of: $0, in: landscape) })
    }

    private init(landscape: Landscape, angle: Double?, toolRings: [Int?]) {
        self.landscape = landscape
        self.toolRings = toolRings
        if let angle {
            self.angle = angle
        } else {
            var best = (Int.max, Double.pi / 4)
            var scratch = BorderScratch()
            func consider(_ degrees: Int) {
                let a = Double(degrees) * .pi / 180
                let candidate = AdoptionBands(landscape: landscape, angle: a, toolRings: toolRings)
                let wrong = candidate.misplacedCount(straight: candidate.borders(&scratch))
                if wrong < best.0 || (wrong == best.0 && abs(a - .pi / 4) < abs(best.1 - .pi / 4)) { best = (wrong, a) }
            }
            // Rings usually run along the diagonal, adopt at the bottom left (the blog's
            // figure); data whose rings run another way (adopt on the right, at the top, ...)
            // gets the direction, all round, that misplaces fewer tools.
            for degrees in 10...80 { consider(degrees) }
            if best.0 > 0 {
                for degrees in Array(81..<360) + Array(0..<10) {
                    let before = best
                    consider(degrees)
                    if best.0 == before.0 { best = before }  // only strictly fewer leaves the diagonal
                }
            }
            self.angle = best.1
        }
        cosAngle = cos(self.angle)
        sinAngle = sin(self.angle)
    }

    func projection(_ x: Double, _ y: Double) -> Double { x * cosAngle + y * sinAngle }

    /// The position across the bands (perpendicular to the direction).
    func across(_ x: Double, _ y: Double) -> Double { -x * sinAngle + y * cosAngle }

    /// The data point at `s` along the direction and `t` across it.
    func point(along s: Double, across t: Double) -> (x: Double, y: Double) {
        (s * cosAngle - t * sinAngle, s * sinAngle + t * cosAngle)
    }

    /// The ring index of a tool: the first of its categories that has a ring.
    func ring(of tool: Tool) -> Int? { Self.ring(of: tool, in: landscape) }

    static func ring(of tool: Tool, in landscape: Landscape) -> Int? {
        for c in tool.categories {
            if let r = landscape.category(id: c)?.ring, let i = landscape.rings.firstIndex(of: r) { return i }
        }
        return nil
    }

    /// The n - 1 borders along the diagonal, increasing.
    func borders() -> [Double] {
        var scratch = BorderScratch()
        return borders(&scratch)
    }

    /// Room `borders` reuses from one direction to the next: the direction search asks for
    /// the borders of every angle (360 of them when the rings do not run along the diagonal),
    /// and making these arrays afresh for each was most of its time.
    struct BorderScratch {
        var ringed: [(s: Double, ring: Int)] = []
        var values: [Double] = []
        var cuts: [Double] = []
        var upTo: [Double] = []
        var beyond: [Double] = []
    }

    /// `borders()`, in `scratch`'s room.
    func borders(_ scratch: inout BorderScratch) -> [Double] {
        let n = landscape.rings.count
        // Sorted along the direction once: each ring's share is then sorted as it is filtered.
        scratch.ringed.removeAll(keepingCapacity: true)
        for (t, r) in zip(landscape.tools, toolRings) {
            if let r { scratch.ringed.append((projection(t.x, t.y), r)) }
        }
        scratch.ringed.sort { $0.s < $1.s }
        var out: [Double] = []
        var low = -2.0.squareRoot()
        // Counts and margins come from the sorted positions by binary search.
        scratch.values.removeAll(keepingCapacity: true)
        for p in scratch.ringed { scratch.values.append(p.s) }
        let values = scratch.values
        // The candidate cuts: between each two neighbours, then just before and after them all.
        scratch.cuts.removeAll(keepingCapacity: true)
        for i in values.indices.dropFirst() { scratch.cuts.append((values[i - 1] + values[i]) / 2) }
        scratch.cuts += [(values.first ?? 0) - 0.05, (values.last ?? 0) + 0.05]
        var checks = scratch.ringed.count
        defer { WorkCounters.add(.bandFitChecks, checks) }
        for k in 0..<(n - 1) {
            scratch.upTo.removeAll(keepingCapacity: true)
            scratch.beyond.removeAll(keepingCapacity: true)
            for p in scratch.ringed {
                if p.ring <= k { scratch.upTo.append(p.s) } else { scratch.beyond.append(p.s) }
            }
            var best = low + 0.25  // when no cut lies beyond the last border
            var bestScore = (Int.max, -Double.infinity)
            for t in scratch.cuts where t > low + 0.05 {
                checks += 1
                // Tools of a ring up to k beyond the cut, and of a later ring before it.
                let errors = scratch.upTo.count - scratch.upTo.countSorted(atMost: t) + scratch.beyond.countSorted(below: t)
                // The nearest tool is the last before the cut or the first from it.
                let from = values.countSorted(below: t)
                var margin = Double.infinity
                if from > 0 { margin = abs(values[from - 1] - t) }
                if from < values.count { margin = min(margin, abs(values[from] - t)) }
                if margin == .infinity { margin = 0 }
                if errors < bestScore.0 || (errors == bestScore.0 && margin > bestScore.1) { best = t; bestScore = (errors, margin) }
            }
            // An empty ring (none of the tools is in it or beyond) still gets a band of its own.
            if scratch.beyond.isEmpty { best = max(best, low + 0.3) }
            out.append(best)
            low = best
        }
        return out
    }

    /// How many tools straight cuts at `cuts` leave outside their ring's band: the count of
    /// `misplaced(cuts.map(BandBorder.straight))`, without drawing the cuts as borders.
    func misplacedCount(straight cuts: [Double]) -> Int {
        var wrong = 0
        for (t, r) in zip(landscape.tools, toolRings) {
            guard let r else { continue }
            let s = projection(t.x, t.y)
            if cuts.contains(where: { abs(s - $0) <= Self.gap }) { wrong += 1; continue }
            if (cuts.firstIndex { s < $0 } ?? cuts.count) != r { wrong += 1 }
        }
        return wrong
    }

    /// The borders, each the calm parabola (`BandBorder.calmFit`: it bends one way only, never
    /// in an S) that leaves the fewest tools on the wrong side, kept at least a band's width
    /// beyond the previous border wherever the bands are drawn. The full clearance from the
    /// tools when that holds as many, else a little less (a marker clear of the white gap).
    /// A tool no calm border holds stays where the data puts it and `misplaced` names it.
    func curvedBorders(from straight: [Double], maxCurvature: Double = BandBorder.maxCurvature) -> [BandBorder] {
        let ringed = zip(landscape.tools, toolRings).sorted { $0.0.id < $1.0.id }.compactMap { t, r in
            r.map { (s: projection(t.x, t.y), t: across(t.x, t.y), ring: $0) }
        }
        var out: [BandBorder] = []
        for (k, cut) in straight.enumerated() {
            let sides = ringed.map { BandBorder.Side(s: $0.s, t: $0.t, earlier: $0.ring <= k) }
            let lower = out.last
            // Only where the previous border is drawn does the order of the bands show.
            let drawn = { (j: Int) -> Bool in
                guard let lower else { return false }
                let p = point(along: lower.along[j] + Self.bandWidth, across: BandBorder.across[j])
                return abs(p.x) <= Self.box && abs(p.y) <= Self.box
            }
            var best: (border: BandBorder, wrong: Int)?
            for clearance in [Self.clearance, 0.065, 0.055] {
                let calm = BandBorder.calmFit(sides, near: cut, clearance: clearance, lower: lower, gap: Self.bandWidth, keep: drawn,
                                              maxCurvature: maxCurvature)
                let wrong = sides.filter { p in
                    let b = calm.value(at: p.t)
                    return (p.earlier ? p.s + clearance - b : b - (p.s - clearance)) > 1e-9
                }.count
                if best == nil || wrong < best!.wrong { best = (calm, wrong) }
                if wrong == 0 { break }
            }
            out.append(best!.border)
        }
        return out
    }

    /// The band a data point lies in: how many borders it is beyond; nil when it lies in the
    /// white gap along a border, in no band at all.
    func band(ofX x: Double, y: Double, borders: [BandBorder]) -> Int? {
        let s = projection(x, y), t = across(x, y)
        if borders.contains(where: { abs(s - $0.value(at: t)) <= Self.gap }) { return nil }
        return borders.firstIndex { s < $0.value(at: t) } ?? borders.count
    }

    /// Tools outside their ring's band: (tool, its ring, the band it lies in, nil for a gap).
    func misplaced(_ borders: [BandBorder]) -> [(Tool, Int, Int?)] {
        zip(landscape.tools, toolRings).compactMap { t, r in
            guard let r else { return nil }
            let band = band(ofX: t.x, y: t.y, borders: borders)
            return band == r ? nil : (t, r, band)
        }
    }

    /// The band polygons in data space: the strip between two borders (less half the white
    /// gap on each side) inside a padded box.
    func polygon(band k: Int, borders: [BandBorder], box: Double = Self.box) -> [(x: Double, y: Double)] {
        let ts = BandBorder.across
        let low = ts.map { t in k == 0 ? -10 : borders[k - 1].value(at: t) + Self.gap }
        let high = ts.map { t in k == borders.count ? 10 : borders[k].value(at: t) - Self.gap }
        var poly: [(x: Double, y: Double)] = []
        for (j, t) in ts.enumerated() { poly.append(point(along: min(low[j], high[j]), across: t)) }
        for (j, t) in ts.enumerated().reversed() { poly.append(point(along: high[j], across: t)) }
        // Clip to the box, one side at a time (Sutherland-Hodgman; the box is convex).
        let sides: [(keep: ((x: Double, y: Double)) -> Bool, cut: ((x: Double, y: Double), (x: Double, y: Double)) -> Double)] = [
            ({ $0.x >= -box }, { a, b in (-box - a.x) / (b.x - a.x) }),
            ({ $0.x <= box }, { a, b in (box - a.x) / (b.x - a.x) }),
            ({ $0.y >= -box }, { a, b in (-box - a.y) / (b.y - a.y) }),
            ({ $0.y <= box }, { a, b in (box - a.y) / (b.y - a.y) }),
        ]
        for side in sides {
            var clipped: [(x: Double, y: Double)] = []
            for i in poly.indices {
                let a = poly[i], b = poly[(i + 1) % poly.count]
                if side.keep(a) { clipped.append(a) }
                if side.keep(a) != side.keep(b) {
                    let u = side.cut(a, b)
                    clipped.append((a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u))
                }
            }
            poly = clipped
            if poly.isEmpty { break }
        }
        return poly
    }

    /// Corners rounded by Chaikin's corner cutting, for the hand-drawn band look; then the
    /// points that lie within `tolerance` of the outline without them are dropped. Corner
    /// cutting leaves thousands of points along straight and gently curved runs, and each
    /// point is a dash break and a hand-drawn stroke of its own: the banded map drew 16 times
    /// the segments its outline needs.
    static func rounded(_ points: [Point], iterations: Int = 4, tolerance: Double = 0.1) -> [Point] {
        var pts = points
        for _ in 0..<iterations {
            var out: [Point] = []
            for i in pts.indices {
                let a = pts[i], b = pts[(i + 1) % pts.count]
                out.append(a.lerp(to: b, 0.25))
                out.append(a.lerp(to: b, 0.75))
            }
            pts = out
        }
        return simplified(pts, tolerance: tolerance)
    }

    /// Douglas-Peucker on a closed outline: the fewest points whose outline stays within
    /// `tolerance` of every dropped one. The first point and the one farthest from it are kept.
    static func simplified(_ pts: [Point], tolerance: Double) -> [Point] {
        guard pts.count > 4, tolerance > 0 else { return pts }
        let far = pts.indices.max { pts[0].distance(to: pts[$0]) < pts[0].distance(to: pts[$1]) }!
        var keep = [Bool](repeating: false, count: pts.count)
        keep[0] = true
        keep[far] = true
        // Explicit stack of index ranges (the closing run wraps to index count = 0).
        var stack = [(0, far), (far, pts.count)]
        while let (i, j) = stack.popLast() {
            guard j - i > 1 else { continue }
            let a = pts[i], b = pts[j % pts.count]
            var worst = -1.0, at = i
            for k in (i + 1)..<j {
                let d = Segment.distance(from: pts[k], to: a, b)
                if d > worst { worst = d; at = k }
            }
            guard worst > tolerance else { continue }
            keep[at] = true
            stack.append((i, at))
            stack.append((at, j))
        }
        return pts.indices.filter { keep[$0] }.map { pts[$0] }
    }
}
