import Dispatch
import ScapeGeometry

/// A piece of work started on another core while the caller goes on, whose result the caller
/// may or may not want (a radar's numbers pass, made while its names pass runs), or surely
/// wants (a banded map's borders). With one thread it is made at once, in place.
///
/// Its work counts go to a tally of its own. `take()` adds them to the caller's, so a result
/// taken counts as if made in place, and one dropped counts nothing: the counts stay the
/// same for any number of threads.
final class WorkAhead<Value>: @unchecked Sendable {
    private let group = DispatchGroup()
    private let tally = WorkTally()
    private let target = WorkCounters.current
    private var made: Value?
    private var counted = false

    init(threads: Int, _ make: @escaping @Sendable () -> Value) {
        guard threads > 1 else {
            made = WorkCounters.bind(tally) { make() }
            return
        }
        DispatchQueue.global().async(group: group) {
            let value = WorkCounters.bind(self.tally) { make() }
            self.made = value
        }
    }

    /// The result, once it is made, with its work counted to the caller's tally (once, however
    /// often it is taken), less `unmade`: work the caller would not have made in its place
    /// (runs it would have found in a memo); `unmade` counts on the first take only. Taken on
    /// the caller's thread.
    func take(less unmade: [[WorkCounter: Int]] = []) -> Value {
        wait()
        if !counted {
            counted = true
            for counts in unmade { tally.subtract(counts) }
            if let target { tally.passOn(to: target) }
        }
        return made!
    }

    /// Waits for the work to be made, without counting it yet: a result not wanted after
    /// all is waited for all the same, so no thread outlives its figure.
    func wait() {
        group.wait()
    }
}
