import Foundation
import ScapeGeometry

/// The working state of one `LabelPlacer.place` run: grids of markers and obstacles, the
/// labels placed so far (removable, for repair), and the phases.
struct PlacementState {
    let placer: LabelPlacer
    var requests: [LabelRequest]
    let bounds: Rect
    let soft: [SoftObstacle]
    /// Markers (payload: owner index), hard obstacles (payload: -1) and obstacles leaders may
    /// cross (payload: `crossable`).
    var fixed: SpatialGrid
    /// The cells `fixed`'s boxes cover whole: most spots a crowd's leader search tries lie on
    /// another marker, and are ruled out here in four lookups instead of a grid query. Only
    /// for runs large enough to pay for the lattice (see `coveredCellsFrom`).
    let covered: CoveredCells?
    var softGrid: SpatialGrid
    /// Placed labels; entries go stale when a label moves (checked against `placed`).
    var labels: SpatialGrid
    /// Leader lines drawn so far, as thin boxes per segment (checked exactly).
    var leaderSegments: [(Point, Point, Int)] = []
    /// The leader segments' boxes (payload: index into `leaderSegments`).
    var leaderGrid: SpatialGrid
    var placed: [LabelPlacement?]
    var candidateCache: [Int: [LabelPlacer.Candidate]] = [:]
    /// Each label's free spots other than where it is, cheapest first; forgotten whenever
    /// any label moves (repair asks for them many times in between).
    var alternatives: [Int: [(LabelPlacement, Double)]] = [:]
    /// The largest marker radius, for how far ambiguity tests must look.
    let maxRadius: Double
    /// Callouts given so far.
    var callouts = 0
    /// Tools already switched to numbers (a crowded spot): each first tries its number on its
    /// own marker, which takes no room another label could use, before any spot beside it.
    var numberedOnMarkerFirst: Set<Int> = []
    /// Tools a previous round left out: they choose first (beside the marker, else with a
    /// leader), before their neighbours' names fill the only ways out of a tight cluster.
    var placeFirst: Set<Int> = []
    /// Spots tried by leader searches so far: past `leaderBudget`, searches turn coarse, so a
    /// hopeless crowd (hundreds of markers on one spot) costs no more than a sparse map.
    var leaderProbes = 0
    static let leaderBudget = 150_000
    /// Past this many spots, no more leader searches in this run: in a cloud of tens of
    /// thousands of dots each search tries hundreds of spots and finds none (100,000 tools:
    /// 32 million spots, a third of the layout), so such a map names what fits beside its
    /// markers. Every map and radar of the work catalogue stays below it (a 1,000-blip radar
    /// tries about 0.4 million a run); a 10,000-blip radar reaches it and names 62 of its
    /// blips instead of 100.
    static let leaderLimit = 1_000_000
    /// Up to how many labels left unplaced the repair passes try to make room for.
    static let repairLimit = 20_000
    /// The run's work counts (`mlscape bench work`), shared with the grids it queries.
    let work = WorkAccumulator()

    /// Payload of an obstacle no label may cover but a leader may cross (an axis line).
    static let crossable = -2

    init(placer: LabelPlacer, requests: [LabelRequest], obstacles: [Rect], crossable: [Rect] = [], soft: [SoftObstacle], bounds: Rect) {
        // Without the memo: the memo keeps states, and a state that kept the memo would keep
        // itself (every radar's runs leaked, their work never counted).
        var placer = placer
        placer.memo = nil
        self.placer = placer
        self.requests = requests
        self.bounds = bounds
        self.soft = soft
        let tallest = requests.lazy.flatMap { $0.variants.map(\.height) }.max() ?? 20
        let cell = max(8, tallest * 1.5)
        let area = bounds.union(requests.reduce(bounds) { $0.union(Rect(center: $1.anchor, size: Size(1, 1))) })
        fixed = SpatialGrid(bounds: area, cellSize: Self.fixedCell(cell, area: area, markers: requests.count))
        softGrid = SpatialGrid(bounds: area, cellSize: cell * 2)
        labels = SpatialGrid(bounds: area, cellSize: cell)
        leaderGrid = SpatialGrid(bounds: area, cellSize: cell * 2)
        fixed.work = work; softGrid.work = work; labels.work = work; leaderGrid.work = work
        for r in obstacles { fixed.insert(r, -1) }
        for r in crossable { fixed.insert(r, Self.crossable) }
        for (i, r) in requests.enumerated() { fixed.insert(Self.markerBox(r), i) }
        for (i, s) in soft.enumerated() { softGrid.insert(s.rect, i) }
        covered = requests.count >= Self.coveredCellsFrom ? CoveredCells(rects: fixed.items.map(\.rect), over: area, step: Self.coveredStep(area)) : nil
        placed = Array(repeating: nil, count: requests.count)
        maxRadius = requests.map(\.anchorRadius).max() ?? 0
    }

