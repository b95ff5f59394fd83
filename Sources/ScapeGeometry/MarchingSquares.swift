/// Iso-contours of a sampled scalar field: the closed outlines where the field crosses a
/// threshold. Samples lie on a regular grid; the outermost samples must be below the
/// threshold so that every contour closes. Saddles are decided by the cell's mean.
public struct ScalarGrid {
    public let origin: Point
    public let spacing: Double
    /// Samples per row and per column.
    public let columns: Int
    public let rows: Int
    public var values: [Double]

    public init(origin: Point, spacing: Double, columns: Int, rows: Int) {
        self.origin = origin
        self.spacing = spacing
        self.columns = columns
        self.rows = rows
        values = Array(repeating: 0, count: columns * rows)
    }

    public subscript(x: Int, y: Int) -> Double {
        get { values[y * columns + x] }
        set { values[y * columns + x] = newValue }
    }

    public func position(_ x: Int, _ y: Int) -> Point {
        Point(origin.x + Double(x) * spacing, origin.y + Double(y) * spacing)
    }

    /// Closed contours at `threshold`, each a polygon (first point not repeated).
    public func contours(at threshold: Double) -> [[Point]] {
        // A contour point sits on a grid edge: key = (edge index, vertical?).
        func key(_ x: Int, _ y: Int, vertical: Bool) -> Int { ((y * columns + x) << 1) | (vertical ? 1 : 0) }
        var points: [Int: Point] = [:]
        var links: [Int: [Int]] = [:]
        func crossing(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) -> Point {
            let a = self[x0, y0], b = self[x1, y1]
            let t = a == b ? 0.5 : (threshold - a) / (b - a)
            return position(x0, y0).lerp(to: position(x1, y1), min(1, max(0, t)))
        }
        func edge(_ x: Int, _ y: Int, _ side: Int) -> Int {
            // 0 top (x,y)-(x+1,y), 1 right (x+1,y)-(x+1,y+1), 2 bottom (x,y+1)-(x+1,y+1), 3 left (x,y)-(x,y+1)
            let k: Int
            switch side {
            case 0: k = key(x, y, vertical: false); if points[k] == nil { points[k] = crossing(x, y, x + 1, y) }
            case 1: k = key(x + 1, y, vertical: true); if points[k] == nil { points[k] = crossing(x + 1, y, x + 1, y + 1) }
            case 2: k = key(x, y + 1, vertical: false); if points[k] == nil { points[k] = crossing(x, y + 1, x + 1, y + 1) }
            default: k = key(x, y, vertical: true); if points[k] == nil { points[k] = crossing(x, y, x, y + 1) }
            }
            return k
        }
        func link(_ a: Int, _ b: Int) {
            links[a, default: []].append(b)
            links[b, default: []].append(a)
        }
        for y in 0..<(rows - 1) {
            for x in 0..<(columns - 1) {
                let tl = self[x, y] >= threshold, tr = self[x + 1, y] >= threshold
                let br = self[x + 1, y + 1] >= threshold, bl = self[x, y + 1] >= threshold
                let code = (tl ? 8 : 0) | (tr ? 4 : 0) | (br ? 2 : 0) | (bl ? 1 : 0)
                switch code {
                case 0, 15: continue
                case 1, 14: link(edge(x, y, 3), edge(x, y, 2))
                case 2, 13: link(edge(x, y, 2), edge(x, y, 1))
                case 3, 12: link(edge(x, y, 3), edge(x, y, 1))
                case 4, 11: link(edge(x, y, 0), edge(x, y, 1))
                case 6, 9: link(edge(x, y, 0), edge(x, y, 2))
                case 7, 8: link(edge(x, y, 3), edge(x, y, 0))
                case 5, 10:
                    let mean = (self[x, y] + self[x + 1, y] + self[x + 1, y + 1] + self[x, y + 1]) / 4
                    let centerIn = mean >= threshold
                    if (code == 5) == centerIn {
                        // The inside corners (bl and tr for 5) join through the centre.
                        link(edge(x, y, 3), edge(x, y, 0)); link(edge(x, y, 2), edge(x, y, 1))
                    } else {
                        link(edge(x, y, 3), edge(x, y, 2)); link(edge(x, y, 0), edge(x, y, 1))
                    }
                default: break
                }
            }
        }
        var visited = Set<Int>()
        var loops: [[Point]] = []
        for start in links.keys.sorted() where !visited.contains(start) {
            var loop: [Point] = []
            var previous = -1
            var current = start
            while !visited.contains(current) {
                visited.insert(current)
                loop.append(points[current]!)
                let next = (links[current] ?? []).first { $0 != previous && !visited.contains($0) }
                guard let n = next else { break }
                previous = current
                current = n
            }
            if loop.count >= 3 { loops.append(loop) }
        }
        return loops
    }
}

/// Polygon helpers for outlines.
public enum Polygon {
    /// Signed area (positive when counter-clockwise in a y-up frame).
    public static func area(_ p: [Point]) -> Double {
        guard p.count > 2 else { return 0 }
        var s = 0.0
        for i in p.indices {
            let a = p[i], b = p[(i + 1) % p.count]
            s += a.x * b.y - b.x * a.y
        }
        return s / 2
    }

    /// Douglas-Peucker simplification of a closed polygon.
    public static func simplify(_ p: [Point], tolerance: Double) -> [Point] {
        guard p.count > 4 else { return p }
        func distance(_ q: Point, _ a: Point, _ b: Point) -> Double {
            let d = b - a
            let len2 = d.dot(d)
            if len2 == 0 { return q.distance(to: a) }
            let t = max(0, min(1, (q - a).dot(d) / len2))
            return q.distance(to: a + d * t)
        }
        func run(_ pts: ArraySlice<Point>) -> [Point] {
            guard pts.count > 2, let first = pts.first, let last = pts.last else { return Array(pts) }
            var best = 0.0, index = pts.startIndex
            for i in pts.indices.dropFirst().dropLast() {
                let d = distance(pts[i], first, last)
                if d > best { best = d; index = i }
            }
            if best <= tolerance { return [first, last] }
            return Array(run(pts[pts.startIndex...index]).dropLast()) + run(pts[index...])
        }
        let closed = p + [p[0]]
        return Array(run(closed[...]).dropLast())
    }
}
