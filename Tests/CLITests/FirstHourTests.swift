import Foundation
import Testing

/// What a newcomer meets in the first hour: a quiet default run, `init`, a copied example,
/// and clear words for the common slips.
@Suite struct FirstHourTests {
    static func write(_ text: String, _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func theDefaultRunPrintsFilesAndATotalAndNoWarning() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run([], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("wrote output/") }, "\(r.stdout)")
        #expect(lines.last?.hasPrefix("39 files, 39 changed,") == true, "\(r.stdout)")
    }

    @Test func initWritesAStarterThatRendersWithNoWarningAndNeverOverwrites() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try CLI.run(["init"], in: dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("mlscape render landscape.yaml"))
        let starter = try String(contentsOf: dir.appendingPathComponent("landscape.yaml"), encoding: .utf8)
        #expect(starter.split(separator: "\n").filter { $0.hasPrefix("#") }.count >= 10, "every key is explained")

        let render = try CLI.run(["render", "landscape.yaml"], in: dir)
        #expect(render.status == 0)
        #expect(render.stderr.isEmpty, "\(render.stderr)")
        #expect(try CLI.run(["validate", "--strict", "landscape.yaml"], in: dir).status == 0)

        try "mine".write(to: dir.appendingPathComponent("landscape.yaml"), atomically: true, encoding: .utf8)
        let again = try CLI.run(["init"], in: dir)
        #expect(again.status == 73)
        #expect(again.stderr.contains("landscape.yaml exists"))
        #expect(try String(contentsOf: dir.appendingPathComponent("landscape.yaml"), encoding: .utf8) == "mine")

        let help = try CLI.run(["init", "--help"])
        #expect(help.stdout.contains("mlscape render landscape.yaml"))
    }

    @Test func aCopiedFixtureRendersFromAnyFolder() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = try String(contentsOf: CLI.root.appendingPathComponent("fixtures/mlops-landscape.yaml"), encoding: .utf8)
        let copy = try Self.write(fixture, "my.yaml", in: dir)
        let r = try CLI.run(["render", copy.path, "--figure", "ml-lifecycle", "--out", dir.appendingPathComponent("out").path])
        #expect(r.status == 0, "\(r.stderr)")
        let specLine = fixture.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("id: ml-lifecycle") }! + 1
        #expect(r.stderr.contains("my.yaml:\(specLine):"), "the note points at the spec: line: \(r.stderr)")
        #expect(r.stderr.contains("note: figures 'ml-lifecycle' and 'header_part_01': there is no lifecycle.yaml next to the data file, so the built-in ML lifecycle is drawn"))
        #expect(!r.stderr.contains("warning") && !r.stderr.contains("error"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/ml-lifecycle.png").path))

        // A spec of another name has no built-in stand-in: a located error that says what to do.
        let other = try Self.write(fixture.replacingOccurrences(of: "spec: lifecycle.yaml", with: "spec: loops.yaml"), "other.yaml", in: dir)
        let bad = try CLI.run(["validate", other.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("other.yaml:\(specLine):"), "\(bad.stderr)")
        #expect(bad.stderr.contains("cannot read its spec") && bad.stderr.contains("or remove the figure"))
    }

    @Test func importWithoutDataPrintsEveryFigureAndReadsBackTheSame() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["import"])
        #expect(r.status == 0, "\(r.stderr)")
        let figures = r.stdout.components(separatedBy: "\nfigures:\n").last ?? ""
        #expect(figures.split(separator: "\n").filter { $0.hasPrefix("  - { id:") }.count == 19)
        // Read back (next to the built-in lifecycle spec), it lists the same figures.
        let copy = try Self.write(r.stdout, "imported.yaml", in: dir)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("fixtures/lifecycle.yaml"), to: dir.appendingPathComponent("lifecycle.yaml"))
        let listed = try CLI.run(["list", copy.path])
        #expect(listed.status == 0 && listed.stderr.isEmpty, "\(listed.stderr)")
        #expect(listed.stdout == (try CLI.run(["list"])).stdout)
        // And draws the same pictures.
        let out = dir.appendingPathComponent("out")
        let figuresToCompare = "orchestrators,ml-landscape-setup,banner-02"
        #expect(try CLI.run(["render", copy.path, "--figure", figuresToCompare, "--out", out.appendingPathComponent("a").path, "--format", "svg", "-q"]).status == 0)
        #expect(try CLI.run(["render", "--figure", figuresToCompare, "--out", out.appendingPathComponent("b").path, "--format", "svg", "-q"]).status == 0)
        for name in ["orchestrators.svg", "ml-landscape-setup.svg", "banner_02.svg"] {
            #expect(try Data(contentsOf: out.appendingPathComponent("a/\(name)")) == Data(contentsOf: out.appendingPathComponent("b/\(name)")), "\(name) differs")
        }
    }

    @Test func importOfALifecycleSpecReadsBackNextToIt() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("loops.yaml")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("fixtures/examples/lifecycle-three.yaml"), to: spec)
        let r = try CLI.run(["import", spec.path])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Self.write(r.stdout, "imported.yaml", in: dir)
        let back = try CLI.run(["validate", "--strict", data.path])
        #expect(back.status == 0 && back.stderr.isEmpty, "\(back.stderr)")
    }

    @Test func widthAndScaleTogetherAreRefused() throws {
        let r = try CLI.run(["render", "--width", "800", "--scale", "3", "--out", "/nonexistent/never"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--width 800 and --scale 3.0 both set the PNG size"), "\(r.stderr)")
    }

    @Test func onlyNamesOutsideTheZoomedQuadrantAreNamedInAWarning() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["render", "--quadrant", "ml-platforms", "--only", "Kubeflow,Airflow,Git", "--out", dir.path, "--format", "svg"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning: --only names tools outside quadrant 'ml-platforms', which the zoom leaves out: Airflow, Git"), "\(r.stderr)")
        let quiet = try CLI.run(["render", "--quadrant", "ml-platforms", "--only", "Kubeflow", "--out", dir.path, "--format", "svg"])
        #expect(!quiet.stderr.contains("--only"))
    }

    @Test func aDecimalCommaIsAnErrorThatSaysSo() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try Self.write("""
        tools:
          - { name: A, x: 0,1, y: 0.2 }
          - name: B
            x: -0,5
            y: 0.1
        """, "comma.yaml", in: dir)
        let r = try CLI.run(["validate", data.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("comma.yaml:2:19: error: 'x: 0,1' in 'tools[0]' has a decimal comma; write x: 0.1"), "\(r.stderr)")
        #expect(r.stderr.contains("comma.yaml:4:8: error: 'tools[1].x' should be a number, found '-0,5'; a decimal comma? write -0.5"), "\(r.stderr)")
    }

    @Test func anUnknownToolKeyFailsValidateStrict() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try Self.write("""
        categories:
          - { id: a, name: A }
        tools:
          - { name: T, x: 0.1, y: 0.2, catgories: [a] }
        """, "key.yaml", in: dir)
        let lenient = try CLI.run(["validate", data.path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("key.yaml:4:32: warning: unknown key 'catgories'"), "\(lenient.stderr)")
        let strict = try CLI.run(["validate", "--strict", data.path])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("--strict: 1 warning about the data"), "\(strict.stderr)")
    }

    @Test(arguments: [
        ("tools:\n\t- { name: A, x: 0.1, y: 0.2 }\n", "2:1"),
        ("tools:\n  - name: A\n  \tx: 0.1\n    y: 0.2\n", "3:3"),
    ])
    func aTabIndentIsCalledATabWhereItIs(text: String, at: String) throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try Self.write(text, "tab.yaml", in: dir)
        let r = try CLI.run(["validate", data.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("tab.yaml:\(at): error: a tab indents this line; YAML indents with spaces only"), "\(r.stderr)")
    }

    @Test func aSemicolonSeparatedCSVSaysUseCommasOnce() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = try Self.write("name;x;y;categories\nA;0,1;0,2;c\n", "tools.csv", in: dir)
        let r = try CLI.run(["validate", data.path])
        #expect(r.status == 65)
        let messages = r.stderr.split(separator: "\n").filter { $0.contains("error:") || $0.contains("warning:") }
        #expect(messages.count == 1, "\(r.stderr)")
        #expect(messages.first?.contains("tools.csv:1:1: error: the columns are separated by ';'; use commas") == true, "\(r.stderr)")
    }
}
