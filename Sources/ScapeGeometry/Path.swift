import Foundation

/// A vector path: subpaths of lines and cubic Bézier curves, in figure units.
public struct Path: Hashable, Sendable {
    public enum Element: Hashable, Sendable {
        case move(Point)
        case line(Point)
        case cubic(Point, Point, Point)
        case close
    }

    public private(set) var elements: [Element] = []

    public init() {}

    public init(elements: [Element]) {
        self.elements = elements
    }

    public var isEmpty: Bool { elements.isEmpty }

    public mutating func move(to p: Point) { elements.append(.move(p)) }
    public mutating func line(to p: Point) { elements.append(.line(p)) }
    public mutating func curve(to p: Point, control1 c1: Point, control2 c2: Point) {
        elements.append(.cubic(c1, c2, p))
    }
    public mutating func close() { elements.append(.close) }

    public mutating func append(_ other: Path) { elements.append(contentsOf: other.elements) }

    /// A polyline through `points`, closed when asked.
    public static func polyline(_ points: [Point], closed: Bool = false) -> Path {
        var path = Path()
        guard let first = points.first else { return path }
        path.move(to: first)
        for p in points.dropFirst() { path.line(to: p) }
        if closed { path.close() }
        return path
    }

    public static func segment(_ a: Point, _ b: Point) -> Path { polyline([a, b]) }

    /// An ellipse as four cubic arcs (the usual 0.5523 kappa approximation).
    public static func ellipse(center c: Point, rx: Double, ry: Double) -> Path {
        let k = 0.5522847498
        var path = Path()
        path.move(to: Point(c.x + rx, c.y))
        path.curve(to: Point(c.x, c.y + ry), control1: Point(c.x + rx, c.y + k * ry), control2: Point(c.x + k * rx, c.y + ry))
        path.curve(to: Point(c.x - rx, c.y), control1: Point(c.x - k * rx, c.y + ry), control2: Point(c.x - rx, c.y + k * ry))
        path.curve(to: Point(c.x, c.y - ry), control1: Point(c.x - rx, c.y - k * ry), control2: Point(c.x - k * rx, c.y - ry))
        path.curve(to: Point(c.x + rx, c.y), control1: Point(c.x + k * rx, c.y - ry), control2: Point(c.x + rx, c.y - k * ry))
        path.close()
        return path
    }

    public static func circle(center: Point, radius: Double) -> Path {
        ellipse(center: center, rx: radius, ry: radius)
    }

    public static func rect(_ r: Rect) -> Path {
        polyline([r.origin, Point(r.maxX, r.minY), Point(r.maxX, r.maxY), Point(r.minX, r.maxY)], closed: true)
    }

    /// The box holding every point and control point (a safe over-estimate for curves).
    public var controlBounds: Rect? {
        var pts: [Point] = []
        for e in elements {
            switch e {
            case .move(let p), .line(let p): pts.append(p)
            case .cubic(let a, let b, let c): pts += [a, b, c]
            case .close: break
            }
        }
        guard let f = pts.first else { return nil }
        var x0 = f.x, y0 = f.y, x1 = f.x, y1 = f.y
        for p in pts { x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y) }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// Every element mapped through `transform`.
    public func applying(_ transform: (Point) -> Point) -> Path {
        Path(elements: elements.map { e in
            switch e {
            case .move(let p): return .move(transform(p))
            case .line(let p): return .line(transform(p))
            case .cubic(let a, let b, let c): return .cubic(transform(a), transform(b), transform(c))
            case .close: return .close
            }
        })
    }
}

extension Path {
    /// A rectangle with quarter-circle corners of `radius`.
    public static func roundedRect(_ r: Rect, radius: Double) -> Path {
        let k = 0.5522847498 * radius
        let rad = min(radius, r.width / 2, r.height / 2)
        var p = Path()
        p.move(to: Point(r.minX + rad, r.minY))
        p.line(to: Point(r.maxX - rad, r.minY))
        p.curve(to: Point(r.maxX, r.minY + rad), control1: Point(r.maxX - rad + k, r.minY), control2: Point(r.maxX, r.minY + rad - k))
        p.line(to: Point(r.maxX, r.maxY - rad))
        p.curve(to: Point(r.maxX - rad, r.maxY), control1: Point(r.maxX, r.maxY - rad + k), control2: Point(r.maxX - rad + k, r.maxY))
        p.line(to: Point(r.minX + rad, r.maxY))
        p.curve(to: Point(r.minX, r.maxY - rad), control1: Point(r.minX + rad - k, r.maxY), control2: Point(r.minX, r.maxY - rad + k))
        p.line(to: Point(r.minX, r.minY + rad))
        p.curve(to: Point(r.minX + rad, r.minY), control1: Point(r.minX, r.minY + rad - k), control2: Point(r.minX + rad - k, r.minY))
        p.close()
        return p
    }

    /// An arc of the ellipse around `center`, from `start` to `end` radians (y down), as a polyline.
    public static func arc(center c: Point, rx: Double, ry: Double, from start: Double, to end: Double, steps: Int = 24) -> Path {
        let pts = (0...steps).map { i -> Point in
            let a = start + (end - start) * Double(i) / Double(steps)
            return Point(c.x + rx * cos(a), c.y + ry * sin(a))
        }
        return smoothCurve(through: pts)
    }
}
