import ScapeGeometry
import ScapeModel
import ScapeScene

/// The cartographer's answer to a knot of tools too tight to name at the figure's size: the
/// knot drawn again, enlarged 2-4 times, in a framed box where the figure is empty, joined to
/// a dashed outline of the knot. Markers keep their relative positions; names are placed by
/// the same placer with the same rules. An inset never covers a marker, a name, a leader or
/// a label of the frame. Ids: `inset/N/frame`, `inset/N/source`, `inset/N/link`, and the
/// copy's own `inset/N/tool/X/...`, so a reader pairs each name with the inset's markers.
struct DetailInsets {
    let map: MapLayout
    let theme: Theme
    let measurer: any TextMeasurer

    /// Enlargements tried, least first.
    static let scales = [2.0, 2.5, 3.0, 4.0]
    /// The most of the figure's width (and height) one inset takes: a knot larger than that
    /// at the least enlargement is cut in pieces.
    static let share = 0.34
    /// At most this many insets on one figure.
    static let most = 6
    /// An inset names at least this many tools the map could only number.
    static let fewestNamed = 3
    /// Pieces tried on one figure: each try searches the figure for room at every
    /// enlargement, so a crowd of hundreds of small knots is not tried knot by knot.
    static let mostTries = 16
    /// A piece with no room is cut in two at most this many times over.
    static let mostCuts = 2
    /// Past this many tools a map is a cloud of dots: no insets.
    static let toolLimit = ToolStacks.limit

    struct Result {
        var nodes: [SceneNode] = []
        /// Tools named (beside their marker or on a leader) in an inset.
        var named: Set<String> = []
        var count = 0
        /// Each inset's knot, place and enlargement, to draw it again with the map's numbers.
        var plans: [Plan] = []
        /// New numbers insets gave tools the map left out, for the figure's one legend.
        var callouts: [CalloutLegend.Entry] = []
    }

    /// One inset: which tools, from where, to where, how much larger, and whom it named.
    struct Plan {
        var n: Int
        var members: [Tool]
        var source: Rect
        var spot: Rect
        var scale: Double
        var pad: Double
        var named: Set<String>
    }

