import FlyingFox
import FlyingSocks

/// A response body that is an endless stream of events: each chunk goes out as soon as it
/// is yielded (FlyingFox sends a body without a length with chunked transfer encoding, one
/// chunk per buffer this returns), so a browser's `EventSource` sees every event at once.
struct SSEBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let events: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard let buffer = await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        /// The rest of the current event, up to `count` bytes; waits for the next event when
        /// none is left.
        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            while pending.isEmpty {
                guard let next = await base.next() else { return nil }
                pending = next[...]
            }
            let take = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(take.count)
            return take
        }
    }
}
