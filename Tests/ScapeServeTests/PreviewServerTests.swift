import Foundation
import ScapeModel
@testable import ScapeServe
import Testing

/// The server itself, over real sockets on 127.0.0.1: who it answers, what every answer carries,
/// and the bounds that let it be left running (head size, half-sent requests, connection count,
/// closed event streams, saves caught half-written).
@Suite(.serialized) struct PreviewServerTests {
    static let securityHeaders = ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"]

    @Test func thePageNeedsTheTokenAndSetsItAsACookie() async throws {
        let s = try await RunningServer()
        defer { Task { await s.stop() } }
        let without = try #require(try await s.get("/", withToken: false))
        #expect(without.status == 403)
        let with = try #require(try await s.get("/"))
        #expect(with.status == 200)
        let cookie = try #require(with.header("Set-Cookie"))
        #expect(cookie.hasPrefix("mlscape-token-\(s.port)=\(s.token);"))
        let byCookie = try #require(try await s.get("/figures/landscape.svg", withToken: false, headers: "Cookie: mlscape-token-\(s.port)=\(s.token)\r\n"))
        #expect(byCookie.status == 200)
        #expect(String(decoding: byCookie.body, as: UTF8.self).hasPrefix("<svg") || String(decoding: byCookie.body, as: UTF8.self).contains("<svg"))
        let wrong = try #require(try await s.get("/events", withToken: false, headers: "Cookie: mlscape-token-\(s.port)=\(String(s.token.reversed()))\r\n"))
        #expect(wrong.status == 403)
    }

    @Test func aForeignHostIsRefusedEvenWithTheToken() async throws {
        let s = try await RunningServer()
        defer { Task { await s.stop() } }
        for host in ["localhost.evil.example", "localhost.evil.example:\(0)", "evil.example", "127.0.0.1.nip.io"] {
            let a = try #require(try await s.get("/", host: host))
            #expect(a.status == 403, "Host: \(host)")
        }
        #expect(try await s.get("/", host: "localhost:\(s.port)")?.status == 200)
    }

