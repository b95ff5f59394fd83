import Foundation
import ScapeModel
import ScapePipeline
#if canImport(Glibc)
import Glibc
#endif

/// `mlscape bench serve`: the time from a save of the data file to the `change` event at a
/// client of `/events`, on the blog's landscape. The server runs as `mlscape serve` does
/// (same watcher, debounce and rendering), on 127.0.0.1 and a free port; the client is a
/// plain socket reading the event stream; each save moves one tool of the map (GCP AI
/// Platform) and is written as editors do, to a temporary file renamed over the original.
public enum ServeBenchmark {
    public struct Result: Sendable {
        /// Save -> event, in milliseconds, one per save.
        public var latencies: [Double]
        public var figures: Int

        public func percentile(_ p: Double) -> Double {
            let sorted = latencies.sorted()
            guard !sorted.isEmpty else { return .nan }
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
        }
    }

    static let movedTool = "  - { name: GCP, subtitle: AI Platform, x: -0.427, y: 0.834"

    public static func run(saves: Int, settings: RenderSettings = RenderSettings(formats: ["svg"])) async throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlscape-bench-serve-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent(LandscapeLoader.defaultFileName)
        let original = LandscapeLoader.defaultText
        guard original.contains(movedTool) else { throw BenchError("the built-in landscape no longer has the line the benchmark edits") }
        try Data(original.utf8).write(to: data)
        try Data(LifecycleLoader.defaultText.utf8).write(to: dir.appendingPathComponent(LifecycleLoader.defaultFileName))

        let server = try PreviewServer(dataFile: data, settings: settings, options: PreviewServer.Options(host: "127.0.0.1", port: 0))
        let address = AddressBox()
        let serving = Task { try await server.run { address.set($0) } }
        defer { serving.cancel() }
        var waited = 0
        while address.value == nil {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
            if waited > 1000 { throw BenchError("the server did not start") }
        }
        guard let url = URL(string: address.value!), let port = url.port else { throw BenchError("no port") }
        let client = try EventClient(port: UInt16(port), token: server.token)
        defer { client.close() }
        _ = try client.waitFor("hello")

        var latencies: [Double] = []
        for k in 1...saves {
            let x = k % 2 == 1 ? "-0.417" : "-0.427"
            let edited = original.replacingOccurrences(of: movedTool, with: "  - { name: GCP, subtitle: AI Platform, x: \(x), y: 0.834")
            let temporary = dir.appendingPathComponent(".\(LandscapeLoader.defaultFileName).swp")
            try Data(edited.utf8).write(to: temporary)
            let t0 = DispatchTime.now().uptimeNanoseconds
            guard rename(temporary.path, data.path) == 0 else { throw BenchError("cannot rename over the data file") }
            let event = try client.waitFor("change")
            let t1 = DispatchTime.now().uptimeNanoseconds
            let changed = event.range(of: "\"changed\": [").map { event[$0.upperBound...].prefix { $0 != "]" } } ?? ""
            guard changed.contains("\"ml-landscape-all\"") else { throw BenchError("the change event does not name ml-landscape-all") }
            latencies.append(Double(t1 - t0) / 1e6)
            try await Task.sleep(for: .milliseconds(150))
        }
        await server.stop()
        return Result(latencies: latencies, figures: server.current.order.count)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

final class AddressBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?
    func set(_ s: String) { lock.withLock { stored = s } }
    var value: String? { lock.withLock { stored } }
}

/// A minimal reader of an event stream over a blocking socket, for measuring only: it
/// sends one GET and scans what arrives for `event: NAME` lines.
final class EventClient {
    private let fd: Int32
    /// Bytes read and not yet handed out; scanned once each (events carry megabytes of SVG).
    private var buffer: [UInt8] = []
    private var scanned = 0

    init(port: UInt16, token: String) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else { throw BenchError("cannot connect to 127.0.0.1:\(port)") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = "GET /events?token=\(token) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
    }

    /// Reads until an event of this name has arrived whole; returns its text (the first 64 KB).
    func waitFor(_ name: String) throws -> String {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let wanted = Array("event: \(name)\n".utf8)
        while true {
            // Each event ends with a blank line; look only at bytes not yet looked at.
            var i = max(0, scanned - 1)
            while i + 1 < buffer.count {
                if buffer[i] == 10 && buffer[i + 1] == 10 {
                    let event = Array(buffer[0...(i + 1)])
                    buffer.removeFirst(i + 2)
                    scanned = 0
                    i = 0
                    if let start = event.firstRange(of: wanted) {
                        return String(decoding: event[start.lowerBound...].prefix(1 << 16), as: UTF8.self)
                    }
                    continue
                }
                i += 1
            }
            scanned = buffer.count
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { throw BenchError("no '\(name)' event within 10 s") }
            buffer += chunk[0..<n]
        }
    }

    func close() { Glibc.close(fd) }
}
