import Testing
import ScapeGeometry
@testable import ScapeLayout

@Suite struct LabelPlacerTests {
    static let canvas = Rect(x: 0, y: 0, width: 1125, height: 760)

    func requests(seed: UInt64, count: Int, bounds: Rect = canvas, priority: (Int) -> Int = { _ in 0 }) -> [LabelRequest] {
        var rng = SplitMix64(state: seed)
        return (0..<count).map { i in
            let w = Double(30 + (i % 5) * 12)
            return LabelRequest(anchor: Point(.random(in: bounds.minX + 10...bounds.maxX - 10, using: &rng),
                                              .random(in: bounds.minY + 10...bounds.maxY - 10, using: &rng)),
                                anchorRadius: 5, variants: [Size(w, 15), Size(w * 0.6, 30)], priority: priority(i))
        }
    }

    /// Every property a reader relies on, checked independently of the placer's own bookkeeping.
    func checkInvariants(_ reqs: [LabelRequest], _ placed: [LabelPlacement], bounds: Rect, obstacles: [Rect] = []) {
        let shown = placed.indices.filter { placed[$0].isPlaced }
        for (k, i) in shown.enumerated() {
            let r = placed[i].rect
            #expect(bounds.contains(r), "label \(i) leaves the canvas")
            #expect(r.size == reqs[i].variants[placed[i].variant], "label \(i) changed size")
            for j in shown[(k + 1)...] { #expect(!r.intersects(placed[j].rect), "labels \(i) and \(j) overlap") }
            for o in obstacles { #expect(!r.intersects(o)) }
        }
        for (i, r) in reqs.enumerated() {
            let marker = Rect(center: r.anchor, size: Size(10, 10))
            for j in shown where j != i { #expect(!placed[j].rect.intersects(marker), "label \(j) covers marker \(i)") }
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func sparseLabelsAreAllPlacedNextToTheirMarkers(seed: UInt64) {
        let reqs = requests(seed: seed, count: 60)
        let placed = LabelPlacer(gap: 5).place(reqs, obstacles: [], bounds: Self.canvas)
        #expect(placed.allSatisfy { $0.outcome == .adjacent })
        checkInvariants(reqs, placed, bounds: Self.canvas)
    }

    @Test(arguments: [4, 5, 6] as [UInt64])
    func denseLabelsNeverOverlapAndEveryOmissionIsCounted(seed: UInt64) {
        let reqs = requests(seed: seed, count: 900)
        let placed = LabelPlacer(gap: 5).place(reqs, obstacles: [], bounds: Self.canvas)
        checkInvariants(reqs, placed, bounds: Self.canvas)
        let omitted = placed.filter { $0.outcome == .omitted }.count
        let leaders = placed.filter { $0.outcome == .leader }.count
        let adjacent = placed.filter { $0.outcome == .adjacent }.count
        #expect(omitted + leaders + adjacent == reqs.count)
        #expect(omitted > 0, "900 labels cannot all fit on this canvas")
    }

    @Test func beatsThePlainGreedyBaseline() {
        let reqs = requests(seed: 11, count: 1000)
        let placer = LabelPlacer(gap: 5)
        // Counted as a reader would: names nearer another marker than their own do not count.
        let ours = Self.identified(reqs, placer.place(reqs, obstacles: [], bounds: Self.canvas))
        let baseline = Self.identified(reqs, placer.placeGreedyBaseline(reqs, obstacles: [], bounds: Self.canvas))
        #expect(ours > baseline, "identified \(ours), plain greedy \(baseline): the repair, leader and callout phases must name more tools a reader can attribute")
    }

    @Test(arguments: [11, 12] as [UInt64])
    func theRepairPhasePlacesLabelsTheGreedyPhaseCannot(seed: UInt64) {
        // Without leaders, what the repair phase adds is all the difference.
        let reqs = requests(seed: seed, count: 700)
        let repaired = LabelPlacer(gap: 5, allowLeaders: false).place(reqs, obstacles: [], bounds: Self.canvas)
        let greedy = LabelPlacer(gap: 5, allowLeaders: false, repairPasses: 0).place(reqs, obstacles: [], bounds: Self.canvas)
        checkInvariants(reqs, repaired, bounds: Self.canvas)
        let a = repaired.filter(\.isPlaced).count, b = greedy.filter(\.isPlaced).count
        #expect(a > b, "seed \(seed): \(a) placed with repair, \(b) without")
    }

    /// Placed names whose box is nearer its own marker than any other (leaders always count).
    static func identified(_ reqs: [LabelRequest], _ placed: [LabelPlacement]) -> Int {
        func distance(_ r: Rect, _ p: Point) -> Double {
            let dx = max(r.minX - p.x, 0, p.x - r.maxX), dy = max(r.minY - p.y, 0, p.y - r.maxY)
            return (dx * dx + dy * dy).squareRoot()
        }
        return placed.indices.filter { i in
            guard placed[i].isPlaced else { return false }
            if placed[i].outcome == .leader { return true }
            let own = distance(placed[i].rect, reqs[i].anchor)
            return !reqs.indices.contains { $0 != i && distance(placed[i].rect, reqs[$0].anchor) < own }
        }.count
    }

    @Test func placementIsDeterministic() {
        let reqs = requests(seed: 9, count: 400)
        let a = LabelPlacer(gap: 5).place(reqs, obstacles: [], bounds: Self.canvas)
        let b = LabelPlacer(gap: 5).place(reqs, obstacles: [], bounds: Self.canvas)
        #expect(a.map(\.rect) == b.map(\.rect))
        #expect(a.map(\.outcome) == b.map(\.outcome))
    }

    @Test func leaderLinesCrossNoLabelAndNoMarker() {
        let reqs = requests(seed: 12, count: 700)
        let placed = LabelPlacer(gap: 5).place(reqs, obstacles: [], bounds: Self.canvas)
        for (i, p) in placed.enumerated() where p.outcome == .leader {
            let a = reqs[i].anchor
            let b = Point(min(max(a.x, p.rect.minX), p.rect.maxX), min(max(a.y, p.rect.minY), p.rect.maxY))
            let start = a + (b - a).normalized * (reqs[i].anchorRadius + 1)
            for (j, q) in placed.enumerated() where j != i && q.isPlaced { #expect(!q.rect.intersectsSegment(start, b)) }
            // A marker is a disc: the leader may pass beside it, not through it.
            for (j, r) in reqs.enumerated() where j != i {
                #expect(distance(from: r.anchor, toSegment: start, b) >= r.anchorRadius, "leader \(i) crosses marker \(j)")
            }
        }
    }

    @Test func markersOnTopOfEachOtherGetNoAdjacentName() {
        // Any box beside one is as near the other: a name there would read as either tool's.
        let bounds = Rect(x: 0, y: 0, width: 120, height: 40)
        let reqs = [
            LabelRequest(anchor: Point(20, 20), anchorRadius: 5, size: Size(80, 14), priority: 0),
            LabelRequest(anchor: Point(22, 22), anchorRadius: 5, size: Size(80, 14), priority: 1),
        ]
        let placed = LabelPlacer(gap: 5, allowLeaders: false).place(reqs, obstacles: [], bounds: bounds)
        #expect(placed.allSatisfy { $0.outcome != .adjacent })
    }

    @Test func higherPriorityLabelsWin() {
        // Two markers whose only free spots (right of each, in a narrow box) overlap.
        let bounds = Rect(x: 0, y: 120, width: 70, height: 110)
        let reqs = [
            LabelRequest(anchor: Point(10, 150), anchorRadius: 5, size: Size(50, 60), priority: 0),
            LabelRequest(anchor: Point(10, 196), anchorRadius: 5, size: Size(50, 60), priority: 1),
        ]
        let placed = LabelPlacer(gap: 5, allowLeaders: false).place(reqs, obstacles: [], bounds: bounds)
        #expect(placed[1].outcome == .adjacent)
        #expect(placed[0].outcome != .adjacent)
    }

    @Test func prefersTheRightSideWhenItIsFree() {
        let p = LabelPlacer(gap: 5).place([LabelRequest(anchor: Point(100, 100), anchorRadius: 7, size: Size(40, 16))], obstacles: [], bounds: Self.canvas)
        #expect(p[0].side == .right)
        #expect(p[0].rect.minX == 112)
    }

    @Test func obstaclesPushLabelsAside() {
        let wall = Rect(x: 105, y: 0, width: 10, height: 400)
        let p = LabelPlacer(gap: 5).place([LabelRequest(anchor: Point(100, 100), anchorRadius: 7, size: Size(40, 16))], obstacles: [wall], bounds: Self.canvas)
        #expect(p[0].outcome == .adjacent)
        #expect(p[0].side == .left)
    }

    @Test func softObstaclesAreAvoidedWhenPossible() {
        let title = SoftObstacle(rect: Rect(x: 108, y: 80, width: 100, height: 40), weight: 5)
        let p = LabelPlacer(gap: 5).place([LabelRequest(anchor: Point(100, 100), anchorRadius: 7, size: Size(40, 16))], obstacles: [], soft: [title], bounds: Self.canvas)
        #expect(!p[0].rect.intersects(title.rect))
    }

    @Test func aBoxedInLabelGetsALeaderToTheNearestFreeSpot() {
        // Walls all around the marker but for a narrow corridor upwards: no room next to it,
        // room at the corridor's end, which a leader line reaches through the corridor.
        let anchor = Point(300, 300)
        let walls = [Rect(x: 240, y: 240, width: 57, height: 120), Rect(x: 303, y: 240, width: 57, height: 120),
                     Rect(x: 297, y: 305, width: 6, height: 55)]
        let p = LabelPlacer(gap: 5).place([LabelRequest(anchor: anchor, anchorRadius: 2, size: Size(40, 14))], obstacles: walls, bounds: Self.canvas)
        #expect(p[0].outcome == .leader)
        for w in walls { #expect(!p[0].rect.intersects(w)) }
        #expect(p[0].rect.center.distance(to: anchor) < 200)
    }

    @Test func aLabelWithNoRoomAnywhereIsOmitted() {
        let bounds = Rect(x: 0, y: 0, width: 60, height: 30)
        let p = LabelPlacer(gap: 5).place([LabelRequest(anchor: Point(30, 15), anchorRadius: 7, size: Size(80, 16))], obstacles: [], bounds: bounds)
        #expect(p[0].outcome == .omitted)
    }
}

/// The distance from c to the segment ab: the test's own, not the placer's.
func distance(from c: Point, toSegment a: Point, _ b: Point) -> Double {
    let ab = b - a
    let len2 = ab.dot(ab)
    let t = len2 == 0 ? 0 : max(0, min(1, (c - a).dot(ab) / len2))
    return (a + ab * t).distance(to: c)
}
