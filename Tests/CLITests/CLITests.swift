import Foundation
import ScapeGeometry
import Testing

/// The built `mlscape` binary, run as a user would: exit codes, stdout, stderr, files written.
struct CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary built with the tests (CLITests depends on it): beside the test bundle, in the
    /// same configuration's folder. Never a binary from another build, which may be stale.
    static let binary: URL = {
        let candidate = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("mlscape")
        precondition(FileManager.default.isExecutableFile(atPath: candidate.path), "no mlscape beside the test bundle at \(candidate.path)")
        return candidate
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ args: [String], in dir: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = dir ?? root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func bad(_ name: String) -> String { root.appendingPathComponent("fixtures/bad/\(name)").path }

    /// A fresh, empty folder for one test.
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlscape-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

@Suite struct BadInputTests {
    /// (fixture, expected "line:column: error: message" fragment)
    static let catalogue: [(String, String)] = [
        ("malformed.yaml", "malformed.yaml:2:5: error: malformed YAML: the '{' opened here is not closed"),
        ("wrong-type.yaml", "wrong-type.yaml:2:25: error: 'tools[0].x' should be a number, found 'left'"),
        ("wrong-type.json", "wrong-type.json:3:43: error: 'tools[0].y' should be a number, found 'low'"),
        ("missing-field.yaml", "missing-field.yaml:2:5: error: missing required field 'y' in 'tools[0]'"),
        ("duplicate-id.yaml", "duplicate-id.yaml:3:13: error: duplicate tool id 'airflow': tool 1 has it too"),
        ("unknown-category.yaml", "unknown-category.yaml:4:54: error: tool 'Airflow' names unknown category 'data-orchestrator' (did you mean 'data-orchestrators'?)"),
        ("unknown-quadrant.yaml", "unknown-quadrant.yaml:4:41: error: category 'ci-cd' names unknown quadrant 'standard-swe'"),
        ("out-of-range.yaml", "out-of-range.yaml:2:25: error: tool 'Airflow' has x = -1.25; positions run from -1 to 1"),
        ("nan.yaml", "nan.yaml:2:35: error: tool 'Airflow' has y = NaN; positions run from -1 to 1"),
        ("empty.yaml", "empty.yaml:1:1: error: the file is empty"),
        ("binary.yaml", "binary.yaml:1:1: error: this is a binary file, not YAML or JSON text"),
        ("top-level-list.yaml", "top-level-list.yaml:1:1: error: expected a mapping at the top"),
        ("figure-id-escapes.yaml", "figure-id-escapes.yaml:3:11: error: figure id '../../etc/passwd' contains a path separator"),
        ("infinity.yaml", "infinity.yaml:2:25: error: tool 'Airflow' has x = infinity; positions run from -1 to 1"),
        ("huge-number.yaml", "huge-number.yaml:2:35: error: tool 'Airflow' has y = 1e+308; positions run from -1 to 1"),
        ("deep-nesting.yaml", "deep-nesting.yaml:1:9: error: the data nests deeper than 1000 levels"),
        ("alias-bomb.yaml", "alias-bomb.yaml:1:1: error: the document expands to more than 1000000 values through YAML aliases"),
        ("latin1.yaml", "latin1.yaml:1:1: error: the file is not UTF-8 text"),
        ("categories-not-a-list.yaml", "categories-not-a-list.yaml:2:53: error: 'tools[0].categories' should be a list, found 'data-orchestrators'"),
        ("broken-points.mmd", "broken-points.mmd:5:18: error: x = 1.2 is outside 0 ... 1; Mermaid positions run from 0 to 1"),
        ("ragged.csv", "ragged.csv:3:6: error: tool 'B' has no y; positions run from -1 to 1"),
        ("unclosed-quote.csv", "unclosed-quote.csv:2:3: error: unclosed quote: the field opened here never ends"),
        ("lifecycle-short-loop.yaml", "lifecycle-short-loop.yaml:3:12: error: loop 'solo' has 1 step; a loop needs at least 2"),
        ("lifecycle-split-run.yaml", "lifecycle-split-run.yaml:5:12: error: loops 'a' and 'b' share 'Two', 'Four', which is not one contiguous run in both"),
        ("lifecycle-opposite.yaml", "lifecycle-opposite.yaml:5:12: error: loops 'a' and 'b' go through their shared steps in opposite directions"),
        ("lifecycle-pictogram.yaml", "lifecycle-pictogram.yaml:4:16: error: unknown pictogram 'rocket'"),
        ("lifecycle-repeated-step.yaml", "lifecycle-repeated-step.yaml:3:23: error: step 'One' is used twice in loop 'a'"),
        ("radar-missing-column.csv", "radar-missing-column.csv:1:31: error: the radar has neither an 'isNew' nor a 'status' column"),
        ("radar-nine-rings.csv", "radar-nine-rings.csv:10:3: error: a 9th ring 'Gone'; a radar has 1 to 8 rings"),
        ("radar-five-quadrants.csv", "radar-five-quadrants.csv:6:9: error: a fifth quadrant 'Five'"),
    ]

    @Test func aFiveMegabyteNameIsRefusedWithoutBeingDrawn() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("long.yaml")
        try Data(("tools:\n  - { name: " + String(repeating: "x", count: 5_000_000) + ", x: 0.1, y: 0.1 }\n").utf8).write(to: data)
        let r = try CLI.run(["render", data.path, "--out", dir.appendingPathComponent("out").path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("long.yaml:2:13: error: 'tools[0].name' is 5000000 characters long; a label holds at most 200"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func overlongNamesAreRefusedInCSVAndMermaidToo() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("long.csv"), mmd = dir.appendingPathComponent("long.mmd")
        try Data(("name,x,y\n" + String(repeating: "x", count: 5000) + ",0.1,0.1\n").utf8).write(to: csv)
        try Data(("quadrantChart\n    " + String(repeating: "y", count: 5000) + ": [0.3, 0.6]\n").utf8).write(to: mmd)
        let a = try CLI.run(["validate", csv.path]), b = try CLI.run(["validate", mmd.path])
        #expect(a.status == 65 && a.stderr.contains("long.csv:2:1: error: the name is 5000 characters long; a label holds at most 200"))
        #expect(b.status == 65 && b.stderr.contains("long.mmd:2:5: error: the point name is 5000 characters long; a label holds at most 200"))
    }

    @Test func aFailingRunLeavesTheOutputFolderExactlyAsItWas() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["render", "--figure", "ml-landscape-quads", "--out", dir.path, "-q"]).status == 0)
        func snapshot() throws -> [String: Data] {
            var out: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) { out[name] = try Data(contentsOf: dir.appendingPathComponent(name)) }
            return out
        }
        let before = try snapshot()
        for bad in ["malformed.yaml", "alias-bomb.yaml", "ragged.csv", "lifecycle-opposite.yaml"] {
            let r = try CLI.run(["render", CLI.bad(bad), "--out", dir.path])
            #expect(r.status == 65)
        }
        let r = try CLI.run(["render", "--figure", "no-such-figure", "--out", dir.path])
        #expect(r.status == 64)
        #expect(try snapshot() == before)
    }

    @Test(arguments: catalogue)
    func badDataGetsALocatedErrorExit65AndWritesNothing(fixture: String, expected: String) throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["render", CLI.bad(fixture), "--out", out.path, "--format", "png,svg,pdf"])
        #expect(r.status == 65, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr.contains(CLI.bad(expected)), "stderr was: \(r.stderr)")
        #expect(r.stderr.contains("nothing was written"))
        #expect(r.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path), "a failed run created the output folder")
        let v = try CLI.run(["validate", CLI.bad(fixture)])
        #expect(v.status == 65)
    }

    @Test func missingInputFileExits66() throws {
        let r = try CLI.run(["render", "/nonexistent/landscape.yaml"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("cannot read /nonexistent/landscape.yaml: no such file"))
    }

    @Test func unknownFigureAndFormatAreUsageErrorsWithSuggestions() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fig = try CLI.run(["render", "--figure", "ml-landscape-al", "--out", dir.path])
        #expect(fig.status == 64)
        #expect(fig.stderr.contains("no figure 'ml-landscape-al'; did you mean ml-landscape-all"))
        let fmt = try CLI.run(["render", "--format", "gif", "--out", dir.path])
        #expect(fmt.status == 64)
        #expect(fmt.stderr.contains("unknown format 'gif'; the formats are excalidraw, html, pdf, png, svg"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func anOutputFolderThatIsAFileExits73() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("taken")
        try Data("keep me".utf8).write(to: file)
        let r = try CLI.run(["render", "--out", file.path])
        #expect(r.status == 73)
        #expect(r.stderr.contains("it exists and is not a folder"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me")
    }

    @Test func theInputFileIsNeverOverwritten() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("ml-landscape-all.svg")
        let text = "tools:\n  - { name: A, x: 0.5, y: 0.5 }\nfigures:\n  - { id: ml-landscape-all, kind: map }\n"
        try Data(text.utf8).write(to: data)
        let r = try CLI.run(["render", data.path, "--out", dir.path])
        #expect(r.status == 73)
        #expect(r.stderr.contains("refusing to overwrite the input file"))
        #expect(try String(contentsOf: data, encoding: .utf8) == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["ml-landscape-all.svg"])
    }
}

