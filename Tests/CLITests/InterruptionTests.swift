import Foundation
import Testing

/// A render killed inside its write phase: every temporary file is written, none renamed yet.
/// The test-only stall (MLSCAPE_TEST_STALL_BEFORE_RENAME) holds the process there and says so
/// with a marker file, so the kill lands in that window every time, not by luck of timing.
@Suite struct InterruptionTests {
    static let figure = ["--figure", "ml-landscape-quads,ml-landscape-all", "--format", "png,svg"]

    func contents(_ dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) { out[name] = try Data(contentsOf: dir.appendingPathComponent(name)) }
        return out
    }

    /// Starts a render that stalls before renaming, waits until it is there, and signals it.
    /// Returns the process's id and whether it ended by that signal.
    func killInsideTheWritePhase(out dir: URL, signal sig: Int32) throws -> (pid: Int32, killedBySignal: Bool) {
        let marker = dir.deletingLastPathComponent().appendingPathComponent("stalled-\(UUID().uuidString)")
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["render", "--out", dir.path, "-q", "--style", "sketch"] + Self.figure
        p.currentDirectoryURL = CLI.root
        p.environment = ProcessInfo.processInfo.environment.merging(["MLSCAPE_TEST_STALL_BEFORE_RENAME": marker.path]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // No wall-clock limit: the render reaches the stall, or ends without it (then the test fails).
        while !FileManager.default.fileExists(atPath: marker.path) && p.isRunning { Thread.sleep(forTimeInterval: 0.02) }
        let reachedTheStall = FileManager.default.fileExists(atPath: marker.path)
        #expect(reachedTheStall, "the render ended (status \(p.terminationStatus)) without reaching the write phase")
        if reachedTheStall { kill(p.processIdentifier, sig) }
        p.waitUntilExit()
        try? FileManager.default.removeItem(at: marker)
        return (p.processIdentifier, p.terminationReason == .uncaughtSignal && p.terminationStatus == sig)
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGKILL])
    func aRenderKilledWhileWritingLeavesThePreviousFilesWholeAndTheNextRunSweepsUp(sig: Int32) throws {
        let root = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("out")
        // The previous run: the clean style, so a half-replaced file would show.
        #expect(try CLI.run(["render", "--out", dir.path, "-q", "--style", "clean"] + Self.figure).status == 0)
        let before = try contents(dir)
        #expect(before.count == 4)

        let killed = try killInsideTheWritePhase(out: dir, signal: sig)
        #expect(killed.killedBySignal, "the process was not ended by signal \(sig)")
        let after = try contents(dir)
        for (name, bytes) in before {
            let same = after[name] == bytes
            #expect(same, "\(name) changed although no rename happened (signal \(sig))")
        }
        let leftovers = after.keys.filter { !before.keys.contains($0) }.sorted()
        if sig == SIGKILL {
            // Nothing runs on SIGKILL: the staged files of the killed process are still there.
            #expect(leftovers.count == 4 && leftovers.allSatisfy { $0.hasSuffix(".\(killed.pid).tmp") }, "\(leftovers)")
        } else {
            #expect(leftovers.isEmpty, "the signal handler left \(leftovers)")
        }

        // The next run (another figure) clears what the killed one left and touches nothing else.
        #expect(try CLI.run(["render", "--out", dir.path, "-q", "--figure", "banner-00", "--format", "svg"]).status == 0)
        let swept = try contents(dir)
        #expect(swept.keys.sorted() == (Array(before.keys) + ["banner_00.svg"]).sorted(), "left: \(swept.keys.sorted())")
        for (name, bytes) in before {
            let same = swept[name] == bytes
            #expect(same, "\(name) was touched by the next run")
        }
    }
}
