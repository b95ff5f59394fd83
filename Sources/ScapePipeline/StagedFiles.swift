import Foundation

/// The temporary files a run is writing, so that an interrupt (SIGINT, SIGTERM) removes them
/// before the process ends, and so that the next run sweeps up after a process that was
/// killed outright. The paths live in C memory set up once, which is all a signal handler
/// may safely read.
enum StagedFiles {
    private static let capacity = 4096
    nonisolated(unsafe) private static var paths = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var count = 0
    nonisolated(unsafe) private static var installed = false
    private static let lock = NSLock()

    /// Installs the handlers (once) and records a path about to be written.
    static func register(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        if !installed {
            installed = true
            paths.initialize(repeating: nil, count: capacity)
            // A parent may start us with these signals blocked (as some test runners and
            // process launchers do); then an interrupt would wait until the files are renamed.
            var set = sigset_t()
            sigemptyset(&set)
            for sig in [SIGINT, SIGTERM, SIGHUP] {
                signal(sig, onSignal)
                sigaddset(&set, sig)
            }
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
        }
        guard count < capacity else { return }
        paths[count] = strdup(path)
        count += 1
    }

    /// Forgets a path once the file is renamed into place (or removed).
    static func unregister(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        for i in 0..<count where paths[i].map({ String(cString: $0) == path }) == true {
            free(paths[i])
            paths[i] = nil
        }
    }

    private static let onSignal: @convention(c) (Int32) -> Void = { sig in
        for i in 0..<StagedFiles.count { if let p = StagedFiles.paths[i] { unlink(p) } }
        signal(sig, SIG_DFL)
        raise(sig)
    }

    /// Removes `.NAME.PID.tmp` files in `directory` left by processes that no longer run.
    static func sweep(_ directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(4).split(separator: ".")
            guard let pid = parts.last.flatMap({ Int32($0) }), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