@Suite struct RenderCommandTests {
    @Test func noArgumentsRendersTheDefaultSetIntoOutput() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run([], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("output").path).sorted()
        let ids = SiteImagesTests.postImages
        #expect(files == (ids.flatMap { ["\($0).png", "\($0).svg"] } + ["index.html"]).sorted())
        #expect(r.stdout.contains("wrote output/ml-landscape-all.png"))
    }

    @Test func outputExtensionPicksTheFormat() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("map.pdf")
        let r = try CLI.run(["render", "--figure", "ml-landscape-all", "-o", pdf.path, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let head = try Data(contentsOf: pdf).prefix(5)
        #expect(String(decoding: head, as: UTF8.self) == "%PDF-")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["map.pdf"], "no temporary file may be left behind")
    }

    @Test func validateAndListDescribeTheBuiltInLandscape() throws {
        let v = try CLI.run(["validate"])
        #expect(v.status == 0)
        #expect(v.stdout.contains("ok: 45 tools, 13 categories, 4 quadrants, 19 figures"))
        let l = try CLI.run(["list"])
        #expect(l.status == 0)
        for line in ["ml-landscape-all  (map)", "cloud-platforms  Cloud Platforms", "gcp-ai-platform  GCP (AI Platform)  at (-0.427, 0.834)"] {
            #expect(l.stdout.contains(line), "list lacks \(line)")
        }
    }

    @Test func helpExplainsEveryOptionWithExamples() throws {
        let r = try CLI.run(["render", "--help"])
        #expect(r.status == 0)
        for option in ["--figure", "--out", "--format", "--scale", "--background", "--output", "Examples:"] {
            #expect(r.stdout.contains(option), "render --help lacks \(option)")
        }
    }

    @Test func warningsGoToStderrAndDoNotFail() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("w.yaml")
        try Data("quadrants:\n  - { id: q, title: Q, x: negative, y: negative }\ncategories:\n  - { id: c, name: C, quadrant: q }\ntools:\n  - { name: A, x: 0.5, y: 0.5, categories: [c] }\n".utf8).write(to: data)
        let r = try CLI.run(["render", data.path, "--out", dir.appendingPathComponent("o").path, "--format", "svg"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("w.yaml:6:5: warning: tool 'A' at (0.5, 0.5) lies outside quadrant 'q'"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("o/w.svg").path), "the implicit map is named after the data file")
    }
}

