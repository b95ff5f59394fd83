/// An axis-aligned rectangle; `origin` is the top-left corner in a y-down frame.
public struct Rect: Hashable, Sendable, Codable {
    public var origin: Point
    public var size: Size

    @inlinable
    public init(origin: Point, size: Size) {
        self.origin = origin
        self.size = size
    }

    @inlinable
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.init(origin: Point(x, y), size: Size(width, height))
    }

    /// The rectangle of the given size centred on `center`.
    @inlinable
    public init(center: Point, size: Size) {
        self.init(x: center.x - size.width / 2, y: center.y - size.height / 2,
                  width: size.width, height: size.height)
    }

    @inlinable
    public var minX: Double { origin.x }
    @inlinable
    public var minY: Double { origin.y }
    @inlinable
    public var maxX: Double { origin.x + size.width }
    @inlinable
    public var maxY: Double { origin.y + size.height }
    @inlinable
    public var width: Double { size.width }
    @inlinable
    public var height: Double { size.height }
    @inlinable
    public var center: Point { Point(origin.x + size.width / 2, origin.y + size.height / 2) }
    @inlinable
    public var midX: Double { origin.x + size.width / 2 }
    @inlinable
    public var midY: Double { origin.y + size.height / 2 }
    @inlinable
    public var area: Double { size.width * size.height }

    /// True when the interiors meet; rectangles that only share an edge do not intersect.
    @inlinable
    public func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// The area the two rectangles share (0 when disjoint).
    @inlinable
    public func overlapArea(with other: Rect) -> Double {
        let w = min(maxX, other.maxX) - max(minX, other.minX)
        let h = min(maxY, other.maxY) - max(minY, other.minY)
        return w > 0 && h > 0 ? w * h : 0
    }

    @inlinable
    public func contains(_ p: Point) -> Bool {
        p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY
    }

    /// True when `other` lies entirely inside (edges may touch).
    @inlinable
    public func contains(_ other: Rect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// Grown by `d` on every side (shrunk when negative).
    @inlinable
    public func insetBy(_ d: Double) -> Rect {
        Rect(x: minX + d, y: minY + d, width: max(0, width - 2 * d), height: max(0, height - 2 * d))
    }

    @inlinable
    public func outsetBy(_ d: Double) -> Rect { insetBy(-d) }

    @inlinable
    public func offsetBy(_ v: Point) -> Rect { Rect(origin: origin + v, size: size) }

    @inlinable
    public func union(_ other: Rect) -> Rect {
        let x0 = min(minX, other.minX), y0 = min(minY, other.minY)
        let x1 = max(maxX, other.maxX), y1 = max(maxY, other.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The point of the rectangle (edge or inside) nearest to p: where a leader from p ends.
    @inlinable
    public func nearestPoint(to p: Point) -> Point {
        Point(min(max(p.x, minX), maxX), min(max(p.y, minY), maxY))
    }

    /// True when the segment from `a` to `b` passes through the rectangle's interior.
    @inlinable
    public func intersectsSegment(_ a: Point, _ b: Point) -> Bool {
        // Liang-Barsky clipping against the open rectangle, one side at a time (no array of
        // sides: the placer asks this for every leader and label it tries).
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        @inline(__always) func clip(_ p: Double, _ q: Double) -> Bool {
            if p == 0 { return !(q <= 0) }
            let r = q / p
            if p < 0 {
                if r > t1 { return false }
                if r > t0 { t0 = r }
            } else {
                if r < t0 { return false }
                if r < t1 { t1 = r }
            }
            return true
        }
        guard clip(-dx, a.x - minX), clip(dx, maxX - a.x), clip(-dy, a.y - minY), clip(dy, maxY - a.y) else { return false }
        return t0 < t1
    }
}

extension Rect {
    /// The smallest box holding every point (a zero-size box at the first, for one point).
    public init(enclosing points: some Sequence<Point>) {
        var it = points.makeIterator()
        guard let first = it.next() else { self.init(origin: .zero, size: .zero); return }
        var (minX, minY, maxX, maxY) = (first.x, first.y, first.x, first.y)
        while let p = it.next() {
            minX = min(minX, p.x); minY = min(minY, p.y); maxX = max(maxX, p.x); maxY = max(maxY, p.y)
        }
        self.init(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
}
