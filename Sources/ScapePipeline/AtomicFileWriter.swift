import Foundation
import Glibc

/// Writes a batch of files all-or-nothing: each goes to a hidden temporary file in the target
/// folder first; only when every one is complete are they renamed into place. A failure (or
/// an interrupted run) leaves no partial file and no half-updated set.
public enum AtomicFileWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Files written to their temporary names, not yet in place.
    public struct StagedBatch {
        public let staged: [(temp: URL, final: URL)]

        /// Renames every temporary file into place; returns the final paths in order.
        public func commit() throws -> [URL] {
            for s in staged {
                if rename(s.temp.path, s.final.path) != 0 {
                    let reason = String(cString: strerror(errno))
                    discard()
                    throw Failure(path: s.final.path, reason: reason)
                }
                StagedFiles.unregister(s.temp.path)
            }
            return staged.map(\.final)
        }

        /// Removes the temporary files that are still there.
        public func discard() {
            for s in staged {
                try? FileManager.default.removeItem(at: s.temp)
                StagedFiles.unregister(s.temp.path)
            }
        }
    }

    /// The hidden temporary name a file is staged under: `.NAME.PID.tmp`, which the next run
    /// sweeps away if this process dies before renaming it.
    public static func temporaryName(for name: String, pid: Int32 = ProcessInfo.processInfo.processIdentifier) -> String {
        ".\(name).\(pid).tmp"
    }

    /// Writes `files` (name -> bytes) into `directory`, creating it if needed.
    /// Returns the final paths in the order given.
    @discardableResult
    public static func write(_ files: [(name: String, bytes: [UInt8])], into directory: URL) throws -> [URL] {
        let batch = try stage(files, into: directory)
        TestStall.beforeRename()
        return try batch.commit()
    }

    /// Writes one file at an exact path, atomically.
    public static func write(_ bytes: [UInt8], to file: URL) throws {
        try write([(file.lastPathComponent, bytes)], into: file.deletingLastPathComponent())
    }

    /// Writes every file to its temporary name in `directory` (created if needed), after
    /// sweeping away what a killed earlier run left there. Nothing final is touched yet.
    public static func stage(_ files: [(name: String, bytes: [UInt8])], into directory: URL) throws -> StagedBatch {
        try prepare(directory)
        var staged: [(temp: URL, final: URL)] = []
        for file in files {
            do {
                staged.append(try stage(file.name, file.bytes, into: directory))
            } catch {
                StagedBatch(staged: staged).discard()
                throw error
            }
        }
        return StagedBatch(staged: staged)
    }

    /// Creates `directory` if needed (it must be a folder) and sweeps away the temporary files
    /// a killed earlier run left there; once before staging into it.
    public static func prepare(_ directory: URL) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: directory.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw Failure(path: directory.path, reason: "it exists and is not a folder") }
        } else {
            do {
                try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw Failure(path: directory.path, reason: error.localizedDescription)
            }
        }
        StagedFiles.sweep(directory)
    }

    /// Writes one file to its temporary name in `directory` (prepared) and flushes it to disk,
    /// so the rename that puts it in place can never leave a short file behind. Written with
    /// open and write: Foundation's `createFile` wrote a temporary file of its own and renamed
    /// it to ours, and copied the bytes into a `Data` first. A failure removes the temporary file.
    public static func stage(_ name: String, _ bytes: [UInt8], into directory: URL) throws -> (temp: URL, final: URL) {
        let final = directory.appendingPathComponent(name)
        let temp = directory.appendingPathComponent(temporaryName(for: name))
        StagedFiles.register(temp.path)
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        var written = fd >= 0
        if written {
            written = bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { return false }
                    offset += n
                }
                return true
            }
            written = fsync(fd) == 0 && written
            written = Glibc.close(fd) == 0 && written
        }
        guard written else {
            StagedBatch(staged: [(temp, final)]).discard()
            throw Failure(path: final.path, reason: "the folder is not writable or the disk is full")
        }
        return (temp, final)
    }

    /// Removes `.NAME.PID.tmp` files in `directory` left by processes that no longer run.
    public static func sweepLeftovers(in directory: URL) {
        StagedFiles.sweep(directory)
    }
}

/// A pause between staging and renaming, for the interruption tests only: when
/// MLSCAPE_TEST_STALL_BEFORE_RENAME names a file, the writer creates that file (holding its
/// process id) once every temporary file is written, then waits a minute, so a test can kill
/// the process exactly inside the write phase. Unset, it costs one environment lookup.
enum TestStall {
    static let variable = "MLSCAPE_TEST_STALL_BEFORE_RENAME"

    static func beforeRename() {
        guard let marker = ProcessInfo.processInfo.environment[variable], !marker.isEmpty else { return }
        _ = FileManager.default.createFile(atPath: marker, contents: Data("\(getpid())\n".utf8))
        Thread.sleep(forTimeInterval: 60)
    }
}