@Suite struct StyleOptionTests {
    @Test func styleSeedAndRoughnessChangeTheDrawingAndStayReproducible() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        func render(_ name: String, _ extra: [String]) throws -> Data {
            let file = dir.appendingPathComponent("\(name).svg")
            let r = try CLI.run(["render", "--figure", "ml-landscape-all", "-o", file.path, "-q"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            return try Data(contentsOf: file)
        }
        let sketch = try render("sketch", [])
        let again = try render("again", ["--style", "sketch"])
        let clean = try render("clean", ["--style", "clean"])
        let seeded = try render("seeded", ["--seed", "99"])
        let rough = try render("rough", ["--roughness", "cartoonist"])
        #expect(sketch == again, "the built-in set is sketched by default, identically each time")
        #expect(sketch != clean && sketch != seeded && sketch != rough && seeded != rough)
        #expect(String(decoding: clean, as: UTF8.self).contains("tool.kubeflow"))
    }

    @Test func badStyleOptionsAreUsageErrors() throws {
        let r = try CLI.run(["render", "--roughness", "9"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--roughness is 9; expected from 0 to 4"))
        let s = try CLI.run(["render", "--style", "watercolour"])
        #expect(s.status == 64)
        #expect(s.stderr.contains("watercolour"))
    }

    @Test func aMissingFontIsAWarningNamingTheFallback() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", "--figure", "ml-landscape-quads", "--font", "No Such Font Family", "--out", dir.path, "--format", "svg"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: font 'No Such Font Family' is not installed; text falls back to"))
    }

