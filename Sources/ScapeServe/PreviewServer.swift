import FlyingFox
import FlyingSocks
import Foundation
import ScapePipeline

/// `mlscape serve`: a local web server (FlyingFox) that shows a data file's figures and
/// updates open pages as the file changes.
///
/// - `GET /` the figures as inline SVG, with cards; `GET /figures/ID.svg` one figure;
///   `GET /events` a Server-Sent Events stream: `hello` on connecting, `change` naming the
///   figures whose bytes changed, `error` with located messages. Nothing else is served: no
///   file is read from disk for a request, so nothing outside the data file's folder (or in
///   it) can be reached.
/// - The data file and the files it refers to are watched; a burst of writes (editors save
///   twice) is rendered once, after `quiet` without a write.
public final class PreviewServer: @unchecked Sendable {
    public struct Options: Sendable {
        public var host: String
        public var port: UInt16
        /// How long the files must stay still before a burst of writes is rendered.
        public var quiet: Duration

        public init(host: String = "127.0.0.1", port: UInt16 = 8000, quiet: Duration = .milliseconds(15)) {
            self.host = host
            self.port = port
            self.quiet = quiet
        }
    }

    /// Why the server could not start, phrased for the person who ran it.
    public enum StartError: Error, CustomStringConvertible {
        case portInUse(host: String, port: UInt16)
        case cannotListen(host: String, port: UInt16, reason: String)
        case badHost(String)

        public var description: String {
            switch self {
            case .portInUse(let host, let port):
                return "cannot listen on \(host):\(port): the port is in use (another mlscape serve?); choose another with --port"
            case .cannotListen(let host, let port, let reason):
                return "cannot listen on \(host):\(port): \(reason)"
            case .badHost(let host):
                return "--host '\(host)' is not an IP address; use 127.0.0.1 (this machine only), ::1, 0.0.0.0 or an address of this machine"
            }
        }
    }

    /// What happened, for the terminal: renders, errors, warnings.
    public typealias Log = @Sendable (String) -> Void

    let options: Options
    let hub = EventHub()
    private let live: LiveFigureSet
    private let renderQueue = DispatchQueue(label: "mlscape.serve.render")
    private let stateLock = NSLock()
    private var snapshot = LiveFigureSet.Snapshot()
    private var watcher: FileWatcher?
    private var pending: DispatchWorkItem?
    private var burstStart: DispatchTime?
    private var printedWarnings = Set<String>()
    private var stopping = false
    private var isStopping: Bool {
        stateLock.lock()
        defer { stateLock.unlock() }
        return stopping
    }
    private let http: HTTPServer
    private let log: Log

