/// The cells of a square lattice that some rectangle covers whole, counted in a summed-area
/// table. A box that holds a whole covered cell meets that rectangle, so it is ruled out in
/// four lookups, with no query of the rectangles: a search over thousands of candidate boxes
/// (an inset's room on a crowded map, where none is free) then queries only the few that
/// may be free. A box that holds no covered cell may still meet a rectangle: the caller
/// still asks the rectangles of the boxes that pass.
public struct CoveredCells: Sendable {
    public let origin: Point
    public let step: Double
    public let columns: Int
    public let rows: Int
    private var covered: [Bool]
    /// sums[(j * (columns + 1)) + i]: the covered cells left of column i and above row j.
    private var sums: [Int32]

    public init(rects: [Rect], over area: Rect, step: Double) {
        origin = Point(area.minX, area.minY)
        self.step = max(step, 0.5)
        columns = max(0, min(4096, Int((area.width / self.step).rounded(.up))))
        rows = max(0, min(4096, Int((area.height / self.step).rounded(.up))))
        covered = Array(repeating: false, count: columns * rows)
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
        guard let xs = inside(box.minX, box.maxX, from: origin.x, count: columns),
              let ys = inside(box.minY, box.maxY, from: origin.y, count: rows) else { return false }
        let w = columns + 1
        let n = sums[ys.upperBound * w + xs.upperBound] - sums[ys.lowerBound * w + xs.upperBound]
            - sums[ys.upperBound * w + xs.lowerBound] + sums[ys.lowerBound * w + xs.lowerBound]
        return n > 0
    }

    /// The cells wholly within `low..<high` along one side.
    private func inside(_ low: Double, _ high: Double, from start: Double, count: Int) -> Range<Int>? {
        guard low.isFinite, high.isFinite, high > low else { return nil }
        let first = max(0, Int(((low - start) / step).rounded(.up)))
        let last = min(count, Int(((high - start) / step).rounded(.down)))
        return first < last ? first..<last : nil
    }

    private mutating func mark(_ r: Rect) {
        guard let xs = inside(r.minX, r.maxX, from: origin.x, count: columns),
              let ys = inside(r.minY, r.maxY, from: origin.y, count: rows) else { return }
        for j in ys { for i in xs { covered[j * columns + i] = true } }
    }

    private mutating func total() {
        let w = columns + 1
        sums = Array(repeating: 0, count: w * (rows + 1))
        for j in 0..<rows {
            var row: Int32 = 0
            for i in 0..<columns {
                if covered[j * columns + i] { row += 1 }
                sums[(j + 1) * w + i + 1] = sums[j * w + i + 1] + row
            }
        }
    }
}
