/// A uniform grid of buckets over rectangles, so "what overlaps this box?" costs about O(1)
/// when the boxes are of similar size to a cell. Rectangles outside `bounds` land in the
/// border cells, so nothing is ever lost. Each rectangle carries an integer payload (an
/// owner index); the type is not generic so that it stays fast across module boundaries.
public struct SpatialGrid {
    public typealias Payload = Int
    public private(set) var items: [(rect: Rect, payload: Int)] = []
    private var buckets: [[Int32]]
    private let origin: Point
    private let cell: Double
    private let columns: Int
    private let rows: Int
    /// When set, every query adds the stored boxes it looked at to `obstacleQueries`.
    public var work: WorkAccumulator?

    public init(bounds: Rect, cellSize: Double) {
        precondition(cellSize > 0, "cell size must be positive")
        cell = cellSize
        origin = bounds.origin
        columns = max(1, min(4096, Int((bounds.width / cellSize).rounded(.up))))
        rows = max(1, min(4096, Int((bounds.height / cellSize).rounded(.up))))
        buckets = Array(repeating: [], count: columns * rows)
    }

    @inline(__always) private func column(_ x: Double) -> Int { Self.clampedIndex((x - origin.x) / cell, count: columns) }
    @inline(__always) private func row(_ y: Double) -> Int { Self.clampedIndex((y - origin.y) / cell, count: rows) }

    /// The cell index of a coordinate, clamped to the grid before converting, so a coordinate
    /// of 1e21 or NaN lands in an edge cell instead of trapping in `Int(_:)`.
    /// Comparisons first (NaN fails `v >= 0`), so the usual case is one truncation: for
    /// 0 <= v < count - 1 truncating is rounding down.
    @inline(__always)
    private static func clampedIndex(_ v: Double, count: Int) -> Int {
        guard v >= 0 else { return 0 }
        guard v < Double(count - 1) else { return count - 1 }
        return Int(v)
    }

    public mutating func insert(_ rect: Rect, _ payload: Payload) {
        let index = Int32(items.count)
        items.append((rect, payload))
        for y in row(rect.minY)...row(rect.maxY) {
            for x in column(rect.minX)...column(rect.maxX) { buckets[y * columns + x].append(index) }
        }
    }

    /// Indices of the stored rectangles whose interiors meet `rect`, in insertion order.
    public func indicesIntersecting(_ rect: Rect) -> [Int] {
        var found = Set<Int>()
        for y in row(rect.minY)...row(rect.maxY) {
            for x in column(rect.minX)...column(rect.maxX) {
                work?.count(.obstacleQueries, buckets[y * columns + x].count)
                for i in buckets[y * columns + x] where items[Int(i)].rect.intersects(rect) { found.insert(Int(i)) }
            }
        }
        return found.sorted()
    }

    /// True when a stored rectangle other than those with payload `excluded` meets `rect`.
    /// The placer's hottest query (every spot tried asks it): read through buffer pointers, so
    /// no bucket is retained and released and no index is bounds-checked twice.
    public func anyIntersects(_ rect: Rect, excluding excluded: Int) -> Bool {
        let x0 = column(rect.minX), x1 = column(rect.maxX), y0 = row(rect.minY), y1 = row(rect.maxY)
        var looked = 0
        var found = false
        items.withUnsafeBufferPointer { items in
            buckets.withUnsafeBufferPointer { buckets in
                rows: for y in y0...y1 {
                    for x in x0...x1 {
                        buckets[y * columns + x].withUnsafeBufferPointer { bucket in
                            for i in bucket {
                                looked += 1
                                let item = items[Int(i)]
                                if item.payload != excluded && item.rect.intersects(rect) { found = true; return }
                            }
                        }
                        if found { break rows }
                    }
                }
            }
        }
        work?.count(.obstacleQueries, looked)
        return found
    }

    public func anyIntersects(_ rect: Rect, where accept: (Payload) -> Bool = { _ in true }) -> Bool {
        anyCandidate(near: rect) { items[$0].rect.intersects(rect) && accept(items[$0].payload) }
    }

    /// Calls `body` once per stored rectangle near `rect` (its cells), possibly more than once
    /// for large rectangles; the caller tests the geometry.
    public func forEachCandidate(near rect: Rect, _ body: (Int) -> Void) {
        let x0 = column(rect.minX), x1 = column(rect.maxX), y0 = row(rect.minY), y1 = row(rect.maxY)
        buckets.withUnsafeBufferPointer { buckets in
            for y in y0...y1 {
                for x in x0...x1 {
                    buckets[y * columns + x].withUnsafeBufferPointer { bucket in
                        work?.count(.obstacleQueries, bucket.count)
                        for i in bucket { body(Int(i)) }
                    }
                }
            }
        }
    }

    /// Whether `test` holds for a stored rectangle near `rect` (its cells), stopping at the
    /// first that does: a leader through a knot of thousands of markers is blocked by the
    /// first it meets, and the rest need not be looked at.
    public func anyCandidate(near rect: Rect, _ test: (Int) -> Bool) -> Bool {
        let x0 = column(rect.minX), x1 = column(rect.maxX), y0 = row(rect.minY), y1 = row(rect.maxY)
        var found = false
        buckets.withUnsafeBufferPointer { buckets in
            rows: for y in y0...y1 {
                for x in x0...x1 {
                    buckets[y * columns + x].withUnsafeBufferPointer { bucket in
                        var looked = 0
                        for i in bucket {
                            looked += 1
                            if test(Int(i)) { found = true; break }
                        }
                        work?.count(.obstacleQueries, looked)
                    }
                    if found { break rows }
                }
            }
        }
        return found
    }
}