    /// The markers' grid cell: a label's height, finer where markers are denser than a few
    /// per such cell (100,000 tools: ~70 a cell, each looked at by every probe near it).
    /// Below about 10,000 markers on a map the cell is the label's height as before. Each
    /// question asked of this grid is yes or no, and the 100,000-tool uniform CSV renders to
    /// the same bytes with this cell; a cell half this size did not, so some answer still
    /// depends on the cell (not found yet): do not make it finer without comparing outputs.
    static func fixedCell(_ cell: Double, area: Rect, markers: Int) -> Double {
        let spacing = (area.width * area.height / Double(max(1, markers))).squareRoot()
        return max(cell / 4, min(cell, spacing * 2))
    }

    /// From how many labels a run keeps `covered`: below it, building the lattice costs more
    /// than the grid queries it saves.
    static let coveredCellsFrom = 200
    /// The lattice's step: 2 points (a marker's box covers several cells whole), coarser where
    /// that would pass a million cells.
    static func coveredStep(_ area: Rect) -> Double {
        max(2, (area.width * area.height / 1_000_000).squareRoot())
    }

    /// The box a request's marker takes in `fixed`, which its own label may touch.
    static func markerBox(_ r: LabelRequest) -> Rect {
        let d = 2 * r.anchorRadius
        return Rect(center: r.anchor, size: Size(d, d)).outsetBy(1)
    }

    mutating func candidates(_ i: Int) -> [LabelPlacer.Candidate] {
        if let c = candidateCache[i] { return c }
        let c = placer.candidates(for: requests[i])
        candidateCache[i] = c
        return c
    }

    /// Inside the bounds (and the owner's `keepIn`) and clear of every marker but the owner's
    /// and every hard obstacle.
    func staticallyFree(_ rect: Rect, _ owner: Int) -> Bool {
        work.count(.placerCandidates)
        guard bounds.contains(rect), requests[owner].keepIn.map({ $0.contains(rect) }) ?? true else { return false }
        if let covered, covered.holdsCoveredCell(rect, apartFrom: Self.markerBox(requests[owner])) { return false }
        return !fixed.anyIntersects(rect, excluding: owner)
    }

    /// Clear of every placed label except `ignoring` (by a small margin, so two labels never
    /// read as one word), and of every leader line.
    func clearOfLabels(_ candidate: Rect, ignoring: Int = -1) -> Bool {
        let rect = candidate.outsetBy(LabelPlacer.labelSpacing / 2)
        let hitsLabel = labels.anyCandidate(near: rect) { j in
            let item = labels.items[j]
            guard item.payload != ignoring, let p = placed[item.payload], p.rect == item.rect else { return false }
            return p.rect.outsetBy(LabelPlacer.labelSpacing / 2).intersects(rect)
        }
        guard !hitsLabel, !runsOn(candidate, ignoring: ignoring) else { return false }
        return !leaderGrid.anyCandidate(near: candidate.outsetBy(placer.leaderClearance)) { k in
            let (a, b, owner) = leaderSegments[leaderGrid.items[k].payload]
            return owner != ignoring && candidate.outsetBy(placer.leaderClearance).intersectsSegment(a, b)
        }
    }

