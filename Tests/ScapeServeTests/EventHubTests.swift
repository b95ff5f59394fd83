import Foundation
@testable import ScapeServe
import Testing

/// The event streams' memory is bounded: a subscriber that falls behind is ended (its page
/// reconnects and reloads), and every subscriber shares the one copy of each event.
@Suite struct EventHubTests {
    @Test func aSubscriberThatFallsBehindIsEndedNotBufferedWithoutEnd() async {
        let hub = EventHub()
        let (events, _) = hub.subscribe(first: Array("hello".utf8))
        for k in 0..<(EventHub.buffered * 4) { hub.send(Array("event \(k)".utf8)) }
        var received = 0
        for await _ in events { received += 1 }
        #expect(received == EventHub.buffered, "a stream behind by \(EventHub.buffered * 4) events kept \(received)")
        #expect(hub.count == 0)
    }

    @Test func aSubscriberThatKeepsUpGetsEveryEvent() async {
        let hub = EventHub()
        let (events, end) = hub.subscribe(first: Array("hello".utf8))
        var iterator = events.makeAsyncIterator()
        _ = await iterator.next()
        for k in 0..<(EventHub.buffered * 4) {
            hub.send(Array("event \(k)".utf8))
            #expect(await iterator.next() == Array("event \(k)".utf8))
        }
        end()
        #expect(await iterator.next() == nil)
    }
}
