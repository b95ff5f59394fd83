/// The cells of a square lattice that rectangles cover whole (how many, up to 2), summed in
/// a summed-area table. A box that holds a whole covered cell meets that rectangle, so it is
/// ruled out in four lookups, with no query of the rectangles: a search over thousands of candidate boxes
/// (an inset's room on a crowded map, where none is free) then queries only the few that
/// may be free. A box that holds no covered cell may still meet a rectangle: the caller
/// still asks the rectangles of the boxes that pass.
public struct CoveredCells: Sendable {
    public let origin: Point
    public let step: Double
    public let columns: Int
    public let rows: Int
    /// How many rectangles cover each cell whole, up to 2: enough to tell, with one
    /// rectangle set apart, whether another covers it, and the sums stay within Int32 for
    /// the largest lattice (4096 x 4096 cells).
    private var coverage: [UInt8]
    /// sums[(j * (columns + 1)) + i]: the coverage of the cells left of column i and above row j.
    private var sums: [Int32]

    public init(rects: [Rect], over area: Rect, step: Double) {
        origin = Point(area.minX, area.minY)
        self.step = max(step, 0.5)
        columns = max(0, min(4096, Int((area.width / self.step).rounded(.up))))
        rows = max(0, min(4096, Int((area.height / self.step).rounded(.up))))
        coverage = Array(repeating: 0, count: columns * rows)
        sums = []
        for r in rects { mark(r) }
        total()
    }

    /// Marks what `rect` covers whole, and counts again.
    public mutating func cover(_ rect: Rect) {
        mark(rect)
        total()
    }

    /// Whether `box` holds, whole, a cell that a rectangle covers whole: then it meets one.
    public func holdsCoveredCell(_ box: Rect) -> Bool {
        let (x0, x1) = inside(box.minX, box.maxX, from: origin.x, count: columns)
        let (y0, y1) = inside(box.minY, box.maxY, from: origin.y, count: rows)
        guard x0 < x1, y0 < y1 else { return false }
        return summed(x0, x1, y0, y1) > 0
    }

    /// Whether `box` holds, whole, a cell that a rectangle other than `own` covers whole (`own`
    /// one of the rectangles counted, e.g. a label's own marker, which it may touch): the
    /// cells `own` covers within the box are taken off the box's coverage, and what is left is
    /// some other rectangle's. The placer asks it of every spot it tries: four lookups.
    public func holdsCoveredCell(_ box: Rect, apartFrom own: Rect) -> Bool {
        let (x0, x1) = inside(box.minX, box.maxX, from: origin.x, count: columns)
        let (y0, y1) = inside(box.minY, box.maxY, from: origin.y, count: rows)
        guard x0 < x1, y0 < y1 else { return false }
        var n = Int(summed(x0, x1, y0, y1))
        guard n > 0 else { return false }
        let (ownX0, ownX1) = inside(own.minX, own.maxX, from: origin.x, count: columns)
        let (ownY0, ownY1) = inside(own.minY, own.maxY, from: origin.y, count: rows)
        n -= max(0, min(x1, ownX1) - max(x0, ownX0)) * max(0, min(y1, ownY1) - max(y0, ownY0))
        return n > 0
    }

    /// The summed coverage of the cells in columns `x0..<x1` and rows `y0..<y1`.
    @inline(__always)
    private func summed(_ x0: Int, _ x1: Int, _ y0: Int, _ y1: Int) -> Int32 {
        sums.withUnsafeBufferPointer { sums in
            let w = columns + 1
            return sums[y1 * w + x1] &- sums[y0 * w + x1] &- sums[y1 * w + x0] &+ sums[y0 * w + x0]
        }
    }

    /// The cells wholly within `low..<high` along one side, as `first..<last` (empty where
    /// `first >= last`). Clamped before converting, so no coordinate (huge, infinite or NaN:
    /// every comparison with NaN fails) can trap in `Int(_:)`. `first` is the ceiling and
    /// `last` the floor, by truncation (exact for values between 0 and `count`, clamped
    /// outside): `ceil` and `floor` are library calls on this target, and the placer asks
    /// this of every spot it tries.
    @inline(__always)
    private func inside(_ low: Double, _ high: Double, from start: Double, count: Int) -> (Int, Int) {
        let a = (low - start) / step, b = (high - start) / step
        let limit = Double(count)
        var first = 0
        if a > 0 {
            if a < limit {
                first = Int(a)
                if Double(first) < a { first += 1 }
            } else {
                first = count
            }
        }
        let last = b > 0 ? (b < limit ? Int(b) : count) : 0
        return (first, last)
    }

    private mutating func mark(_ r: Rect) {
        let (x0, x1) = inside(r.minX, r.maxX, from: origin.x, count: columns)
        let (y0, y1) = inside(r.minY, r.maxY, from: origin.y, count: rows)
        guard x0 < x1, y0 < y1 else { return }
        for j in y0..<y1 { for i in x0..<x1 where coverage[j * columns + i] < 2 { coverage[j * columns + i] += 1 } }
    }

    private mutating func total() {
        let w = columns + 1
        sums = Array(repeating: 0, count: w * (rows + 1))
        for j in 0..<rows {
            var row: Int32 = 0
            for i in 0..<columns {
                row += Int32(coverage[j * columns + i])
                sums[(j + 1) * w + i + 1] = sums[j * w + i + 1] + row
            }
        }
    }
}
