import Testing
import ScapeGeometry

/// The free room a legend panel goes in: the largest free rectangle among blocked boxes.
@Suite struct FreeRoomTests {
    /// On seeded random boxes, the sweep finds a rectangle exactly as large as the largest
    /// a brute force over every cell rectangle finds, and that rectangle is free.
    @Test func theSweepFindsTheLargestFreeRectangle() {
        var rng = SplitMix64(state: 7)
        for round in 0..<40 {
            var room = FreeRoom(area: Rect(x: 10, y: 20, width: 96, height: 64), cell: 4)
            for _ in 0..<(3 + round % 9) {
                let x = 10 + rng.nextUnit() * 96, y = 20 + rng.nextUnit() * 64
                room.block(Rect(x: x, y: y, width: 2 + rng.nextUnit() * 30, height: 2 + rng.nextUnit() * 20))
            }
            let minimum = Size(Double(round % 4) * 6, Double(round % 3) * 6)
            let found = room.largest(atLeast: minimum)
            // Brute force: every rectangle of whole cells, kept if free and large enough.
            var best = 0.0
            for y0 in 0..<room.rows { for x0 in 0..<room.columns {
                for x1 in x0..<room.columns {
                    // A rectangle that is not free stays so when it grows: stop there.
                    for y1 in y0..<room.rows {
                        let r = Rect(x: 10 + Double(x0) * 4, y: 20 + Double(y0) * 4, width: Double(x1 - x0 + 1) * 4, height: Double(y1 - y0 + 1) * 4)
                        guard room.isFree(r.insetBy(0.01)) else { break }
                        if r.width >= minimum.width, r.height >= minimum.height, r.area > best { best = r.area }
                    }
                }
            } }
            if best == 0 {
                #expect(found == nil, "round \(round)")
            } else {
                #expect(found.map { abs($0.area - best) < 1e-6 } == true, "round \(round): \(String(describing: found)) against \(best)")
                #expect(found.map { room.isFree($0.insetBy(0.01)) } == true, "round \(round): the rectangle found is free")
            }
        }
    }

    /// A line blocks its own course, not the box round it: a diagonal leader leaves the
    /// corners beside it free.
    @Test func aLineBlocksItsCourseOnly() {
        var room = FreeRoom(area: Rect(x: 0, y: 0, width: 200, height: 200), cell: 4)
        room.block(from: Point(0, 0), to: Point(200, 200), width: 4)
        #expect(!room.isFree(Rect(x: 96, y: 96, width: 8, height: 8)))
        #expect(room.isFree(Rect(x: 120, y: 10, width: 60, height: 60)))
        #expect(room.isFree(Rect(x: 10, y: 120, width: 60, height: 60)))
        let largest = room.largest(atLeast: .zero)
        #expect(largest.map { $0.area > 60 * 60 } == true, "\(String(describing: largest))")
    }

    /// Nothing outside the area is ever offered, and a fully blocked area offers nothing.
    @Test func aBlockedAreaOffersNothing() {
        var room = FreeRoom(area: Rect(x: 0, y: 0, width: 40, height: 40), cell: 4)
        #expect(room.largest(atLeast: Size(40, 40)) == Rect(x: 0, y: 0, width: 40, height: 40))
        #expect(room.largest(atLeast: Size(41, 10)) == nil)
        #expect(!room.isFree(Rect(x: -1, y: 0, width: 10, height: 10)))
        room.block(Rect(x: -100, y: -100, width: 1000, height: 1000))
        #expect(room.largest(atLeast: .zero) == nil)
    }
}
