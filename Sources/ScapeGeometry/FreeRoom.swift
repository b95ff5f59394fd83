/// The room still free among things already drawn: an area cut into square cells, each
/// blocked or free, and the largest free rectangle in it. A legend goes where a figure is
/// empty (a cartographer's key in the map's open sea), so it need not grow the figure.
///
/// Blocking rounds outwards to whole cells, so a rectangle found free is free of everything
/// blocked; cells make the search linear in the area (a histogram sweep per row of cells),
/// whatever the number of things drawn.
public struct FreeRoom: Sendable {
    public let area: Rect
    public let cell: Double
    public let columns: Int
    public let rows: Int
    private var blocked: [Bool]

    /// At most this many cells a side, however large the area: a coarser cell past it.
    public static let mostCellsPerSide = 1024

    public init(area: Rect, cell: Double) {
        let side = max(area.width, area.height, 1)
        let size = max(cell, side / Double(Self.mostCellsPerSide), 0.5)
        self.area = area
        self.cell = size
        columns = max(0, Int((area.width / size).rounded(.down)))
        rows = max(0, Int((area.height / size).rounded(.down)))
        blocked = Array(repeating: false, count: columns * rows)
    }

    /// Cells wholly inside `r`'s column (or row) range `low..<high`, clamped to the grid.
    private func span(_ low: Double, _ high: Double, from origin: Double, count: Int) -> Range<Int>? {
        guard low.isFinite, high.isFinite, high > low else { return nil }
        let a = Int(max(0, min(Double(count), ((low - origin) / cell).rounded(.down))))
        let b = Int(max(0, min(Double(count), ((high - origin) / cell).rounded(.up))))
        return a < b ? a..<b : nil
    }

    /// Blocks every cell `r` touches.
    public mutating func block(_ r: Rect) {
        guard let xs = span(r.minX, r.maxX, from: area.minX, count: columns),
              let ys = span(r.minY, r.maxY, from: area.minY, count: rows) else { return }
        for y in ys { for x in xs { blocked[y * columns + x] = true } }
    }

    /// Blocks the cells along a line, `width` wide: a leader or an axis blocks its own course,
    /// not the box round it.
    public mutating func block(from a: Point, to b: Point, width: Double) {
        let length = a.distance(to: b)
        guard length.isFinite else { return }
        let steps = max(1, Int((length / (cell / 2)).rounded(.up)))
        for k in 0...steps {
            let t = Double(k) / Double(steps)
            block(Rect(center: Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t), size: Size(width, width)))
        }
    }

    /// Whether every cell `r` touches is free (cells outside the area count as blocked).
    public func isFree(_ r: Rect) -> Bool {
        guard area.contains(r), let xs = span(r.minX, r.maxX, from: area.minX, count: columns),
              let ys = span(r.minY, r.maxY, from: area.minY, count: rows) else { return false }
        for y in ys { for x in xs where blocked[y * columns + x] { return false } }
        return true
    }

    /// The free rectangle of the largest area at least `minimum` wide and tall, in whole
    /// cells, or nil. Ties go to the first in reading order (top row first, then left).
    /// Every largest free rectangle is maximal (it cannot widen or heighten), and each
    /// maximal one is met in the sweep: per row of cells, the free run above each cell is a
    /// bar, and a stack of bars yields each bar's widest span.
    public func largest(atLeast minimum: Size) -> Rect? {
        let minW = Int((minimum.width / cell).rounded(.up)), minH = Int((minimum.height / cell).rounded(.up))
        guard columns > 0, rows > 0 else { return nil }
        var heights = Array(repeating: 0, count: columns)
        var best: (area: Int, x: Int, y: Int, w: Int, h: Int)?
        var stack: [Int] = []
        stack.reserveCapacity(columns + 1)
        for y in 0..<rows {
            for x in 0..<columns { heights[x] = blocked[y * columns + x] ? 0 : heights[x] + 1 }
            stack.removeAll(keepingCapacity: true)
            for x in 0...columns {
                let h = x < columns ? heights[x] : 0
                while let top = stack.last, heights[top] >= h {
                    stack.removeLast()
                    let barHeight = heights[top]
                    let left = stack.last.map { $0 + 1 } ?? 0
                    let width = x - left
                    guard barHeight >= max(1, minH), width >= max(1, minW) else { continue }
                    let a = barHeight * width
                    let topRow = y - barHeight + 1
                    if best == nil || a > best!.area || (a == best!.area && (topRow, left) < (best!.y, best!.x)) {
                        best = (a, left, topRow, width, barHeight)
                    }
                }
                stack.append(x)
            }
        }
        guard let b = best else { return nil }
        return Rect(x: area.minX + Double(b.x) * cell, y: area.minY + Double(b.y) * cell, width: Double(b.w) * cell, height: Double(b.h) * cell)
    }
}
