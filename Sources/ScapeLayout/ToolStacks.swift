import ScapeGeometry

/// Tools whose markers would overlap (centres closer than a marker's diameter) read as one
/// blot: they are drawn as one stack marker with a count, and named by one list. Greedy and
/// deterministic: the tool with the most such neighbours seeds a stack of itself and every
/// unassigned tool within a diameter of it, then the next, so each stack is no wider than
/// two diameters and a chain of near tools is cut into several stacks, not one long one.
struct ToolStacks {
    /// Each stack's member indices (two or more), in input order; stacks ordered by their
    /// first member.
    var groups: [[Int]] = []
    /// The stack a tool belongs to (an index into `groups`), if any.
    var stackOf: [Int: Int] = [:]

    /// Past this many tools markers are dots in a cloud, and stacking them shows nothing.
    static let limit = 2000

    init(anchors: [Point], diameter: Double) {
        guard anchors.count > 1, anchors.count <= Self.limit, diameter > 0 else { return }
        let area = anchors.dropFirst().reduce(Rect(center: anchors[0], size: .zero)) { $0.union(Rect(center: $1, size: .zero)) }
        var grid = SpatialGrid(bounds: area.outsetBy(diameter), cellSize: diameter)
        for (i, a) in anchors.enumerated() { grid.insert(Rect(center: a, size: .zero), i) }
        func near(_ i: Int) -> [Int] {
            var out: [Int] = []
            grid.forEachCandidate(near: Rect(center: anchors[i], size: Size(2 * diameter, 2 * diameter))) { k in
                let j = grid.items[k].payload
                if j != i, anchors[j].distance(to: anchors[i]) < diameter { out.append(j) }
            }
            return out
        }
        let neighbours = anchors.indices.map(near)
        let seeds = anchors.indices.filter { !neighbours[$0].isEmpty }
            .sorted { (neighbours[$0].count, -$0) > (neighbours[$1].count, -$1) }
        var taken = Set<Int>()
        var found: [[Int]] = []
        for s in seeds where !taken.contains(s) {
            let members = ([s] + neighbours[s].filter { !taken.contains($0) }).sorted()
            guard members.count > 1 else { continue }
            taken.formUnion(members)
            found.append(members)
        }
        groups = found.sorted { $0[0] < $1[0] }
        for (g, members) in groups.enumerated() { for i in members { stackOf[i] = g } }
    }

    /// Where a stack's marker goes: the middle of its members' markers.
    static func center(of members: [Int], anchors: [Point]) -> Point {
        let sum = members.reduce(Point(0, 0)) { $0 + anchors[$1] }
        return Point(sum.x / Double(members.count), sum.y / Double(members.count))
    }
}
