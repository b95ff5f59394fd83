import ScapeGeometry

/// Stack markers moved apart where two discs would lie over each other. Stacks grow only
/// while their members keep within a spread (and one quadrant), so two neighbouring stacks
/// can be left with discs overlapping, each hiding the other's edge: they read as one blot
/// with two counts. Each of the two moves away from the other by half the overlap (and a
/// point to spare), by at most `most`, and only where it then lies over no other marker.
/// Members keep their own dots at their true spots under the disc.
struct StackSpacing {
    /// The least room between two discs' edges.
    static let gap = 1.0
    /// Rounds of moves: a disc moved off one neighbour may come nearer another.
    static let rounds = 3

    /// `requests`: the units' requests (anchor and drawn radius); `stacks`: the indices of
    /// those that are stacks; `stays`: whether a stack may stand at a point (its quadrant).
    static func spread(_ requests: inout [LabelRequest], stacks: [Int], most: Double, stays: (Int, Point) -> Bool) {
        guard stacks.count > 1 else { return }
        let home = requests.map(\.anchor)
        let widest = requests.map(\.anchorRadius).max() ?? 0
        for _ in 0..<rounds {
            var grid = SpatialGrid(bounds: Rect(enclosing: requests.lazy.map(\.anchor)).outsetBy(2 * widest + most), cellSize: max(1, 2 * widest))
            for (u, r) in requests.enumerated() { grid.insert(Rect(center: r.anchor, size: .zero), u) }
            var moved = false
            let isStack = Set(stacks)
            for u in stacks {
                var near: [Int] = []
                grid.forEachCandidate(near: Rect(center: requests[u].anchor, size: Size(4 * widest, 4 * widest))) { k in
                    let v = grid.items[k].payload
                    if v > u, isStack.contains(v) { near.append(v) }
                }
                for v in near {
                    let (a, b) = (requests[u], requests[v])
                    let d = a.anchor.distance(to: b.anchor), need = a.anchorRadius + b.anchorRadius + gap
                    guard d < need, d > 0 else { continue }
                    let push = (b.anchor - a.anchor).normalized * ((need - d) / 2)
                    let (pu, pv) = (a.anchor - push, b.anchor + push)
                    guard pu.distance(to: home[u]) <= most, pv.distance(to: home[v]) <= most, stays(u, pu), stays(v, pv),
                          clear(pu, of: u, besides: v, requests, grid, widest), clear(pv, of: v, besides: u, requests, grid, widest) else { continue }
                    requests[u].anchor = pu
                    requests[v].anchor = pv
                    moved = true
                }
            }
            guard moved else { return }
        }
    }

    /// Whether unit u's disc at `p` lies over no marker but its own and `other`'s.
    static func clear(_ p: Point, of u: Int, besides other: Int, _ requests: [LabelRequest], _ grid: SpatialGrid, _ widest: Double) -> Bool {
        let r = requests[u].anchorRadius
        var clear = true
        grid.forEachCandidate(near: Rect(center: p, size: Size(2 * (r + widest), 2 * (r + widest)))) { k in
            let w = grid.items[k].payload
            guard clear, w != u, w != other else { return }
            if requests[w].anchor.distance(to: p) < r + requests[w].anchorRadius { clear = false }
        }
        return clear
    }
}
