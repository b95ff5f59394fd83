import Foundation
import Testing

/// What the README promises of the command line, each checked on the files written.
@Suite struct ReadmeCommandTests {
    /// Runs the built binary with extra environment variables.
    static func run(_ args: [String], environment: [String: String]) throws -> CLI.Result {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = args
        p.currentDirectoryURL = CLI.root
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return CLI.Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func importTurnsACSVIntoYAMLThatDrawsTheSamePicture() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = CLI.root.appendingPathComponent("fixtures/examples/tools-80.csv").path
        let imported = try CLI.run(["import", csv])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("tools:"))
        let yaml = dir.appendingPathComponent("tools.yaml")
        try Data(imported.stdout.utf8).write(to: yaml)
        #expect(try CLI.run(["render", csv, "--out", dir.appendingPathComponent("a").path, "--format", "svg", "-q"]).status == 0)
        #expect(try CLI.run(["render", yaml.path, "--out", dir.appendingPathComponent("b").path, "--format", "svg", "-q"]).status == 0)
        // The CSV's implicit map is named after the file (tools-80.svg); the YAML names its own.
        func onlySVG(_ folder: String) throws -> Data {
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(folder).path).filter { $0.hasSuffix(".svg") }
            #expect(names.count == 1, "\(names)")
            return try Data(contentsOf: dir.appendingPathComponent(folder).appendingPathComponent(names.first ?? "none.svg"))
        }
        let a = try onlySVG("a"), b = try onlySVG("b")
        let same = a == b
        #expect(same, "the imported YAML draws a different figure than the CSV")
    }

    @Test func anUnknownCategoryListsTheClosestKnownOnes() throws {
        let r = try CLI.run(["render", "--category", "data-orchestrator", "--format", "svg", "--out", "/nonexistent-never-written"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown category 'data-orchestrator'; did you mean 'data-orchestrators'"), "\(r.stderr)")
    }

    @Test func backgroundSetsOrRemovesTheBackground() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        func svg(_ background: String) throws -> String {
            let file = dir.appendingPathComponent("bg-\(background.filter(\.isLetter)).svg")
            let r = try CLI.run(["render", "--figure", "ml-landscape-quads", "--background", background, "-o", file.path, "-q"])
            #expect(r.status == 0, "\(r.stderr)")
            return try String(contentsOf: file, encoding: .utf8)
        }
        #expect(try svg("#112233").contains("<rect width=\"100%\" height=\"100%\" fill=\"#112233\"/>"))
        #expect(!(try svg("none")).contains("<rect width=\"100%\" height=\"100%\""), "--background none draws no background")
        let bad = try CLI.run(["render", "--background", "plaid"])
        #expect(bad.status == 64)
    }

    @Test func sourceDateEpochSetsThePDFCreationDateEndToEnd() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        func creationDate(_ environment: [String: String], _ name: String) throws -> String {
            let pdf = dir.appendingPathComponent(name)
            var env = environment
            if env["SOURCE_DATE_EPOCH"] == nil { env["SOURCE_DATE_EPOCH"] = "" }
            let r = try Self.run(["render", "--figure", "ml-landscape-quads", "-o", pdf.path, "-q"], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            let info = try runTool("TZ=UTC", ["pdfinfo", "-isodates", pdf.path]).output
            return info.split(separator: "\n").first { $0.hasPrefix("CreationDate:") }.map { String($0.dropFirst(13)).trimmingCharacters(in: .whitespaces) } ?? "none in \(info)"
        }
        #expect(try creationDate(["SOURCE_DATE_EPOCH": "1700000000"], "epoch.pdf").hasPrefix("2023-11-14T22:13:20"))
        #expect(try creationDate([:], "fixed.pdf").hasPrefix("2020-01-01T00:00:00"))
    }
}