    /// Insets for the knots of tools the map could not name (it numbered them, or left them
    /// out), chosen before the map numbers anything: a tool an inset names needs no number.
    /// `keepOut`: labels of the frame and anything else no inset may cover; `area`: where
    /// insets may go.
    func build(_ placed: PlacedTools, keepOut: [Rect], area: Rect) -> Result {
        var result = Result()
        let (tools, greyed) = (placed.tools, placed.greyed)
        let placements = placed.perTool
        let left = tools.indices.filter(placed.unnamedOnMap)
        guard !left.isEmpty, tools.count <= Self.toolLimit else { return result }
        let anchors = placed.anchors
        let reach = theme.markerRadius * 2 + 2
        let pad = theme.toolFontSize * 2.5
        // The link from a knot to its inset crosses no name or number.
        let names = placements.filter { $0.outcome != .omitted }.map(\.rect)
        // A knot too large for an inset at the least enlargement is cut in pieces that fit.
        let largest = Size((area.width * Self.share - 2 * pad) / Self.scales[0], (area.height * Self.share - 2 * pad) / Self.scales[0])
        let knots = Self.knots(left, anchors: anchors, link: theme.toolFontSize * 4)
            .flatMap { Self.split($0, anchors: anchors, fitting: Size(largest.width - 2 * reach, largest.height - 2 * reach)) }
        let sources = knots.map { knot in
            knot.dropFirst().reduce(Rect(center: anchors[knot[0]], size: .zero)) { $0.union(Rect(center: anchors[$1], size: .zero)) }.outsetBy(reach)
        }
        // What an inset may not cover: markers, names and numbers, frame labels, every knot.
        var blocked = SpatialGrid(bounds: area, cellSize: 48)
        for a in anchors { blocked.insert(Rect(center: a, size: Size(2 * reach, 2 * reach)), 0) }
        for p in placements where p.outcome != .omitted { blocked.insert(p.rect, 0) }
        for r in keepOut + sources { blocked.insert(r, 0) }
        // What is covered whole rules most spots out at once: on a crowded map, every one.
        var covered = CoveredCells(rects: blocked.items.map(\.rect), over: area, step: Self.spotStep)
        // An inset over an axis line hides where the quadrants meet and reads as both sides':
        // a spot within one quadrant is preferred (see `freeSpot`).
        let axes = map.axisLines()
        let leaders: [(Point, Point)] = placements.indices.compactMap { i in
            let p = placements[i]
            return p.hasLeader && p.outcome != .omitted ? (anchors[i], p.rect.nearestPoint(to: anchors[i])) : nil
        }
        // Knots with tools the map could not even number first: an inset is their only chance.
        let lost = knots.map { $0.filter { placements[$0].outcome == .omitted }.count }
        let lostIDs = Set(left.filter { placements[$0].outcome == .omitted }.map { tools[$0].id })
        let order = knots.indices.sorted { (lost[$0], knots[$0].count, -$0) > (lost[$1], knots[$1].count, -$1) }
        // A piece that finds no room is cut in two, and each half tried in its place (an empty
        // quadrant with a title in it may hold two small insets but not one large).
        var queue: [(knot: [Int], source: Rect, lost: Int, cuts: Int)] = order.map { (knots[$0], sources[$0], lost[$0], 0) }
        var tries = 0
        while !queue.isEmpty, result.count < Self.most, tries < Self.mostTries {
            let (knot, outline, lostHere, cuts) = queue.removeFirst()
            tries += 1
            // Every tool in the outline is drawn in the inset, named or not on the map, but one
            // an earlier inset names (outlines may overlap): a tool is named in one inset only.
            // The outline then closes round what is drawn.
            let members = tools.indices.filter { outline.contains(anchors[$0]) && !result.named.contains(tools[$0].id) }
            guard members.count > 1 || (members.count == 1 && lostHere > 0) else { continue }
            let spot = members.dropFirst().reduce(Rect(center: anchors[members[0]], size: .zero)) { $0.union(Rect(center: anchors[$1], size: .zero)) }
            // Tools at one spot overlap at any enlargement: they stay one stack on the map.
            guard members.count == 1 || max(spot.width, spot.height) * Self.scales.last! >= 2 * theme.markerRadius else { continue }
            let source = spot.outsetBy(reach)
            // The least enlargement that names every member (a smaller box leaves more room
            // for the next inset), else the one that names the most.
            var best: (plan: Plan, node: SceneNode, gained: Set<String>)?
            /// Draws the inset at a spot; true once it names every member.
            func consider(scale: Double, spot: Rect) -> Bool {
                let plan = Plan(n: result.count + 1, members: members.map { tools[$0] }, source: source, spot: spot, scale: scale, pad: pad, named: [])
                let inset = draw(plan, greyed: greyed, numbering: nil)
                let gained = inset.named.intersection(left.map { tools[$0].id })
                if best == nil || gained.count > best!.gained.count {
                    best = (Plan(n: plan.n, members: plan.members, source: source, spot: spot, scale: scale, pad: pad, named: inset.named), inset.node, gained)
                }
                return inset.named.count == members.count
            }
            // Within one quadrant with a clear link at any enlargement first; else the
            // fallbacks `freeSpots` found (each enlargement's room is searched once).
            var fallbacks: [(scale: Double, spot: Rect)] = []
            for scale in Self.scales {
                let size = Size(source.width * scale + 2 * pad, source.height * scale + 2 * pad)
                guard size.width < area.width, size.height < area.height else { continue }
                let found = Self.freeSpots(size: size, near: source, in: area, blocked: blocked, covered: covered, leaders: leaders, names: names,
                                           clearance: 1.5 + theme.strokeWobble * 2, linkMayCross: lostHere > 0, avoiding: axes)
                if let other = found.otherwise { fallbacks.append((scale, other)) }
                if let spot = found.preferred, consider(scale: scale, spot: spot) { break }
            }
            if best == nil {
                for (scale, spot) in fallbacks where consider(scale: scale, spot: spot) { break }
            }
            guard let best else {
                guard knot.count >= 4, cuts < Self.mostCuts else { continue }
                let box = outline.insetBy(reach)
                let halves = Self.split(knot, anchors: anchors, fitting: Size(box.width * 0.6, box.height * 0.6)).prefix(2)
                guard halves.count == 2 else { continue }
                queue.insert(contentsOf: halves.map { half in
                    let r = half.dropFirst().reduce(Rect(center: anchors[half[0]], size: .zero)) { $0.union(Rect(center: anchors[$1], size: .zero)) }.outsetBy(reach)
                    return (half, r, half.filter { placements[$0].outcome == .omitted }.count, cuts + 1)
                }, at: 0)
                continue
            }
            // Worth its room only if it names tools the map could not: three or more (two
            // numbers on the map read as well as a box), or one the map could not even number.
            guard best.gained.count >= Self.fewestNamed || !best.gained.isDisjoint(with: lostIDs) else { continue }
            result.nodes.append(best.node)
            result.named.formUnion(best.gained)
            result.plans.append(best.plan)
            result.count = best.plan.n
            blocked.insert(best.plan.spot.outsetBy(theme.margin), 0)
            covered.cover(best.plan.spot.outsetBy(theme.margin))
        }
        return result
    }

