import Dispatch

/// Work on many independent items, cut into runs made at once on the cores a figure may
/// use: a large scene's paths drawn by hand, a large SVG's elements. Each item's result
/// depends on the item alone, and the results come back in the items' order, so the output
/// is the same for any number of threads. Work the runs count goes to the caller's tally.
public enum InRuns {
    /// Runs per thread: items differ in cost (a legend's long names at the end of a scene,
    /// a hatched region against a blip's circle), and with 4 runs a thread the 1,000-blip
    /// radar's caller made 62 % of its SVG's elements while the other thread waited.
    public static let perThread = 16

    /// `make` of each run of `0..<count` (its results in order), joined in order; on one
    /// thread, one run.
    public static func map<T>(count: Int, threads: Int, _ make: @escaping @Sendable (Range<Int>) -> [T]) -> [T] {
        guard threads > 1, count > 1 else { return make(0..<count) }
        let runs = min(count, threads * perThread)
        let cut = (0...runs).map { $0 * count / runs }
        let made = UnsafeMutableBufferPointer<[T]>.allocate(capacity: runs)
        defer { made.deinitialize(); made.deallocate() }
        // Each run initializes its own slot only, once.
        nonisolated(unsafe) let slots = made
        let tally = WorkCounters.current
        DispatchQueue.concurrentPerform(iterations: runs) { k in
            WorkCounters.bind(tally) { (slots.baseAddress! + k).initialize(to: make(cut[k]..<cut[k + 1])) }
        }
        var out: [T] = []
        out.reserveCapacity(count)
        for k in 0..<runs { out.append(contentsOf: made[k]) }
        return out
    }
}
