import Foundation
import ScapeModel
import Testing

/// Inputs that used to crash, hang or run away (issue table of crashes, hangs and budgets):
/// each is now refused with a located message and exit 65, or is a usage error.
@Suite struct ReliabilityTests {
    /// (fixture, expected "file:line:column: error: message" fragment)
    static let refused: [(String, String)] = [
        ("mermaid-radius-1e21.mmd", "mermaid-radius-1e21.mmd:5:33: error: radius is 1e+21; expected above 0, at most 100 points"),
        ("mermaid-stroke-width-1e21.mmd", "mermaid-stroke-width-1e21.mmd:2:33: error: stroke-width is 1e+21; expected from 0 to 50 points"),
        ("mermaid-radius-1e6.mmd", "mermaid-radius-1e6.mmd:2:33: error: radius is 1000000; expected above 0, at most 100 points"),
        ("alias-key.yaml", "alias-key.yaml:2:11: error: the alias '*a' is used in a mapping key; mlscape reads aliases only as values"),
        ("alias-key-direct.yaml", "alias-key-direct.yaml:2:10: error: the alias '*a' is used in a mapping key; mlscape reads aliases only as values"),
        ("hatch-gap-tiny.yaml", "hatch-gap-tiny.yaml:1:21: error: theme 'hatch-gap' is 1e-300; expected from 1 to 50 points"),
        ("long-title.mmd", "long-title.mmd:2:11: error: the title is 250 characters long; a label holds at most 200"),
        ("long-title-radar.yaml", "long-title-radar.yaml:4:38: error: 'figures[0].title' is 250 characters long; a label holds at most 200"),
        ("long-title-lifecycle.yaml", "long-title-lifecycle.yaml:3:64: error: 'figures[0].title' is 250 characters long; a label holds at most 200"),
        ("many-errors.csv", "many-errors.csv:101:9: error: and 50 more errors in this file (only the first 100 are shown)"),
    ]

    @Test(arguments: refused)
    func refusedWithALocatedMessageAndExit65(fixture: String, expected: String) throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let r = try CLI.run(["render", CLI.bad(fixture), "--out", out.path])
        #expect(r.status == 65, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr.contains(CLI.bad(expected)), "stderr was: \(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try CLI.run(["validate", CLI.bad(fixture)]).status == 65)
    }

    @Test func diagnosticsStopAtAHundredPerFile() throws {
        let r = try CLI.run(["validate", CLI.bad("many-errors.csv")])
        let lines = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(lines.count == 101, "\(lines.count) error lines")
    }

    @Test(arguments: ["fifo", "/dev/zero", "folder"])
    func anythingButARegularFileExits66(kind: String) throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var path = kind
        if kind == "fifo" {
            path = dir.appendingPathComponent("pipe.yaml").path
            #expect(mkfifo(path, 0o600) == 0)
        } else if kind == "folder" {
            path = dir.path
        }
        let r = try CLI.run(["validate", path])
        #expect(r.status == 66, "exit \(r.status): \(r.stderr)")
        #expect(r.stderr.contains("error: cannot read \(path): it is a"))
    }

    @Test func negativeNumbersAreValuesOfTheirOptions() throws {
        let scale = try CLI.run(["render", "--scale", "-1"])
        #expect(scale.status == 64)
        #expect(scale.stderr.contains("--scale is -1; expected above 0, at most 20"), "\(scale.stderr)")
        let width = try CLI.run(["render", "--width", "-5"])
        #expect(width.status == 64)
        #expect(width.stderr.contains("--width is -5; expected from 16 to 30000 pixels"), "\(width.stderr)")
        let seed = try CLI.run(["render", "--seed", "-1"])
        #expect(seed.status == 64)
        #expect(!seed.stderr.contains("Missing value"), "\(seed.stderr)")
        #expect(seed.stderr.contains("'-1' is invalid for '--seed"), "\(seed.stderr)")
    }

    /// The command line's side of the bounds table: every flag in it refuses a value just outside
    /// its range (negative numbers included) with the table's words, as a usage error.
    @Test func everyFlagInTheBoundsTableRefusesValuesOutsideItsRange() throws {
        let flags = InputBounds.numbers.filter { $0.key.hasPrefix("--") }
        #expect(flags.count == 4)
        for bound in flags {
            for v in [bound.lowerOpen ? bound.lower : bound.lower - 1, bound.upper + 1] {
                let r = try CLI.run(["render", bound.key, NumberBound.show(v), "--format", "svg", "--out", "/nonexistent/never"])
                #expect(r.status == 64, "\(bound.key) \(v): exit \(r.status)")
                #expect(r.stderr.contains("\(bound.key) is \(NumberBound.show(v)); expected \(bound.rangeText)"), "\(bound.key) \(v): \(r.stderr)")
            }
        }
    }

    @Test func aCSVOverTheToolLimitIsRefusedBeforeItIsParsed() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("huge.csv")
        var text = "name,x,y\n"
        text.reserveCapacity(2_000_000)
        for i in 0...100_000 { text += "t\(i),0.1,0.1\n" }
        try Data(text.utf8).write(to: csv)
        let r = try CLI.run(["validate", csv.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("huge.csv:1:1: error: the file holds 100001 rows or more; a file may hold at most 100000"), "\(r.stderr)")
    }
}
