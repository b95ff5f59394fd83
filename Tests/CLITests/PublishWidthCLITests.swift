import Foundation
import Testing

/// `--fit` and `validate --layout --style` from the command line.
@Suite struct PublishWidthCLITests {
    @Test func fitIsTheWidthAFigureIsReadAtWithinItsBounds() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = CLI.root.appendingPathComponent("fixtures/examples/tools-80.csv").path
        let plain = try CLI.run(["render", data, "--format", "svg", "-o", dir.appendingPathComponent("a.svg").path, "-q"])
        let same = try CLI.run(["render", data, "--format", "svg", "--fit", "1200", "-o", dir.appendingPathComponent("b.svg").path, "-q"])
        let narrow = try CLI.run(["render", data, "--format", "svg", "--fit", "600", "-o", dir.appendingPathComponent("c.svg").path, "-q"])
        #expect(plain.status == 0 && same.status == 0 && narrow.status == 0, "\(plain.stderr)\(narrow.stderr)")
        let a = try Data(contentsOf: dir.appendingPathComponent("a.svg")), b = try Data(contentsOf: dir.appendingPathComponent("b.svg"))
        let c = try Data(contentsOf: dir.appendingPathComponent("c.svg"))
        // Compared as Bools: a failing #expect on two Data values diffs them byte by byte.
        let defaultIs1200 = a == b, narrowDiffers = a != c
        #expect(defaultIs1200, "1200 px is the default")
        #expect(narrowDiffers, "a narrower column gets larger type")
        let tiny = try CLI.run(["render", data, "--format", "svg", "--fit", "50", "-o", dir.appendingPathComponent("d.svg").path])
        #expect(tiny.status != 0 && tiny.stderr.contains("--fit is 50"), "\(tiny.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("d.svg").path))
    }

    /// `--fit` reaches a radar too (its help says maps, zooms and radars): read in a 600 px
    /// column its names are set larger and its legend goes under the rings, and it says so.
    @Test func fitReachesARadar() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = CLI.root.appendingPathComponent("fixtures/examples/radar-dense.csv").path
        let plain = try CLI.run(["render", data, "--format", "svg", "-o", dir.appendingPathComponent("a.svg").path])
        let narrow = try CLI.run(["render", data, "--format", "svg", "--fit", "600", "-o", dir.appendingPathComponent("b.svg").path])
        #expect(plain.status == 0 && narrow.status == 0, "\(plain.stderr)\(narrow.stderr)")
        #expect(plain.stderr.contains("beside the rings") && narrow.stderr.contains("under the rings"), "\(plain.stderr)\(narrow.stderr)")
        let svg = try String(contentsOf: dir.appendingPathComponent("b.svg"), encoding: .utf8)
        #expect(svg.contains("id=\"blip-legend-below\""))
    }

    @Test func validateLaysOutTheStyleAsked() throws {
        let data = CLI.root.appendingPathComponent("fixtures/examples/frameworks-60.mmd").path
        for style in ["clean", "sketch"] {
            let r = try CLI.run(["validate", "--layout", "--style", style, data])
            #expect(r.status == 0, "\(style): \(r.stderr)")
            #expect(r.stdout.contains("adjacent="), "\(r.stdout)")
        }
        let bad = try CLI.run(["validate", "--layout", "--style", "crayon", data])
        #expect(bad.status != 0)
    }
}
