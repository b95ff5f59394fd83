/// A subpath as a list of points: lines kept, curves sampled.
public struct Polyline: Hashable, Sendable {
    public var points: [Point]
    public var isClosed: Bool
    /// True when the subpath had curves: the points sample a smooth shape, not corners.
    public var isSmooth: Bool

    public init(points: [Point], isClosed: Bool, isSmooth: Bool) {
        self.points = points
        self.isClosed = isClosed
        self.isSmooth = isSmooth
    }
}

extension Path {
    /// The subpaths as polylines, each cubic sampled into `steps` segments.
    public func polylines(curveSteps steps: Int = 8) -> [Polyline] {
        var out: [Polyline] = []
        var current: [Point] = []
        var smooth = false
        func flush(closed: Bool) {
            if current.count > 1 { out.append(Polyline(points: current, isClosed: closed, isSmooth: smooth)) }
            current = []
            smooth = false
        }
        for e in elements {
            switch e {
            case .move(let p):
                flush(closed: false)
                current = [p]
            case .line(let p):
                if current.isEmpty { current = [p] } else { current.append(p) }
            case .cubic(let c1, let c2, let p):
                guard let p0 = current.last else { current = [p]; continue }
                smooth = true
                for i in 1...steps {
                    let t = Double(i) / Double(steps)
                    current.append(Self.cubicPoint(p0, c1, c2, p, t))
                }
            case .close:
                let start = current.first
                if let s = start, let last = current.last, last != s, !smooth { current.append(s) }
                flush(closed: true)
                if let s = start { current = [s] }
            }
        }
        flush(closed: false)
        return out
    }

    public static func cubicPoint(_ p0: Point, _ p1: Point, _ p2: Point, _ p3: Point, _ t: Double) -> Point {
        let u = 1 - t
        let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
        return Point(a * p0.x + b * p1.x + c * p2.x + d * p3.x, a * p0.y + b * p1.y + c * p2.y + d * p3.y)
    }

    /// A smooth curve through `points` (Catmull-Rom turned into cubic Béziers).
    public static func smoothCurve(through points: [Point], closed: Bool = false, tension: Double = 0) -> Path {
        var path = Path()
        guard points.count > 1 else { return path }
        let n = points.count
        func at(_ i: Int) -> Point {
            if closed { return points[((i % n) + n) % n] }
            return points[min(max(i, 0), n - 1)]
        }
        path.move(to: points[0])
        let k = (1 - tension) / 6
        let last = closed ? n : n - 1
        for i in 0..<last {
            let p0 = at(i - 1), p1 = at(i), p2 = at(i + 1), p3 = at(i + 2)
            path.curve(to: p2, control1: p1 + (p2 - p0) * k, control2: p2 - (p3 - p1) * k)
        }
        if closed { path.close() }
        return path
    }
}
