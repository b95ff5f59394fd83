import ScapeGeometry

/// The blips placed so far, bucketed in square cells as wide as the spacing the radar wants,
/// so "is any blip closer than the spacing to this spot, and how close is the nearest" looks
/// at the 3 x 3 cells around the spot instead of every blip: placing n blips is near-linear.
/// Distances are exactly those of `Point.distance`, so the placement is the same as a full scan.
///
/// The radar asks that of the same 400 candidate spots per ring and sector for every blip
/// (4 million questions for 10,000 blips), so the grid also keeps registered spots (`addSpots`)
/// with the nearest blip each has been compared with. An insert only marks the spots in the
/// cells around it as stale; a stale spot, when asked, compares just the blips inserted since
/// it was last asked. No blip is compared with a spot twice, and a spot nobody asks about
/// again costs nothing, so small radars compare no more than a scan per question did.
struct BlipSpacingGrid {
    let spacing: Double
    private let origin: Point
    private let columns: Int
    private let rows: Int
    /// x and y of the points in each cell, flat, row-major.
    private var cells: [[Double]]
    /// Per cell, the insert number of each of its points (ascending: cells only grow).
    private var serials: [[Int]]
    /// How many points were inserted.
    private var inserted = 0
    /// The registered spots; per spot the squared distance to the nearest blip it was compared
    /// with (infinity: none), how many blips had been inserted then, and whether a blip has
    /// since been inserted in the cells around it.
    private var spots: [Point] = []
    private var spotNearestSquared: [Double] = []
    private var spotSeen: [Int] = []
    private var spotStale: [Bool] = []
    /// The indices of the spots in each cell, as `cells` holds blips.
    private var spotCells: [[Int32]]
    /// Blips compared with a spot (`blipSpacingChecks`).
    private let work = WorkAccumulator()

    /// `bounds` holds every point that will be inserted or asked about.
    init(spacing: Double, bounds: Rect) {
        self.spacing = spacing
        origin = Point(bounds.origin.x - spacing, bounds.origin.y - spacing)
        columns = max(1, min(1024, Int((bounds.size.width / spacing).rounded(.up)) + 3))
        rows = max(1, min(1024, Int((bounds.size.height / spacing).rounded(.up)) + 3))
        cells = Array(repeating: [], count: columns * rows)
        serials = Array(repeating: [], count: columns * rows)
        spotCells = Array(repeating: [], count: columns * rows)
    }

    private func index(_ v: Double, _ count: Int) -> Int {
        guard v.isFinite else { return 0 }
        return Int(min(Double(count - 1), max(0, v.rounded(.down))))
    }

    private func cell(of p: Point) -> (x: Int, y: Int) {
        (index((p.x - origin.x) / spacing, columns), index((p.y - origin.y) / spacing, rows))
    }

    mutating func insert(_ p: Point) {
        let (cx, cy) = cell(of: p)
        cells[cy * columns + cx].append(p.x)
        cells[cy * columns + cx].append(p.y)
        serials[cy * columns + cx].append(inserted)
        inserted += 1
        // Spots in the cells around this blip have it in the cells around them too.
        for y in max(0, cy - 1)...min(rows - 1, cy + 1) {
            for x in max(0, cx - 1)...min(columns - 1, cx + 1) {
                for s in spotCells[y * columns + x] { spotStale[Int(s)] = true }
            }
        }
    }

    /// Registers candidate spots, answered from then on by `nearestWithinSpacing(spot:)`;
    /// returns their indices.
    mutating func addSpots(_ points: [Point]) -> Range<Int> {
        let first = spots.count
        for p in points {
            let (cx, cy) = cell(of: p)
            spotCells[cy * columns + cx].append(Int32(spots.count))
            spots.append(p)
            spotNearestSquared.append(.infinity)
            spotSeen.append(0)
            spotStale.append(true)
        }
        return first..<spots.count
    }

    func spot(_ i: Int) -> Point { spots[i] }

    /// What `nearestWithinSpacing(of: spot(i))` answers, comparing only the blips inserted
    /// around the spot since it was last asked.
    mutating func nearestWithinSpacing(spot i: Int) -> Double? {
        if spotStale[i] {
            let p = spots[i], seen = spotSeen[i]
            var nearestSquared = spotNearestSquared[i]
            let (cx, cy) = cell(of: p)
            var compared = 0
            for y in max(0, cy - 1)...min(rows - 1, cy + 1) {
                for x in max(0, cx - 1)...min(columns - 1, cx + 1) {
                    // The cell's blips inserted since: the tail of its list.
                    serials[y * columns + x].withUnsafeBufferPointer { serial in
                        cells[y * columns + x].withUnsafeBufferPointer { xy in
                            var j = serial.count - 1
                            while j >= 0 && serial[j] >= seen {
                                let dx = xy[2 * j] - p.x, dy = xy[2 * j + 1] - p.y
                                nearestSquared = min(nearestSquared, dx * dx + dy * dy)
                                j -= 1
                            }
                            compared += serial.count - 1 - j
                        }
                    }
                }
            }
            work.count(.blipSpacingChecks, compared)
            spotNearestSquared[i] = nearestSquared
            spotSeen[i] = inserted
            spotStale[i] = false
        }
        // The square root of the least square is the least `Point.distance`: the same sum, rounded once.
        let nearest = spotNearestSquared[i].squareRoot()
        return nearest < spacing ? nearest : nil
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
