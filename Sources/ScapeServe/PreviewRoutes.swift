import Foundation
import NIOCore

/// The preview's answers, apart from HTTP plumbing so each rule reads (and is tested) as one
/// function of the request's method, path, query, Host and cookies.
enum PreviewRoutes {
    struct Answer {
        enum Body {
            case bytes([UInt8])
            /// An endless event stream, and the call that ends it.
            case events(AsyncStream<[UInt8]>, end: @Sendable () -> Void)
        }
        var status: Int
        var headers: [(String, String)]
        var body: Body
    }

    /// No script but the page's own (its nonce), nothing from elsewhere, no framing.
    static func securityHeaders(nonce: String?) -> [(String, String)] {
        let script = nonce.map { "'nonce-\($0)'" } ?? "'none'"
        return [
            ("Content-Security-Policy", "default-src 'none'; script-src \(script); style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "no-referrer"),
            ("Cache-Control", "no-store"),
        ]
    }

    static func answer(method: String, path: String, query: String?, host: String?, cookie: String?,
                       source: some PreviewSource, channel: (any Channel)? = nil) -> Answer {
        let policy = source.policy
        guard policy.hostAllowed(host) else {
            return text(403, "mlscape serve answers requests addressed to this machine only (localhost, 127.0.0.1 or its --host address)\n")
        }
        guard method == "GET" || method == "HEAD" else {
            var a = text(405, "mlscape serve answers GET and HEAD only\n")
            a.headers.append(("Allow", "GET, HEAD"))
            return a
        }
        if path == "/favicon.ico" { return Answer(status: 204, headers: securityHeaders(nonce: nil), body: .bytes([])) }
        guard policy.tokenAllowed(query: query, cookie: cookie) else {
            return text(403, "open the address mlscape serve printed when it started: it holds ?token=..., which this page needs\n")
        }
        var answer: Answer
        switch path {
        case "/":
            let nonce = AccessPolicy.randomToken()
            answer = Answer(status: 200, headers: securityHeaders(nonce: nonce) + [("Content-Type", "text/html; charset=utf-8")],
                            body: .bytes(Array(PreviewPage.html(source.current, nonce: nonce).utf8)))
        case "/focus":
            // The figures on the page's screen, rendered first after the next save.
            let ids = (query ?? "").split(separator: "&").first { $0.hasPrefix("figures=") }
                .map { $0.dropFirst("figures=".count).split(separator: ",").compactMap { String($0).removingPercentEncoding } } ?? []
            source.setOnScreen(ids.filter { source.current.figures[$0] != nil })
            answer = Answer(status: 204, headers: securityHeaders(nonce: nil), body: .bytes([]))
        case "/events":
            let stream = source.subscribe()
            answer = Answer(status: 200, headers: securityHeaders(nonce: nil) + [("Content-Type", "text/event-stream; charset=utf-8")],
                            body: .events(stream.events, end: stream.end))
        default:
            guard path.hasPrefix("/figures/"), path.hasSuffix(".svg"),
                  let f = source.current.figures[String(path.dropFirst("/figures/".count).dropLast(4)).removingPercentEncoding ?? ""] else {
                return text(404, "not found: mlscape serve has /, /events, /focus and /figures/ID.svg\n")
            }
            answer = Answer(status: 200, headers: securityHeaders(nonce: nil) + [("Content-Type", "image/svg+xml; charset=utf-8")],
                            body: .bytes(Array(f.svg.utf8)))
        }
        if policy.tokenInQuery(query) { answer.headers.append(("Set-Cookie", policy.setCookie)) }
        return answer
    }

    static func text(_ status: Int, _ body: String) -> Answer {
        Answer(status: status, headers: securityHeaders(nonce: nil) + [("Content-Type", "text/plain; charset=utf-8")], body: .bytes(Array(body.utf8)))
    }
}
