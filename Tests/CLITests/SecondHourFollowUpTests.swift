import Foundation
import Testing

/// The second hour's last surprises (issue 26): every command means the same data file in a
/// folder holding a landscape.yaml, ad-hoc figures keep apart, and the usage line is shown
/// only for a command line that does not parse. Each run through the built binary.
@Suite struct SecondHourFollowUpTests {
    /// A scratch folder holding `mlscape init`'s landscape.yaml.
    static func folderWithStarter() throws -> URL {
        let dir = try CLI.scratch()
        #expect(try CLI.run(["init"], in: dir).status == 0)
        return dir
    }

    static func svgs(in dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".svg") }.sorted()
    }

    // MARK: ./landscape.yaml for every command

    @Test func validateAndListTakeTheLocalLandscapeAndSaySo() throws {
        let dir = try Self.folderWithStarter()
        defer { try? FileManager.default.removeItem(at: dir) }
        let validate = try CLI.run(["validate"], in: dir)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout == "ok: 5 tools, 2 categories, 4 quadrants, 2 figures\n", "the starter's counts: \(validate.stdout)")
        #expect(validate.stderr.contains("note: checking landscape.yaml from this folder"), "\(validate.stderr)")
        let list = try CLI.run(["list"], in: dir)
        #expect(list.status == 0 && list.stdout.contains("  bigquery  BigQuery") && !list.stdout.contains("kubeflow"), "\(list.stdout)")
        #expect(list.stderr.contains("note: listing landscape.yaml from this folder"), "\(list.stderr)")
        // A broken landscape.yaml fails validate as it fails render: the same file.
        try "tools:\n  - { name: A, x: left, y: 0 }\n".write(to: dir.appendingPathComponent("landscape.yaml"), atomically: true, encoding: .utf8)
        let broken = try CLI.run(["validate"], in: dir)
        #expect(broken.status == 65 && broken.stderr.contains("landscape.yaml:2:19: error"), "\(broken.stderr)")
        #expect(try CLI.run(["render"], in: dir).status == 65)
    }

    @Test func withoutALocalLandscapeTheBuiltInOneIsUsedSilently() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let validate = try CLI.run(["validate"], in: dir)
        #expect(validate.status == 0 && validate.stdout.hasPrefix("ok: 45 tools"), "\(validate.stdout)")
        #expect(!validate.stderr.contains("note:"), "\(validate.stderr)")
        // A named file wins over the local one.
        let other = try Self.folderWithStarter()
        defer { try? FileManager.default.removeItem(at: other) }
        try FileManager.default.moveItem(at: other.appendingPathComponent("landscape.yaml"), to: dir.appendingPathComponent("mine.yaml"))
        #expect(try CLI.run(["init"], in: dir).status == 0)
        try "tools: []\n".write(to: dir.appendingPathComponent("landscape.yaml"), atomically: true, encoding: .utf8)
        let named = try CLI.run(["validate", "mine.yaml"], in: dir)
        #expect(named.stdout.hasPrefix("ok: 5 tools") && !named.stderr.contains("note:"), "\(named.stdout)\(named.stderr)")
    }

    @Test func serveTakesTheLocalLandscapeAndSaysSo() throws {
        let dir = try Self.folderWithStarter()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("serve.out"), err = dir.appendingPathComponent("serve.err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["serve", "--port", "0"]
        p.currentDirectoryURL = dir
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        // No wall-clock limit: the server prints its address, or ends (then the test fails).
        func said() -> String { (try? String(contentsOf: out, encoding: .utf8)) ?? "" }
        while !said().contains("serving http") && p.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        let started = said().contains("serving http")
        if p.isRunning { kill(p.processIdentifier, SIGINT) }
        p.waitUntilExit()
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        #expect(started, "the server did not start: \(stderr)")
        #expect(stderr.contains("note: serving landscape.yaml from this folder"), "\(stderr)")
        #expect(!stderr.contains("built-in landscape"), "\(stderr)")
    }

    // MARK: Ad-hoc figures keep apart

    @Test func twoAdHocFiguresGetTwoNamesAndTheSameOneAskedAgainItsOwn() throws {
        let dir = try Self.folderWithStarter()
        defer { try? FileManager.default.removeItem(at: dir) }
        let own = dir.appendingPathComponent("output/landscape")
        func adHoc(_ args: [String]) throws -> [String] {
            let r = try CLI.run(["render", "--format", "svg", "-q"] + args, in: dir)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            return Self.svgs(in: own)
        }
        #expect(try adHoc(["--quadrant", "Proven Platforms"]) == ["landscape-platforms.svg"])
        let before = Self.svgs(in: own)
        let zoom = try adHoc(["--quadrant", "platforms", "--ring", "adopt"])
        #expect(zoom == (before + ["landscape-platforms-adopt.svg"]).sorted(), "\(zoom)")
        // The same tools named in another order and case: the same figure, the same file.
        let a = try adHoc(["--only", "Snowflake,bigquery"])
        let b = try adHoc(["--only", "BigQuery, snowflake"])
        #expect(a == b && a.contains("landscape-only-bigquery-snowflake.svg"), "\(b)")
        let titled = try adHoc(["--highlight", "Warehouses", "--title", "Our stack"])
        #expect(titled.contains("landscape-highlight-warehouses-our-stack.svg"), "\(titled)")
        // --name still chooses.
        #expect(try adHoc(["--ring", "trial", "--name", "mine"]).contains("mine.svg"))
        // A figure of the data file that writes the derived name keeps it; the ad-hoc one steps aside.
        let data = dir.appendingPathComponent("landscape.yaml")
        let text = try String(contentsOf: data, encoding: .utf8)
        try text.replacingOccurrences(of: "{ id: platforms, kind: zoom", with: "{ id: landscape-platforms-adopt, kind: zoom")
            .write(to: data, atomically: true, encoding: .utf8)
        let listed = try CLI.run(["render", "--figure", "landscape-platforms-adopt", "--format", "svg", "-q"], in: dir)
        #expect(listed.status == 0, "\(listed.stderr)")
        let listedBytes = try Data(contentsOf: own.appendingPathComponent("landscape-platforms-adopt.svg"))
        #expect(try adHoc(["--quadrant", "platforms", "--ring", "adopt"]).contains("landscape-platforms-adopt-adhoc.svg"))
        let kept = try Data(contentsOf: own.appendingPathComponent("landscape-platforms-adopt.svg")) == listedBytes
        #expect(kept, "the ad-hoc figure replaced the data file's own")
    }

    @Test func theBuiltInDataNamesAdHocFiguresCustomAndALongListStaysReadable() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", "--category", "ML Task Orchestrators", "--format", "svg", "--out", dir.path, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.svgs(in: dir) == ["custom-ml-task-orchestrators.svg"])
        let many = "Airflow,Kubeflow,MLflow,Metaflow,Flyte,Dagster,Prefect,Luigi,Polyaxon,Comet,Weights & Biases,Neptune"
        for order in [many, many.split(separator: ",").reversed().joined(separator: ",")] {
            let long = try CLI.run(["render", "--only", order, "--format", "svg", "--out", dir.path, "-q"])
            #expect(long.status == 0, "\(long.stderr)")
        }
        let longNames = Self.svgs(in: dir).filter { $0.hasPrefix("custom-only-") }
        #expect(longNames.count == 1, "one file for one request, in any order: \(longNames)")
        #expect(longNames.allSatisfy { $0.count <= 84 && $0.range(of: "-[0-9a-f]{8}\\.svg$", options: .regularExpression) != nil }, "\(longNames)")
    }

    // MARK: Usage only for a command line that does not parse

    @Test func usageIsShownForParseErrorsOnly() throws {
        for args in [["render", "--only", "Kubeflo"], ["render", "--figure", "no-such-figure"], ["render", "--quadrant", "ml-platform", "--ring", "assess"]] {
            let r = try CLI.run(args)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stderr.hasPrefix("error: "), "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("Usage:"), "\(args): the names were wrong, not the command line: \(r.stderr)")
        }
        for args in [["render", "--no-such-option"], ["render", "--jobs", "0"], ["list", "a.yaml", "b.yaml"]] {
            let r = try CLI.run(args)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stderr.contains("Usage: mlscape"), "\(args): a command line that does not parse shows how it goes: \(r.stderr)")
        }
    }

    // MARK: What the walk from clone to one's own landscape turned up

    @Test func theNoteNamesTheFolderTheFilesGoTo() throws {
        let dir = try Self.folderWithStarter()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLI.run(["render", "--out", "blog/images", "--format", "svg"], in: dir)
        #expect(out.status == 0 && out.stdout.contains("wrote blog/images/landscape.svg"), "\(out.stdout)\(out.stderr)")
        #expect(out.stderr.contains("note: drawing landscape.yaml from this folder into blog/images/ ("), "\(out.stderr)")
        let one = try CLI.run(["render", "--figure", "landscape", "-o", "map.svg"], in: dir)
        #expect(one.stderr.contains("note: drawing landscape.yaml from this folder into map.svg ("), "\(one.stderr)")
    }

    @Test func aMistypedDataFileNameSuggestsTheFileThatIsThere() throws {
        let dir = try Self.folderWithStarter()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", "landscape.yml"], in: dir)
        #expect(r.status == 66)
        #expect(r.stderr.contains("error: cannot read landscape.yml: no such file (did you mean landscape.yaml?)"), "\(r.stderr)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: dir.appendingPathComponent("landscape.yaml"), to: dir.appendingPathComponent("data/stack.yaml"))
        let v = try CLI.run(["validate", "data/stak.yaml"], in: dir)
        #expect(v.stderr.contains("no such file (did you mean data/stack.yaml?)"), "\(v.stderr)")
        let none = try CLI.run(["validate", "data/zzzzzzzz.json"], in: dir)
        #expect(none.stderr.contains("no such file") && !none.stderr.contains("did you mean"), "\(none.stderr)")
    }

    @Test func anAdHocFigureThatMatchesNoToolSaysSo() throws {
        let dir = try Self.folderWithStarter()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try CLI.run(["render", "--quadrant", "New Tools", "--ring", "hold", "--format", "svg", "-q"], in: dir)
        #expect(empty.status == 0)
        #expect(empty.stderr.contains("warning: no tool matches --quadrant \"New Tools\" --ring hold; the ad-hoc figure shows none"), "\(empty.stderr)")
        let some = try CLI.run(["render", "--quadrant", "New Tools", "--format", "svg", "-q"], in: dir)
        #expect(some.status == 0 && !some.stderr.contains("warning"), "\(some.stderr)")
    }
}