    public init(dataFile: URL?, settings: RenderSettings, options: Options = Options(), log: @escaping Log = { _ in }) throws {
        self.options = options
        self.live = LiveFigureSet(dataFile: dataFile, settings: settings)
        self.log = log
        let address: any SocketAddress
        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        do {
            address = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: options.port) : try sockaddr_in.inet(ip4: host, port: options.port)
        } catch {
            throw StartError.badHost(options.host)
        }
        http = HTTPServer(config: HTTPServer.Configuration(address: address, timeout: 30, logger: .disabled))
    }

    /// The page's current state (last good figures, errors).
    var current: LiveFigureSet.Snapshot {
        stateLock.lock()
        defer { stateLock.unlock() }
        return snapshot
    }

    /// Renders the figures, starts watching and serving, calls `listening` with the address
    /// once connections are accepted, and serves until `stop()` or the task is cancelled.
    public func run(listening: @escaping @Sendable (String) -> Void) async throws {
        renderQueue.sync { self.reload(initial: true) }
        if live.dataFile != nil {
            let watcher = try FileWatcher { [weak self] _ in self?.fileChanged() }
            watcher.watch(live.watchedFiles)
            watcher.start()
            self.watcher = watcher
        }
        await http.appendRoute("GET /events") { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return self.events(request)
        }
        await http.appendRoute("GET /figures/*") { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return self.figure(request)
        }
        await http.appendRoute("GET /") { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return self.page(request)
        }
        await http.appendRoute("GET /favicon.ico") { _ in HTTPResponse(statusCode: .noContent) }
        await http.appendRoute("*") { _ in Self.text(.notFound, "not found: mlscape serve has /, /events and /figures/ID.svg\n") }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await self.http.run() }
                group.addTask {
                    try await self.http.waitUntilListening(timeout: 10)
                    listening(await self.listeningAddress())
                    try await Task.sleep(for: .seconds(1_000_000_000))
                }
                try await group.next()
                group.cancelAll()
            }
        } catch let error as SocketError {
            watcher?.stop()
            if isStopping { return }
            throw startError(error)
        }
    }

    /// Ends the event streams and stops accepting connections.
    public func stop() async {
        stateLock.withLock { stopping = true }
        watcher?.stop()
        hub.finishAll()
        await http.stop(timeout: 0.5)
    }

    private func listeningAddress() async -> String {
        switch await http.listeningAddress {
        case .ip4(let ip, let port): return "http://\(ip):\(port)/"
        case .ip6(let ip, let port): return "http://[\(ip)]:\(port)/"
        default: return "http://\(options.host):\(options.port)/"
        }
    }

    private func startError(_ error: SocketError) -> any Error {
        if case .failed(let type, let code, let message) = error {
            if code == EADDRINUSE { return StartError.portInUse(host: options.host, port: options.port) }
            if code == EACCES { return StartError.cannotListen(host: options.host, port: options.port, reason: "permission denied (ports below 1024 need root); choose another with --port") }
            if code == EADDRNOTAVAIL { return StartError.cannotListen(host: options.host, port: options.port, reason: "no such address on this machine") }
            return StartError.cannotListen(host: options.host, port: options.port, reason: "\(type): \(message)")
        }
        return StartError.cannotListen(host: options.host, port: options.port, reason: "\(error)")
    }

    // MARK: Watching and rendering

    /// A watched file changed: render once the burst is over (after `quiet` with no further
    /// write, and at most 250 ms after its first write).
    private func fileChanged() {
        renderQueue.async { [self] in
            let now = DispatchTime.now()
            if burstStart == nil { burstStart = now }
            pending?.cancel()
            let item = DispatchWorkItem { [weak self] in
                guard let self else { return }
                self.pending = nil
                self.burstStart = nil
                self.reload(initial: false)
            }
            pending = item
            let quiet = DispatchTimeInterval.microseconds(Int(options.quiet / .microseconds(1)))
            let when = min(now + quiet, burstStart! + .milliseconds(250))
            renderQueue.asyncAfter(deadline: when, execute: item)
        }
    }

    /// Loads and renders again (on the render queue), then tells the pages.
    private func reload(initial: Bool) {
        let started = DispatchTime.now().uptimeNanoseconds
        let outcome = live.reload()
        watcher?.watch(live.watchedFiles)
        let snap = live.snapshot
        stateLock.lock()
        snapshot = snap
        stateLock.unlock()
        let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        switch outcome {
        case .failed:
            for e in snap.errors { log(e) }
            log("\(snap.errors.count) error\(snap.errors.count == 1 ? "" : "s"); showing the last good figures")
            if !initial { hub.send(Self.errorEvent(snap)) }
        case .changed(let ids):
            for w in live.warnings where printedWarnings.insert(w).inserted { log("warning: \(w)") }
            if initial {
                log("rendered \(snap.order.count) figure\(snap.order.count == 1 ? "" : "s") in \(Int(ms.rounded())) ms")
            } else {
                log(ids.isEmpty ? "no figure changed (\(Int(ms.rounded())) ms)" : "updated \(ids.joined(separator: ", ")) in \(Int(ms.rounded())) ms")
                hub.send(Self.changeEvent(snap, changed: ids))
            }
        }
    }

    // MARK: Events

    static func helloEvent(_ s: LiveFigureSet.Snapshot) -> [UInt8] {
        Array("retry: 1000\n".utf8) + EventHub.event("hello", data: "{\"version\": \(s.version), \"order\": \(jsonArray(s.order))}")
    }

    static func changeEvent(_ s: LiveFigureSet.Snapshot, changed: [String]) -> [UInt8] {
        EventHub.event("change", data: "{\"version\": \(s.version), \"order\": \(jsonArray(s.order)), \"changed\": \(jsonArray(changed)), \"catalogues\": \(PreviewPage.catalogues(s, ids: changed))}")
    }

    static func errorEvent(_ s: LiveFigureSet.Snapshot) -> [UInt8] {
        EventHub.event("error", data: "{\"version\": \(s.version), \"messages\": \(jsonArray(s.errors))}")
    }

    static func jsonArray(_ items: [String]) -> String { "[" + items.map(PreviewPage.jsonString).joined(separator: ", ") + "]" }

    // MARK: Routes

    private func events(_ request: HTTPRequest) -> HTTPResponse {
        if let refused = refuseForeignHost(request) { return refused }
        let s = current
        var first = Self.helloEvent(s)
        if !s.errors.isEmpty { first += Self.errorEvent(s) }
        let stream = hub.subscribe(first: first)
        var headers = HTTPHeaders()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: SSEBody(events: stream)))
    }

    private func page(_ request: HTTPRequest) -> HTTPResponse {
        if let refused = refuseForeignHost(request) { return refused }
        return Self.text(.ok, PreviewPage.html(current), type: "text/html; charset=utf-8")
    }

    private func figure(_ request: HTTPRequest) -> HTTPResponse {
        if let refused = refuseForeignHost(request) { return refused }
        let name = String(request.path.dropFirst("/figures/".count))
        guard name.hasSuffix(".svg"), let f = current.figures[String(name.dropLast(4))] else {
            return Self.text(.notFound, "no figure '\(name)'\n")
        }
        return Self.text(.ok, f.svg, type: "image/svg+xml; charset=utf-8")
    }

    /// On loopback, a request must name a loopback host: a web page elsewhere cannot reach
    /// the server through a DNS name that points at 127.0.0.1.
    private func refuseForeignHost(_ request: HTTPRequest) -> HTTPResponse? {
        guard ["127.0.0.1", "localhost", "::1"].contains(options.host) else { return nil }
        let host = request.headers[.host] ?? ""
        let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }.dropFirst()) : String(host.prefix { $0 != ":" })
        if ["127.0.0.1", "localhost", "::1"].contains(name.lowercased()) { return nil }
        return Self.text(.forbidden, "mlscape serve answers requests for localhost only\n")
    }

    static func text(_ status: HTTPStatusCode, _ body: String, type: String = "text/plain; charset=utf-8") -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return HTTPResponse(statusCode: status, headers: headers, body: Data(body.utf8))
    }
}
