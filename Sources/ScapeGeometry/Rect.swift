/// An axis-aligned rectangle; `origin` is the top-left corner in a y-down frame.
public struct Rect: Hashable, Sendable, Codable {
    public var origin: Point
    public var size: Size

    public init(origin: Point, size: Size) {
        self.origin = origin
        self.size = size
    }

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.init(origin: Point(x, y), size: Size(width, height))
    }

    /// The rectangle of the given size centred on `center`.
    public init(center: Point, size: Size) {
        self.init(x: center.x - size.width / 2, y: center.y - size.height / 2,
                  width: size.width, height: size.height)
    }

    public var minX: Double { origin.x }
    public var minY: Double { origin.y }
    public var maxX: Double { origin.x + size.width }
    public var maxY: Double { origin.y + size.height }
    public var width: Double { size.width }
    public var height: Double { size.height }
    public var center: Point { Point(origin.x + size.width / 2, origin.y + size.height / 2) }
    public var midX: Double { origin.x + size.width / 2 }
    public var midY: Double { origin.y + size.height / 2 }
    public var area: Double { size.width * size.height }

    /// True when the interiors meet; rectangles that only share an edge do not intersect.
    public func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// The area the two rectangles share (0 when disjoint).
    public func overlapArea(with other: Rect) -> Double {
        let w = min(maxX, other.maxX) - max(minX, other.minX)
        let h = min(maxY, other.maxY) - max(minY, other.minY)
        return w > 0 && h > 0 ? w * h : 0
    }

    public func contains(_ p: Point) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    /// True when `other` lies entirely inside (edges may touch).
    public func contains(_ other: Rect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// Grown by `d` on every side (shrunk when negative).
    public func insetBy(_ d: Double) -> Rect {
        Rect(x: minX + d, y: minY + d, width: max(0, width - 2 * d), height: max(0, height - 2 * d))
    }

    public func outsetBy(_ d: Double) -> Rect { insetBy(-d) }

    public func offsetBy(_ v: Point) -> Rect { Rect(origin: origin + v, size: size) }

    public func union(_ other: Rect) -> Rect {
        let x0 = min(minX, other.minX), y0 = min(minY, other.minY)
        let x1 = max(maxX, other.maxX), y1 = max(maxY, other.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The point of the rectangle (edge or inside) nearest to p: where a leader from p ends.
    public func nearestPoint(to p: Point) -> Point {
        Point(min(max(p.x, minX), maxX), min(max(p.y, minY), maxY))
    }

    /// True when the segment from `a` to `b` passes through the rectangle's interior.
    public func intersectsSegment(_ a: Point, _ b: Point) -> Bool {
        // Liang-Barsky clipping against the open rectangle.
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        let checks: [(Double, Double)] = [(-dx, a.x - minX), (dx, maxX - a.x), (-dy, a.y - minY), (dy, maxY - a.y)]
        for (p, q) in checks {
            if p == 0 {
                if q <= 0 { return false }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return false }; if r > t0 { t0 = r } }
                else { if r < t0 { return false }; if r < t1 { t1 = r } }
            }
        }
        return t0 < t1
    }
}
