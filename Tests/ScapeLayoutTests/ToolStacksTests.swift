import Testing
import ScapeGeometry
@testable import ScapeLayout

/// Stacks grown for crowding: a tool with no room of its own joins its nearest neighbour, a
/// stack's wide disc takes in the markers it would cover, and neither chains a row of
/// markers into one stack far from its members.
@Suite struct ToolStacksTests {
    static let diameter = 12.0

    func width(_ members: [Int], _ anchors: [Point]) -> Double {
        let xs = members.map { anchors[$0].x }, ys = members.map { anchors[$0].y }
        return max(xs.max()! - xs.min()!, ys.max()! - ys.min()!)
    }

    @Test func aToolWithNoRoomJoinsItsNearestNeighbour() {
        // Tool 1 is nearer tool 2 than tool 0; tool 3 is far from all.
        let anchors = [Point(100, 100), Point(120, 100), Point(135, 100), Point(400, 400)]
        let plain = ToolStacks(anchors: anchors, diameter: Self.diameter)
        #expect(plain.groups.isEmpty, "no two markers overlap")
        let joined = plain.joining([[1]], anchors: anchors, reach: 3 * Self.diameter, spread: 3 * Self.diameter)
        #expect(joined.groups == [[1, 2]])
        // Beyond the reach, a tool stays alone (and is warned of, not silently merged).
        let far = plain.joining([[3]], anchors: anchors, reach: 3 * Self.diameter, spread: 3 * Self.diameter)
        #expect(far.groups.isEmpty)
    }

    @Test func roundsOfJoinsAlongARowNeverMakeAStackWiderThanTheSpread() {
        // A row of 30 markers 1.2 diameters apart, every one of them lost, joined five times over.
        let anchors = (0..<30).map { Point(50 + Double($0) * 1.2 * Self.diameter, 200) }
        var stacks = ToolStacks(anchors: anchors, diameter: Self.diameter)
        let spread = 3 * Self.diameter
        for _ in 0..<5 {
            let lost = anchors.indices.map { i in stacks.stackOf[i].map { stacks.groups[$0] } ?? [i] }
            stacks = stacks.joining(lost, anchors: anchors, reach: 3 * Self.diameter, spread: spread)
        }
        #expect(!stacks.groups.isEmpty)
        for g in stacks.groups { #expect(width(g, anchors) <= spread, "\(g)") }
        for (g, members) in stacks.groups.enumerated() { for i in members { #expect(stacks.stackOf[i] == g) } }
    }

    @Test func aStacksDiscTakesInTheMarkerItWouldCover() {
        // Tools 0 and 1 overlap (a stack); its disc, 22 wide, would cover tool 2, 16 from its middle
        // (and a diameter from tool 1, so not stacked by the first rule).
        let anchors = [Point(100, 100), Point(108, 100), Point(120, 100), Point(300, 100)]
        let stacks = ToolStacks(anchors: anchors, diameter: Self.diameter)
        #expect(stacks.groups == [[0, 1]])
        let merged = stacks.mergingOverlaps(anchors: anchors, toolRadius: { _ in 6 }, stackRadius: { _ in 11 }, spread: 3.5 * Self.diameter)
        #expect(merged.groups == [[0, 1, 2]], "the covered tool joins the stack; the far one does not")
        // No disc overlaps another after the merge.
        let spots = merged.groups.map { (ToolStacks.center(of: $0, anchors: anchors), 11.0) } + [(anchors[3], 6.0)]
        for (k, a) in spots.enumerated() { for b in spots[(k + 1)...] { #expect(a.0.distance(to: b.0) >= a.1 + b.1) } }
    }

    @Test func aDenseKnotIsNotSwallowedByOneStack() {
        // A 10 x 10 lattice one diameter apart: discs overlap everywhere, but no stack grows past the spread.
        let anchors = (0..<100).map { Point(100 + Double($0 % 10) * Self.diameter, 100 + Double($0 / 10) * Self.diameter) }
        let spread = 3.5 * Self.diameter
        let merged = ToolStacks(anchors: anchors, diameter: Self.diameter * 1.01)
            .mergingOverlaps(anchors: anchors, toolRadius: { _ in 6 }, stackRadius: { _ in 11 }, spread: spread)
        #expect(merged.groups.count > 4, "the knot stays several stacks: \(merged.groups.count)")
        for g in merged.groups { #expect(width(g, anchors) <= spread, "\(g)") }
        #expect(Set(merged.groups.flatMap { $0 }).count == merged.groups.reduce(0) { $0 + $1.count }, "each tool in one stack")
    }

    @Test func noStackGrownForCrowdingSpansTwoQuadrants() {
        // Two tools either side of the y axis (x = 100), a third on it; all lost, all in reach.
        let anchors = [Point(92, 50), Point(108, 50), Point(100, 62)]
        let side: (Int) -> (x: Int, y: Int) = { i in (anchors[i].x == 100 ? 0 : anchors[i].x < 100 ? -1 : 1, -1) }
        let joined = ToolStacks(anchors: anchors, diameter: 10).joining([[0], [1], [2]], anchors: anchors, reach: 30, spread: 30, side: side)
        for g in joined.groups { #expect(ToolStacks.oneQuadrant(g, side: side), "\(g)") }
        #expect(!joined.groups.contains { $0.contains(0) && $0.contains(1) })
        let merged = ToolStacks(anchors: anchors, diameter: 10).mergingOverlaps(anchors: anchors, toolRadius: { _ in 6 }, stackRadius: { _ in 20 }, spread: 40, side: side)
        #expect(!merged.groups.contains { $0.contains(0) && $0.contains(1) })
    }

    /// A stack whose markers overlap across an axis sits on it: a lost tool from either side
    /// may join it (clusters-1000 left such a stack of 4 out, every neighbour being one side's),
    /// but two stacks each on one side are still never joined across.
    @Test func aStackOnAnAxisMayTakeInANeighbourFromEitherSide() {
        // Tools 0 and 1 overlap across the x axis (y = 100); tool 2 lies below, tool 3 above.
        let anchors = [Point(50, 96), Point(50, 104), Point(50, 120), Point(80, 80)]
        let side: (Int) -> (x: Int, y: Int) = { i in (1, anchors[i].y < 100 ? -1 : 1) }
        let onAxis = ToolStacks(anchors: anchors, diameter: 10)
        #expect(onAxis.groups == [[0, 1]], "the overlapping pair is one stack: \(onAxis.groups)")
        let joined = onAxis.joining([[0, 1]], anchors: anchors, reach: 30, spread: 30, side: side)
        #expect(joined.groups == [[0, 1, 2]], "the stack on the axis takes in its nearest neighbour: \(joined.groups)")
        #expect(ToolStacks.takesNoNewQuadrant([0, 1], [2], side: side))
        #expect(!ToolStacks.takesNoNewQuadrant([2], [3], side: side), "one side's tool never joins the other side's")
    }
}
