import ArgumentParser
import Foundation
import ScapeInterop
import ScapeModel

/// One edition of a landscape for `mlscape diff`: a data file in any format mlscape reads,
/// or the file at a git revision (`REV:path`). Its label names it in the legend.
struct Edition {
    let argument: String
    var label: String { argument }

    /// The validated landscape; prints every diagnostic (located in `REV:path` for a
    /// revision) and exits 65 for bad data, 66 for a missing file or revision.
    /// `strict` and `quiet` mean what they mean for `render`.
    func load(strict: Bool = false, quiet: Bool = false) throws -> Landscape {
        guard let git = GitRevision(argument: argument) else {
            return try DataOptions.load(argument, strict: strict, quiet: quiet)
        }
        let bytes: Data
        do {
            bytes = try git.read()
        } catch {
            Console.error("error: \(error)")
            throw ExitStatus.noInput
        }
        // The loaders read files (a radar CSV is told by its name, a lifecycle spec is found
        // next to its landscape), so the revision's file and its data-file neighbours are
        // written to a private folder, and the diagnostics renamed back to `REV:path`.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlscape-diff-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dir = (git.path as NSString).deletingLastPathComponent
        let file = folder.appendingPathComponent((git.path as NSString).lastPathComponent)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try bytes.write(to: file)
            for sibling in git.siblings() {
                guard let data = try? GitRevision(revision: git.revision, path: sibling).read(), data.count <= DocumentLimits.maxBytes else { continue }
                try data.write(to: folder.appendingPathComponent((sibling as NSString).lastPathComponent))
            }
        } catch {
            Console.error("error: cannot read \(argument): cannot write a temporary copy: \(error.localizedDescription)")
            throw ExitStatus.noInput
        }
        let result = DataFileLoader.load(contentsOf: file)
        let prefix = folder.path + "/"
        let renamed = result.diagnostics.map { d -> Diagnostic in
            var d = d
            if let loc = d.location, loc.file.hasPrefix(prefix) {
                d.location?.file = "\(git.revision):\(dir.isEmpty ? "" : dir + "/")\(loc.file.dropFirst(prefix.count))"
            }
            d.message = d.message.replacingOccurrences(of: prefix, with: "\(git.revision):\(dir.isEmpty ? "" : dir + "/")")
            return d
        }
        Console.report(quiet ? renamed.filter { $0.severity != .note } : renamed)
        guard let landscape = result.landscape, !renamed.hasErrors else {
            let count = renamed.errors.count
            Console.error("\(count) error\(count == 1 ? "" : "s") in \(argument); nothing was written")
            throw ExitStatus.dataError
        }
        if strict, case let count = renamed.warnings.count, count > 0 {
            Console.error("--strict: \(count) warning\(count == 1 ? "" : "s") about \(argument); fix \(count == 1 ? "it" : "them") or drop --strict")
            throw ExitStatus.dataError
        }
        return landscape
    }
}

extension GitRevision {
    init(revision: String, path: String) {
        self.revision = revision
        self.path = path
    }
}
