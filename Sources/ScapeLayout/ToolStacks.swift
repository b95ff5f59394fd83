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
        let area = Rect(enclosing: anchors)
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

    /// These stacks with each of `lost` (units, a tool alone or a stack, that found no room
    /// for a name or a number) joined to the nearest tool outside it within `reach`: to that
    /// tool's stack, or to a new stack of the two. The cartographer's aggregation: a tool deep
    /// in a knot, where nothing of its own fits, is named in a list or legend entry with its
    /// neighbour rather than not at all. Its own spot stays drawn as a dot under the stack.
    /// No joined stack spans more than `spread` across, so rounds of joins never chain a
    /// row of markers into one stack far from its members; except two stacks whose markers
    /// (centres closer than `touching`) read as one blot anyway, as tools closer than a
    /// marker's diameter do.
    /// Nor does a join take in a tool across an axis (`side`: each tool's side of the x and y
    /// axes, -1 or 1, or 0 on the axis): a stack names tools of one quadrant.
    func joining(_ lost: [[Int]], anchors: [Point], reach: Double, spread: Double, touching: Double = 0,
                 side: (Int) -> (x: Int, y: Int) = { _ in (0, 0) }) -> ToolStacks {
        guard !lost.isEmpty, reach > 0, anchors.count > 1 else { return self }
        let area = Rect(enclosing: anchors)
        var grid = SpatialGrid(bounds: area.outsetBy(reach), cellSize: reach)
        for (i, a) in anchors.enumerated() { grid.insert(Rect(center: a, size: .zero), i) }
        // Each tool's stack as a list of members, shared by index; nil: alone.
        var groupOf = [Int?](repeating: nil, count: anchors.count)
        var members: [[Int]] = groups
        for (g, m) in groups.enumerated() { for i in m { groupOf[i] = g } }
        func group(_ i: Int) -> [Int] { groupOf[i].map { members[$0] } ?? [i] }
        func extent(_ tools: [Int]) -> Rect { Rect(enclosing: tools.lazy.map { anchors[$0] }) }
        for unit in lost {
            let own = group(unit[0])
            let inside = Set(own)
            var near: [(distance: Double, index: Int)] = []
            for i in own {
                grid.forEachCandidate(near: Rect(center: anchors[i], size: Size(2 * reach, 2 * reach))) { k in
                    let j = grid.items[k].payload
                    let d = anchors[j].distance(to: anchors[i])
                    if !inside.contains(j), d <= reach { near.append((d, j)) }
                }
            }
            near.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
            for (_, j) in near {
                let union = (own + group(j)).sorted()
                let box = extent(union)
                let blot = Self.center(of: own, anchors: anchors).distance(to: Self.center(of: group(j), anchors: anchors)) < touching
                guard max(box.width, box.height) <= spread || blot, Self.takesNoNewQuadrant(own, group(j), side: side) else { continue }
                let g = groupOf[j] ?? groupOf[unit[0]] ?? members.count
                if g == members.count { members.append([]) }
                for old in Set([groupOf[j], groupOf[unit[0]]].compactMap { $0 }) where old != g { members[old] = [] }
                members[g] = union
                for i in union { groupOf[i] = g }
                break
            }
        }
        var joined = ToolStacks(anchors: [], diameter: 0)
        joined.groups = members.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        for (g, m) in joined.groups.enumerated() { for i in m { joined.stackOf[i] = g } }
        return joined
    }

    /// These stacks grown until no stack's marker overlaps another marker: a stack's disc is
    /// wider than a tool's and sits at its members' middle, so it can cover a neighbour (a
    /// tool, or another stack) that was more than a diameter from each member. What it would
    /// cover joins it, and the stacks are checked again, up to `rounds` times; but never into
    /// a stack wider than `spread`, so a dense knot is not swallowed whole by one marker.
    /// `toolRadius`, `stackRadius`: the drawn radius of a tool alone (by index) and of a
    /// stack (by its member count).
    func mergingOverlaps(anchors: [Point], toolRadius: (Int) -> Double, stackRadius: (Int) -> Double, spread: Double, rounds: Int = 8,
                         side: (Int) -> (x: Int, y: Int) = { _ in (0, 0) }) -> ToolStacks {
        guard !groups.isEmpty, anchors.count > 1 else { return self }
        var current = self
        for _ in 0..<rounds {
            // The units as drawn: a stack's marker at its middle, a tool alone at its spot.
            var units: [(center: Point, radius: Double, members: [Int])] = current.groups.map { ($0.isEmpty ? .zero : Self.center(of: $0, anchors: anchors), stackRadius($0.count), $0) }
            for i in anchors.indices where current.stackOf[i] == nil { units.append((anchors[i], toolRadius(i), [i])) }
            let widest = units.map(\.radius).max() ?? 0
            let area = Rect(enclosing: units.lazy.map(\.center))
            var grid = SpatialGrid(bounds: area.outsetBy(2 * widest), cellSize: max(1, 2 * widest))
            for (u, unit) in units.enumerated() { grid.insert(Rect(center: unit.center, size: .zero), u) }
            var parent = Array(units.indices)
            func root(_ u: Int) -> Int {
                var r = u
                while parent[r] != r { r = parent[r] }
                return r
            }
            // Each set's extent and members, kept at its root, so a merge is judged by what it would make.
            var extent = units.map { unit in Rect(enclosing: unit.members.lazy.map { anchors[$0] }) }
            var gathered = units.map(\.members)
            var merged = false
            // Only stacks grew wider than a tool: each is checked against every unit near it.
            for u in current.groups.indices {
                let a = units[u]
                grid.forEachCandidate(near: Rect(center: a.center, size: Size(2 * (a.radius + widest), 2 * (a.radius + widest)))) { k in
                    let v = grid.items[k].payload
                    guard v != u, a.center.distance(to: units[v].center) < a.radius + units[v].radius else { return }
                    let (ru, rv) = (root(u), root(v))
                    guard ru != rv else { return }
                    let box = extent[ru].union(extent[rv])
                    guard max(box.width, box.height) <= spread, Self.oneQuadrant(gathered[ru] + gathered[rv], side: side) else { return }
                    parent[max(ru, rv)] = min(ru, rv)
                    extent[min(ru, rv)] = box
                    gathered[min(ru, rv)] = gathered[ru] + gathered[rv]
                    merged = true
                }
            }
            guard merged else { break }
            var byRoot: [Int: [Int]] = [:]
            for u in units.indices { byRoot[root(u), default: []] += units[u].members }
            var next = ToolStacks(anchors: [], diameter: 0)
            next.groups = byRoot.values.map { $0.sorted() }.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
            for (g, m) in next.groups.enumerated() { for i in m { next.stackOf[i] = g } }
            current = next
        }
        return current
    }

    /// Whether the tools lie in one quadrant: on no two sides of either axis (a tool on an
    /// axis goes with either side).
    static func oneQuadrant(_ tools: [Int], side: (Int) -> (x: Int, y: Int)) -> Bool {
        var xs = Set<Int>(), ys = Set<Int>()
        for i in tools {
            let s = side(i)
            if s.x != 0 { xs.insert(s.x) }
            if s.y != 0 { ys.insert(s.y) }
        }
        return xs.count <= 1 && ys.count <= 1
    }

    /// Whether two groups of tools joined lie on two sides of an axis only where one of them
    /// already did: a stack whose markers overlap across an axis (it sits on the axis) may
    /// take in a neighbour from either side, but a join never makes a stack span an axis.
    static func takesNoNewQuadrant(_ a: [Int], _ b: [Int], side: (Int) -> (x: Int, y: Int)) -> Bool {
        func sides(_ tools: [Int]) -> (x: Set<Int>, y: Set<Int>) {
            var xs = Set<Int>(), ys = Set<Int>()
            for i in tools {
                let s = side(i)
                if s.x != 0 { xs.insert(s.x) }
                if s.y != 0 { ys.insert(s.y) }
            }
            return (xs, ys)
        }
        let (p, q) = (sides(a), sides(b))
        return (p.x.union(q.x).count <= 1 || p.x.count > 1 || q.x.count > 1) && (p.y.union(q.y).count <= 1 || p.y.count > 1 || q.y.count > 1)
    }

    /// Where a stack's marker goes: the middle of its members' markers.
    static func center(of members: [Int], anchors: [Point]) -> Point {
        let sum = members.reduce(Point(0, 0)) { $0 + anchors[$1] }
        return Point(sum.x / Double(members.count), sum.y / Double(members.count))
    }
}
