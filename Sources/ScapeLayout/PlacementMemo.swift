import ScapeGeometry

/// Placement runs already made for one figure, so a run asked for again with the same inputs
/// is not made again. A radar labels its blips twice (names where they fit, then numbers for
/// the crowded quadrants), and the names pass's first escalation round is the numbers pass's
/// second, run for run: about a sixth of a 1,000-blip radar. Shared only by placers of the
/// same settings, over the same obstacles.
final class PlacementMemo: @unchecked Sendable {
    struct Run {
        var requests: [LabelRequest]
        var numbered: Set<Int>
        var placeFirst: Set<Int>
        var obstacles: [Rect]
        var crossable: [Rect]
        var bounds: Rect
        /// The state once its run is over (before names are given back).
        var state: PlacementState
        /// The work the run took: its state's counts when the run was over, before names were
        /// given back.
        var work: [WorkCounter: Int]
    }

    private var runs: [Run] = []

    /// The state a run with these inputs ended in, if one was made.
    func state(requests: [LabelRequest], numbered: Set<Int>, placeFirst: Set<Int>, obstacles: [Rect], crossable: [Rect], bounds: Rect) -> PlacementState? {
        runs.first { $0.numbered == numbered && $0.placeFirst == placeFirst && $0.bounds == bounds && $0.obstacles == obstacles
            && $0.crossable == crossable && $0.requests == requests }?.state
    }

    func remember(_ run: Run) { runs.append(run) }

    /// The runs `other` made that this memo holds too: work made apart (on another core) that
    /// would have been taken from here had it been made after this memo's runs.
    func runsAlsoIn(_ other: PlacementMemo) -> [Run] {
        other.runs.filter { holds($0) }
    }

    /// Takes in the runs `other` made, after this memo's own, as if they had been made here
    /// (those it holds already were, and stay as they are).
    func adopt(_ other: PlacementMemo) { runs += other.runs.filter { !holds($0) } }

    private func holds(_ run: Run) -> Bool {
        state(requests: run.requests, numbered: run.numbered, placeFirst: run.placeFirst, obstacles: run.obstacles, crossable: run.crossable, bounds: run.bounds) != nil
    }
}

