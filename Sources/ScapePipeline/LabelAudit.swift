import Foundation
import ScapeGeometry
import ScapeScene

/// Checks from the outside, on what was drawn (an SVG file, or the scene it is written from),
/// that a reader can tell which name belongs to which marker. It knows nothing of the placer:
/// it reads ids (`tool.X.marker`, `tool.X.name`, `tool.X.leader`, `tool.X.callout`, radar
/// `blip.X.*`, `title`, `axis.*`) and geometry, and classifies every marker by the rule:
///
/// - adjacent: the marker nearest to the name's box is its own, within about one
///   marker-plus-gap of it;
/// - leader: a line from the marker to the name crossing no other name, marker, leader,
///   axis label or title;
/// - callout: a number next to the marker (nearest marker its own) and the name drawn
///   elsewhere (a legend);
/// - otherwise omitted, ambiguous (nearest marker is another's), far, or crossed.
public struct LabelAudit: Sendable {
    /// What a reader makes of one marker.
    public enum Verdict: String, Sendable, CaseIterable {
        case adjacent, leader, callout, inset, omitted, ambiguous, far, crossed

        /// `inset`: unnamed on the map, named in a detail inset whose outline holds its marker.
        public var isIdentifiable: Bool { self == .adjacent || self == .leader || self == .callout || self == .inset }
    }

    /// One drawn thing: its box and, for lines, its points.
    public struct Item: Sendable {
        public var id: String
        public var box: Rect
        public var points: [Point]
        /// The points by subpath: a hand-drawn line is two strokes, and the jump from one's
        /// end to the other's start is not drawn.
        public var strokes: [[Point]]

        public init(id: String, box: Rect, points: [Point], strokes: [[Point]]? = nil) {
            self.id = id
            self.box = box
            self.points = points
            self.strokes = strokes ?? [points]
        }
    }

    public var items: [Item]
    public var verdicts: [String: Verdict] = [:]
    /// Pairs of drawn names whose boxes overlap.
    public var overlaps = 0
    /// Names, numbers or leaders drawn over an axis label, a quadrant title or the title.
    public var coveredLabels = 0
    /// Pairs of names on one line closer than `runOnGap` of a line: they read as one name.
    public var runOns = 0
    /// The longest leader drawn, in points, and the plot's diagonal (nil without axes).
    public var longestLeader = 0.0
    public var plotDiagonal: Double?
    /// Stacks (tools at one spot, one marker and a list) and detail insets drawn.
    public var stacks = 0
    public var insets = 0
    /// Pairs of markers drawn over each other (`countOverlappingMarkers`).
    public var overlappingMarkers = 0

    public init(items: [Item]) {
        self.items = items
        classify()
        judgeInsets()
        judgeLegendPanels()
    }

    /// Reads an SVG written by `SVGWriter`: every `<path id=... d=...>`.
    public init(svg: String) {
        var items: [Item] = []
        var rest = svg[...]
        while let r = rest.range(of: "<path id=\"") {
            rest = rest[r.upperBound...]
            guard let q = rest.firstIndex(of: "\"") else { break }
            let id = String(rest[..<q])
            guard let d = rest.range(of: " d=\""), let end = rest[d.upperBound...].firstIndex(of: "\"") else { break }
            let strokes = Self.strokes(inPathData: rest[d.upperBound..<end])
            rest = rest[end...]
            if let item = Self.item(id: id, strokes: strokes) { items.append(item) }
        }
        self.init(items: items)
    }

