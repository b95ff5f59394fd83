/// Loops of named steps (the ML lifecycle): each loop a cycle in reading order; loops may
/// share one contiguous run of steps, which is drawn once and lies on both.
public struct LifecycleSpec: Sendable, Equatable {
    public enum Arrangement: String, Sendable, Equatable, CaseIterable {
        /// Two loops: the smaller inside the larger, sharing the larger's right-hand arc.
        case nested
        /// Loops side by side, each sharing a run with its neighbours (alternate directions).
        case chain
    }

    public var loops: [LoopSpec]
    public var arrangement: Arrangement

    public init(loops: [LoopSpec], arrangement: Arrangement? = nil) {
        self.loops = loops
        self.arrangement = arrangement ?? (loops.count == 2 ? .nested : .chain)
    }

    /// The run of steps loops `a` and `b` share, in `a`'s order (empty when none).
    public func sharedRun(_ a: Int, _ b: Int) -> [String] {
        let other = Set(loops[b].steps)
        return loops[a].steps.filter(other.contains)
    }
}

public struct LoopSpec: Sendable, Equatable {
    public var id: String
    /// Step names in reading order; the loop closes from the last back to the first.
    public var steps: [String]
    public var pictogram: Pictogram?
    /// Written under the pictogram at the loop's centre.
    public var caption: String?

    public init(id: String, steps: [String], pictogram: Pictogram? = nil, caption: String? = nil) {
        self.id = id
        self.steps = steps
        self.pictogram = pictogram
        self.caption = caption
    }
}