    /// The clean style's DejaVu Sans Condensed is a face fontconfig lists under that name too,
    /// though Pango describes it as DejaVu Sans, condensed: installed, so no warning.
    @Test func theCleanStylesCondensedFaceIsNoMissingFont() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", "--figure", "ml-landscape-quads", "--style", "clean", "--out", dir.path, "--format", "svg"])
        #expect(r.status == 0)
        #expect(!r.stderr.contains("is not installed"), "\(r.stderr)")
    }
}

@Suite struct ParallelAndStrictTests {
    @Test func parallelJobsWriteTheSameBytesAsASerialRun() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let serial = dir.appendingPathComponent("serial"), parallel = dir.appendingPathComponent("parallel")
        let figures = ["--figure", "ml-landscape-all,ml-landscape-quads,orchestrators,ml-landscape-ml-platforms,banner-01"]
        #expect(try CLI.run(["render", "--out", serial.path, "--jobs", "1", "--format", "png,svg,pdf", "-q"] + figures).status == 0)
        #expect(try CLI.run(["render", "--out", parallel.path, "--jobs", "4", "--format", "png,svg,pdf", "-q"] + figures).status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: serial.path).sorted()
        #expect(names.count == 15)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parallel.path).sorted() == names)
        for name in names {
            let a = try Data(contentsOf: serial.appendingPathComponent(name)), b = try Data(contentsOf: parallel.appendingPathComponent(name))
            let same = a == b
            #expect(same, "\(name) differs between --jobs 1 and --jobs 4")
        }
    }

    /// A lattice of 400 tools, each marker just clear of the next: no room beside any marker
    /// for a name or a number, and numbers of three digits wider than a marker; about half are
    /// left out, each warned. (A crowd on one spot is a stack: its names are never lost.)
    /// A lattice of 2,100 tools, each just clear of the next: past the 2,000 where tools
    /// still join stacks, so most names find no room anywhere (below it, every tool is
    /// named, in a stack or the legend if nowhere else).
    func crowd(in dir: URL) throws -> URL {
        var text = "tools:\n"
        for i in 0..<2100 { text += "  - { name: Crowded tool number \(i), x: \(0.1 + Double(i % 46) * 0.013), y: \(0.1 + Double(i / 46) * 0.013) }\n" }
        let file = dir.appendingPathComponent("crowd.yaml")
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test func omittedLabelsAreAWarningAndAnErrorUnderStrict() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try crowd(in: dir)
        let out = dir.appendingPathComponent("out")
        let lenient = try CLI.run(["render", data.path, "--out", out.path, "--format", "svg"])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("warning: landscape: "))
        #expect(lenient.stderr.contains("labels were left out for lack of room"))
        // Each name left out is located: the line and column where the data file names it.
        let located = lenient.stderr.split(separator: "\n").filter { $0.contains("was left out for lack of room") }
        #expect(!located.isEmpty, "\(lenient.stderr)")
        let lines = try String(contentsOf: data, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        for line in located.prefix(5) {
            let parts = line.split(separator: ":")
            let (row, column) = (Int(parts[1]) ?? 0, Int(parts[2]) ?? 0)
            let name = line.split(separator: "'")[1]
            #expect(parts[0].hasSuffix("crowd.yaml") && row > 1 && row <= lines.count, "\(line)")
            guard row > 1 && row <= lines.count else { continue }
            #expect(lines[row - 1].dropFirst(column - 1).hasPrefix(name + ","), "\(line) points at: \(lines[row - 1])")
        }
        // The summary names tools too, so it points at the first one it names.
        let summary = try #require(lenient.stderr.split(separator: "\n").first { $0.contains("labels were left out for lack of room:") })
        let firstNamed = summary.split(separator: "'")[1]
        let summaryRow = Int(summary.split(separator: ":")[1]) ?? 0
        #expect(summary.hasPrefix(data.path + ":") && summaryRow > 1 && lines[summaryRow - 1].contains("name: \(firstNamed),"), "\(summary)")
        // The same with Windows line endings (Excel's and Python's csv): still the right line.
        let crlf = dir.appendingPathComponent("crowd-crlf.yaml")
        try Data(try String(contentsOf: data, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: crlf)
        let windows = try CLI.run(["render", crlf.path, "--out", out.path, "--format", "svg"])
        let first = located.first.map { String($0.split(separator: ":")[1]) }
        let firstCRLF = windows.stderr.split(separator: "\n").first { $0.contains("was left out for lack of room") }.map { String($0.split(separator: ":")[1]) }
        #expect(first != nil && first == firstCRLF, "\(windows.stderr)")
        let strictOut = dir.appendingPathComponent("strict")
        let strict = try CLI.run(["render", data.path, "--out", strictOut.path, "--format", "svg", "--strict"])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("error: landscape: "))
        #expect(strict.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: strictOut.path))
    }
}

