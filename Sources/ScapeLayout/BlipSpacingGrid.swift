import ScapeGeometry

/// The blips placed so far, bucketed in square cells as wide as the spacing the radar wants,
/// so "is any blip closer than the spacing to this spot, and how close is the nearest" looks
/// at the 3 x 3 cells around the spot instead of every blip: placing n blips is near-linear.
/// Distances are exactly those of `Point.distance`, so the placement is the same as a full scan.
struct BlipSpacingGrid {
    let spacing: Double
    private let origin: Point
    private let columns: Int
    private let rows: Int
    /// x and y of the points in each cell, flat, row-major.
    private var cells: [[Double]]
    /// Blips compared (`blipSpacingChecks`).
    private let work = WorkAccumulator()

    /// `bounds` holds every point that will be inserted or asked about.
    init(spacing: Double, bounds: Rect) {
        self.spacing = spacing
        origin = Point(bounds.origin.x - spacing, bounds.origin.y - spacing)
        columns = max(1, min(1024, Int((bounds.size.width / spacing).rounded(.up)) + 3))
        rows = max(1, min(1024, Int((bounds.size.height / spacing).rounded(.up)) + 3))
        cells = Array(repeating: [], count: columns * rows)
    }

    private func index(_ v: Double, _ count: Int) -> Int {
        guard v.isFinite else { return 0 }
        return Int(min(Double(count - 1), max(0, v.rounded(.down))))
    }

    mutating func insert(_ p: Point) {
        let cx = index((p.x - origin.x) / spacing, columns), cy = index((p.y - origin.y) / spacing, rows)
        cells[cy * columns + cx].append(p.x)
        cells[cy * columns + cx].append(p.y)
    }

    /// The distance from `p` to the nearest blip when it is below `spacing`, else nil (none
    /// that close). Stops early, returning a distance at most `giveUpAt`, once the spot is
    /// known to be no farther from its nearest neighbour than that.
    func nearestWithinSpacing(of p: Point, giveUpAt: Double = -1) -> Double? {
        let cx = index((p.x - origin.x) / spacing, columns), cy = index((p.y - origin.y) / spacing, rows)
        var nearestSquared = Double.infinity
        var nearest = Double.infinity
        for y in max(0, cy - 1)...min(rows - 1, cy + 1) {
            for x in max(0, cx - 1)...min(columns - 1, cx + 1) {
                work.count(.blipSpacingChecks, cells[y * columns + x].count / 2)
                cells[y * columns + x].withUnsafeBufferPointer { xy in
                    var i = 0
                    while i < xy.count {
                        let dx = xy[i] - p.x, dy = xy[i + 1] - p.y
                        let squared = dx * dx + dy * dy
                        if squared < nearestSquared {
                            nearestSquared = squared
                            nearest = Point(xy[i], xy[i + 1]).distance(to: p)
                        }
                        i += 2
                    }
                }
                if nearest <= giveUpAt { return nearest }
            }
        }
        return nearest < spacing ? nearest : nil
    }
}
