import Foundation
import Testing

/// What a newcomer meets in the second hour (issue 26): mlscape on the PATH, one output folder
/// per data file, mistyped commands named, names instead of ids, one `--strict`, YAML slips
/// explained, and the small surprises, each run through the built binary.
@Suite struct SecondHourTests {
    static func write(_ text: String, _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The files of a folder but the hidden ones (a default folder's `.mlscape-source`).
    static func files(in dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    // MARK: 1. On the PATH

    @Test func makeInstallCopiesTheBinaryUnderPrefixAndMakeFiguresInstalls() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // `-o build` takes the build as done: the test's own binary stands in for the release one.
        let make = try runTool("make", ["-C", CLI.root.path, "-o", "build", "-o", "setup", "install",
                                        "PREFIX=\(dir.path)", "BIN=\(CLI.binary.path)"])
        #expect(make.status == 0, "\(make.output)")
        let installed = dir.appendingPathComponent("bin/mlscape")
        #expect(FileManager.default.isExecutableFile(atPath: installed.path))
        #expect(make.output.contains("installed \(installed.path)"), "\(make.output)")
        #expect(make.output.contains("is not on your PATH"), "a PREFIX off the PATH is named: \(make.output)")
        let version = try runTool(installed.path, ["--version"])
        #expect(version.status == 0 && version.output.contains("0.1.0"))
        // The Quick start's first command puts mlscape on the PATH before its second uses it.
        let makefile = try String(contentsOf: CLI.root.appendingPathComponent("Makefile"), encoding: .utf8)
        #expect(makefile.contains("\nfigures: install\n"))
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let quick = readme.components(separatedBy: "## Quick start").dropFirst().first?.components(separatedBy: "\n### ").first ?? ""
        let commands = quick.split(separator: "\n").filter { $0.hasPrefix("    ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(commands.first == "make figures", "\(commands)")
        #expect(commands.contains { $0.hasPrefix("mlscape init") })
    }

    // MARK: 2. One folder per data file

    @Test func eachDataFileRendersIntoItsOwnFolderAndNothingElseIsReplaced() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["init"], in: dir).status == 0)
        // Plain `mlscape` beside landscape.yaml draws it, and says so.
        let plain = try CLI.run(["--format", "png"], in: dir)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stderr.contains("note: drawing landscape.yaml from this folder into output/landscape/"), "\(plain.stderr)")
        let own = dir.appendingPathComponent("output/landscape")
        #expect(Self.files(in: own) == ["index.html", "landscape.png", "platforms.png"])
        let mine = try Data(contentsOf: own.appendingPathComponent("landscape.png"))

        // Another file, also with an implicit map called `landscape`, goes into its own folder,
        // its map named after it.
        let csv = try CLI.run(["bench", "points", "--set", "uniform", "--n", "12"])
        _ = try Self.write(csv.stdout, "uniform-12.csv", in: dir)
        let other = try CLI.run(["render", "uniform-12.csv", "--format", "png"], in: dir)
        #expect(other.status == 0, "\(other.stderr)")
        #expect(other.stdout.contains("wrote output/uniform-12/uniform-12.png"), "\(other.stdout)")
        #expect(try Data(contentsOf: own.appendingPathComponent("landscape.png")) == mine, "the other file's map replaced ours")
        #expect(Self.files(in: own) == ["index.html", "landscape.png", "platforms.png"])

        // An ad-hoc figure is named after the data file, and the gallery keeps every image of
        // the folder, also those this run did not draw.
        let adhoc = try CLI.run(["render", "landscape.yaml", "--quadrant", "Proven Platforms", "--format", "png", "-q"], in: dir)
        #expect(adhoc.status == 0, "\(adhoc.stderr)")
        #expect(Self.files(in: own) == ["index.html", "landscape-platforms.png", "landscape.png", "platforms.png"])
        let gallery = try String(contentsOf: own.appendingPathComponent("index.html"), encoding: .utf8)
        for image in ["landscape-platforms.png", "landscape.png", "platforms.png"] {
            #expect(gallery.contains("src=\"\(image)\""), "the gallery lost \(image)")
        }
        // Another landscape.yaml, in another folder, gets a folder of its own too.
        #expect(try CLI.run(["init", "team/landscape.yaml"], in: dir).status == 0)
        let team = try CLI.run(["render", "team/landscape.yaml", "--format", "png"], in: dir)
        #expect(team.status == 0, "\(team.stderr)")
        #expect(team.stdout.contains("wrote output/landscape-2/landscape.png"), "\(team.stdout)")
        #expect(try Data(contentsOf: own.appendingPathComponent("landscape.png")) == mine)
        // --out still says exactly where.
        let out = try CLI.run(["render", "landscape.yaml", "--out", "mine", "--format", "svg", "-q"], in: dir)
        #expect(out.status == 0)
        #expect(Self.files(in: dir.appendingPathComponent("mine")) == ["landscape.svg", "platforms.svg"])
    }