@Suite struct RadarInputTests {
    @Test func aThoughtworksCSVRendersAFullRadarWithEveryBlip() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", CLI.root.appendingPathComponent("fixtures/examples/radar.csv").path, "--out", dir.path, "--format", "svg"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "no blip or label may be dropped: \(r.stderr)")
        let svg = try String(contentsOf: dir.appendingPathComponent("radar.svg"), encoding: .utf8)
        #expect(svg.components(separatedBy: ".name\" role=\"img\"").count - 1 == 25)
        #expect(svg.contains("Polars, the dataframe: Fast dataframes; quoted name with a comma."))
    }

    @Test(arguments: ["radar-missing-column.csv", "radar-nine-rings.csv", "radar-five-quadrants.csv"])
    func badRadarCSVsExit65WithNothingWritten(file: String) throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["render", CLI.bad(file), "--out", out.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains(CLI.bad(file) + ":"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}

@Suite struct ThemeAndLinkTests {
    func pngSize(_ url: URL) throws -> (Int, Int) {
        let d = [UInt8](try Data(contentsOf: url))
        func be(_ o: Int) -> Int { Int(d[o]) << 24 | Int(d[o + 1]) << 16 | Int(d[o + 2]) << 8 | Int(d[o + 3]) }
        return (be(16), be(20))
    }

    @Test func widthSetsThePNGWidthOfEveryFigure() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", "--figure", "ml-landscape-all,banner-00", "--width", "800", "--out", dir.path, "--format", "png", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try pngSize(dir.appendingPathComponent("ml-landscape-all.png")).0 == 800)
        #expect(try pngSize(dir.appendingPathComponent("banner_00.png")).0 == 800)
    }

    @Test func themesComeFromTheDataAndTheCommandLine() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("t.yaml")
        try Data("theme: { name: dark, ink: \"#ffcc00\", tool-size: 22 }\ntools:\n  - { name: Kubeflow, x: 0.3, y: 0.5, url: \"https://www.kubeflow.org/\" }\n".utf8).write(to: data)
        let r = try CLI.run(["render", data.path, "--out", dir.path, "--format", "svg,pdf", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: dir.appendingPathComponent("t.svg"), encoding: .utf8)
        #expect(svg.contains("<rect width=\"100%\" height=\"100%\" fill=\"#1f1f21\"/>"), "dark background")
        #expect(svg.contains("fill=\"#ffcc00\""), "the data's ink")
        #expect(svg.contains("<a href=\"https://www.kubeflow.org/\" target=\"_blank\">"), "the tool links to its url")
        let pdf = String(decoding: try Data(contentsOf: dir.appendingPathComponent("t.pdf")), as: UTF8.self)
        #expect(pdf.contains("/URI (https://www.kubeflow.org/)"))
        let light = try CLI.run(["render", data.path, "--out", dir.appendingPathComponent("light").path, "--format", "svg", "--theme", "light", "-q"])
        #expect(light.status == 0)
        let lightSVG = try String(contentsOf: dir.appendingPathComponent("light/t.svg"), encoding: .utf8)
        #expect(lightSVG.contains("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"))
    }

    @Test func badThemeValuesAreLocatedErrors() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("t.yaml")
        try Data("theme: { name: sepia, ink: yellow }\ntools: []\n".utf8).write(to: data)
        let r = try CLI.run(["validate", data.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("t.yaml:1:16: error: theme 'sepia' is unknown; the themes are light, dark"))
        #expect(r.stderr.contains("t.yaml:1:28: error: theme colour 'ink' is 'yellow'; expected #rrggbb"))
    }
}

