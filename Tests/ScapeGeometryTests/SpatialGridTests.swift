import Testing
@testable import ScapeGeometry

@Suite struct SpatialGridTests {
    @Test func queriesMatchBruteForceOnRandomRectangles() {
        var rng = SplitMix64(state: 42)
        var grid = SpatialGrid(bounds: Rect(x: 0, y: 0, width: 1000, height: 800), cellSize: 30)
        var rects: [Rect] = []
        for i in 0..<400 {
            let r = Rect(x: .random(in: -100...1000, using: &rng), y: .random(in: -100...800, using: &rng),
                         width: .random(in: 1...120, using: &rng), height: .random(in: 1...40, using: &rng))
            rects.append(r)
            grid.insert(r, i)
        }
        for _ in 0..<200 {
            let q = Rect(x: .random(in: -100...1000, using: &rng), y: .random(in: -100...800, using: &rng),
                         width: .random(in: 1...200, using: &rng), height: .random(in: 1...60, using: &rng))
            let expected = rects.indices.filter { rects[$0].intersects(q) }
            #expect(grid.indicesIntersecting(q) == expected)
            #expect(grid.anyIntersects(q) == !expected.isEmpty)
        }
    }

    @Test func touchingEdgesDoNotIntersect() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        #expect(!a.intersects(Rect(x: 10, y: 0, width: 5, height: 5)))
        #expect(a.intersects(Rect(x: 9.9, y: 9.9, width: 5, height: 5)))
    }

    @Test func segmentTestFindsCrossingsAndMisses() {
        let r = Rect(x: 0, y: 0, width: 10, height: 10)
        #expect(r.intersectsSegment(Point(-5, 5), Point(15, 5)))
        #expect(r.intersectsSegment(Point(5, 5), Point(6, 6)))
        #expect(!r.intersectsSegment(Point(-5, -5), Point(-1, 20)))
        #expect(!r.intersectsSegment(Point(11, 0), Point(20, 10)))
    }
}
