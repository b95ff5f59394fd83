import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking socket to 127.0.0.1 for speaking HTTP byte by byte, as an attacker would: half a
/// request, a huge header, a connection that sends nothing. Every read waits at most `timeout`.
final class RawHTTPClient: @unchecked Sendable {
    let fd: Int32
    private(set) var received: [UInt8] = []

    init(port: Int, timeout: Int = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else { Glibc.close(fd); throw ClientError("cannot connect to 127.0.0.1:\(port)") }
        var t = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &t, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { Glibc.close(fd) }

    /// Sends what it can; false once the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    enum ReadEnd: Equatable { case closed, timedOut, more }

    /// Reads once; `.closed` when the server closed (or reset) the connection.
    @discardableResult
    func readOnce() -> ReadEnd {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let n = recv(fd, &chunk, chunk.count, 0)
        if n > 0 { received += chunk[0..<n]; return .more }
        if n == 0 { return .closed }
        return errno == EAGAIN || errno == EWOULDBLOCK ? .timedOut : .closed
    }

    /// Reads until the server closes or a read times out; how it ended.
    func readToEnd() -> ReadEnd {
        while true {
            let end = readOnce()
            if end != .more { return end }
        }
    }

    /// Reads until `text` has arrived (true) or the connection ends or times out (false).
    func read(until text: String) -> Bool {
        while !self.text.contains(text) {
            if readOnce() != .more { return self.text.contains(text) }
        }
        return true
    }

    /// Reads one whole response with a `Content-Length` (or none) and returns it.
    func readResponse() -> HTTPAnswer? {
        while true {
            if let answer = HTTPAnswer(parsing: received) {
                received.removeFirst(answer.byteCount)
                return answer
            }
            if readOnce() != .more { return HTTPAnswer(parsing: received) }
        }
    }

    var text: String { String(decoding: received, as: UTF8.self) }

    func close() { shutdown(fd, Int32(SHUT_RDWR)) }
}

/// A response as read off the wire.
struct HTTPAnswer {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    var byteCount: Int

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }

    /// A whole response at the start of `bytes`, or nil if it has not all arrived. `HEAD` answers
    /// are read with `bodyless`.
    init?(parsing bytes: [UInt8], bodyless: Bool = false) {
        let crlf2: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4, let end = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<$0 + 4]) == crlf2 }) else { return nil }
        let head = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let first = head.first, first.hasPrefix("HTTP/1.1 "), let code = Int(first.dropFirst(9).prefix(3)) else { return nil }
        status = code
        headers = head.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = bodyless ? 0 : (headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0)
        guard bytes.count >= end + 4 + length else { return nil }
        body = Array(bytes[(end + 4)..<(end + 4 + length)])
        byteCount = end + 4 + length
    }
}

struct ClientError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