@Suite struct ScriptsTests {
    @Test func labelsInManyScriptsRenderWithEveryGlyph() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", CLI.root.appendingPathComponent("fixtures/examples/world.yaml").path, "--out", dir.path, "--format", "png,svg,pdf"])
        #expect(r.status == 0)
        #expect(!r.stderr.contains("no installed font"), "a script lacks a font (see the Makefile's font packages): \(r.stderr)")
        let pdf = dir.appendingPathComponent("world.pdf")
        let text = try runTool("pdftotext", [pdf.path, "-"]).output
        for word in ["数据版本控制", "निगरानी", "Ελληνικά"] { #expect(text.contains(word), "\(word) is missing from the PDF") }
        // Arabic is stored in logical order and shaped right to left.
        #expect(text.contains("النماذج") || text.contains("مراقبة"))
    }

    @Test func aCharacterNoFontHasIsAWarningNamingTheTextAndFont() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("m.yaml")
        try Data("tools:\n  - { name: \"Glyph \\U0010FFFD test\", x: 0.2, y: 0.2 }\n".utf8).write(to: data)
        let r = try CLI.run(["render", data.path, "--out", dir.appendingPathComponent("o").path, "--format", "png"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: landscape: 'Glyph \u{10FFFD} test' has 1 character that no installed font can draw (font 'Comic Neue')"))
    }
}

func runTool(_ tool: String, _ args: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [tool] + args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite struct SubsetTests {
    /// The tool groups an SVG draws, and which of them are in ink (not greyed).
    func tools(in svg: String) -> (all: Set<String>, inked: Set<String>) {
        var all = Set<String>(), inked = Set<String>()
        let groups = svg.components(separatedBy: "<g id=\"tool.").dropFirst()
        for g in groups {
            let id = String(g.prefix { $0 != "\"" })
            guard !id.contains(".") else { continue }
            all.insert(id)
        }
        for m in svg.components(separatedBy: "<path id=\"tool.").dropFirst() {
            let id = String(m.prefix { $0 != "\"" })
            guard id.hasSuffix(".marker") else { continue }
            if m.prefix(4000).contains("stroke=\"#1a1a1a\"") { inked.insert(String(id.dropLast(7))) }
        }
        return (all, inked)
    }

    func render(_ args: [String]) throws -> (status: Int32, svg: String, stderr: String) {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", "--style", "clean", "--format", "svg", "--out", dir.path, "-q"] + args)
        // The one SVG written, whatever the ad-hoc figure is called (AdHocNameTests checks names).
        let written = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".svg") }
        if let name = args.firstIndex(of: "--name").map({ args[$0 + 1] }) { #expect(written == ["\(name).svg"]) }
        let svg = written.count == 1 ? (try? String(contentsOf: dir.appendingPathComponent(written[0]), encoding: .utf8)) ?? "" : ""
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("index.html").path), "an ad-hoc figure writes no gallery")
        return (r.status, svg, r.stderr)
    }

    @Test func onlyNamedTools() throws {
        let r = try render(["--only", "Kubeflow,Airflow"])
        #expect(r.status == 0)
        #expect(tools(in: r.svg).all == ["kubeflow", "airflow"])
    }

    @Test func categoriesFilter() throws {
        let r = try render(["--category", "data-orchestrators"])
        #expect(tools(in: r.svg).all == ["dagster", "prefect", "airflow", "luigi"])
    }

    @Test func oneQuadrantMakesAZoomWithRegions() throws {
        let r = try render(["--quadrant", "standard-swe-tools", "--name", "swe"])
        #expect(r.status == 0)
        #expect(tools(in: r.svg).all.count == 10)
        #expect(r.svg.contains("<path id=\"region.data-orchestrators\""), "a zoom draws its regions")
    }

    @Test func ringsAndQuadrantsNarrowTogether() throws {
        let r = try render(["--quadrant", "ml-platforms,specialized-ml-tools", "--ring", "assess"])
        let shown = tools(in: r.svg).all
        #expect(shown.contains("kubeflow") && shown.contains("mlflow"))
        #expect(!shown.contains("comet"), "Comet is in the trial ring")
    }

    @Test func highlightGreysTheRestAndTitleIsDrawn() throws {
        let r = try render(["--highlight", "Kubeflow,Airflow", "--title", "Our stack", "--name", "ours"])
        #expect(r.status == 0)
        let t = tools(in: r.svg)
        #expect(t.all.count == 45)
        #expect(t.inked == ["kubeflow", "airflow"])
        #expect(r.svg.contains("aria-label=\"Our stack\""))
    }

    @Test func unknownNamesListTheClosestKnownOnes() throws {
        let r = try render(["--only", "Kubeflo"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown tool 'Kubeflo'; did you mean 'Kubeflow'"))
        let q = try render(["--quadrant", "ml-platform"])
        #expect(q.stderr.contains("unknown quadrant 'ml-platform'; did you mean 'ml-platforms'"))
        let both = try CLI.run(["render", "--figure", "ml-landscape-all", "--only", "Kubeflow"])
        #expect(both.status == 64)
    }
}

@Suite struct EcosystemTests {
    @Test func aMermaidChartImportsToYAMLThatDrawsTheSamePicture() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let chart = CLI.root.appendingPathComponent("fixtures/examples/quadrant-chart.mmd").path
        let imported = try CLI.run(["import", chart])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("style: { radius: 12, color: \"#ff3300\", stroke-color: \"#10f0f0\", stroke-width: 5 }"))
        let yaml = dir.appendingPathComponent("chart.yaml")
        try Data(imported.stdout.utf8).write(to: yaml)
        #expect(try CLI.run(["render", chart, "--out", dir.appendingPathComponent("a").path, "--format", "svg", "-q"]).status == 0)
        #expect(try CLI.run(["render", yaml.path, "--out", dir.appendingPathComponent("b").path, "--format", "svg", "-q"]).status == 0)
        // Each implicit map is named after its data file (quadrant-chart.svg, chart.svg).
        let a = try Data(contentsOf: dir.appendingPathComponent("a/quadrant-chart.svg")), b = try Data(contentsOf: dir.appendingPathComponent("b/chart.svg"))
        let same = a == b
        #expect(same, "the imported YAML draws a different figure")
    }

    @Test func eightyToolsFromCSVRenderEveryLabelOrSayWhichNot() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", CLI.root.appendingPathComponent("fixtures/examples/tools-80.csv").path, "--out", dir.path, "--format", "svg"])
        #expect(r.status == 0)
        let svg = try String(contentsOf: dir.appendingPathComponent("tools-80.svg"), encoding: .utf8)
        let drawn = svg.components(separatedBy: ".name\" role=\"img\"").count - 1
        // The example is randomly crowded: the few labels with no free spot are named, never drawn over another.
        let omitted = r.stderr.components(separatedBy: " labels were left out").first.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(drawn + omitted == 80)
        #expect(omitted <= 4)
    }

    @Test func thousandsOfCategoriesAndFiguresWork() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "categories:\n"
        for i in 0..<5000 { text += "  - { id: c\(i), name: Category \(i) }\n" }
        text += "tools:\n"
        for i in 0..<200 { text += "  - { name: T\(i), x: \(Double(i % 20) / 10 - 0.95), y: \(Double(i / 20) / 5 - 0.95), categories: [c\(i * 25)] }\n" }
        text += "figures:\n"
        for i in 0..<5000 { text += "  - { id: f\(i), kind: quadrants }\n" }
        text += "  - { id: zones, kind: map, regions: true }\n"
        let data = dir.appendingPathComponent("many.yaml")
        try Data(text.utf8).write(to: data)
        let v = try CLI.run(["validate", data.path])
        #expect(v.status == 0)
        #expect(v.stdout.contains("ok: 200 tools, 5000 categories, 0 quadrants, 5001 figures"))
        let r = try CLI.run(["render", data.path, "--figure", "zones,f4999", "--out", dir.appendingPathComponent("o").path, "--format", "svg"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func tenThousandToolsRenderWithTheLeftOutLabelsCounted() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = "name,x,y\n"
        var rng = SplitMix64(state: 5)
        for i in 0..<10_000 { csv += "Tool \(i),\(rng.nextUnit() * 2 - 1),\(rng.nextUnit() * 2 - 1)\n" }
        let data = dir.appendingPathComponent("big.csv")
        try Data(csv.utf8).write(to: data)
        let r = try CLI.run(["render", data.path, "--out", dir.appendingPathComponent("o").path, "--format", "png", "--style", "clean"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("labels were left out for lack of room"))
        let strict = try CLI.run(["render", data.path, "--out", dir.appendingPathComponent("s").path, "--format", "png", "--strict"])
        #expect(strict.status == 65)
    }
}


@Suite struct FillSettingsTests {
    @Test func theDataChoosesTheRegionFillAndItsLines() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        func render(_ theme: String) throws -> String {
            let data = dir.appendingPathComponent("f.yaml")
            try Data(("theme: \(theme)\nquadrants:\n  - { id: q, title: Q, x: positive, y: positive }\ncategories:\n  - { id: c, name: C, quadrant: q }\n"
                + "tools:\n  - { name: A, x: 0.3, y: 0.4, categories: [c] }\n  - { name: B, x: 0.5, y: 0.6, categories: [c] }\nfigures:\n  - { id: z, kind: zoom, quadrant: q }\n").utf8).write(to: data)
            let r = try CLI.run(["render", data.path, "--out", dir.path, "--format", "svg", "--style", "clean", "-q"])
            #expect(r.status == 0, "\(r.stderr)")
            return try String(contentsOf: dir.appendingPathComponent("z.svg"), encoding: .utf8)
        }
        func hatchLines(_ svg: String) -> Int {
            guard let start = svg.range(of: "id=\"region.c.pattern\" d=\"") else { return 0 }
            return svg[start.upperBound...].prefix { $0 != "\"" }.filter { $0 == "M" }.count
        }
        let plain = hatchLines(try render("{ name: light }"))
        let crossed = hatchLines(try render("{ fill: cross-hatch }"))
        let sparse = hatchLines(try render("{ hatch-gap: 21 }"))
        #expect(plain > 10)
        #expect(crossed > plain * 3 / 2, "cross-hatch adds a second set of lines")
        #expect(sparse < plain / 2, "three times the gap, about a third of the lines")
        let bad = dir.appendingPathComponent("bad.yaml")
        try Data("theme: { fill: plaid, hatch-gap: -1 }\ntools: []\n".utf8).write(to: bad)
        let v = try CLI.run(["validate", bad.path])
        #expect(v.status == 65)
        #expect(v.stderr.contains("theme fill 'plaid' is unknown; the fills are hachure, cross-hatch, zigzag, dots, solid"))
        #expect(v.stderr.contains("theme 'hatch-gap' is -1; expected from 1 to 50 points"))
    }
}