    @Test func theBuiltInSetKeepsOutputAndTheSiteFolderGetsItsNineteenImages() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let site = dir.appendingPathComponent("site")
        let r = try CLI.run(["render", "--out", site.path, "--format", "png", "-q"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let written = Self.files(in: site)
        #expect(written.count == 19 && written.contains("tech_radar_landscape.png") && !written.contains("index.html"), "\(written)")
        let plain = try CLI.run(["--figure", "ml-landscape-quads", "--format", "svg"], in: dir)
        #expect(plain.stdout.contains("wrote output/ml-landscape-quads.svg"), "\(plain.stdout)")
    }

    // MARK: 3. Mistyped commands

    @Test func aMistypedCommandIsNamedWithTheClosestOne() throws {
        let lsit = try CLI.run(["lsit"])
        #expect(lsit.status == 64)
        #expect(lsit.stderr.contains("unknown command 'lsit' (did you mean 'list'?)"), "\(lsit.stderr)")
        let rendr = try CLI.run(["rendr", "x.yaml"])
        #expect(rendr.status == 64)
        #expect(rendr.stderr.contains("unknown command 'rendr' (did you mean 'render'?)"), "\(rendr.stderr)")
        // A file name stays a file name.
        let missing = try CLI.run(["missing.yaml"])
        #expect(missing.status == 66 && missing.stderr.contains("cannot read missing.yaml: no such file"), "\(missing.stderr)")
    }

    // MARK: 4. Names, not only ids

    @Test func optionsTakeDisplayNamesInAnyCaseAndSuggestOnAMiss() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        func svg(_ args: [String], _ name: String) throws -> Data {
            let file = dir.appendingPathComponent(name + ".svg")
            let r = try CLI.run(["render"] + args + ["-o", file.path, "-q"])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            return (try? Data(contentsOf: file)) ?? Data()
        }
        #expect(try svg(["--category", "ML Task Orchestrators"], "a") == svg(["--category", "ml-task-orchestrators"], "b"))
        #expect(try svg(["--quadrant", "machine learning platforms"], "c") == svg(["--quadrant", "ml-platforms"], "d"))
        #expect(try svg(["--figure", "ML-Landscape-Quads"], "e") == svg(["--figure", "ml-landscape-quads"], "f"))
        // --highlight takes a category: the same picture as naming each of its tools (the
        // fixture's four ml-task-orchestrators), and a quadrant by its title as by its id. One
        // --name for both: the ad-hoc figure's own name says what was asked, which differs.
        let byTools = try svg(["--highlight", "Kubeflow,Spell,Metaflow,Flyte", "--name", "orchestrators"], "g")
        #expect(try svg(["--highlight", "ML Task Orchestrators", "--name", "orchestrators"], "h") == byTools)
        #expect(try svg(["--highlight", "Cloud Platforms"], "i") == svg(["--highlight", "cloud-platforms"], "j"))
        #expect(try svg(["--highlight", "cloud-platforms"], "j") != byTools)
        let miss = try CLI.run(["render", "--category", "ML Task Orchestrator", "-o", dir.appendingPathComponent("x.svg").path])
        #expect(miss.status == 64)
        #expect(miss.stderr.contains("unknown category 'ML Task Orchestrator'; did you mean 'ML Task Orchestrators'"), "\(miss.stderr)")
        let quadrant = try CLI.run(["render", "--quadrant", "Machine Learning Platform", "-o", dir.appendingPathComponent("x.svg").path])
        #expect(quadrant.stderr.contains("did you mean 'Machine Learning Platforms'"), "\(quadrant.stderr)")
    }

