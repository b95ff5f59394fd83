import Foundation
import ScapeModel
import ScapePipeline
@testable import ScapeServe

/// A `PreviewServer` on 127.0.0.1 and a free port, serving a small data file from a folder of
/// its own, for tests that speak to it over real sockets.
final class RunningServer: @unchecked Sendable {
    static let smallData = """
    title: Test landscape
    tools:
      - { name: Airflow, x: -0.3, y: -0.4 }
      - { name: Kubeflow, x: 0.1, y: 0.6 }
      - { name: MLflow, x: 0.4, y: -0.2 }
    figures:
      - { id: landscape, kind: map }

    """

    let server: PreviewServer
    let dir: URL
    let data: URL
    let port: Int
    let token: String
    private let task: Task<Void, any Error>

    init(options: PreviewServer.Options = .init(), data text: String = RunningServer.smallData) async throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlscape-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        data = dir.appendingPathComponent("landscape.yaml")
        try Data(text.utf8).write(to: data)
        var options = options
        options.host = "127.0.0.1"
        options.port = 0
        let server = try PreviewServer(dataFile: data, settings: RenderSettings(formats: ["svg"]), options: options)
        self.server = server
        token = server.token
        let address = LockedAddress()
        task = Task { try await server.run { address.set($0) } }
        var waits = 0
        while address.value == nil {
            waits += 1
            if waits > 3000 { throw ClientError("the server did not start") }
            try await Task.sleep(for: .milliseconds(10))
        }
        guard let url = URL(string: address.value!), let port = url.port else { throw ClientError("no port in \(address.value!)") }
        self.port = port
    }

    func stop() async {
        await server.stop()
        _ = try? await task.value
        try? FileManager.default.removeItem(at: dir)
    }

    func client(timeout: Int = 5) throws -> RawHTTPClient { try RawHTTPClient(port: port, timeout: timeout) }

    /// One request on a new connection, its whole answer (read on a thread of its own: a blocking
    /// read on Swift's cooperative pool would starve the server it waits for).
    func get(_ path: String, method: String = "GET", host: String = "127.0.0.1", withToken: Bool = true, headers: String = "") async throws -> HTTPAnswer? {
        try await blocking { try self.getBlocking(path, method: method, host: host, withToken: withToken, headers: headers) }
    }

    func getBlocking(_ path: String, method: String = "GET", host: String = "127.0.0.1", withToken: Bool = true, headers: String = "") throws -> HTTPAnswer? {
        let c = try client()
        let sep = path.contains("?") ? "&" : "?"
        let target = withToken ? "\(path)\(sep)token=\(token)" : path
        c.send("\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\n\(headers)Connection: close\r\n\r\n")
        _ = c.readToEnd()
        return HTTPAnswer(parsing: c.received, bodyless: method == "HEAD")
    }

    /// Waits (in bounded steps) until `condition` holds; false if it never did.
    func eventually(steps: Int = 500, _ condition: () -> Bool) async -> Bool {
        for _ in 0..<steps {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }
}

final class LockedAddress: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?
    func set(_ s: String) { lock.withLock { stored = s } }
    var value: String? { lock.withLock { stored } }
}

/// Runs blocking socket work on a thread of its own, off Swift's cooperative pool.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
