import Foundation
import ScapeGeometry

/// Hand-drawn strokes for one shape: lines as bowed, jittered Béziers drawn twice; smooth
/// shapes as jittered curves through their points, closed ones overshooting their start
/// where the pen closes the loop. Draws from the shape's own random sequence, in order.
struct RoughStroker {
    let style: SketchStyle
    var random: SketchRandom
    /// Passes drawn so far (`roughPenSegments`).
    var passes = 0

    /// A straight line, hand-drawn (both passes).
    mutating func line(_ a: Point, _ b: Point, roughnessScale: Double = 1) -> Path {
        var path = pass(a, b, overlay: false, scale: roughnessScale)
        if style.doubleStroke { path.append(pass(a, b, overlay: true, scale: roughnessScale)) }
        return path
    }

    private mutating func pass(_ a: Point, _ b: Point, overlay: Bool, scale: Double) -> Path {
        passes += 1
        let length = a.distance(to: b)
        let gain = length < 200 ? 1 : length > 500 ? 0.4 : 1 - 0.6 * (length - 200) / 300
        var offset = style.maxOffset
        if offset > length / 10 { offset = length / 10 }
        let o = (overlay ? offset / 2 : offset) * style.roughness * gain * scale
        let diverge = 0.2 + random.next() * 0.2
        let bow = Point(b.y - a.y, a.x - b.x) * (style.bowing * style.maxOffset / 200)
        let mid = bow * (random.spread(1) * style.roughness * gain * scale)
        func jittered(_ p: Point) -> Point {
            let (dx, dy) = random.jitter(o)
            return Point(p.x + dx, p.y + dy)
        }
        var path = Path()
        let start = jittered(a)
        let c1 = jittered(a.lerp(to: b, diverge) + mid)
        let c2 = jittered(a.lerp(to: b, 2 * diverge) + mid)
        path.move(to: start)
        path.curve(to: jittered(b), control1: c1, control2: c2)
        return path
    }

    /// Each segment of a polyline as its own hand-drawn line (corners stay corners).
    mutating func polyline(_ points: [Point], roughnessScale: Double = 1) -> Path {
        var path = Path()
        for i in 0..<(points.count - 1) where points[i] != points[i + 1] {
            path.append(line(points[i], points[i + 1], roughnessScale: roughnessScale))
        }
        return path
    }

    /// A smooth shape through `points`: two jittered passes; closed shapes overshoot their start.
    mutating func smooth(_ points: [Point], closed: Bool) -> Path {
        let sampled = Self.resample(points, closed: closed)
        guard sampled.count > 2 else { return polyline(points) }
        let perimeter = zip(sampled, sampled.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
        // Small shapes get less jitter, as a hand slows down for them.
        let size = min(1, 0.35 + perimeter / 150)
        var path = smoothPass(sampled, closed: closed, jitter: 1 * style.roughness * size)
        if style.doubleStroke { path.append(smoothPass(sampled, closed: closed, jitter: 1.5 * style.roughness * size)) }
        return path
    }

    private mutating func smoothPass(_ points: [Point], closed: Bool, jitter: Double) -> Path {
        passes += 1
        var pts = points
        if closed {
            // Start anywhere, and go a little past the start: the notch of a hand-closed loop.
            if pts.first == pts.last { pts.removeLast() }
            let shift = Int(random.next() * Double(pts.count)) % pts.count
            pts = Array(pts[shift...] + pts[..<shift])
            let overshoot = max(1, pts.count / 8)
            pts += pts.prefix(overshoot + 1)
        }
        let centroid = pts.reduce(Point.zero, +) / Double(pts.count)
        // A closed shape is scaled a little once per pass (as a hand misjudges a radius), by
        // at most 4% and 3 units; each point then moves by the small jitter alone.
        let size = pts.map { $0.distance(to: centroid) }.max() ?? 1
        let scale = closed ? random.spread(min(0.04 * style.roughness, 3 * style.roughness / max(size, 1))) : 0
        let moved = pts.map { p -> Point in
            let (dx, dy) = random.jitter(jitter)
            return Point(p.x + dx, p.y + dy) + (p - centroid) * scale
        }
        return Path.smoothCurve(through: moved)
    }

    /// Points evenly spaced along the polyline, about every 10 to 30 units (9 at least when closed).
    static func resample(_ points: [Point], closed: Bool) -> [Point] {
        var pts = points
        if closed, let f = pts.first, pts.last != f { pts.append(f) }
        let lengths = zip(pts, pts.dropFirst()).map { $0.0.distance(to: $0.1) }
        let total = lengths.reduce(0, +)
        guard total > 0 else { return points }
        // Closed shapes get about 9 x sqrt(perimeter / 200) points (rough.js's ellipse rule), so
        // a big loop wobbles like a hand rather than rippling; open curves a point every 25 units.
        let count = closed ? max(9, min(120, Int((9 * (total / 200).squareRoot()).rounded()), Int(total / 70)))
                           : max(2, min(200, Int((total / 25).rounded())))
        let step = total / Double(count)
        var out: [Point] = [pts[0]]
        var seg = 0
        var into = 0.0
        for _ in 1..<count {
            var remaining = step
            while seg < lengths.count, into + remaining > lengths[seg] {
                remaining -= lengths[seg] - into
                seg += 1
                into = 0
            }
            guard seg < lengths.count else { break }
            into += remaining
            out.append(pts[seg].lerp(to: pts[seg + 1], into / lengths[seg]))
        }
        out.append(closed ? pts[0] : pts[pts.count - 1])
        return out
    }
}
