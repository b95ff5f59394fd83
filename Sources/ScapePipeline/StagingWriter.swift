import Foundation

/// Writes a render's files to their hidden temporary names (`AtomicFileWriter`) on a thread of
/// its own as each figure finishes, while the others still render: the writing and flushing of
/// a set's files no longer waits for the last figure and then runs on one core. Nothing is
/// renamed into place before `commit`, so the set is still all-or-nothing and no file is ever
/// seen half-written. A file whose bytes equal what is already there is not staged (it is left
/// untouched, mtime included); a file that would replace one of the inputs is refused.
public final class StagingWriter: @unchecked Sendable {
    /// Where a rendered file goes: its folder and name there.
    public typealias Target = (directory: URL, name: String)

    /// What became of the files handed in, once every one has been dealt with.
    public struct Outcome {
        /// The rendered files (by `fileName`) left as they were there, their bytes unchanged.
        public var unchanged: Set<String> = []
        /// An input file a rendered file would have replaced (nothing is committed then).
        public var refusedInput: URL?
        /// Why a file could not be staged (nothing is committed then).
        public var failure: (any Error)?
    }

    private let queue = DispatchQueue(label: "mlscape.staging")
    private let target: @Sendable (String) -> Target
    private let inputs: Set<String>
    // Touched on `queue` only, and read after `queue.sync`.
    private var prepared: Set<String> = []
    private var staged: [(temp: URL, final: URL)] = []
    /// Folders made for the files, deepest first: removed again when nothing is committed.
    private var created: [String] = []
    private var outcome = Outcome()

    /// `target` maps a rendered file's name to where it goes; `inputs` are the data files read,
    /// never to be overwritten.
    public init(inputs: [String], target: @escaping @Sendable (String) -> Target) {
        self.target = target
        self.inputs = Set(inputs.map(Self.resolved))
    }

    /// An absolute path with symbolic links resolved, to compare paths that name one file.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Stages `files` in the background; returns at once.
    public func submit(_ files: [RenderedFile]) {
        queue.async { for file in files { self.stage(file) } }
    }

    private func stage(_ file: RenderedFile) {
        guard outcome.failure == nil, outcome.refusedInput == nil else { return }
        let t = target(file.fileName)
        let final = t.directory.appendingPathComponent(t.name)
        if inputs.contains(Self.resolved(final.path)) {
            outcome.refusedInput = final
            return
        }
        if UnchangedFile.matches(file.bytes, at: final) {
            outcome.unchanged.insert(file.fileName)
            return
        }
        do {
            if prepared.insert(t.directory.path).inserted {
                var missing: [String] = [], folder = t.directory.standardizedFileURL
                while !FileManager.default.fileExists(atPath: folder.path) && folder.path != "/" {
                    missing.append(folder.path)
                    folder = folder.deletingLastPathComponent()
                }
                try AtomicFileWriter.prepare(t.directory)
                created += missing
            }
            staged.append(try AtomicFileWriter.stage(t.name, file.bytes, into: t.directory))
        } catch {
            outcome.failure = error
        }
    }

    /// Waits until every file handed in is staged (or refused), and tells what became of them.
    public func finish() -> Outcome {
        queue.sync { outcome }
    }

    /// Renames every staged file into place (after `finish`); on a failure none is left staged.
    public func commit() throws {
        let batch = queue.sync { AtomicFileWriter.StagedBatch(staged: staged) }
        guard !batch.staged.isEmpty else { return }
        TestStall.beforeRename()
        _ = try batch.commit()
    }

    /// Removes every staged file, once the files handed in so far are dealt with, and the
    /// folders made for them: nothing written leaves no trace.
    public func discard() {
        queue.sync {
            AtomicFileWriter.StagedBatch(staged: staged).discard()
            staged = []
            for folder in created { rmdir(folder) }
            created = []
        }
    }
}
