import Foundation
import ScapeGeometry
import ScapeModel
import ScapeScene

/// The adoption rings laid over the map as bands across a direction (adopt bottom-left ...
/// hold top-right). Tools are projected on the direction; each border is the cut that puts
/// the fewest tools on the wrong side of it (the bands are fuzzy, as part 3 says), ties broken
/// by the widest margin; the direction is the one between 10 and 80 degrees that misplaces the
/// fewest tools, nearest the diagonal on ties. A misplaced tool is reported, never hidden.
struct AdoptionBands {
    let landscape: Landscape
    /// Radians from the x axis; the borders are perpendicular to it.
    let angle: Double

    init(landscape: Landscape, angle: Double? = nil) {
        self.landscape = landscape
        if let angle {
            self.angle = angle
        } else {
            var best = (Int.max, Double.pi / 4)
            for degrees in 10...80 {
                let a = Double(degrees) * .pi / 180
                let candidate = AdoptionBands(landscape: landscape, angle: a)
                let wrong = candidate.misplaced(candidate.borders()).count
                if wrong < best.0 || (wrong == best.0 && abs(a - .pi / 4) < abs(best.1 - .pi / 4)) { best = (wrong, a) }
            }
            self.angle = best.1
        }
    }

    func projection(_ x: Double, _ y: Double) -> Double { x * cos(angle) + y * sin(angle) }

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

    /// Tools on the wrong side of a border: (tool, its ring, the band it lies in).
    func misplaced(_ borders: [Double]) -> [(Tool, Int, Int)] {
        landscape.tools.compactMap { t in
            guard let r = ring(of: t) else { return nil }
            let s = projection(t.x, t.y)
            let band = borders.firstIndex { s < $0 } ?? borders.count
            return band == r ? nil : (t, r, band)
        }
    }

    /// The band polygons in data space: the strip between two borders inside a padded box.
    func polygon(band k: Int, borders: [Double], gap: Double = 0.035, box: Double = 1.22) -> [(x: Double, y: Double)] {
        let lo = k == 0 ? -10 : borders[k - 1] + gap, hi = k == borders.count ? 10 : borders[k] - gap
        var poly: [(x: Double, y: Double)] = [(-box, -box), (box, -box), (box, box), (-box, box)]
        func clip(_ keep: (Double) -> Bool, _ t: Double, below: Bool) {
            var out: [(x: Double, y: Double)] = []
            for i in poly.indices {
                let a = poly[i], b = poly[(i + 1) % poly.count]
                let sa = projection(a.x, a.y), sb = projection(b.x, b.y)
                if keep(sa) { out.append(a) }
                if keep(sa) != keep(sb) {
                    let u = (t - sa) / (sb - sa)
                    out.append((a.x + (b.x - a.x) * u, a.y + (b.y - a.y) * u))
                }
            }
            poly = out
        }
        clip({ $0 >= lo }, lo, below: false)
        clip({ $0 <= hi }, hi, below: true)
        return poly
    }

    /// Corners rounded by Chaikin's corner cutting, for the hand-drawn band look.
    static func rounded(_ points: [Point], iterations: Int = 4) -> [Point] {
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
        return pts
    }
}
