import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who may look at the preview. Two checks, both on every request:
///
/// - **Host**: the request must name this server by a name it answers to, exactly
///   (`localhost`, `127.0.0.1`, `[::1]`, the `--host` address and, when listening on every
///   address, this machine's own addresses and name). A page elsewhere cannot reach the server
///   through a DNS name that points at it (DNS rebinding): `localhost.evil.example` is not
///   `localhost`.
/// - **Token**: a random secret printed in the URL at start, as Jupyter does. The first page load
///   carries it in `?token=`; the answer sets it as a cookie, so the page's own requests and its
///   event stream carry it without the token in their URLs. Another local user, or another site's
///   page, does not have it.
public struct AccessPolicy: Sendable {
    /// The secret: 32 hexadecimal digits, 128 random bits.
    public let token: String
    /// Lower-case host names (without port or brackets) this server answers to.
    public let allowedHosts: Set<String>
    /// The cookie that carries the token; its name holds the port, as cookies are shared by
    /// every port of a host.
    public let cookieName: String

    public init(token: String = AccessPolicy.randomToken(), listenHost: String, port: Int, extraHosts: [String] = []) {
        self.token = token
        self.cookieName = "mlscape-token-\(port)"
        var hosts: Set<String> = ["localhost", "127.0.0.1", "::1"]
        let listen = listenHost.lowercased()
        if listen == "0.0.0.0" || listen == "::" {
            hosts.formUnion(Self.machineAddresses())
            if let name = Self.machineName() { hosts.insert(name.lowercased()) }
        } else {
            hosts.insert(listen)
        }
        for extra in extraHosts { hosts.insert(extra.lowercased()) }
        self.allowedHosts = hosts
    }

    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", generator.next() as UInt8) }.joined()
    }

    /// The host name of a `Host` header, lower-cased: `name`, `name:port`, `[v6]` or
    /// `[v6]:port`. Nil when the header is not one of those shapes.
    public static func hostName(ofHeader header: String) -> String? {
        var rest = Substring(header)
        let name: Substring
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            name = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
        } else {
            let colon = rest.firstIndex(of: ":") ?? rest.endIndex
            name = rest[..<colon]
            rest = rest[colon...]
        }
        if !rest.isEmpty {
            let port = rest.dropFirst()
            guard rest.first == ":", !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        guard !name.isEmpty else { return nil }
        return name.lowercased()
    }

    /// True when the `Host` header names this server exactly.
    public func hostAllowed(_ header: String?) -> Bool {
        guard let header, let name = Self.hostName(ofHeader: header) else { return false }
        return allowedHosts.contains(name)
    }

    /// True when the query's `token=` or the cookie holds the token.
    public func tokenAllowed(query: String?, cookie: String?) -> Bool {
        if let query, let given = Self.value(of: "token", in: query, separator: "&"), Self.same(given, token) { return true }
        if let cookie, let given = Self.value(of: cookieName, in: cookie, separator: ";"), Self.same(given, token) { return true }
        return false
    }

    /// True when the token came in the query (the page should set the cookie).
    public func tokenInQuery(_ query: String?) -> Bool {
        guard let query, let given = Self.value(of: "token", in: query, separator: "&") else { return false }
        return Self.same(given, token)
    }

    /// The `Set-Cookie` value that hands the token to the page's later requests: not readable by
    /// scripts, sent only by this site's own pages.
    public var setCookie: String { "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict" }

    private static func value(of key: String, in text: String, separator: Character) -> String? {
        for part in text.split(separator: separator) {
            let pair = part.trimmingCharacters(in: .whitespaces)
            guard let eq = pair.firstIndex(of: "=") else { continue }
            if pair[..<eq] == key { return String(pair[pair.index(after: eq)...]) }
        }
        return nil
    }

    /// Compares in time independent of where the strings first differ.
    private static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    /// This machine's IPv4 and IPv6 addresses, for a server listening on all of them.
    static func machineAddresses() -> Set<String> {
        var out = Set<String>()
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return out }
        defer { freeifaddrs(list) }
        var node = list
        while let n = node {
            defer { node = n.pointee.ifa_next }
            guard let addr = n.pointee.ifa_addr else { continue }
            let family = Int32(addr.pointee.sa_family)
            guard family == AF_INET || family == AF_INET6 else { continue }
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            if getnameinfo(addr, length, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(cString: buffer)
                out.insert(String(text.prefix { $0 != "%" }).lowercased())
            }
        }
        return out
    }

    static func machineName() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return nil }
        let name = String(cString: buffer)
        return name.isEmpty ? nil : name
    }
}
