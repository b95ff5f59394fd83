import Foundation

/// The open `/events` streams, and Server-Sent Events sent to all of them. Each subscriber
/// gets its own stream of ready-to-send bytes (one shared copy of each event: they carry
/// SVG, megabytes). A subscriber that falls `buffered` events behind is ended rather than
/// holding memory or up the others: its page reconnects, sees a newer version and reloads.
final class EventHub: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]

    /// A new stream that starts with `first` (the current state) and then gets every event, and
    /// the call that ends it (its connection closed).
    func subscribe(first: [UInt8]) -> (events: AsyncStream<[UInt8]>, end: @Sendable () -> Void) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingOldest(Self.buffered))
        continuation.yield(first)
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        lock.lock()
        subscribers[id] = continuation
        lock.unlock()
        return (stream, { continuation.finish() })
    }

    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return subscribers.count
    }

    func send(_ bytes: [UInt8]) {
        lock.lock()
        let all = Array(subscribers.values)
        lock.unlock()
        for c in all {
            if case .dropped = c.yield(bytes) { c.finish() }
        }
    }

    /// Events a subscriber may fall behind before it is ended.
    static let buffered = 8

    /// Ends every stream (the server is stopping).
    func finishAll() {
        lock.lock()
        let all = Array(subscribers.values)
        subscribers = [:]
        lock.unlock()
        for c in all { c.finish() }
    }

    private func remove(_ id: UUID) {
        lock.lock()
        subscribers[id] = nil
        lock.unlock()
    }

    /// One event in the text/event-stream format: `event:`, one `data:` line per line of
    /// `data`, a blank line.
    static func event(_ name: String, data: String) -> [UInt8] {
        var out = "event: \(name)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { out += "data: \(line)\n" }
        out += "\n"
        return Array(out.utf8)
    }
}
