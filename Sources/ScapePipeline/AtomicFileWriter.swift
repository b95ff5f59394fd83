import Foundation

/// Writes a batch of files all-or-nothing: each goes to a hidden temporary file in the target
/// folder first; only when every one is complete are they renamed into place. A failure (or
/// an interrupted run) leaves no partial file and no half-updated set.
public enum AtomicFileWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `files` (name -> bytes) into `directory`, creating it if needed.
    /// Returns the final paths in the order given.
    @discardableResult
    public static func write(_ files: [(name: String, bytes: [UInt8])], into directory: URL) throws -> [URL] {
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
        var staged: [(temp: URL, final: URL)] = []
        func cleanUp() {
            for s in staged {
                try? fm.removeItem(at: s.temp)
                StagedFiles.unregister(s.temp.path)
            }
        }
        for file in files {
            let final = directory.appendingPathComponent(file.name)
            let temp = directory.appendingPathComponent(".\(file.name).\(ProcessInfo.processInfo.processIdentifier).tmp")
            StagedFiles.register(temp.path)
            staged.append((temp, final))
            guard fm.createFile(atPath: temp.path, contents: Data(file.bytes)) else {
                cleanUp()
                throw Failure(path: final.path, reason: "the folder is not writable or the disk is full")
            }
        }
        for s in staged {
            if rename(s.temp.path, s.final.path) != 0 {
                let reason = String(cString: strerror(errno))
                cleanUp()
                throw Failure(path: s.final.path, reason: reason)
            }
            StagedFiles.unregister(s.temp.path)
        }
        return staged.map(\.final)
    }

    /// Writes one file at an exact path, atomically.
    public static func write(_ bytes: [UInt8], to file: URL) throws {
        try write([(file.lastPathComponent, bytes)], into: file.deletingLastPathComponent())
    }
}