    /// Whether a placed label stands on the same line as `candidate` (sharing over half the
    /// smaller height) closer than `runOnShare` of that height: "Weights & Biases Weave DSPy"
    /// reads as one name.
    func runsOn(_ candidate: Rect, ignoring: Int) -> Bool {
        let reach = candidate.height * Self.runOnShare
        let row = Rect(x: candidate.minX - reach, y: candidate.minY, width: candidate.width + 2 * reach, height: candidate.height)
        return labels.anyCandidate(near: row) { j in
            let item = labels.items[j]
            guard item.payload != ignoring, let p = placed[item.payload], p.rect == item.rect else { return false }
            let h = min(p.rect.height, candidate.height)
            let shared = min(p.rect.maxY, candidate.maxY) - max(p.rect.minY, candidate.minY)
            guard shared > h * 0.5 else { return false }
            let gap = max(p.rect.minX - candidate.maxX, candidate.minX - p.rect.maxX)
            return gap < h * Self.runOnShare
        }
    }

    /// Names on one line keep this share of a line's height apart (a little more than the
    /// audit's half, so what the placer allows the audit passes).
    static let runOnShare = 0.6

    /// A name or number at a leader's end keeps `leaderEndClearance` from every other marker:
    /// nearer, it reads as that marker's.
    func clearOfOtherMarkers(_ rect: Rect, _ owner: Int) -> Bool {
        let keep = LabelPlacer.leaderEndClearance
        return !fixed.anyCandidate(near: rect.outsetBy(keep + maxRadius)) { k in
            let item = fixed.items[k]
            guard item.payload >= 0, item.payload != owner, !coincide(item.payload, owner) else { return false }
            let other = marker(item.payload)
            return distance(rect, other.anchor) - other.anchorRadius < keep
        }
    }

    /// Clear of every hard obstacle (titles, axis labels), except one the marker sits on.
    func clearOfObstacles(_ rect: Rect, anchor: Point) -> Bool {
        !fixed.anyCandidate(near: rect) { k in
            let item = fixed.items[k]
            return item.payload < 0 && !item.rect.contains(anchor) && item.rect.intersects(rect)
        }
    }

    /// Placed labels that overlap `rect` (or come closer than the label spacing).
    func blockers(of candidate: Rect) -> [Int] {
        var out: [Int] = []
        let rect = candidate.outsetBy(LabelPlacer.labelSpacing)
        labels.forEachCandidate(near: rect) { j in
            let item = labels.items[j]
            guard let p = placed[item.payload], p.rect == item.rect, p.rect.intersects(rect), !out.contains(item.payload) else { return }
            out.append(item.payload)
        }
        return out
    }

    /// The price of covering soft obstacles and of crowding another label.
    func penalty(_ rect: Rect, _ owner: Int) -> Double {
        var cost = 0.0
        softGrid.forEachCandidate(near: rect) { k in
            let s = soft[softGrid.items[k].payload]
            cost += rect.overlapArea(with: s.rect) / max(1, rect.area) * s.weight
        }
        // Ambiguity is a constraint (`unambiguous`), not a price: no candidate scored here has it.
        // Crowding: another label right beside this one reads as one phrase ("GCP Paperspace").
        var crowded = 0.0
        let near = rect.outsetBy(placer.gap * 2.5)
        labels.forEachCandidate(near: near) { k in
            let item = labels.items[k]
            guard item.payload != owner, let p = placed[item.payload], p.rect == item.rect, p.rect.intersects(near) else { return }
            // Side by side on one line is worse than stacked.
            let sameLine = min(p.rect.maxY, rect.maxY) - max(p.rect.minY, rect.minY) > rect.height * 0.5
            crowded += sameLine ? 2.5 : 0.6
        }
        return cost + crowded
    }

