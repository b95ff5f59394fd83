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
}
