import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ScapeModel
import ScapePipeline
import ServiceLifecycle
#if canImport(Glibc)
import Glibc
#endif

/// `mlscape serve`: a local web server (Hummingbird 2 on SwiftNIO) that shows a data file's
/// figures and updates open pages as the file changes.
///
/// - `GET /` the figures as inline SVG, with cards; `GET /figures/ID.svg` one figure;
///   `GET /events` a Server-Sent Events stream: `hello` on connecting, `change` with the changed
///   figures' SVG inside it (so no page needs a second connection), `error` with located
///   messages; `GET /focus?figures=a,b` the figures on a page's screen, drawn and sent first
///   after a save. Nothing else is served: no file is read from disk for a request.
/// - Who may look: see `AccessPolicy` (exact Host, a token in the printed URL). What a
///   connection may cost: see `RequestGuard` (head size, time, count).
/// - The data file and the files it refers to are watched; a save is rendered once its writer
///   closes the file or renames it over, and writes to a file still open once `quiet` has
///   passed without one. A save that reads as empty or cut short is read again once the
///   writer has settled before its errors are shown.
public final class PreviewServer: PreviewSource, @unchecked Sendable {
    public struct Options: Sendable {
        public var host: String
        public var port: UInt16
        /// How long the files must stay still before a burst of writes is rendered.
        public var quiet: Duration
        /// How long a save that does not load waits for its writer before the errors show.
        public var settle: Duration
        /// The secret of the printed URL; random unless a test fixes it.
        public var token: String?
        /// More host names the server answers to (a name of this machine in DNS).
        public var extraHosts: [String]
        public var maxConnections: Int
        public var maxRequestHead: Int
        public var requestSeconds: Int