    /// A name next to a marker reads as that marker's: no other marker may be as near to the
    /// box as its own (edge to edge, with a little to spare for the glyphs' own margins).
    func unambiguous(_ rect: Rect, _ owner: Int) -> Bool {
        let own = distance(rect, requests[owner].anchor) - requests[owner].anchorRadius
        let probe = rect.outsetBy(max(0, own) + placer.gap + maxRadius * 2 + 2)
        return !fixed.anyCandidate(near: probe) { k in
            let item = fixed.items[k]
            guard item.payload >= 0, item.payload != owner, !coincide(item.payload, owner) else { return false }
            let other = marker(item.payload)
            return distance(rect, other.anchor) - other.anchorRadius < own + max(Self.ambiguityMargin, placer.gap)
        }
    }

    /// Marker i's centre and radius, read without copying its request (whose variants array
    /// would be retained and released for every marker a query looks at).
    @inline(__always)
    func marker(_ i: Int) -> (anchor: Point, anchorRadius: Double) {
        (requests[i].anchor, requests[i].anchorRadius)
    }

    /// Two tools at the same spot (a chart listing one point twice): their markers are drawn
    /// as one, so a name next to it is as much the one's as the other's and neither blocks
    /// the other's name, number or leader.
    func coincide(_ i: Int, _ j: Int) -> Bool {
        requests[i].anchor.distance(to: requests[j].anchor) < Self.coincidence
    }

    /// Markers nearer than this (in points) are one marker to the eye.
    static let coincidence = 0.5

    /// How much nearer its own marker a name must be than to any other.
    static let ambiguityMargin = 2.0

