import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells when any of a set of files changes, with Linux's inotify. It watches the folders
/// that hold the files, not the files: editors often save by writing a temporary file and
/// renaming it over the original, which replaces the inode a file watch would follow. A
/// write, a rename onto the name, a creation or a deletion all count. Events come on the
/// watcher's own thread, as the paths that changed and whether a writer is done with one of
/// them (closed it after writing, or renamed a finished file onto it): then there is nothing
/// more to wait for.
final class FileWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var files: Set<String> = []
    private var folders: [Int32: String] = [:]
    private let fd: Int32
    private var running = false
    private var thread: Thread?
    private let onChange: @Sendable (Set<String>, _ settled: Bool) -> Void

    /// Events that mean a file's content may differ.
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_ATTRIB)

    init(onChange: @escaping @Sendable (Set<String>, _ settled: Bool) -> Void) throws {
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw WatchError("cannot watch files: inotify_init1 failed (\(String(cString: strerror(errno))))") }
        self.onChange = onChange
    }

    deinit {
        close(fd)
    }

    /// Watches exactly these files from now on (their folders are added as needed).
    func watch(_ urls: [URL]) {
        lock.lock()
        defer { lock.unlock() }
        files = Set(urls.map { $0.standardizedFileURL.path })
        let wanted = Set(files.map { ($0 as NSString).deletingLastPathComponent })
        for folder in wanted where !folders.values.contains(folder) {
            let wd = inotify_add_watch(fd, folder, Self.mask)
            if wd >= 0 { folders[wd] = folder }
        }
    }

    var watchedFiles: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return files
    }

    func start() {
        lock.lock()
        running = true
        lock.unlock()
        let thread = Thread { [self] in self.loop() }
        thread.name = "mlscape file watcher"
        self.thread = thread
        thread.start()
    }

    func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while isRunning {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, 200)
            guard ready > 0 else { continue }
            let n = read(fd, &buffer, buffer.count)
            guard n > 0 else { continue }
            let (changed, settled) = parse(buffer[0..<n])
            if !changed.isEmpty { onChange(changed, settled) }
        }
    }

    /// The watched files named by a batch of `inotify_event`s: a 16-byte header (wd, mask,
    /// cookie, len) then `len` bytes of NUL-padded name.
    private func parse(_ bytes: ArraySlice<UInt8>) -> (Set<String>, settled: Bool) {
        lock.lock()
        defer { lock.unlock() }
        var out = Set<String>()
        var settled = false
        var i = bytes.startIndex
        func u32(_ at: Int) -> UInt32 {
            bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at - bytes.startIndex, as: UInt32.self) }
        }
        while i + 16 <= bytes.endIndex {
            let wd = Int32(bitPattern: u32(i))
            let mask = u32(i + 4)
            let length = Int(u32(i + 12))
            let nameBytes = bytes[(i + 16)..<min(bytes.endIndex, i + 16 + length)].prefix { $0 != 0 }
            i += 16 + length
            guard let folder = folders[wd], !nameBytes.isEmpty else { continue }
            let path = folder + "/" + String(decoding: nameBytes, as: UTF8.self)
            if files.contains(path) {
                out.insert(path)
                if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 { settled = true }
            }
        }
        return (out, settled)
    }
}

struct WatchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
