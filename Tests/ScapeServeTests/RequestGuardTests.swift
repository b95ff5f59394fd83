import Foundation
import NIOCore
import NIOEmbedded
@testable import ScapeServe
import Testing

/// The guard in front of the HTTP parser, driven byte by byte on an embedded channel (no
/// sockets, no clock: time is advanced by hand). Seeded random requests in random chunkings:
/// within the bounds every byte passes through unchanged; beyond them the parser never sees
/// more than the limit, and the answer is 431.
@Suite struct RequestGuardTests {
    /// A small deterministic generator (SplitMix64), so a failure repeats.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func channel(limit: Int = 1024, connections: ConnectionCounter = ConnectionCounter(limit: 4)) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(handler: RequestGuard(maxHead: limit, deadline: .seconds(10), counter: connections))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        return channel
    }

    /// Feeds `bytes` in random pieces; returns what the guard passed on.
    func feed(_ bytes: [UInt8], to channel: EmbeddedChannel, rng: inout Seeded) throws -> [UInt8] {
        var passed: [UInt8] = []
        var i = 0
        while i < bytes.count, channel.isActive {
            let n = Int.random(in: 1...max(1, min(700, bytes.count - i)), using: &rng)
            try channel.writeInbound(ByteBuffer(bytes: bytes[i..<(i + n)]))
            i += n
            while let b = try channel.readInbound(as: ByteBuffer.self) { passed += b.readableBytesView }
        }
        return passed
    }

    func outbound(_ channel: EmbeddedChannel) throws -> String {
        var out = ""
        while let b = try channel.readOutbound(as: ByteBuffer.self) { out += String(buffer: b) }
        return out
    }

    func request(_ rng: inout Seeded, headBytes: Int, body: Int = 0) -> [UInt8] {
        var head = "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        if body > 0 { head += "Content-Length: \(body)\r\n" }
        let pad = max(0, headBytes - head.utf8.count - "X-P: \r\n\r\n".utf8.count)
        head += "X-P: " + String((0..<pad).map { _ in "abcdefghijklmnopqrstuvwxyz0123456789 :;".randomElement(using: &rng)! }) + "\r\n\r\n"
        // A body may hold anything, even what looks like the end of a head.
        return Array(head.utf8) + (0..<body).map { _ in [13, 10, 65].randomElement(using: &rng)! }
    }

    @Test func withinTheBoundsEveryBytePassesUnchanged() throws {
        var rng = Seeded(state: 2026)
        for _ in 0..<200 {
            let c = try channel()
            var stream: [UInt8] = []
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                stream += request(&rng, headBytes: Int.random(in: 40...1024, using: &rng),
                                  body: Bool.random(using: &rng) ? Int.random(in: 1...3000, using: &rng) : 0)
            }
            let passed = try feed(stream, to: c, rng: &rng)
            #expect(passed == stream, "the guard changed or held back bytes of requests within the bounds")
            #expect(c.isActive)
            #expect(try outbound(c).isEmpty)
        }
    }

    @Test func aHeadBeyondTheLimitNeverReachesTheParserAndIsAnswered431() throws {
        var rng = Seeded(state: 431)
        for _ in 0..<200 {
            let c = try channel()
            let before = Bool.random(using: &rng) ? request(&rng, headBytes: Int.random(in: 40...1024, using: &rng)) : []
            let big = request(&rng, headBytes: Int.random(in: 1025...20_000, using: &rng))
            let passed = try feed(before + big, to: c, rng: &rng)
            #expect(passed.count <= before.count + 1024, "\(passed.count - before.count) bytes of an oversized head reached the parser")
            #expect(Array(passed.prefix(before.count)) == before)
            #expect(try outbound(c).hasPrefix("HTTP/1.1 431 "))
            c.embeddedEventLoop.advanceTime(by: .seconds(2))
            #expect(!c.isActive, "the connection stays open after 431")
        }
    }

    @Test func aHeadOfExactlyTheLimitPasses() throws {
        var rng = Seeded(state: 1)
        let c = try channel()
        let exact = request(&rng, headBytes: 1024)
        #expect(exact.count == 1024)
        #expect(try feed(exact, to: c, rng: &rng) == exact)
        #expect(c.isActive)
    }

    @Test func aRequestNotCompleteByTheDeadlineIsClosed() throws {
        var rng = Seeded(state: 7)
        let c = try channel()
        _ = try feed(Array("GET / HTTP/1.1\r\nHost: 127".utf8), to: c, rng: &rng)
        c.embeddedEventLoop.advanceTime(by: .seconds(9))
        try c.writeInbound(ByteBuffer(string: ".0.0.1\r\nX: y"))  // trickling does not extend the deadline
        #expect(c.isActive)
        c.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!c.isActive)
    }

    @Test func aCompleteRequestIsNotClosedByTheDeadline() throws {
        var rng = Seeded(state: 8)
        let c = try channel()
        _ = try feed(request(&rng, headBytes: 200), to: c, rng: &rng)
        c.embeddedEventLoop.advanceTime(by: .seconds(60))  // an event stream may last for hours
        #expect(c.isActive)
    }

    @Test func connectionsBeyondTheLimitGet503() throws {
        let counter = ConnectionCounter(limit: 2)
        let a = try channel(connections: counter), b = try channel(connections: counter), extra = try channel(connections: counter)
        #expect(a.isActive && b.isActive)
        #expect(try outbound(extra).hasPrefix("HTTP/1.1 503 "))
        _ = try a.close().wait()
        extra.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(counter.count == 1, "a closed connection, and the refused one, still counted")
        let next = try channel(connections: counter)
        let answered = try outbound(next)
        #expect(next.isActive && answered.isEmpty, "a freed slot is not given again")
    }
}