    func distance(_ rect: Rect, _ p: Point) -> Double {
        let dx = max(rect.minX - p.x, 0, p.x - rect.maxX)
        let dy = max(rect.minY - p.y, 0, p.y - rect.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    mutating func put(_ i: Int, _ placement: LabelPlacement) {
        placed[i] = placement
        labels.insert(placement.rect, i)
    }

    /// The cheapest free adjacent candidate of label i, if any (`avoiding` must stay clear too).
    mutating func bestFree(_ i: Int, ignoring: Int = -1, avoiding: Rect? = nil) -> LabelPlacement? {
        var best: (LabelPlacer.Candidate, Double)?
        for c in candidates(i) {
            if let best, c.cost >= best.1 { break }
            guard staticallyFree(c.rect, i), clearOfLabels(c.rect, ignoring: ignoring), unambiguous(c.rect, i) else { continue }
            if let avoiding, avoiding.intersects(c.rect) { continue }
            let score = c.cost + penalty(c.rect, i)
            if best == nil || score < best!.1 { best = (c, score) }
        }
        return best.map { LabelPlacement(rect: $0.0.rect, side: $0.0.side, variant: $0.0.variant, outcome: .adjacent) }
    }

    /// Every free adjacent spot of label i other than its own, scored, cheapest first.
    mutating func freeSpots(_ i: Int) -> [(LabelPlacement, Double)] {
        var out: [(LabelPlacement, Double)] = []
        let current = placed[i]?.rect
        for c in candidates(i) where c.rect != current {
            guard staticallyFree(c.rect, i), clearOfLabels(c.rect, ignoring: i), unambiguous(c.rect, i) else { continue }
            out.append((LabelPlacement(rect: c.rect, side: c.side, variant: c.variant, outcome: .adjacent), c.cost + penalty(c.rect, i)))
        }
        return out.sorted { $0.1 < $1.1 }
    }

    mutating func run() {
        // Priority first, then the most constrained (fewest statically free candidates).
        var freeCount = [Int](repeating: 0, count: requests.count)
        // Constraint is judged on the first ring of the first shape: enough to order by, and a
        // sixth of the work on large inputs.
        let firstRing = LabelSide.allCases.count
        for i in requests.indices {
            var n = 0
            for c in placer.candidates(for: requests[i]).prefix(firstRing) where staticallyFree(c.rect, i) { n += 1 }
            freeCount[i] = n
        }
        let order = requests.indices.sorted {
            let a = requests[$0], b = requests[$1]
            if a.priority != b.priority { return a.priority > b.priority }
            if freeCount[$0] != freeCount[$1] { return freeCount[$0] < freeCount[$1] }
            return $0 < $1
        }
        var unplaced: [Int] = []
        var onMarker = Set<Int>()
        for i in order where numberedOnMarkerFirst.contains(i) {
            if let spot = calloutOnMarker(i, size: requests[i].onMarkerCalloutSize ?? requests[i].variants[0]) { put(i, spot); onMarker.insert(i) }
        }
        var first = Set<Int>()
        for i in order where placeFirst.contains(i) && !onMarker.contains(i) {
            if let p = bestFree(i) {
                put(i, p)
            } else if placer.allowLeaders, placeWithLeader(i, sizes: requests[i].variants, outcome: .leader) {
                // placed
            } else {
                continue
            }
            first.insert(i)
        }
        for i in order where !onMarker.contains(i) && !first.contains(i) {
            if let p = bestFree(i) { put(i, p) } else { unplaced.append(i) }
            candidateCache[i] = nil
        }
        // A cloud of tens of thousands left unplaced: moving one label aside frees no room
        // for another (and costs a quarter of the layout); repair is for a crowd's few.
        for _ in 0..<placer.repairPasses where !unplaced.isEmpty && unplaced.count <= Self.repairLimit {
            unplaced = unplaced.filter { !repair($0) }
        }
        if placer.allowLeaders {
            unplaced = unplaced.filter { !placeWithLeader($0, sizes: requests[$0].variants, outcome: .leader) }
        }
        // Past the leaders: a number at the marker, the name in a legend.
        for i in unplaced where requests[i].calloutSize != nil && callouts < placer.calloutLimit {
            let size = requests[i].calloutSize!
            if let spot = bestCallout(i, size: size) {
                put(i, spot)
                callouts += 1
            } else if let spot = calloutOnMarker(i, size: requests[i].onMarkerCalloutSize ?? size) {
                // In a tight cluster: the number on the marker itself, as radars do.
                put(i, spot)
                callouts += 1
            } else if placer.allowLeaders, placeWithLeader(i, sizes: [size], outcome: .callout) {
                callouts += 1
            }
        }
        // The last few left out: make room by moving up to three labels in the way.
        let left = unplaced.filter { placed[$0] == nil }
        if requests.count <= LabelPlacer.escalationLimit, left.count <= Self.ripUpLimit {
            for i in left { _ = ripUp(i) }
        }
    }

    /// Up to how many left-out labels the rip-up pass tries (each try copies the state).
    static let ripUpLimit = 40

    /// Rip-up and re-place: for a label with no free spot, take a spot beside its marker
    /// that only other labels (at most three) block, lift them, place this one, and put each
    /// lifted label back by its own ladder (beside its marker, leader, number). Kept only if
    /// every lifted label finds a place again, so nothing is traded for nothing.
    mutating func ripUp(_ i: Int) -> Bool {
        let size = requests[i].calloutSize ?? requests[i].variants[0]
        var spots: [(LabelPlacement, [Int], Double)] = []
        let own = candidates(i).map { LabelPlacement(rect: $0.rect, side: $0.side, variant: $0.variant, outcome: .adjacent) }
        let numbers = requests[i].calloutSize == nil ? [] : placer.candidates(around: requests[i].anchor, radius: requests[i].anchorRadius, variants: [size])
            .map { LabelPlacement(rect: $0.rect, side: $0.side, variant: 0, outcome: .callout) }
        for (rank, spot) in (own + numbers).enumerated() where staticallyFree(spot.rect, i) && unambiguous(spot.rect, i) {
            var blocking = Set(blockers(of: spot.rect))
            leaderGrid.forEachCandidate(near: spot.rect.outsetBy(placer.leaderClearance)) { k in
                let (a, b, owner) = leaderSegments[leaderGrid.items[k].payload]
                if owner >= 0, spot.rect.outsetBy(placer.leaderClearance).intersectsSegment(a, b) { blocking.insert(owner) }
            }
            if blocking.isEmpty, clearOfLabels(spot.rect) {
                // Freed since this label's turn (another label was moved aside).
                put(i, spot)
                if spot.outcome == .callout { callouts += 1 }
                return true
            }
            guard !blocking.isEmpty, blocking.count <= 3, blocking.allSatisfy({ requests[$0].priority <= requests[i].priority }) else { continue }
            spots.append((spot, blocking.sorted(), Double(blocking.count) * 100 + Double(rank)))
        }
        for (spot, lifted, _) in spots.sorted(by: { $0.2 < $1.2 }).prefix(12) {
            var trial = self
            let was = lifted.map { trial.placed[$0]! }
            for j in lifted { trial.lift(j) }
            trial.put(i, spot)
            if spot.outcome == .callout { trial.callouts += 1 }
            var ok = true
            for (j, before) in zip(lifted, was) where !trial.replace(j, was: before) { ok = false; break }
            if ok {
                self = trial
                return true
            }
        }
        return false
    }

    /// A tool switched to a number with its crowded neighbours may stand far enough apart for
    /// its name after all (an outlier near a cluster): each gets its name back where a spot
    /// beside its marker is free, ignoring its own number. Returns those named again.
    mutating func restoreNames(_ original: [LabelRequest], numbered: Set<Int>) -> Set<Int> {
        var named = Set<Int>()
        for i in numbered.sorted() where placed[i] != nil {
            let asNumber = requests[i]
            requests[i] = original[i]
            candidateCache[i] = nil
            if let p = bestFree(i, ignoring: i) {
                lift(i)
                put(i, p)
                named.insert(i)
            } else {
                requests[i] = asNumber
            }
            candidateCache[i] = nil
        }
        return named
    }

    /// Takes label j off the canvas, its leader too.
    mutating func lift(_ j: Int) {
        if placed[j]?.outcome == .callout { callouts -= 1 }
        placed[j] = nil
        alternatives.removeAll()
        for k in leaderSegments.indices where leaderSegments[k].2 == j {
            // A spent segment: a point far off, which nothing meets.
            leaderSegments[k] = (Point(-1e9, -1e9), Point(-1e9, -1e9), -1)
        }
    }

    /// Puts a lifted label back by the ladder it went down before: a name beside its marker
    /// or with a leader; a number beside, on, or led from its marker.
    mutating func replace(_ j: Int, was: LabelPlacement) -> Bool {
        if was.outcome == .callout, let size = requests[j].calloutSize {
            if let spot = bestCallout(j, size: size) ?? calloutOnMarker(j, size: requests[j].onMarkerCalloutSize ?? size) {
                put(j, spot)
                callouts += 1
                return true
            }
            if placer.allowLeaders, placeWithLeader(j, sizes: [size], outcome: .callout) { callouts += 1; return true }
            return false
        }
        if let p = bestFree(j) { put(j, p); return true }
        return placer.allowLeaders && placeWithLeader(j, sizes: requests[j].variants, outcome: .leader)
    }

    /// The number centred on marker i, if it covers no other marker's centre and no label.
    /// A number drawn on its own marker is that marker's by the rule, however near the
    /// neighbours: the nearest marker to its box is the one it covers.
    func calloutOnMarker(_ i: Int, size: Size) -> LabelPlacement? {
        let rect = Rect(center: requests[i].anchor, size: size)
        guard bounds.contains(rect), clearOfLabels(rect), coversNoOtherCentre(rect, i), clearOfObstacles(rect, anchor: requests[i].anchor) else { return nil }
        return LabelPlacement(rect: rect, side: .above, variant: 0, outcome: .callout)
    }

    /// No other marker's centre within (or within 1 px of) a box drawn on marker i, allowing
    /// for a larger neighbour (the audit's test, with a pixel and a half to spare).
    func coversNoOtherCentre(_ rect: Rect, _ i: Int) -> Bool {
        !fixed.anyCandidate(near: rect.outsetBy(maxRadius + 2)) { k in
            let item = fixed.items[k]
            guard item.payload >= 0, item.payload != i, !coincide(item.payload, i) else { return false }
            let other = marker(item.payload)
            return distance(rect, other.anchor) < other.anchorRadius - requests[i].anchorRadius + 1
        }
    }

    /// The cheapest free, unambiguous spot for a callout number next to marker i.
    mutating func bestCallout(_ i: Int, size: Size) -> LabelPlacement? {
        var best: (LabelPlacer.Candidate, Double)?
        for c in placer.candidates(around: requests[i].anchor, radius: requests[i].anchorRadius, variants: [size]) {
            if let best, c.cost >= best.1 { break }
            guard staticallyFree(c.rect, i), clearOfLabels(c.rect), unambiguous(c.rect, i) else { continue }
            let score = c.cost + penalty(c.rect, i)
            if best == nil || score < best!.1 { best = (c, score) }
        }
        return best.map { LabelPlacement(rect: $0.0.rect, side: $0.0.side, variant: 0, outcome: .callout) }
    }

    /// Conflict-driven repair: find a candidate of i blocked by one lower-or-equal-priority
    /// label that can itself move to another free spot; move it and place i.
    mutating func repair(_ i: Int) -> Bool {
        for c in candidates(i) where staticallyFree(c.rect, i) && unambiguous(c.rect, i) {
            let blocking = blockers(of: c.rect)
            guard blocking.count == 1, let j = blocking.first, requests[j].priority <= requests[i].priority else { continue }
            guard clearOfLeaders(c.rect) else { continue }
            if alternatives[j] == nil { alternatives[j] = freeSpots(j) }
            guard let moved = alternatives[j]!.first(where: { !$0.0.rect.intersects(c.rect) })?.0 else { continue }
            alternatives.removeAll()
            put(j, moved)
            put(i, LabelPlacement(rect: c.rect, side: c.side, variant: c.variant, outcome: .adjacent))
            candidateCache[i] = nil
            return true
        }
        candidateCache[i] = nil
        return false
    }

    /// The nearest free spot, searched outwards by distance, joined by a straight leader
    /// that crosses no label, marker or other leader. Few labels get a fine and far search;
    /// many a coarse and short one, so huge inputs stay near-linear.
    mutating func placeWithLeader(_ i: Int, sizes: [Size], outcome: LabelOutcome) -> Bool {
        guard leaderProbes < Self.leaderLimit else { return false }
        let req = requests[i]
        let fine = requests.count <= 500 && leaderProbes < Self.leaderBudget
        let reach = fine ? placer.leaderReach : min(placer.leaderReach, 8)
        for (v, size) in sizes.enumerated() {
            let h = max(size.height, 8)
            var distance = req.anchorRadius + h * 1.5
            while distance <= h * reach {
                // Directions about a label height apart along the circle, at least 16.
                let directions = fine ? max(16, min(48, Int(2 * .pi * distance / (h * 1.2)))) : 16
                for k in 0..<directions {
                    let dir = LeaderDirections.unit(k, of: directions)
                    let center = req.anchor + Point(dir.x * (distance + size.width / 2), dir.y * distance)
                    let rect = Rect(center: center, size: size)
                    leaderProbes += 1
                    work.count(.leaderProbes)
                    // The leader's length first: it costs no grid query, and past the longest
                    // leader nothing else needs asking. With no longest leader (a radar), its
                    // start (a square root and a division) waits until the spot is free.
                    let end = rect.nearestPoint(to: req.anchor)
                    let leaderStart = { req.anchor + (end - req.anchor).normalized * (req.anchorRadius + LabelPlacer.leaderGap) }
                    var start: Point?
                    if placer.longestLeader.isFinite {
                        let s = leaderStart()
                        guard s.distance(to: end) <= placer.longestLeader else { continue }
                        start = s
                    }
                    guard staticallyFree(rect, i), clearOfLabels(rect), clearOfOtherMarkers(rect, i) else { continue }
                    let from = start ?? leaderStart()
                    guard from.distance(to: end) <= placer.longestLeader, leaderIsClear(from, end, owner: i) else { continue }
                    put(i, LabelPlacement(rect: rect, side: side(of: dir), variant: outcome == .leader ? v : 0, outcome: outcome, hasLeader: true))
                    addLeader(from, end, i)
                    return true
                }
                distance += fine ? h / 2 : h
            }
        }
        return false
    }

    func leaderIsClear(_ a: Point, _ b: Point, owner: Int) -> Bool {
        // Grown by the clearance a leader keeps: a marker or label that clearance reaches may
        // lie in grid cells the line's own box does not touch.
        let box = Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x) + 0.01, height: abs(a.y - b.y) + 0.01)
            .outsetBy(placer.leaderClearance)
        let anchor = requests[owner].anchor
        // Each grid is asked whether anything blocks the line, and stops at the first that does.
        let blockedByFixed = fixed.anyCandidate(near: box) { k in
            let item = fixed.items[k]
            // An obstacle the marker itself sits on (an axis through it) cannot be avoided.
            if item.payload == -1 && item.rect.contains(anchor) { return false }
            // A thin leader over an axis line reads as crossing it, not as part of it.
            if item.payload == Self.crossable { return false }
            guard item.payload != owner else { return false }
            if item.payload >= 0 {
                guard !coincide(item.payload, owner) else { return false }
                // A marker is a disc: a leader may pass diagonally by it, with a pixel to spare.
                let other = marker(item.payload)
                // A marker touching the owner's is passed as closely as the owner's own edge
                // (the leader starts there), give or take the style's wobble; any other keeps
                // the full clearance.
                let touching = other.anchor.distance(to: anchor) < other.anchorRadius + requests[owner].anchorRadius + placer.leaderClearance
                let keep = touching ? LabelPlacer.leaderGap + placer.leaderClearance - 1 : placer.leaderClearance
                return Segment.passes(a, b, within: other.anchorRadius + keep, of: other.anchor)
            }
            return item.rect.intersectsSegment(a, b)
        }
        guard !blockedByFixed else { return false }
        let blockedByLabel = labels.anyCandidate(near: box) { k in
            let item = labels.items[k]
            guard let p = placed[item.payload], p.rect == item.rect else { return false }
            return p.rect.outsetBy(placer.leaderClearance).intersectsSegment(a, b)
        }
        guard !blockedByLabel else { return false }
        return !leaderGrid.anyCandidate(near: box) { k in
            let (p, q, _) = leaderSegments[leaderGrid.items[k].payload]
            return Segment.cross(a, b, p, q)
        }
    }

