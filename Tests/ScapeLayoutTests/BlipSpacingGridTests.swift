import ScapeGeometry
@testable import ScapeLayout
import Testing

/// The radar's spacing grid must answer exactly as a scan of every placed blip would, so that
/// the near-linear placement puts each blip where the quadratic one did.
@Suite struct BlipSpacingGridTests {
    @Test(arguments: [1, 2, 3])
    func answersLikeAFullScan(seed: UInt64) {
        var rng = SplitMix64(state: seed)
        let bounds = Rect(x: 100, y: 120, width: 780, height: 780)
        let spacing = 29.25
        var grid = BlipSpacingGrid(spacing: spacing, bounds: bounds)
        var placed: [Point] = []
        func spot() -> Point {
            Point(bounds.origin.x + Double.random(in: 0...bounds.size.width, using: &rng),
                  bounds.origin.y + Double.random(in: 0...bounds.size.height, using: &rng))
        }
        for _ in 0..<2000 {
            let p = spot()
            let scan = placed.map { $0.distance(to: p) }.min() ?? .infinity
            let answer = grid.nearestWithinSpacing(of: p)
            if scan >= spacing {
                #expect(answer == nil, "seed \(seed): a blip within \(answer ?? 0) of \(p) that a scan puts \(scan) away")
            } else {
                #expect(answer == scan, "seed \(seed): grid says \(String(describing: answer)), scan says \(scan)")
            }
            // Giving up early never reports a spot as farther than its nearest blip.
            if let early = grid.nearestWithinSpacing(of: p, giveUpAt: 10) {
                #expect(early >= scan && (early <= 10 || early == scan), "seed \(seed)")
            }
            placed.append(p)
            grid.insert(p)
        }
    }

    /// The spots the radar registers answer from what each insert updated: exactly what asking
    /// the grid at that spot answers, for spots registered before, between and after inserts.
    @Test(arguments: [4, 5])
    func registeredSpotsAnswerLikeTheQuery(seed: UInt64) {
        var rng = SplitMix64(state: seed)
        let bounds = Rect(x: 100, y: 120, width: 780, height: 780)
        var grid = BlipSpacingGrid(spacing: 29.25, bounds: bounds)
        func point() -> Point {
            Point(bounds.origin.x + Double.random(in: 0...bounds.size.width, using: &rng),
                  bounds.origin.y + Double.random(in: 0...bounds.size.height, using: &rng))
        }
        var spots = grid.addSpots((0..<400).map { _ in point() })
        for round in 0..<1500 {
            grid.insert(point())
            if round == 700 { spots = spots.lowerBound..<grid.addSpots((0..<400).map { _ in point() }).upperBound }
            guard round % 100 == 99 else { continue }
            for k in spots {
                let asked = grid.nearestWithinSpacing(of: grid.spot(k))
                #expect(grid.nearestWithinSpacing(spot: k) == asked, "seed \(seed), spot \(k) after \(round + 1) blips")
            }
        }
        #expect(spots.count == 800)
    }
}