    /// The insets drawn again, once the map has numbered what they do not name: a tool the
    /// map numbered shows the same number in the inset. Kept only where the inset still names
    /// everyone it named before (the map gave those no number).
    /// A tool the map left out and the inset cannot name takes a new number there.
    func numbered(_ result: Result, greyed: Set<String>, numbering: InsetNumbering) -> Result {
        guard !numbering.known.isEmpty || !numbering.fresh.isEmpty else { return result }
        var out = result
        var numbering = numbering
        for (k, plan) in result.plans.enumerated() {
            let again = draw(plan, greyed: greyed, numbering: numbering)
            guard again.named.isSuperset(of: plan.named) else { continue }
            out.nodes[k] = again.node
            out.callouts += again.callouts
            numbering.after = again.callouts.map(\.number).max() ?? numbering.after
            numbering.fresh.subtract(again.callouts.map(\.toolID))
        }
        return out
    }

    /// The knot drawn again at its plan's scale in its box, with its outline and the link.
    /// It names what it can; numbers only what the map numbered (`numbering`), never its own.
    private func draw(_ plan: Plan, greyed: Set<String>, numbering: InsetNumbering?) -> (node: SceneNode, named: Set<String>, callouts: [CalloutLegend.Entry]) {
        let (n, members, source, spot, scale, pad) = (plan.n, plan.members, plan.source, plan.spot, plan.scale, plan.pad)
        let main = map.frame
        let topLeft = main.data(at: Point(source.minX, source.minY)), bottomRight = main.data(at: Point(source.maxX, source.maxY))
        let window = DataWindow(minX: topLeft.x, maxX: bottomRight.x, minY: bottomRight.y, maxY: topLeft.y)
        let unitX = main.unitX * scale, unitY = main.unitY * scale
        let frame = MapFrame(inset: window, canvas: spot.size, origin: Point(pad - window.minX * unitX, pad + window.maxY * unitY), unitX: unitX, unitY: unitY)
        var inner = MapLayout(landscape: map.landscape, frame: frame, theme: theme, measurer: measurer)
        inner.publish = map.publish
        inner.insetFloor = map.smallestType
        let layer = inner.tools(members, greyed: greyed, numbering: numbering)
        let named = Set(members.indices.filter { layer.placements[$0].outcome != .omitted }.map { members[$0].id })
        let id = "inset/\(n)"
        let ink = theme.ink.withAlpha(0.7)
        let from = source.nearestPoint(to: spot.center), to = spot.nearestPoint(to: source.center)
        var children: [SceneNode] = [
            .path(ScenePath(id: "\(id)/source", path: .rect(source), stroke: StrokeStyle(color: ink, width: 1, dash: [4, 3]))),
            .path(ScenePath(id: "\(id)/link", path: .segment(from, to), stroke: StrokeStyle(color: ink, width: 1, dash: [4, 3]))),
            .path(ScenePath(id: "\(id)/frame", path: .rect(spot), fill: theme.background ?? .white,
                            stroke: StrokeStyle(color: ink, width: 1.2))),
        ]
        children += layer.nodes.map { $0.offset(by: spot.origin).prefixingIDs(id + "/") }
        let title = "Detail, \(Self.shown(scale))x: " + members.map(\.name).joined(separator: ", ")
        let callouts = layer.callouts.map { CalloutLegend.Entry(number: $0.number, name: $0.name, owner: id + "/" + $0.owner) }
        return (.group(SceneGroup(id: id, title: title, children: children)), named, callouts)
    }

    /// The insets' outlines and links, to be drawn under the map's names (a link from a knot
    /// deep in a crowd passes under names, not over them), and the rest of each inset.
    static func layered(_ nodes: [SceneNode]) -> (under: [SceneNode], over: [SceneNode]) {
        var under: [SceneNode] = [], over: [SceneNode] = []
        for node in nodes {
            guard case .group(var g) = node else { over.append(node); continue }
            let low = g.children.filter { $0.id.hasSuffix("/source") || $0.id.hasSuffix("/link") }
            g.children.removeAll { $0.id.hasSuffix("/source") || $0.id.hasSuffix("/link") }
            under += low
            over.append(.group(g))
        }
        return (under.isEmpty ? [] : [.group(SceneGroup(id: "inset-links", children: under))], over)
    }

    static func shown(_ scale: Double) -> String { scale == scale.rounded() ? String(Int(scale)) : String(scale) }

