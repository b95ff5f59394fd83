import Testing
import ScapeGeometry

/// The covered cells only ever rule out a box that does meet a rectangle (so an inset's
/// search skips no free spot), and they do rule out a box that holds a covered cell.
@Suite struct CoveredCellsTests {
    @Test func aBoxRuledOutAlwaysMeetsARectangle() {
        var rng = SplitMix64(state: 7)
        let area = Rect(x: 13, y: 7, width: 900, height: 600)
        for _ in 0..<40 {
            let rects = (0..<60).map { _ in
                Rect(x: area.minX + rng.nextUnit() * 880, y: area.minY + rng.nextUnit() * 580, width: 2 + rng.nextUnit() * 60, height: 2 + rng.nextUnit() * 30)
            }
            var cells = CoveredCells(rects: Array(rects.prefix(50)), over: area, step: 8)
            for r in rects.dropFirst(50) { cells.cover(r) }
            var ruledOut = 0
            for _ in 0..<400 {
                let box = Rect(x: area.minX + rng.nextUnit() * 860 - 20, y: area.minY + rng.nextUnit() * 560 - 20, width: 4 + rng.nextUnit() * 120, height: 4 + rng.nextUnit() * 80)
                guard cells.holdsCoveredCell(box) else { continue }
                ruledOut += 1
                #expect(rects.contains { $0.intersects(box) }, "\(box) is ruled out but meets nothing")
            }
            #expect(ruledOut > 0, "some boxes hold a covered cell")
        }
    }

    @Test func aBoxHoldingAWhollyCoveredCellIsRuledOut() {
        let area = Rect(x: 0, y: 0, width: 100, height: 100)
        let cells = CoveredCells(rects: [Rect(x: 15, y: 15, width: 20, height: 20)], over: area, step: 8)
        // The rectangle covers cells 2..3 (16..32) both ways whole.
        #expect(cells.holdsCoveredCell(Rect(x: 14, y: 14, width: 12, height: 12)))
        #expect(cells.holdsCoveredCell(Rect(x: 0, y: 0, width: 100, height: 100)))
        // Meeting the rectangle without holding a whole covered cell: not ruled out here.
        #expect(!cells.holdsCoveredCell(Rect(x: 30, y: 30, width: 20, height: 20)))
        // Far from it.
        #expect(!cells.holdsCoveredCell(Rect(x: 50, y: 50, width: 40, height: 40)))
        // A rectangle smaller than a cell covers none.
        #expect(!CoveredCells(rects: [Rect(x: 17, y: 17, width: 6, height: 6)], over: area, step: 8).holdsCoveredCell(area))
    }

    /// The placer rules out a label's spot when it holds a cell another marker or obstacle
    /// covers whole, its own marker set apart (a label may touch its own marker): a spot so
    /// ruled out always meets a rectangle other than its own.
    @Test func aBoxRuledOutApartFromItsOwnMeetsAnother() {
        var rng = SplitMix64(state: 11)
        let area = Rect(x: -40, y: 5, width: 700, height: 500)
        for round in 0..<40 {
            var rects = (0..<80).map { _ in
                Rect(x: area.minX + rng.nextUnit() * 680, y: area.minY + rng.nextUnit() * 480, width: 3 + rng.nextUnit() * 30, height: 3 + rng.nextUnit() * 30)
            }
            // Markers stacked on one spot: the same box two and three times.
            rects += [rects[0], rects[1], rects[1]]
            let cells = CoveredCells(rects: rects, over: area, step: 2 + Double(round % 3))
            var ruledOut = 0
            for _ in 0..<300 {
                let own = Int(rng.nextUnit() * Double(rects.count))
                let box = Rect(x: rects[own].midX - 40 + rng.nextUnit() * 40, y: rects[own].midY - 20 + rng.nextUnit() * 20,
                               width: 4 + rng.nextUnit() * 60, height: 4 + rng.nextUnit() * 30)
                guard cells.holdsCoveredCell(box, apartFrom: rects[own]) else { continue }
                ruledOut += 1
                let others = rects.indices.filter { $0 != own && rects[$0].intersects(box) }
                #expect(!others.isEmpty, "\(box) is ruled out but meets only its own \(rects[own])")
            }
            #expect(ruledOut > 0, "some boxes hold another's covered cell")
        }
    }

    @Test func aBoxHoldingOnlyItsOwnCellsIsNotRuledOut() {
        let area = Rect(x: 0, y: 0, width: 100, height: 100)
        let own = Rect(x: 15, y: 15, width: 20, height: 20)
        let box = Rect(x: 14, y: 14, width: 12, height: 12)
        let alone = CoveredCells(rects: [own], over: area, step: 4)
        #expect(alone.holdsCoveredCell(box), "the box holds the marker's cells")
        #expect(!alone.holdsCoveredCell(box, apartFrom: own), "but they are its own")
        // A second marker on the same spot (or a third) is another's, and rules the box out.
        for stacked in 2...3 {
            let cells = CoveredCells(rects: Array(repeating: own, count: stacked), over: area, step: 4)
            #expect(cells.holdsCoveredCell(box, apartFrom: own), "\(stacked) markers on one spot")
        }
        // Another rectangle that covers a cell of the box whole, beside its own.
        let beside = CoveredCells(rects: [own, Rect(x: 16, y: 16, width: 9, height: 9)], over: area, step: 4)
        #expect(beside.holdsCoveredCell(box, apartFrom: own))
        // Coordinates no lattice holds neither trap nor rule out what they should not.
        #expect(!alone.holdsCoveredCell(Rect(x: .nan, y: 0, width: 10, height: 10), apartFrom: own))
        #expect(!alone.holdsCoveredCell(Rect(x: -1e300, y: -1e300, width: 2e300, height: 2e300), apartFrom: own))
        #expect(beside.holdsCoveredCell(Rect(x: -1e300, y: -1e300, width: 2e300, height: 2e300), apartFrom: own))
    }
}