    @Test func headAnswersAsGetWithoutTheBodyAndOtherMethodsGet405() async throws {
        let s = try await RunningServer()
        defer { Task { await s.stop() } }
        let get = try #require(try await s.get("/figures/landscape.svg"))
        let head = try #require(try await s.get("/figures/landscape.svg", method: "HEAD"))
        #expect(get.status == 200 && head.status == 200)
        #expect(head.header("Content-Length") == String(get.body.count))
        #expect(head.body.isEmpty)
        for method in ["POST", "PUT", "DELETE", "TRACE", "OPTIONS", "PATCH"] {
            let a = try #require(try await s.get("/", method: method))
            #expect(a.status == 405, "\(method)")
            #expect(a.header("Allow") == "GET, HEAD", "\(method)")
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let s = try await RunningServer()
        defer { Task { await s.stop() } }
        let answers = [try await s.get("/"), try await s.get("/", withToken: false), try await s.get("/nothing"), try await s.get("/", method: "POST"),
                       try await s.get("/", host: "evil.example"), try await s.get("/figures/landscape.svg")]
        for a in answers {
            let a = try #require(a)
            for name in Self.securityHeaders { #expect(a.header(name) != nil, "\(name) missing on a \(a.status)") }
            #expect(a.header("X-Content-Type-Options") == "nosniff")
            #expect(a.header("X-Frame-Options") == "DENY")
            #expect(a.header("Referrer-Policy") == "no-referrer")
        }
        // The page's one script runs by its nonce; the policy allows no other script and no other site.
        let page = try #require(try await s.get("/"))
        let csp = try #require(page.header("Content-Security-Policy"))
        let nonce = try #require(csp.split(separator: "'").first { $0.hasPrefix("nonce-") }).dropFirst("nonce-".count)
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("<script nonce=\"\(nonce)\">"))
        #expect(csp.contains("default-src 'none'") && !csp.contains("unsafe-eval") && !csp.contains("http"))
        #expect(!csp.contains("script-src 'unsafe-inline'"))
    }

    @Test func aHeadOverTheLimitGets431AndTheServerStillServes() async throws {
        let limit = InputBounds.maxRequestHead
        let s = try await RunningServer()
        defer { Task { await s.stop() } }
        @Sendable func requestBlocking(headBytes: Int) throws -> HTTPAnswer? {
            let start = "GET /figures/landscape.svg?token=\(s.token) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Pad: "
            let pad = headBytes - start.utf8.count - 4
            let c = try s.client()
            c.send(start + String(repeating: "a", count: pad) + "\r\n\r\n")
            _ = c.readToEnd()
            return HTTPAnswer(parsing: c.received)
        }
        func request(headBytes: Int) async throws -> HTTPAnswer? { try await blocking { try requestBlocking(headBytes: headBytes) } }
        #expect(try await request(headBytes: limit)?.status == 200, "a head of exactly the limit is served")
        #expect(try await request(headBytes: limit + 1)?.status == 431)
        // A megabyte of header: answered at the first byte over the limit, the rest is dropped.
        #expect(try await request(headBytes: 1 << 20)?.status == 431)
        #expect(try await s.get("/figures/landscape.svg")?.status == 200, "still serving")
    }

    @Test func aHalfSentRequestIsClosedAtTheDeadline() async throws {
        let s = try await RunningServer(options: .init(requestSeconds: 1))
        defer { Task { await s.stop() } }
        let idle = try s.client(timeout: 8)
        let slow = try s.client(timeout: 8)
        slow.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: ")
        // One byte at a time keeps a read timeout at bay; the deadline counts from the request's start.
        for _ in 0..<3 {
            try await Task.sleep(for: .milliseconds(400))
            slow.send("a")
        }
        #expect(try await blocking { slow.readToEnd() } == .closed, "the half-sent request was not closed")
        #expect(try await blocking { idle.readToEnd() } == .closed, "a connection that sends nothing was not closed")
        #expect(await s.eventually { s.server.connections.count == 0 })
        #expect(try await s.get("/")?.status == 200)
    }

    @Test func connectionsBeyondTheLimitAreRefusedPolitely() async throws {
        let s = try await RunningServer(options: .init(maxConnections: 4))
        defer { Task { await s.stop() } }
        let held = try (0..<4).map { _ in try s.client() }
        #expect(await s.eventually { s.server.connections.count == 4 })
        let extra = try s.client()
        _ = try await blocking { extra.readToEnd() }
        #expect(HTTPAnswer(parsing: extra.received)?.status == 503)
        #expect(HTTPAnswer(parsing: extra.received)?.header("Retry-After") != nil)
        held[0].close()
        #expect(await s.eventually { s.server.connections.count <= 3 })
        #expect(try await s.get("/")?.status == 200, "a freed slot serves again")
        withExtendedLifetime(held) {}
    }

    @Test func aClosedEventStreamFreesItsConnectionAtOnce() async throws {
        let s = try await RunningServer()
        defer { Task { await s.stop() } }
        var clients: [RawHTTPClient] = []
        for _ in 0..<20 {
            let c = try s.client()
            c.send("GET /events?token=\(s.token) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(try await blocking { c.read(until: "event: hello") })
            clients.append(c)
        }
        #expect(s.server.hub.count == 20)
        for c in clients { c.close() }
        // No save happens: the streams must end because their connections closed.
        #expect(await s.eventually { s.server.connections.count == 0 }, "\(s.server.connections.count) connections still held")
        #expect(await s.eventually { s.server.hub.count == 0 }, "\(s.server.hub.count) streams still subscribed")
    }

    @Test func theChangeEventCarriesTheChangedFiguresSVG() async throws {
        let s = try await RunningServer()
        defer { Task { await s.stop() } }
        let c = try s.client()
        c.send("GET /events?token=\(s.token) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(try await blocking { c.read(until: "event: hello") })
        try Data(RunningServer.smallData.replacingOccurrences(of: "x: 0.4", with: "x: 0.5").utf8).write(to: s.data)
        #expect(try await blocking { c.read(until: "event: change") })
        #expect(try await blocking { c.read(until: "\"svgs\": {\"landscape\": \"<svg") })
    }

    @Test func theFiguresOnScreenAreSentFirstAndTheRestAfter() async throws {
        let data = RunningServer.smallData.replacingOccurrences(of: "  - { id: landscape, kind: map }\n",
                                                                with: "  - { id: landscape, kind: map }\n  - { id: second, kind: map, title: Second }\n")
        let s = try await RunningServer(data: data)
        defer { Task { await s.stop() } }
        #expect(try await s.get("/focus?figures=second")?.status == 204)
        let c = try s.client()
        c.send("GET /events?token=\(s.token) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(try await blocking { c.read(until: "event: hello") })
        try Data(data.replacingOccurrences(of: "x: 0.4", with: "x: 0.5").utf8).write(to: s.data)
        #expect(try await blocking { c.read(until: "\"changed\": [\"landscape\"]") })
        let events = c.text.components(separatedBy: "event: change").dropFirst().map { $0.prefix(200) }
        #expect(events.count == 2)
        #expect(events.first?.contains("\"changed\": [\"second\"]") == true, "the figure on screen did not come first: \(events)")
    }

    @Test func aSaveCaughtHalfWrittenIsReadAgainNotReportedAsAnError() async throws {
        let s = try await RunningServer()
        defer { Task { await s.stop() } }
        let c = try s.client(timeout: 3)
        c.send("GET /events?token=\(s.token) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(try await blocking { c.read(until: "event: hello") })
        for k in 0..<3 {
            // An in-place save: truncate, a pause longer than the debounce, then the new text.
            let handle = try FileHandle(forWritingTo: s.data)
            try handle.truncate(atOffset: 0)
            try await Task.sleep(for: .milliseconds(40))
            try handle.write(contentsOf: Data(RunningServer.smallData.replacingOccurrences(of: "x: 0.4", with: "x: 0.4\(k + 1)").utf8))
            try handle.close()
            #expect(try await blocking { c.read(until: "\"version\": \(k + 2)") }, "save \(k + 1) did not arrive")
        }
        #expect(!c.text.contains("event: error"), "a half-written save was reported: \(c.text.suffix(300))")
        // A save that stays broken is still reported.
        try Data("tools: [".utf8).write(to: s.data)
        #expect(try await blocking { c.read(until: "event: error") })
    }
}