    // MARK: 5. One --strict

    @Test func renderStrictFailsWhereValidateStrictFailsAndWritesNothing() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.write("tools:\n  - { name: A, x: 0.1, y: 0.2, catgories: [x] }\n", "slip.yaml", in: dir)
        #expect(try CLI.run(["validate", "--strict", "slip.yaml"], in: dir).status == 65)
        let render = try CLI.run(["render", "--strict", "slip.yaml"], in: dir)
        #expect(render.status == 65)
        #expect(render.stderr.contains("unknown key 'catgories'"), "\(render.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("output").path), "nothing is written")
        #expect(try CLI.run(["render", "slip.yaml", "-q"], in: dir).status == 0, "without --strict it is a warning")
    }

    // MARK: 6. YAML slips in plain words

    @Test func yamlSlipsSayWhereToLook() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var quote = "title: \"My landscape\ntools:\n"
        for i in 0..<30 { quote += "  - { name: T\(i), x: 0.\(i % 9 + 1), y: 0.1 }\n" }
        _ = try Self.write(quote, "quote.yaml", in: dir)
        let q = try CLI.run(["validate", "quote.yaml"], in: dir)
        #expect(q.status == 65)
        #expect(q.stderr.hasPrefix("quote.yaml:1:8: error: malformed YAML: this quoted value is never closed"), "\(q.stderr)")
        _ = try Self.write("tools:\n  - name: A\n    x: 0.1\n     y: 0.2\n", "indent.yaml", in: dir)
        let i = try CLI.run(["validate", "indent.yaml"], in: dir)
        #expect(i.status == 65)
        #expect(i.stderr.hasPrefix("indent.yaml:4:"), "\(i.stderr)")
        #expect(i.stderr.contains("check the indentation of line 4"), "\(i.stderr)")
    }

    // MARK: 10. Bands on the user's own data

    @Test func theStartersBandsFollowItsRingsWithoutAWarning() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["init"], in: dir).status == 0)
        // The starter's adopt tools are at the top right, its trial tool at the bottom right.
        let url = dir.appendingPathComponent("landscape.yaml")
        try (String(contentsOf: url, encoding: .utf8) + "  - { id: bands, kind: radar-landscape }\n").write(to: url, atomically: true, encoding: .utf8)
        let r = try CLI.run(["render", "landscape.yaml", "--figure", "bands", "--format", "svg"], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "every tool in its ring's band: \(r.stderr)")
    }

    // MARK: 7. The small ones

    @Test func quietPrintsNoNoteAndALoudRunPrintsTheLifecycleNoteOnce() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = try String(contentsOf: CLI.root.appendingPathComponent("fixtures/mlops-landscape.yaml"), encoding: .utf8)
        _ = try Self.write(fixture, "my.yaml", in: dir)
        let loud = try CLI.run(["render", "my.yaml", "--figure", "ml-lifecycle,header_part_01", "--format", "svg"], in: dir)
        #expect(loud.status == 0)
        #expect(loud.stderr.components(separatedBy: "there is no lifecycle.yaml").count == 2, "one note: \(loud.stderr)")
        let quiet = try CLI.run(["render", "my.yaml", "--figure", "ml-lifecycle", "--format", "svg", "-q"], in: dir)
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty && quiet.stdout.isEmpty, "\(quiet.stderr)")
    }

    @Test func validateLayoutSaysOkOnlyWhenItPassesAndCountsInTheSingular() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.write("tools:\n  - { name: A, x: 0.1, y: 0.2 }\n", "one.yaml", in: dir)
        let one = try CLI.run(["validate", "one.yaml"], in: dir)
        #expect(one.stdout == "ok: 1 tool, 0 categories, 0 quadrants, 1 figure\n", "\(one.stdout)")
        // Past 2,000 tools a knot no longer joins stacks: names are left out, and said so.
        let crowd = try CLI.run(["bench", "points", "--set", "clusters", "--n", "2500"])
        _ = try Self.write(crowd.stdout, "crowd.csv", in: dir)
        let layout = try CLI.run(["validate", "--layout", "crowd.csv"], in: dir)
        #expect(layout.status == 65)
        #expect(!layout.stdout.split(separator: "\n").contains { $0.hasPrefix("ok:") }, "\(layout.stdout)")
        #expect(layout.stdout.contains("not ok: 2500 tools"), "\(layout.stdout)")
        let fine = try CLI.run(["validate", "--layout", "one.yaml"], in: dir)
        #expect(fine.status == 0 && fine.stdout.hasSuffix("ok: 1 tool, 0 categories, 0 quadrants, 1 figure\n"), "\(fine.stdout)")
    }

    @Test func dashOIsPrintedAsWritten() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", "--figure", "ml-landscape-quads", "-o", "changes.png"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("wrote changes.png ("), "\(r.stdout)")
    }

    @Test func progressCountsRiseInOrder() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // The progress line shows on terminals only: `script` gives the run one.
        let command = "'\(CLI.binary.path)' render --out '\(dir.path)/o' --format svg --jobs 2"
        let r = try runTool("script", ["-qec", command, "/dev/null"])
        #expect(r.status == 0, "\(r.output)")
        let counts = r.output.components(separatedBy: "[").dropFirst().compactMap { part -> Int? in
            guard let slash = part.firstIndex(of: "/") else { return nil }
            return Int(part[..<slash])
        }
        #expect(counts.count == 19, "\(counts)")
        #expect(counts == counts.sorted(), "\(counts)")
    }

    @Test func diffSummaryRefusesAPictureItWouldNotDraw() throws {
        let old = CLI.root.appendingPathComponent("fixtures/mlops-landscape.yaml").path
        let new = CLI.root.appendingPathComponent("fixtures/examples/mlops-landscape-next.yaml").path
        let r = try CLI.run(["diff", old, new, "--summary", "-o", "/nonexistent-never-written/foo.png"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--summary prints the changes as text and draws nothing; -o /nonexistent-never-written/foo.png asks for a picture"), "\(r.stderr)")
    }

    @Test func initMakesTheFoldersItNeeds() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["init", "sub/dir/x.yaml"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("output/x/"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("sub/dir/x.yaml").path))
        _ = try Self.write("a file", "plain", in: dir)
        let blocked = try CLI.run(["init", "plain/x.yaml"], in: dir)
        #expect(blocked.status == 73 && blocked.stderr.contains("plain is a file, not a folder"), "\(blocked.stderr)")
    }

    @Test func aNumberInQuotesIsANumber() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.write("tools:\n  - { name: A, x: \"0.5\", y: '-0.25' }\n  - { name: B, x: \"left\", y: 0 }\n", "q.yaml", in: dir)
        let r = try CLI.run(["validate", "q.yaml"], in: dir)
        #expect(r.status == 65)
        #expect(!r.stderr.contains("tools[0]"), "\(r.stderr)")
        #expect(r.stderr.contains("q.yaml:3:19: error: 'tools[1].x' should be a number, found 'left'"), "\(r.stderr)")
    }

    @Test func aDuplicateIdIsReportedWithTheOtherErrors() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Self.write("tools:\n  - { name: A, x: left, y: 0.2 }\n  - { name: A, x: 0.3, y: 0.2 }\n", "dup.yaml", in: dir)
        let r = try CLI.run(["validate", "dup.yaml"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr.contains("dup.yaml:2:19: error: 'tools[0].x' should be a number"), "\(r.stderr)")
        #expect(r.stderr.contains("dup.yaml:3:13: error: duplicate tool id 'a': tool 1 has it too"), "\(r.stderr)")
    }

    @Test func errorPathsAreWrittenAsTheUserWroteThem() throws {
        let r = try CLI.run(["validate", "fixtures/bad/wrong-type.yaml"])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("fixtures/bad/wrong-type.yaml:2:25: error: 'tools[0].x' should be a number, found 'left'"), "\(r.stderr)")
    }
}