    /// Reads a scene directly (the same ids with `/` for `.`, the same geometry), for
    /// benchmarks too large to write out.
    public init(scene: Scene) {
        var items: [Item] = []
        for node in scene.allNodes {
            let id = node.id.replacingOccurrences(of: "/", with: ".")
            switch node {
            case .path(let p):
                var strokes: [[Point]] = []
                for e in p.path.elements {
                    switch e {
                    case .move(let a): strokes.append([a])
                    case .line(let a): if strokes.isEmpty { strokes.append([]) }; strokes[strokes.count - 1].append(a)
                    case .cubic(let a, let b, let c):
                        if strokes.isEmpty { strokes.append([]) }
                        Self.sampleCubic(from: strokes[strokes.count - 1].last ?? a, a, b, c, into: &strokes[strokes.count - 1])
                    case .close: break
                    }
                }
                if let item = Self.item(id: id, strokes: strokes) { items.append(item) }
            case .text(let t):
                items.append(Item(id: id, box: t.frame, points: []))
            case .group:
                break
            }
        }
        self.init(items: items)
    }

    /// The points a path's data draws through: its corners, and each curve sampled along its
    /// course, not its control points (a hand-drawn line's control points stray a pen's width
    /// or two further than the line itself). `SVGWriter` writes only M, L, C and Z.
    static func points(inPathData d: Substring) -> [Point] { strokes(inPathData: d).flatMap { $0 } }

    /// The same points by subpath (each M starts one).
    public static func strokes(inPathData d: Substring) -> [[Point]] {
        var strokes: [[Point]] = []
        var points: [Point] = []
        var numbers: [Double] = []
        var command: Character = "M"
        var token = ""
        func flush() {
            if !token.isEmpty, let v = Double(token) { numbers.append(v) }
            token = ""
        }
        func take() {
            var k = 0
            if command == "C" {
                while k + 5 < numbers.count {
                    let b = Point(numbers[k], numbers[k + 1]), c = Point(numbers[k + 2], numbers[k + 3]), e = Point(numbers[k + 4], numbers[k + 5])
                    Self.sampleCubic(from: points.last ?? b, b, c, e, into: &points)
                    k += 6
                }
            }
            while k + 1 < numbers.count { points.append(Point(numbers[k], numbers[k + 1])); k += 2 }
            numbers.removeAll(keepingCapacity: true)
        }
        for c in d {
            if c.isNumber || c == "." || (c == "-" && token.isEmpty) {
                token.append(c)
            } else if c == "-" {
                flush(); token.append(c)
            } else {
                flush()
                if c.isLetter {
                    take()
                    if c == "M", !points.isEmpty { strokes.append(points); points = [] }
                    command = c
                }
            }
        }
        flush()
        take()
        if !points.isEmpty { strokes.append(points) }
        return strokes
    }

    /// Each drawn segment of these strokes (none from one stroke's end to the next's start).
    static func segments(_ strokes: [[Point]]) -> [(Point, Point)] {
        strokes.flatMap { s in zip(s, s.dropFirst()).map { ($0, $1) } }
    }

    /// A cubic from `a` through controls `b`, `c` to `e`, at quarters of its course.
    static func sampleCubic(from a: Point, _ b: Point, _ c: Point, _ e: Point, into out: inout [Point]) {
        for t in [0.25, 0.5, 0.75] {
            let u = 1 - t
            let (w0, w1, w2, w3) = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
            out.append(Point(w0 * a.x + w1 * b.x + w2 * c.x + w3 * e.x, w0 * a.y + w1 * b.y + w2 * c.y + w3 * e.y))
        }
        out.append(e)
    }

    static func item(id: String, points: [Point]) -> Item? { item(id: id, strokes: [points]) }

    static func item(id: String, strokes: [[Point]]) -> Item? {
        let points = strokes.flatMap { $0 }
        guard let first = points.first else { return nil }
        var box = Rect(center: first, size: .zero)
        for p in points.dropFirst() { box = box.union(Rect(center: p, size: .zero)) }
        return Item(id: id, box: box, points: points, strokes: strokes)
    }

