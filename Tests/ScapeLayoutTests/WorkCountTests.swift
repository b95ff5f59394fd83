import Testing
import ScapeGeometry
@testable import ScapeLayout

/// The placer's work counts grow with the labels, not with their square: what the CI check
/// (`mlscape bench work --check`) relies on to catch a loop that turns quadratic.
@Suite struct WorkCountTests {
    /// n labels of one size at a fixed density: the canvas grows with n.
    func requests(_ n: Int) -> ([LabelRequest], Rect) {
        let side = (Double(n) * 9000).squareRoot()
        let bounds = Rect(x: 0, y: 0, width: side * 1.5, height: side / 1.5)
        var rng = SplitMix64(state: 7)
        let reqs = (0..<n).map { _ in
            LabelRequest(anchor: Point(.random(in: 10...bounds.maxX - 10, using: &rng), .random(in: 10...bounds.maxY - 10, using: &rng)),
                         anchorRadius: 4, size: Size(48, 14), calloutSize: Size(12, 14))
        }
        return (reqs, bounds)
    }

    func counts(_ n: Int, planted: Bool = false) -> [WorkCounter: Int] {
        let (reqs, bounds) = requests(n)
        return WorkCounters.measure {
            let placed = LabelPlacer(gap: 4).place(reqs, obstacles: [], bounds: bounds)
            if planted {
                // The planted bug: every label checked against every placed label's box, through
                // the same grid queries the placer makes (a quadratic loop).
                var state = PlacementState(placer: LabelPlacer(gap: 4), requests: reqs, obstacles: [], soft: [], bounds: bounds)
                for (i, p) in placed.enumerated() where p.isPlaced { state.put(i, p) }
                for p in placed where p.isPlaced { for q in placed where q.isPlaced && p.rect != q.rect { _ = state.clearOfLabels(q.rect) } }
            }
            return placed
        }.counts
    }

    @Test func placerWorkGrowsLinearlyWithTheLabels() {
        let small = counts(250), large = counts(1000)
        for counter in [WorkCounter.placerCandidates, .obstacleQueries] {
            let a = small[counter] ?? 0, b = large[counter] ?? 0
            #expect(a > 0, "\(counter) counts nothing")
            // 4x the labels: linear is 4x; a quadratic loop would be 16x.
            #expect(Double(b) < Double(a) * 4 * 1.6, "\(counter): \(a) at 250 labels, \(b) at 1000")
        }
    }

    @Test func aPlantedQuadraticLoopRaisesARealCounter() {
        let clean = counts(300), planted = counts(300, planted: true)
        #expect(clean == counts(300), "the counts are not deterministic")
        let a = clean[.obstacleQueries] ?? 0, b = planted[.obstacleQueries] ?? 0
        #expect(Double(b) > Double(a) * 1.3, "obstacle queries \(a) -> \(b)")
    }

    @Test func nothingIsCountedOutsideAMeasurement() {
        let tally = WorkTally()
        let (reqs, bounds) = requests(50)
        _ = LabelPlacer(gap: 4).place(reqs, obstacles: [], bounds: bounds)
        #expect(tally[.placerCandidates] == 0)
        let inside = WorkCounters.bind(tally) { LabelPlacer(gap: 4).place(reqs, obstacles: [], bounds: bounds) }
        #expect(inside.count == 50 && tally[.placerCandidates] > 0)
    }
}
