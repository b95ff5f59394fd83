import Testing
import ScapeGeometry
@testable import ScapeLayout

/// A radar labels its blips twice, and the two passes share placement runs through a memo:
/// what comes back must be exactly what a fresh placer gives, only cheaper.
@Suite struct PlacementMemoTests {
    /// A crowd of 600 names in a small box, each with a number to fall back on.
    func crowd(names: Bool) -> ([LabelRequest], Rect) {
        let bounds = Rect(x: 0, y: 0, width: 500, height: 400)
        var rng = SplitMix64(state: 9)
        let reqs = (0..<600).map { _ in
            LabelRequest(anchor: Point(20 + rng.nextUnit() * 460, 20 + rng.nextUnit() * 360), anchorRadius: 4,
                         size: names ? Size(48, 14) : Size(12, 14), calloutSize: Size(12, 14))
        }
        return (reqs, bounds)
    }

    func same(_ a: [LabelPlacement], _ b: [LabelPlacement]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.rect == $1.rect && $0.outcome == $1.outcome && $0.variant == $1.variant && $0.hasLeader == $1.hasLeader }
    }

    @Test func theNamesThenNumbersPassesGiveWhatFreshPlacersGiveForLessWork() {
        let (names, bounds) = crowd(names: true)
        let (numbers, _) = crowd(names: false)
        var fresh: [[LabelPlacement]] = []
        let freshWork = WorkCounters.measure {
            fresh = [LabelPlacer(gap: 4).place(names, obstacles: [], bounds: bounds), LabelPlacer(gap: 4).place(numbers, obstacles: [], bounds: bounds)]
        }
        let memo = PlacementMemo()
        var placer = LabelPlacer(gap: 4)
        placer.memo = memo
        var shared: [[LabelPlacement]] = []
        let sharedWork = WorkCounters.measure {
            shared = [placer.place(names, obstacles: [], bounds: bounds), placer.place(numbers, obstacles: [], bounds: bounds)]
        }
        #expect(same(fresh[0], shared[0]) && same(fresh[1], shared[1]), "the memo changed a placement")
        let before = freshWork.counts[.placerCandidates] ?? 0, after = sharedWork.counts[.placerCandidates] ?? 0
        #expect(after < before, "a run asked for twice is made once: \(after) vs \(before) spots tried")
    }

    /// The memo keeps the runs' states; were a state to keep the memo, neither would ever be
    /// freed (every radar's runs leaked in the preview server), and the work kept in them
    /// never counted. One pass with a memo must count what it counts without one.
    @Test func aRunKeptInTheMemoIsFreedAndCounted() {
        let (names, bounds) = crowd(names: true)
        let fresh = WorkCounters.measure { LabelPlacer(gap: 4).place(names, obstacles: [], bounds: bounds) }
        weak var released: PlacementMemo?
        let kept = WorkCounters.measure {
            let memo = PlacementMemo()
            released = memo
            var placer = LabelPlacer(gap: 4)
            placer.memo = memo
            return placer.place(names, obstacles: [], bounds: bounds)
        }
        #expect(released == nil, "the memo outlived its placement")
        #expect(same(fresh.result, kept.result))
        #expect(kept.counts == fresh.counts, "\(kept.counts) with a memo, \(fresh.counts) without")
    }
}
