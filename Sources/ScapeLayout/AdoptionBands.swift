import Foundation
import ScapeGeometry
import ScapeModel
import ScapeScene

/// The adoption rings laid over the map as ordered bands across a direction (adopt
/// bottom-left ... hold top-right). Tools are projected on the direction; each border starts
/// as the straight cut that puts the fewest tools on the wrong side of it (ties broken by the
/// widest margin), then bends, in gentle bumps, around every tool still on the wrong side,
/// so that each tool sits inside its ring's band, as in the hand-drawn reference. The
/// direction is the one between 10 and 80 degrees whose straight cuts misplace the fewest
/// tools, nearest the diagonal on ties. A tool no bend can hold is reported, never hidden.
struct AdoptionBands {
    let landscape: Landscape
    /// Radians from the x axis; the straight borders are perpendicular to it.
    let angle: Double
    /// How far (data units, along the direction) a border keeps from a tool's centre: the
    /// white gap between bands plus a marker.
    static let clearance = 0.075
    /// The white gap between two bands, half on each side of the border.
    static let gap = 0.035
    /// The largest bump a border makes, as a multiple of the bump's width: steeper would be a
    /// finger reaching between tools, not a hand-drawn curve.
    static let steepness = 2.2
    /// The steepest a border may run against its straight cut (along per across): beyond it,
    /// bends stack into fingers reaching between tools.
    static let steepestSlope = 2.5
    /// How far (data units) a bent border may stray from its straight cut.
    static let reach = 0.55

    init(landscape: Landscape, angle: Double? = nil) {
        self.landscape = landscape
        if let angle {
            self.angle = angle
        } else {
            var best = (Int.max, Double.pi / 4)
            for degrees in 10...80 {
                let a = Double(degrees) * .pi / 180
                let candidate = AdoptionBands(landscape: landscape, angle: a)
                let wrong = candidate.misplaced(candidate.borders().map(BandBorder.straight)).count
                if wrong < best.0 || (wrong == best.0 && abs(a - .pi / 4) < abs(best.1 - .pi / 4)) { best = (wrong, a) }
            }
            self.angle = best.1
        }
    }

    func projection(_ x: Double, _ y: Double) -> Double { x * cos(angle) + y * sin(angle) }

    /// The position across the bands (perpendicular to the direction).
    func across(_ x: Double, _ y: Double) -> Double { -x * sin(angle) + y * cos(angle) }

    /// The data point at `s` along the direction and `t` across it.
    func point(along s: Double, across t: Double) -> (x: Double, y: Double) {
        (s * cos(angle) - t * sin(angle), s * sin(angle) + t * cos(angle))
    }

    /// The ring index of a tool: the first of its categories that has a ring.
    func ring(of tool: Tool) -> Int? {
        for c in tool.categories {
            if let r = landscape.category(id: c)?.ring, let i = landscape.rings.firstIndex(of: r) { return i }
        }
        return nil
    }

    /// The n - 1 borders along the diagonal, increasing.
    func borders() -> [Double] {
        let n = landscape.rings.count
        let ringed = landscape.tools.compactMap { t in ring(of: t).map { (projection(t.x, t.y), $0) } }
        var out: [Double] = []
        var low = -2.0.squareRoot()
        for k in 0..<(n - 1) {
            let values = ringed.map(\.0).sorted()
            var candidates = zip(values, values.dropFirst()).map { ($0 + $1) / 2 }
            candidates += [(values.first ?? 0) - 0.05, (values.last ?? 0) + 0.05]
            candidates = candidates.filter { $0 > low + 0.05 }
            if candidates.isEmpty { candidates = [low + 0.25] }
            var best = candidates[0]
            var bestScore = (Int.max, -Double.infinity)
            for t in candidates {
                let errors = ringed.filter { ($0.1 <= k && $0.0 > t) || ($0.1 > k && $0.0 < t) }.count
                let margin = ringed.map { abs($0.0 - t) }.min() ?? 0
                if errors < bestScore.0 || (errors == bestScore.0 && margin > bestScore.1) { best = t; bestScore = (errors, margin) }
            }
            // An empty ring (none of the tools is in it or beyond) still gets a band of its own.
            if !ringed.contains(where: { $0.1 > k }) { best = max(best, low + 0.3) }
            out.append(best)
            low = best
        }
        return out
    }

    /// The borders bent around the tools: each starts as the straight cut, and each tool on
    /// the wrong side pushes it away in a smooth bump, widest first, narrower where
    /// neighbours of other rings need it. Deterministic: tools are visited in id order.
    func curvedBorders(from straight: [Double]) -> [BandBorder] {
        let ringed = landscape.tools.sorted { $0.id < $1.id }.compactMap { t in
            ring(of: t).map { (s: projection(t.x, t.y), t: across(t.x, t.y), ring: $0) }
        }
        var out: [BandBorder] = []
        for (k, cut) in straight.enumerated() {
            var border = BandBorder.straight(cut)
            if let lower = out.last { border.stay(beyond: lower, by: 2 * Self.clearance) }
            // How far a tool is on the wrong side of the border (positive: wrong).
            func violation(_ p: (s: Double, t: Double, ring: Int)) -> Double {
                let b = border.value(at: p.t)
                return p.ring <= k ? p.s + Self.clearance - b : b - (p.s - Self.clearance)
            }
            // A tool that would need a steep finger of a border is given up (and reported)
            // rather than bent around: the borders stay gentle, hand-drawn curves.
            var givenUp = Set<Int>()
            let widths = [0.32, 0.2, 0.13, 0.09]
            widths: for (level, width) in widths.enumerated() {
                for _ in 0..<80 {
                    let candidates = ringed.indices.filter { !givenUp.contains($0) && violation(ringed[$0]) > 1e-9 }
                    guard let worst = candidates.max(by: { violation(ringed[$0]) < violation(ringed[$1]) }) else { break widths }
                    let push = violation(ringed[worst]) * 1.15 + 0.005
                    if push > Self.steepness * width {
                        if level < widths.count - 1 { continue widths }
                        givenUp.insert(worst)
                        continue
                    }
                    var bent = border
                    bent.bend(at: ringed[worst].t, by: ringed[worst].ring <= k ? push : -push, width: width)
                    bent.stay(near: cut, within: Self.reach)
                    if let lower = out.last { bent.stay(beyond: lower, by: 2 * Self.clearance) }
                    if bent.steepestSlope > Self.steepestSlope {
                        givenUp.insert(worst)
                    } else {
                        border = bent
                    }
                }
            }
            out.append(border)
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
        landscape.tools.compactMap { t in
            guard let r = ring(of: t) else { return nil }
            let band = band(ofX: t.x, y: t.y, borders: borders)
            return band == r ? nil : (t, r, band)
        }
    }

    /// The band polygons in data space: the strip between two borders (less half the white
    /// gap on each side) inside a padded box.
    func polygon(band k: Int, borders: [BandBorder], box: Double = 1.22) -> [(x: Double, y: Double)] {
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
