import Testing
import ScapeGeometry
@testable import ScapeLayout

@Suite struct LabelPlacerTests {
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func requests(seed: UInt64, count: Int, bounds: Rect) -> [LabelRequest] {
        var rng = SplitMix(state: seed)
        return (0..<count).map { i in
            LabelRequest(anchor: Point(.random(in: bounds.minX + 60...bounds.maxX - 60, using: &rng),
                                       .random(in: bounds.minY + 30...bounds.maxY - 30, using: &rng)),
                         anchorRadius: 7, size: Size(Double(30 + (i % 5) * 12), 18))
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func freeLabelsNeverOverlapAndStayInside(seed: UInt64) {
        let bounds = Rect(x: 0, y: 0, width: 1100, height: 740)
        let reqs = requests(seed: seed, count: 80, bounds: bounds)
        let placed = LabelPlacer(gap: 5).place(reqs, obstacles: [], bounds: bounds)
        #expect(placed.allSatisfy { $0.isFree }, "a sparse layout should place every label freely")
        for (i, p) in placed.enumerated() {
            #expect(bounds.contains(p.rect))
            for (j, q) in placed.enumerated() where j > i { #expect(!p.rect.intersects(q.rect)) }
            for (j, r) in reqs.enumerated() where j != i {
                #expect(!p.rect.intersects(Rect(center: r.anchor, size: Size(14, 14))), "label \(i) covers marker \(j)")
            }
        }
    }

    @Test func placementIsDeterministic() {
        let bounds = Rect(x: 0, y: 0, width: 600, height: 400)
        let reqs = requests(seed: 9, count: 120, bounds: bounds)
        let a = LabelPlacer(gap: 5).place(reqs, obstacles: [], bounds: bounds).map(\.rect)
        let b = LabelPlacer(gap: 5).place(reqs, obstacles: [], bounds: bounds).map(\.rect)
        #expect(a == b)
    }

    @Test func prefersTheRightSideWhenItIsFree() {
        let bounds = Rect(x: 0, y: 0, width: 400, height: 400)
        let p = LabelPlacer(gap: 5).place([LabelRequest(anchor: Point(100, 100), anchorRadius: 7, size: Size(40, 16))], obstacles: [], bounds: bounds)
        #expect(p[0].side == .right)
        #expect(p[0].rect.minX == 112)
    }

    @Test func obstaclesPushLabelsAside() {
        let bounds = Rect(x: 0, y: 0, width: 400, height: 400)
        let wall = Rect(x: 105, y: 0, width: 10, height: 400)
        let p = LabelPlacer(gap: 5).place([LabelRequest(anchor: Point(100, 100), anchorRadius: 7, size: Size(40, 16))], obstacles: [wall], bounds: bounds)
        #expect(p[0].isFree)
        #expect(p[0].side == .left)
    }

    @Test func aLabelWithNoFreeSpotIsFlagged() {
        let bounds = Rect(x: 0, y: 0, width: 60, height: 30)
        let p = LabelPlacer(gap: 5).place([LabelRequest(anchor: Point(30, 15), anchorRadius: 7, size: Size(80, 16))], obstacles: [], bounds: bounds)
        #expect(!p[0].isFree)
    }
}