    /// `tool.X.name` -> ("tool:X", "name") for the `tool` and `blip` families; a stack's parts
    /// `stack.S.marker` -> ("stack:S", "marker"), and its members' lines `stack.S.tool.X.name`
    /// -> ("stack:S", "name", member "X").
    static func split(_ id: String) -> (owner: String, part: String, member: String?)? {
        if id.hasPrefix("stack.") {
            let rest = id.dropFirst(6)
            guard let dot = rest.firstIndex(of: ".") else { return nil }
            let owner = "stack:" + rest[..<dot]
            let tail = String(rest[rest.index(after: dot)...])
            if tail.hasPrefix("tool."), let inner = split(tail) {
                return (owner, inner.part, String(inner.owner.dropFirst(5)))
            }
            return (owner, unsuffixed(tail), nil)
        }
        guard id.hasPrefix("tool.") || id.hasPrefix("blip.") else { return nil }
        guard let dot = id.lastIndex(of: "."), dot > id.index(id.startIndex, offsetBy: 4) else { return nil }
        let family = id.hasPrefix("tool.") ? "tool" : "blip"
        let part = unsuffixed(String(id[id.index(after: dot)...]))
        let owner = family + ":" + String(id[id.index(id.startIndex, offsetBy: 5)..<dot])
        return (owner, part, nil)
    }

    /// The SVG writer makes repeated ids unique with "-2", "-3" (sketched strokes).
    static func unsuffixed(_ part: String) -> String {
        if let dash = part.firstIndex(of: "-"), !part[part.index(after: dash)...].isEmpty, part[part.index(after: dash)...].allSatisfy(\.isNumber) {
            return String(part[..<dash])
        }
        return part
    }

    /// How near its marker (and its name) a leader's end must be to read as joined to it:
    /// the hand-drawn style moves both the marker's outline and the line by a point or two.
    static let joinTolerance = 4.0

    /// The largest distance from a name (or number) to its own marker's edge that still reads
    /// as "next to it": about one marker and a gap.
    static func reach(markerRadius r: Double) -> Double { 2 * r + max(12, r) }

