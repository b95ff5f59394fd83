import Foundation

/// A data file as it was at a git revision, written `REV:path` as `git show` reads it
/// (`HEAD~1:fixtures/mlops-landscape.yaml`; the path is from the repository's top, or
/// `REV:./file` from the current folder). git runs as a subprocess in the current folder.
struct GitRevision {
    let revision: String
    let path: String

    /// `REV:path` when the argument is not an existing file and has a revision before a colon.
    init?(argument: String) {
        guard !FileManager.default.fileExists(atPath: argument), let colon = argument.firstIndex(of: ":") else { return nil }
        let rev = String(argument[..<colon]), path = String(argument[argument.index(after: colon)...])
        guard !rev.isEmpty, !path.isEmpty else { return nil }
        revision = rev
        self.path = path
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The file's bytes at the revision, or a failure that says what went wrong in words.
    func read() throws -> Data {
        let name = "\(revision):\(path)"
        let result = try Self.git(["show", name])
        guard result.status != 0 else { return result.output }
        let message = String(decoding: result.error, as: UTF8.self)
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? "exit status \(result.status)"
        if message.contains("not a git repository") {
            throw Failure(description: "cannot read \(name): the current folder is not inside a git repository (run mlscape diff from inside the repository, or give two files)")
        }
        if message.contains("invalid object name") || message.contains("unknown revision") || message.contains("bad revision") || message.contains("ambiguous argument") {
            throw Failure(description: "cannot read \(name): there is no such file, and git knows no revision '\(revision)'")
        }
        if message.contains("does not exist in") || message.contains("exists on disk, but not in") {
            throw Failure(description: "cannot read \(name): revision '\(revision)' has no file '\(path)'\(path.hasPrefix("./") || path.hasPrefix("../") ? "" : " (paths are from the repository's top folder; write '\(revision):./\(path)' for one relative to here)")")
        }
        throw Failure(description: "cannot read \(name): git show failed: \(firstLine)")
    }

    /// The data file names next to the file at the revision (for the files its figures refer to).
    /// Paths from the repository's top, as `git show REV:path` reads them.
    func siblings() -> [String] {
        let dir = (path as NSString).deletingLastPathComponent
        // A path starting ./ or ../ is from the current folder, like git show's; others from the top.
        let fromHere = path.hasPrefix("./") || path.hasPrefix("../")
        var args = ["ls-tree", "--name-only", fromHere ? "--full-name" : "--full-tree", revision]
        if !dir.isEmpty { args += ["--", dir + "/"] }
        guard let result = try? Self.git(args), result.status == 0 else { return [] }
        let own = (path as NSString).lastPathComponent
        return String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
            .filter { ["yaml", "yml", "json"].contains(($0 as NSString).pathExtension.lowercased()) && ($0 as NSString).lastPathComponent != own }
            .prefix(64).map { $0 }
    }

    static func git(_ arguments: [String]) throws -> (status: Int32, output: Data, error: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run git: \(error.localizedDescription)")
        }
        // Read both pipes at once, so a large file cannot fill one while we wait on the other.
        let errorData = LockedData()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData.value = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw Failure(description: "git is not installed; install it to read REV:path revisions") }
        return (process.terminationStatus, output, errorData.value)
    }
}

/// Bytes handed from the thread that reads a pipe.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    var value: Data {
        get { lock.lock(); defer { lock.unlock() }; return data }
        set { lock.lock(); data = newValue; lock.unlock() }
    }
}
