import Foundation

/// Values written by worker threads, each to its own slot by index, under a lock: the
/// results come back in index order whatever the threads' order.
public final class IndexedSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    public init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// Stores a value; `filled` is told how many slots are filled now, under the lock, so that
    /// two workers finishing at once report their counts in order.
    public func set(_ index: Int, _ value: Value, filled: (Int) -> Void = { _ in }) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
        filled(slots.filter { $0 != nil }.count)
    }

    public var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
