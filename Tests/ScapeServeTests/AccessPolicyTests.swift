import Foundation
@testable import ScapeServe
import Testing

/// Who may look: the Host header must name this server exactly, and the token must come with
/// the request (in the query once, then in the cookie).
@Suite struct AccessPolicyTests {
    let loopback = AccessPolicy(token: "0123456789abcdef0123456789abcdef", listenHost: "127.0.0.1", port: 8000)

    @Test func theHostNameIsReadExactlyFromTheHeader() {
        #expect(AccessPolicy.hostName(ofHeader: "localhost:8000") == "localhost")
        #expect(AccessPolicy.hostName(ofHeader: "LOCALHOST") == "localhost")
        #expect(AccessPolicy.hostName(ofHeader: "[::1]:8000") == "::1")
        #expect(AccessPolicy.hostName(ofHeader: "localhost:80a") == nil)
        #expect(AccessPolicy.hostName(ofHeader: "localhost:") == nil)
        #expect(AccessPolicy.hostName(ofHeader: ":8000") == nil)
        #expect(AccessPolicy.hostName(ofHeader: "[::1") == nil)
    }

    @Test func onlyThisMachinesNamesAreAllowedNotNamesThatStartLikeThem() {
        for ok in ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LocalHost:8000"] {
            #expect(loopback.hostAllowed(ok), "\(ok) names this machine")
        }
        for foreign in ["localhost.evil.example", "localhost.evil.example:8000", "127.0.0.1.nip.io", "evil.example",
                        "localhostx", "127.0.0.1x:8000", "", "localhost:8000@evil.example"] {
            #expect(!loopback.hostAllowed(foreign), "\(foreign) must be refused")
        }
        #expect(!loopback.hostAllowed(nil))
    }

    @Test func theHostCheckStaysOnWhenListeningOnEveryAddress() {
        let everywhere = AccessPolicy(token: "t", listenHost: "0.0.0.0", port: 8000)
        #expect(everywhere.hostAllowed("127.0.0.1:8000"))
        #expect(!everywhere.hostAllowed("localhost.evil.example:8000"))
        #expect(!everywhere.hostAllowed("evil.example"))
        let named = AccessPolicy(token: "t", listenHost: "0.0.0.0", port: 8000, extraHosts: ["preview.lan"])
        #expect(named.hostAllowed("preview.lan:8000"))
        #expect(!named.hostAllowed("preview.lan.evil.example"))
    }

    @Test func theTokenComesInTheQueryOrTheCookieAndNothingElseWill() {
        let token = loopback.token
        #expect(loopback.tokenAllowed(query: "token=\(token)", cookie: nil))
        #expect(loopback.tokenAllowed(query: "v=3&token=\(token)", cookie: nil))
        #expect(loopback.tokenAllowed(query: nil, cookie: "a=b; mlscape-token-8000=\(token)"))
        #expect(!loopback.tokenAllowed(query: nil, cookie: nil))
        #expect(!loopback.tokenAllowed(query: "token=", cookie: nil))
        #expect(!loopback.tokenAllowed(query: "token=\(token.dropLast())", cookie: nil))
        #expect(!loopback.tokenAllowed(query: "token=\(token)0", cookie: nil))
        #expect(!loopback.tokenAllowed(query: nil, cookie: "mlscape-token-8001=\(token)"), "another port's cookie is another server's")
        #expect(loopback.setCookie.contains("HttpOnly") && loopback.setCookie.contains("SameSite=Strict"))
    }

    @Test func tokensAreRandom() {
        let a = AccessPolicy.randomToken(), b = AccessPolicy.randomToken()
        #expect(a.count == 32 && b.count == 32 && a != b)
    }
}