        public init(host: String = "127.0.0.1", port: UInt16 = 8000, quiet: Duration = .milliseconds(15),
                    settle: Duration = .milliseconds(120), token: String? = nil, extraHosts: [String] = [],
                    maxConnections: Int = InputBounds.maxConnections, maxRequestHead: Int = InputBounds.maxRequestHead,
                    requestSeconds: Int = InputBounds.requestSeconds) {
            self.host = host
            self.port = port
            self.quiet = quiet
            self.settle = settle
            self.token = token
            self.extraHosts = extraHosts
            self.maxConnections = maxConnections
            self.maxRequestHead = maxRequestHead
            self.requestSeconds = requestSeconds
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
    let connections: ConnectionCounter
    /// The secret every request must carry (in the URL once, then as a cookie).
    public let token: String
    private let bindHost: String
    private let live: LiveFigureSet
    private let renderQueue = DispatchQueue(label: "mlscape.serve.render")
    private let stateLock = NSLock()
    private var snapshot = LiveFigureSet.Snapshot()
    private var accessPolicy: AccessPolicy
    private var watcher: FileWatcher?
    private var pending: DispatchWorkItem?
    private var burstStart: DispatchTime?
    /// True while a failed load waits for its writer to settle before it is reported.
    private var confirming = false
    private var printedWarnings = Set<String>()
    private var stopping = false
    private var group: ServiceGroup?
    private let log: Log

    public init(dataFile: URL?, settings: RenderSettings, options: Options = Options(), log: @escaping Log = { _ in }) throws {
        self.options = options
        self.live = LiveFigureSet(dataFile: dataFile, settings: settings)
        self.log = log
        self.connections = ConnectionCounter(limit: options.maxConnections)
        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        var v4 = in_addr(), v6 = in6_addr()
        guard inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1 else { throw StartError.badHost(options.host) }
        bindHost = host
        token = options.token ?? AccessPolicy.randomToken()
        accessPolicy = AccessPolicy(token: token, listenHost: host, port: Int(options.port), extraHosts: options.extraHosts)
    }

    /// The page's current state (last good figures, errors).
    var current: LiveFigureSet.Snapshot { stateLock.withLock { snapshot } }

    var policy: AccessPolicy { stateLock.withLock { accessPolicy } }

    func subscribe() -> (events: AsyncStream<[UInt8]>, end: @Sendable () -> Void) {
        let s = current
        var first = Self.helloEvent(s)
        if !s.errors.isEmpty { first += Self.errorEvent(s) }
        return hub.subscribe(first: first)
    }

    /// Renders the figures, starts watching and serving, calls `listening` with the address to
    /// open (token included) once connections are accepted, and serves until `stop()`.
    public func run(listening: @escaping @Sendable (String) -> Void) async throws {
        renderQueue.sync { self.reload(initial: true) }
        if live.dataFile != nil {
            let watcher = try FileWatcher { [weak self] _, settled in self?.fileChanged(settled: settled) }
            watcher.watch(live.watchedFiles)
            watcher.start()
            self.watcher = watcher
        }
        var logger = Logger(label: "mlscape.serve")
        logger.logLevel = .critical
        let counter = connections
        let http1 = HTTP1Channel.Configuration(
            idleTimeout: .seconds(Int64(options.requestSeconds)),
            httpDecoderConfiguration: .init(maxHeaderFieldSize: options.maxRequestHead, maxHeaderListSize: options.maxRequestHead, maxHeaderFieldCount: 1000))
        let maxHead = options.maxRequestHead, deadline = TimeAmount.seconds(Int64(options.requestSeconds))
        let builder = HTTPServerBuilder { responder in
            GuardedHTTP1Channel(inner: HTTP1Channel(responder: responder, configuration: http1), counter: counter, maxHead: maxHead, deadline: deadline)
        }
        let app = Application(
            responder: PreviewResponder(source: self),
            server: builder,
            configuration: ApplicationConfiguration(address: .hostname(bindHost, port: Int(options.port)), backlog: 256),
            onServerRunning: { [weak self] channel in
                guard let self else { return }
                let port = channel.localAddress?.port ?? Int(self.options.port)
                self.stateLock.withLock {
                    self.accessPolicy = AccessPolicy(token: self.token, listenHost: self.bindHost, port: port, extraHosts: self.options.extraHosts)
                }
                // Listening on every address: print the one this machine always answers on.
                let host = self.bindHost == "0.0.0.0" ? "127.0.0.1" : self.bindHost == "::" ? "::1" : self.bindHost
                let shown = host.contains(":") ? "[\(host)]" : host
                listening("http://\(shown):\(port)/?token=\(self.token)")
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger))
        let stopped = stateLock.withLock { () -> Bool in
            self.group = group
            return stopping
        }
        if stopped { return }
        do {
            try await withTaskCancellationHandler {
                try await group.run()
            } onCancel: {
                Task { await self.stop() }
            }
        } catch {
            watcher?.stop()
            if stateLock.withLock({ stopping }) { return }
            throw startError(error)
        }
        watcher?.stop()
    }

    /// Ends the event streams and stops accepting connections.
    public func stop() async {
        let group = stateLock.withLock { () -> ServiceGroup? in
            stopping = true
            return self.group
        }
        watcher?.stop()
        hub.finishAll()
        await group?.triggerGracefulShutdown()
    }

    private func startError(_ error: any Error) -> any Error {
        let host = options.host, port = options.port
        // NIO's bind error, or (should a layer wrap it) its words.
        if let io = error as? IOError ?? Self.ioError(in: error) {
            switch io.errnoCode {
            case EADDRINUSE: return StartError.portInUse(host: host, port: port)
            case EACCES: return StartError.cannotListen(host: host, port: port, reason: "permission denied (ports below 1024 need root); choose another with --port")
            case EADDRNOTAVAIL: return StartError.cannotListen(host: host, port: port, reason: "no such address on this machine")
            default: return StartError.cannotListen(host: host, port: port, reason: String(cString: strerror(io.errnoCode)))
            }
        }
        return StartError.cannotListen(host: host, port: port, reason: "\(error)")
    }

    private static func ioError(in error: any Error) -> IOError? {
        let text = "\(error)"
        if text.contains("Address already in use") { return IOError(errnoCode: EADDRINUSE, reason: "bind") }
        return nil
    }

    // MARK: Watching and rendering

    /// A watched file changed: render once the burst is over (after `quiet` with no further
    /// write, and at most 250 ms after its first write), or at once when the writer is done
    /// (closed the file after writing, or renamed a finished file onto it).
    private func fileChanged(settled: Bool) {
        renderQueue.async { [self] in
            let now = DispatchTime.now()
            if burstStart == nil { burstStart = now }
            confirming = false
            let quiet = DispatchTimeInterval.microseconds(Int(options.quiet / .microseconds(1)))
            schedule(at: settled ? now : min(now + quiet, burstStart! + .milliseconds(250)))
        }
    }

    /// Runs `reload` at `when` on the render queue, replacing any reload already waiting.
    private func schedule(at when: DispatchTime) {
        pending?.cancel()
        let item = DispatchWorkItem { [weak self] in
            guard let self else { return }
            self.pending = nil
            self.burstStart = nil
            self.reload(initial: false)
        }
        pending = item
        renderQueue.asyncAfter(deadline: when, execute: item)
    }

    /// The figures the pages last said are on their screens: rendered and sent first.
    private var onScreen: [String] = []

    /// A page says which figures are on its screen (`GET /focus?figures=a,b`).
    func setOnScreen(_ ids: [String]) {
        stateLock.withLock { onScreen = Array(ids.prefix(4)) }
    }

    /// Loads and renders again (on the render queue), then tells the pages.
    private func reload(initial: Bool) {
        let started = DispatchTime.now().uptimeNanoseconds
        let first = Set(stateLock.withLock { onScreen })
        let outcome = live.reload(first: initial ? [] : first) { [self] ids in
            // The figures on screen, before the rest are drawn.
            let interim = live.snapshot
            stateLock.withLock { snapshot = interim }
            hub.send(Self.changeEvent(interim, changed: ids))
        }
        watcher?.watch(live.watchedFiles)
        let snap = live.snapshot
        let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        switch outcome {
        case .failed:
            if !initial && !confirming {
                // An editor saving in place truncates, then writes: what was read may be a file
                // cut short. Read it again once the writer has settled (any write in between
                // starts a new burst); only errors that remain are shown.
                confirming = true
                schedule(at: .now() + .microseconds(Int(options.settle / .microseconds(1))))
                return
            }
            confirming = false
            stateLock.withLock { snapshot = snap }
            for e in snap.errors { log(e) }
            log("\(snap.errors.count) error\(snap.errors.count == 1 ? "" : "s"); showing the last good figures")
            if !initial { hub.send(Self.errorEvent(snap)) }
        case .changed(let ids):
            confirming = false
            stateLock.withLock { snapshot = snap }
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

    /// The changed figures travel inside the event (SVG and catalogue), so a page swaps them in
    /// without another request: a tab never waits for a connection of its own.
    static func changeEvent(_ s: LiveFigureSet.Snapshot, changed: [String]) -> [UInt8] {
        let svgs = changed.compactMap { id in s.figures[id].map { "\(PreviewPage.jsonString(id)): \(PreviewPage.jsonString($0.svg))" } }
        return EventHub.event("change", data: "{\"version\": \(s.version), \"order\": \(jsonArray(s.order)), \"changed\": \(jsonArray(changed)), \"catalogues\": \(PreviewPage.catalogues(s, ids: changed)), \"svgs\": {\(svgs.joined(separator: ", "))}}")
    }

    static func errorEvent(_ s: LiveFigureSet.Snapshot) -> [UInt8] {
        EventHub.event("error", data: "{\"version\": \(s.version), \"messages\": \(jsonArray(s.errors))}")
    }

    static func jsonArray(_ items: [String]) -> String { "[" + items.map(PreviewPage.jsonString).joined(separator: ", ") + "]" }
}