    /// Tools left out, joined when nearer than `link` (single linkage), each knot sorted.
    static func knots(_ left: [Int], anchors: [Point], link: Double) -> [[Int]] {
        var parent = Dictionary(uniqueKeysWithValues: left.map { ($0, $0) })
        func root(_ i: Int) -> Int { var r = i; while parent[r]! != r { r = parent[r]! }; return r }
        let area = left.dropFirst().reduce(Rect(center: anchors[left[0]], size: .zero)) { $0.union(Rect(center: anchors[$1], size: .zero)) }
        var grid = SpatialGrid(bounds: area.outsetBy(link), cellSize: link)
        for i in left { grid.insert(Rect(center: anchors[i], size: .zero), i) }
        for i in left {
            grid.forEachCandidate(near: Rect(center: anchors[i], size: Size(2 * link, 2 * link))) { k in
                let j = grid.items[k].payload
                if j > i, anchors[i].distance(to: anchors[j]) < link { parent[root(j)] = root(i) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for i in left { groups[root(i), default: []].append(i) }
        return groups.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    /// A knot cut along its longer side at the median, again and again, until each piece's
    /// markers fit in `size`.
    static func split(_ knot: [Int], anchors: [Point], fitting size: Size) -> [[Int]] {
        guard knot.count > 1 else { return [knot] }
        let box = knot.dropFirst().reduce(Rect(center: anchors[knot[0]], size: .zero)) { $0.union(Rect(center: anchors[$1], size: .zero)) }
        guard box.width > size.width || box.height > size.height else { return [knot] }
        let alongX = box.width / max(1, size.width) >= box.height / max(1, size.height)
        let sorted = knot.sorted { alongX ? (anchors[$0].x, $0) < (anchors[$1].x, $1) : (anchors[$0].y, $0) < (anchors[$1].y, $1) }
        let half = sorted.count / 2
        return split(Array(sorted[..<half]).sorted(), anchors: anchors, fitting: size) + split(Array(sorted[half...]).sorted(), anchors: anchors, fitting: size)
    }

    /// The free box of `size` nearest to the knot's outline `source` inside `area`, searched on
    /// a grid of spots, whose link to the outline crosses no name in `names`. `clearance`: the
    /// room kept around the frame (a hand-drawn frame wanders off its box).
    /// `avoiding`: boxes (the axis lines) a spot keeps off: the nearest free spot off them
    /// with a clear link is `preferred`. `otherwise`, found on the way: the nearest spot off
    /// them whose thin dashed link passes under a name (it reads through the name; an inset
    /// over an axis hides where the quadrants meet), else the nearest over them with a clear
    /// link, else (if `linkMayCross`) the nearest over them at all.
    /// The lattice an inset's spots are tried on, in points.
    static let spotStep = 8.0

    static func freeSpots(size: Size, near source: Rect, in area: Rect, blocked: SpatialGrid, covered: CoveredCells? = nil, leaders: [(Point, Point)], names: [Rect],
                          clearance: Double = 0, linkMayCross: Bool = false, avoiding: [Rect] = []) -> (preferred: Rect?, otherwise: Rect?) {
        let near = source.center
        let step = spotStep
        // Every spot on the grid, nearest first (ties in reading order): the first free one wins.
        // Spots are put in rings a step wide by distance, and a ring is sorted only when the
        // search reaches it: the same order as sorting them all, without sorting the far ones
        // a near free spot makes moot.
        var rings: [[(d: Double, y: Double, x: Double)]] = []
        var y = area.minY
        while y + size.height <= area.maxY {
            var x = area.minX
            while x + size.width <= area.maxX {
                let box = Rect(x: x, y: y, width: size.width, height: size.height)
                // A spot that holds something covered whole is not free: no need to sort or ask it.
                if let covered, covered.holdsCoveredCell(box.outsetBy(clearance)) { x += step; continue }
                let d = box.center.distance(to: near)
                let k = Int(d / step)
                if k >= rings.count { rings += Array(repeating: [], count: k + 1 - rings.count) }
                rings[k].append((d, y, x))
                x += step
            }
            y += step
        }
        // Deep in a crowd every link crosses names: for a knot the map could not even number,
        // the nearest free box then, its link drawn under them (a thin dashed line reads
        // through a name).
        var crossing: Rect?, overAxis: Rect?, both: Rect?
        func fallback() -> Rect? { crossing ?? overAxis ?? both }
        for ring in rings { for spot in ring.sorted(by: { ($0.d, $0.y, $0.x) < ($1.d, $1.y, $1.x) }) {
            let r = Rect(x: spot.x, y: spot.y, width: size.width, height: size.height)
            let kept = r.outsetBy(clearance)
            guard !blocked.anyIntersects(kept, excluding: -1), !leaders.contains(where: { kept.intersectsSegment($0.0, $0.1) }) else { continue }
            let from = source.nearestPoint(to: r.center), to = r.nearestPoint(to: source.center)
            let clearLink = !names.contains(where: { $0.intersectsSegment(from, to) })
            let onAxis = avoiding.contains(where: { $0.intersects(kept) })
            switch (clearLink, onAxis) {
            case (true, false): return (r, fallback())
            case (false, false): if crossing == nil { crossing = r }
            case (true, true): if overAxis == nil { overAxis = r }
            case (false, true): if both == nil, linkMayCross { both = r }
            }
        } }
        return (nil, fallback())
    }
}
