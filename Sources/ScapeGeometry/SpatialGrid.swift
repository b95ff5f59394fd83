/// A uniform grid of buckets over rectangles, so "what overlaps this box?" costs about O(1)
/// when the boxes are of similar size to a cell.
public struct SpatialGrid<Payload> {
    public private(set) var items: [(rect: Rect, payload: Payload)] = []
    private var buckets: [Int: [Int]] = [:]
    private let cell: Double

    public init(cellSize: Double) {
        precondition(cellSize > 0, "cell size must be positive")
        self.cell = cellSize
    }

    private func cellRange(_ r: Rect) -> (ClosedRange<Int>, ClosedRange<Int>) {
        let x0 = Int((r.minX / cell).rounded(.down)), x1 = Int((r.maxX / cell).rounded(.down))
        let y0 = Int((r.minY / cell).rounded(.down)), y1 = Int((r.maxY / cell).rounded(.down))
        return (x0...max(x0, x1), y0...max(y0, y1))
    }

    private static func key(_ x: Int, _ y: Int) -> Int { (x &* 73_856_093) ^ (y &* 19_349_663) }

    public mutating func insert(_ rect: Rect, _ payload: Payload) {
        let index = items.count
        items.append((rect, payload))
        let (xs, ys) = cellRange(rect)
        for x in xs { for y in ys { buckets[Self.key(x, y), default: []].append(index) } }
    }

    /// Indices of the stored rectangles whose interiors meet `rect`, in insertion order.
    public func indicesIntersecting(_ rect: Rect) -> [Int] {
        let (xs, ys) = cellRange(rect)
        var seen = Set<Int>()
        var found: [Int] = []
        for x in xs {
            for y in ys {
                for i in buckets[Self.key(x, y)] ?? [] where !seen.contains(i) {
                    seen.insert(i)
                    if items[i].rect.intersects(rect) { found.append(i) }
                }
            }
        }
        return found.sorted()
    }

    public func anyIntersects(_ rect: Rect, where accept: (Payload) -> Bool = { _ in true }) -> Bool {
        let (xs, ys) = cellRange(rect)
        for x in xs {
            for y in ys {
                for i in buckets[Self.key(x, y)] ?? [] where items[i].rect.intersects(rect) && accept(items[i].payload) {
                    return true
                }
            }
        }
        return false
    }
}
