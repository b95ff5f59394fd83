import Foundation

/// A point or vector in figure units (points, 1/72 inch). Rasterising applies the pixel scale.
public struct Point: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double

    @inlinable
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    @inlinable
    public init(x: Double, y: Double) {
        self.init(x, y)
    }

    public static let zero = Point(0, 0)

    @inlinable
    public static func + (a: Point, b: Point) -> Point { Point(a.x + b.x, a.y + b.y) }
    @inlinable
    public static func - (a: Point, b: Point) -> Point { Point(a.x - b.x, a.y - b.y) }
    @inlinable
    public static func * (a: Point, k: Double) -> Point { Point(a.x * k, a.y * k) }
    @inlinable
    public static func / (a: Point, k: Double) -> Point { Point(a.x / k, a.y / k) }
    @inlinable
    public static prefix func - (a: Point) -> Point { Point(-a.x, -a.y) }

    /// Euclidean length of the point seen as a vector.
    @inlinable
    public var length: Double { (x * x + y * y).squareRoot() }

    @inlinable
    public func distance(to other: Point) -> Double { (self - other).length }

    @inlinable
    public func dot(_ other: Point) -> Double { x * other.x + y * other.y }

    /// The vector turned a quarter to the left (counter-clockwise in a y-up frame).
    @inlinable
    public var perpendicular: Point { Point(-y, x) }

    /// The unit vector in the same direction, or zero for the zero vector.
    @inlinable
    public var normalized: Point {
        let l = length
        return l > 0 ? self / l : .zero
    }

    /// Linear interpolation: `t = 0` gives self, `t = 1` gives `other`.
    @inlinable
    public func lerp(to other: Point, _ t: Double) -> Point { self + (other - self) * t }

    /// The point rotated by `angle` radians around `center`.
    public func rotated(by angle: Double, around center: Point = .zero) -> Point {
        let c = cos(angle), s = sin(angle)
        let d = self - center
        return Point(center.x + d.x * c - d.y * s, center.y + d.x * s + d.y * c)
    }
}

/// A width and a height in figure units.
public struct Size: Hashable, Sendable, Codable {
    public var width: Double
    public var height: Double

    @inlinable
    public init(_ width: Double, _ height: Double) {
        self.width = width
        self.height = height
    }

    @inlinable
    public init(width: Double, height: Double) {
        self.init(width, height)
    }

    public static let zero = Size(0, 0)
}
