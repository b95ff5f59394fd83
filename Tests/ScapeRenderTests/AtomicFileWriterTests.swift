import Foundation
import Testing
import ScapePipeline

/// The all-or-nothing writer, checked on the file system: staging touches no final file,
/// committing replaces them, and the next run sweeps up after a process that was killed.
@Suite struct AtomicFileWriterTests {
    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlscape-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func text(_ url: URL) -> String? { (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) } }
    func names(_ dir: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() }

    /// The id of a process that has just ended, so no process has it.
    func deadProcessID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test func stagingLeavesEveryFinalFileAsItWasUntilTheCommit() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let old = dir.appendingPathComponent("a.svg")
        try Data("old a".utf8).write(to: old)
        let batch = try AtomicFileWriter.stage([("a.svg", Array("new a".utf8)), ("b.svg", Array("new b".utf8))], into: dir)
        #expect(text(old) == "old a", "staging overwrote a final file")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.svg").path), "staging created a final file")
        for s in batch.staged {
            #expect(s.temp.lastPathComponent.hasPrefix(".") && s.temp.lastPathComponent.hasSuffix(".tmp"), "\(s.temp.lastPathComponent) is not a hidden temporary name")
            #expect(s.temp.deletingLastPathComponent().path == dir.path, "a rename across folders is not atomic")
            #expect(s.temp != s.final)
        }
        #expect(text(batch.staged[0].temp) == "new a")
        let written = try batch.commit()
        #expect(written.map(\.lastPathComponent) == ["a.svg", "b.svg"])
        #expect(text(old) == "new a" && text(dir.appendingPathComponent("b.svg")) == "new b")
        #expect(try names(dir) == ["a.svg", "b.svg"], "a temporary file was left behind")
    }

    @Test func aFailedCommitRemovesTheTemporaryFiles() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A folder that is not empty where the file should go: rename(2) refuses.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("taken.png/inside"), withIntermediateDirectories: true)
        let batch = try AtomicFileWriter.stage([("taken.png", [1, 2, 3])], into: dir)
        #expect(throws: AtomicFileWriter.Failure.self) { try batch.commit() }
        #expect(try names(dir) == ["taken.png"])
    }

    @Test func theSweepRemovesOnlyWhatDeadProcessesLeft() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dead = try deadProcessID()
        let deadLeftover = AtomicFileWriter.temporaryName(for: "map.png", pid: dead)
        let liveLeftover = AtomicFileWriter.temporaryName(for: "map.svg", pid: getppid())
        let keep = ["map.png", ".hidden.tmp", "notes.tmp", ".map.png.x.tmp"]
        for name in [deadLeftover, liveLeftover] + keep { try Data(name.utf8).write(to: dir.appendingPathComponent(name)) }
        AtomicFileWriter.sweepLeftovers(in: dir)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(deadLeftover).path), "the leftover of dead process \(dead) is still there")
        #expect(try names(dir) == ([liveLeftover] + keep).sorted(), "a running writer's file or an unrelated file was removed")
    }

    @Test func writingSweepsUpAfterAKilledRunFirst() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let leftover = AtomicFileWriter.temporaryName(for: "old.png", pid: try deadProcessID())
        try Data("half".utf8).write(to: dir.appendingPathComponent(leftover))
        try AtomicFileWriter.write([("new.png", [7])], into: dir)
        #expect(try names(dir) == ["new.png"])
    }
}
