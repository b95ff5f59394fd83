import Foundation

/// The kinds of work the expensive loops count. Unlike times, these counts are the same on
/// every machine, at every load and for any number of jobs, so CI can hold them to a baseline
/// (`mlscape bench work`, `make bench-check`) and a loop that turns quadratic shows at once.
public enum WorkCounter: String, CaseIterable, Sendable, Comparable {
    /// Spots the label placer tested for room: beside a marker, for a callout, at a leader's end.
    case placerCandidates = "placer_candidates"
    /// Spots a leader line was tried to, around a marker that had no adjacent room.
    case leaderProbes = "leader_probes"
    /// Stored boxes the spatial grids looked at to answer "what is near this box?".
    case obstacleQueries = "obstacle_queries"
    /// Blips compared with a candidate spot while spacing a radar's blips.
    case blipSpacingChecks = "blip_spacing_checks"
    /// Hatch segments cut from a region (scanline hatching) by a fill pattern.
    case hatchSegments = "hatch_segments"
    /// Hand-drawn strokes (one bowed pass each) made by the rough pen.
    case roughPenSegments = "rough_pen_segments"
    /// Device pixels inside the boxes of every fill and stroke drawn on a raster (per band).
    case pixelsFilled = "pixels_filled"
    /// Bytes handed to zlib for a PNG's image data.
    case bytesCompressed = "bytes_compressed"
    /// Tools checked against candidate borders while fitting the adoption bands: each tool
    /// projected on each direction the search tries, and held against each calm curve.
    case bandFitChecks = "band_fit_checks"

    public static func < (a: WorkCounter, b: WorkCounter) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    @inlinable var slot: Int {
        switch self {
        case .placerCandidates: return 0
        case .leaderProbes: return 1
        case .obstacleQueries: return 2
        case .blipSpacingChecks: return 3
        case .hatchSegments: return 4
        case .roughPenSegments: return 5
        case .pixelsFilled: return 6
        case .bytesCompressed: return 7
        case .bandFitChecks: return 8
        }
    }
}

/// The totals of one measured piece of work, added to from any thread. Sums do not depend on
/// the order the threads add in, so the totals are deterministic whatever the scheduling.
public final class WorkTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = [Int](repeating: 0, count: WorkCounter.allCases.count)
    /// Where counts go once this tally has been passed on (`passOn`).
    private var onward: WorkTally?

    public init() {}

    public func add(_ counter: WorkCounter, _ n: Int) {
        guard n != 0 else { return }
        lock.lock()
        if let onward {
            lock.unlock()
            onward.add(counter, n)
            return
        }
        counts[counter.slot] &+= n
        lock.unlock()
    }

    /// Adds an accumulator's counts in one step.
    func add(_ slots: [Int]) {
        lock.lock()
        if let onward {
            lock.unlock()
            onward.add(slots)
            return
        }
        for i in slots.indices { counts[i] &+= slots[i] }
        lock.unlock()
    }

    /// Takes `counts` off (work that would not have been made after all: a run another
    /// thread made again, which the caller would have taken from a memo).
    public func subtract(_ amounts: [WorkCounter: Int]) {
        var slots = [Int](repeating: 0, count: WorkCounter.allCases.count)
        for (counter, n) in amounts { slots[counter.slot] = 0 &- n }
        add(slots)
    }

    /// Adds every count so far to `target`, and sends it whatever is counted here from now on
    /// (accumulators flush when they go away, which may be later): work made apart, on another
    /// thread, until it was known to be wanted.
    public func passOn(to target: WorkTally) {
        lock.lock()
        let slots = counts
        counts = [Int](repeating: 0, count: WorkCounter.allCases.count)
        onward = target
        lock.unlock()
        target.add(slots)
    }

    public subscript(_ counter: WorkCounter) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return counts[counter.slot]
    }

    /// Every counter, zeros included.
    public var snapshot: [WorkCounter: Int] {
        lock.lock()
        defer { lock.unlock() }
        return Dictionary(uniqueKeysWithValues: WorkCounter.allCases.map { ($0, counts[$0.slot]) })
    }
}

/// Counts kept by one owner on one thread (a placer run, a painter), with no locking on the
/// hot path (so one thread at a time); added to the tally that was current when it was made,
/// once, when it goes away. The counts live in raw memory, so counting is one add: no
/// exclusivity or bounds checks in the placer's innermost loops.
public final class WorkAccumulator: @unchecked Sendable {
    @usableFromInline let slots: UnsafeMutablePointer<Int>
    private let target: WorkTally?

    public init() {
        target = WorkCounters.current
        slots = .allocate(capacity: WorkCounter.allCases.count)
        slots.initialize(repeating: 0, count: WorkCounter.allCases.count)
    }

    @inlinable @inline(__always)
    public func count(_ counter: WorkCounter, _ n: Int = 1) {
        slots[counter.slot] &+= n
    }

    /// What has been counted here so far (not yet in the tally).
    public var counts: [WorkCounter: Int] {
        Dictionary(uniqueKeysWithValues: WorkCounter.allCases.map { ($0, slots[$0.slot]) })
    }

    deinit {
        target?.add(Array(UnsafeBufferPointer(start: slots, count: WorkCounter.allCases.count)))
        slots.deallocate()
    }
}

/// Where counts go: the tally bound to the current task or thread (`measure`), or nowhere.
/// Worker threads that do part of a measured job re-bind the caller's tally (`bind`).
public enum WorkCounters {
    @TaskLocal public static var current: WorkTally?

    /// Adds `n` to a counter of the current tally; a no-op when nothing is being measured.
    /// For counts made once per call of a loop, not inside it (see `WorkAccumulator`).
    public static func add(_ counter: WorkCounter, _ n: Int) {
        current?.add(counter, n)
    }

    /// Runs `body` with a fresh tally and returns what it counted.
    public static func measure<R>(_ body: () throws -> R) rethrows -> (result: R, counts: [WorkCounter: Int]) {
        let tally = WorkTally()
        let result = try $current.withValue(tally) { try body() }
        return (result, tally.snapshot)
    }

    /// Runs `body` (on a worker thread) counting into `tally`, the caller's.
    public static func bind<R>(_ tally: WorkTally?, _ body: () throws -> R) rethrows -> R {
        try $current.withValue(tally) { try body() }
    }
}