    mutating func classify() {
        struct Tool { var marker: Rect?; var names: [Rect] = []; var name: Rect?; var leader: [Point] = []; var leaderStrokes: [[Point]] = []; var callout: Rect? }
        var tools: [String: Tool] = [:]
        var fixedLabels: [Rect] = []
        var nameLines: [Rect] = []
        var stackMembers: [String: Set<String>] = [:]
        var namedMembers = Set<String>()
        let axes = Self.plotAxes(items)
        plotDiagonal = axes?.diagonal
        for item in items where !item.id.hasPrefix("inset.") {
            if Self.isFrameLabel(item.id) { fixedLabels.append(item.box); continue }
            guard let (owner, part, member) = Self.split(item.id) else { continue }
            if let member {
                // Only a member's own parts say who it is (not "marker.fill" and the like).
                guard part == "marker" || part == "name" else { continue }
                stackMembers[owner, default: []].insert("tool:" + member)
                // A member's own spot under the stack's marker: it names who is in the pile.
                if part == "marker" { continue }
                if part == "name" { namedMembers.insert("tool:" + member) }
            }
            switch part {
            case "marker", "mark": tools[owner, default: Tool()].marker = tools[owner]?.marker.map { $0.union(item.box) } ?? item.box
            case "name", "subtitle":
                tools[owner, default: Tool()].names.append(item.box)
                if part == "name" { nameLines.append(item.box) }
            case "leader":
                tools[owner, default: Tool()].leader += item.points
                tools[owner, default: Tool()].leaderStrokes += item.strokes
            case "callout": tools[owner, default: Tool()].callout = item.box
            default: break
            }
        }
        // A name drawn in one box per line: the box nearest its marker is what a reader links.
        for key in tools.keys {
            var t = tools[key]!
            if !t.names.isEmpty { t.name = t.names.dropFirst().reduce(t.names[0]) { $0.union($1) } }
            tools[key] = t
        }
        let owners = tools.keys.filter { tools[$0]!.marker != nil }.sorted()
        let markers = owners.map { tools[$0]!.marker! }
        overlappingMarkers = Self.countOverlappingMarkers(markers)
        let maxRadius = markers.map { max($0.width, $0.height) / 2 }.max() ?? 0
        let cell = max(16, maxRadius * 6)
        let area = markers.reduce(Rect(x: 0, y: 0, width: 1, height: 1)) { $0.union($1) }
        var grid = SpatialGrid(bounds: area, cellSize: cell)
        for (k, m) in markers.enumerated() { grid.insert(m, k) }
        // Drawn names, numbers and leaders, for crossing and overlap tests.
        var labelGrid = SpatialGrid(bounds: area.outsetBy(2000), cellSize: cell * 2)
        var labelOwner: [String] = []
        for o in tools.keys.sorted() {
            for box in (tools[o]!.names + [tools[o]!.callout].compactMap { $0 }) {
                labelGrid.insert(box, labelOwner.count); labelOwner.append(o)
            }
        }
        var leaders: [(owner: String, a: Point, b: Point)] = []
        for o in owners {
            for pts in tools[o]!.leaderStrokes {
                for k in stride(from: 0, to: pts.count - 1, by: 1) { leaders.append((o, pts[k], pts[k + 1])) }
            }
        }

        func edgeDistance(_ box: Rect, _ marker: Rect) -> Double {
            let c = marker.center
            let dx = max(box.minX - c.x, 0, c.x - box.maxX), dy = max(box.minY - c.y, 0, c.y - box.maxY)
            return (dx * dx + dy * dy).squareRoot() - marker.width / 2
        }
        /// Adjacent-and-unambiguous test of a box against its marker k.
        func nearVerdict(_ box: Rect, _ k: Int) -> Verdict {
            let own = edgeDistance(box, markers[k])
            var ambiguous = false
            let probe = box.outsetBy(max(0, own) + 2 * maxRadius + 1)
            grid.forEachCandidate(near: probe) { j in
                guard !ambiguous else { return }
                let m = grid.items[j]
                if m.payload != k, edgeDistance(box, m.rect) < own - 0.5 { ambiguous = true }
            }
            if ambiguous { return .ambiguous }
            return own <= Self.reach(markerRadius: markers[k].width / 2) ? .adjacent : .far
        }

        /// A leader from marker k to `target`: joined at both ends, crossing nothing else.
        func leaderIsClear(_ pts: [Point], _ strokes: [[Point]], _ k: Int, _ o: String, to target: Rect) -> Bool {
            let marker = markers[k]
            guard edgeDistance(Rect(center: pts.first!, size: .zero), marker) <= Self.joinTolerance,
                  target.outsetBy(Self.joinTolerance + target.height * 0.3).contains(pts.last!) else { return false }
            var crossed = false
            for (a, b) in Self.segments(strokes) where !crossed {
                let box = Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x) + 0.01, height: abs(a.y - b.y) + 0.01)
                grid.forEachCandidate(near: box) { j in
                    let m = grid.items[j]
                    if m.payload != k, Segment.passes(a, b, within: m.rect.width / 2, of: m.rect.center) { crossed = true }
                }
                labelGrid.forEachCandidate(near: box) { j in
                    let item = labelGrid.items[j]
                    if labelOwner[item.payload] != o, item.rect.intersectsSegment(a, b) { crossed = true }
                }
                if fixedLabels.contains(where: { $0.intersectsSegment(a, b) }) { crossed = true }
                for l in leaders where l.owner != o && Segment.cross(a, b, l.a, l.b) { crossed = true; break }
            }
            return !crossed
        }

        /// The reader's rules for a name or number at a leader's end: clear of every other
        /// marker by `leaderEndClearance`, in its marker's quadrant, and not too far.
        func leaderReads(_ pts: [Point], _ strokes: [[Point]], _ k: Int, to target: Rect) -> Verdict? {
            var near = false
            grid.forEachCandidate(near: target.outsetBy(Self.leaderEndClearance + maxRadius)) { j in
                let m = grid.items[j]
                if m.payload != k, edgeDistance(target, m.rect) < Self.leaderEndClearance { near = true }
            }
            if near { return .ambiguous }
            // End to end: a hand-drawn line's control points wander around its course.
            let length = pts.first!.distance(to: pts.last!)
            longestLeader = max(longestLeader, length)
            guard let axes else { return nil }
            if Self.segments(strokes).contains(where: { axes.crossesQuadrant($0.0, $0.1, slack: markers[k].width / 2 + 1) }) { return .crossed }
            if length > axes.diagonal * Self.leaderShare { return .far }
            return nil
        }

        for (k, o) in owners.enumerated() {
            let t = tools[o]!
            var verdict: Verdict
            if let number = t.callout {
                if t.name == nil {
                    verdict = .omitted
                } else if !t.leader.isEmpty {
                    verdict = leaderIsClear(t.leader, t.leaderStrokes, k, o, to: number) ? .callout : .crossed
                } else {
                    let v = nearVerdict(number, k)
                    verdict = v == .adjacent ? .callout : v
                }
            } else if !t.leader.isEmpty, let name = t.name {
                verdict = leaderIsClear(t.leader, t.leaderStrokes, k, o, to: name) ? .leader : .crossed
            } else if let name = t.name {
                verdict = nearVerdict(name, k)
            } else {
                verdict = .omitted
            }
            if verdict.isIdentifiable, !t.leader.isEmpty, let end = t.callout ?? t.name, let broken = leaderReads(t.leader, t.leaderStrokes, k, to: end) {
                verdict = broken
            }
            // A name or number beside its marker but across an axis reads as the next quadrant's.
            if verdict.isIdentifiable, t.leader.isEmpty, let axes, let box = t.callout ?? t.name, axes.across(markers[k], box) {
                verdict = .crossed
            }
            verdicts[o] = verdict
        }
        // A stack is judged as one marker with one list; each member gets its verdict.
        for (stack, members) in stackMembers.sorted(by: { $0.key < $1.key }) {
            guard let v = verdicts.removeValue(forKey: stack) else { continue }
            stacks += 1
            // A member is named only where its own line is drawn (in the list or the legend).
            for m in members { verdicts[m] = namedMembers.contains(m) ? v : .omitted }
        }
        // Overlapping names, and anything over an axis label or the title.
        // Line by line: a stack's members may stand in the legend's columns far apart.
        let drawn = tools.keys.sorted().flatMap { o in tools[o]!.names + (tools[o]!.callout.map { [$0] } ?? []) }
        overlaps = Self.countOverlaps(drawn.map { $0.insetBy(0.5) })
        runOns = Self.countRunOns(nameLines)
        coveredLabels = fixedLabels.reduce(0) { n, fixed in
            n + drawn.filter { $0.insetBy(0.5).intersects(fixed) }.count + leaders.filter { fixed.insetBy(0.5).intersectsSegment($0.a, $0.b) }.count
        }
    }

    /// How many markers got each verdict.
    public var counts: [Verdict: Int] {
        var out: [Verdict: Int] = [:]
        for v in verdicts.values { out[v, default: 0] += 1 }
        return out
    }

    public func count(_ v: Verdict) -> Int { counts[v] ?? 0 }

    /// Every marker identifiable, no overlaps, nothing over an axis label or title.
    public var allIdentifiable: Bool { verdicts.values.allSatisfy(\.isIdentifiable) && overlaps == 0 && coveredLabels == 0 && runOns == 0 }

    /// The markers that fail, with their verdict, sorted, for failure messages.
    public var failures: [String] {
        verdicts.filter { !$0.value.isIdentifiable }.map { "\($0.key) \($0.value.rawValue)" }.sorted()
    }

    /// Pairs of rectangles whose interiors meet: sort by left edge, sweep, compare only with
    /// rectangles still open. The benchmarks count overlaps with it too.
    public static func countOverlaps(_ rects: [Rect]) -> Int {
        let sorted = rects.sorted { $0.minX < $1.minX }
        var active: [Rect] = []
        var count = 0
        for r in sorted {
            active.removeAll { $0.maxX <= r.minX }
            for a in active where a.intersects(r) { count += 1 }
            active.append(r)
        }
        return count
    }
}