    func clearOfLeaders(_ rect: Rect) -> Bool {
        let kept = rect.outsetBy(placer.leaderClearance)
        return !leaderGrid.anyCandidate(near: kept) { k in
            let (a, b, _) = leaderSegments[leaderGrid.items[k].payload]
            return kept.intersectsSegment(a, b)
        }
    }

    mutating func addLeader(_ a: Point, _ b: Point, _ owner: Int) {
        leaderGrid.insert(Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x) + 0.01, height: abs(a.y - b.y) + 0.01), leaderSegments.count)
        leaderSegments.append((a, b, owner))
    }

    func side(of dir: Point) -> LabelSide {
        if abs(dir.y) < 0.4 { return dir.x >= 0 ? .right : .left }
        if abs(dir.x) < 0.4 { return dir.y < 0 ? .above : .below }
        if dir.y < 0 { return dir.x > 0 ? .aboveRight : .aboveLeft }
        return dir.x > 0 ? .belowRight : .belowLeft
    }

    func result() -> [LabelPlacement] {
        requests.indices.map { i in
            placed[i] ?? LabelPlacement(rect: Rect(center: requests[i].anchor, size: requests[i].variants[0]), side: .right, variant: 0, outcome: .omitted)
        }
    }

    /// Input order, first statically free and unblocked candidate of the first ring, else omitted.
    mutating func baseline() -> [LabelPlacement] {
        for i in requests.indices {
            let size = requests[i].variants[0]
            for c in placer.candidates(for: requests[i]) where c.variant == 0 && c.rect.size == size && [.right, .left, .aboveRight, .belowRight, .above, .below, .aboveLeft, .belowLeft].contains(c.side) {
                if staticallyFree(c.rect, i) && clearOfLabels(c.rect) {
                    put(i, LabelPlacement(rect: c.rect, side: c.side, variant: 0, outcome: .adjacent))
                    break
                }
            }
        }
        return result()
    }
}
