import Foundation
import Testing
import ScapeGeometry

/// `validate --layout`, `--blip-labels` and the legend note, as a user meets them.
@Suite struct IdentifiableLayoutCLITests {
    static func example(_ name: String) -> String { CLI.root.appendingPathComponent("fixtures/examples/\(name)").path }

    @Test func validateLayoutPassesACrowdedChartAndSaysHowEachToolIsNamed() throws {
        let r = try CLI.run(["validate", "--layout", Self.example("crowded-quadrant.mmd")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("callout="), "a crowded chart numbers some tools: \(r.stdout)")
        // Its legend fits in the plot's empty room: said once, and the figure does not grow.
        #expect(r.stderr.components(separatedBy: "with their names in a legend inside the plot").count == 2, "the legend's place is said once: \(r.stderr)")
        #expect(!r.stderr.contains("the figure grew"), "\(r.stderr)")
    }

    @Test func validateLayoutLocatesAToolThatCannotBeIdentified() throws {
        // 4,000 tools: more than a legend holds, so some names are left out, each located.
        let dir = try CLI.scratch()
        let file = dir.appendingPathComponent("many.csv")
        var rng = SplitMix64(state: 3)
        var csv = "name,x,y\n"
        for i in 0..<4000 { csv += "T\(i),\(rng.nextUnit() * 1.9 - 0.95),\(rng.nextUnit() * 1.9 - 0.95)\n" }
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", "--layout", file.path])
        #expect(r.status == 65)
        let line = r.stderr.split(separator: "\n").first { $0.contains("is not identifiable") }
        let name = line.flatMap { $0.split(separator: "'").dropFirst().first }.map(String.init)
        let number = name.flatMap { Int($0.dropFirst()) }
        #expect(number != nil, "\(r.stderr.prefix(400))")
        // T<k> is on line k + 2 of the file (after the header).
        if let number { #expect(line!.hasPrefix("\(file.path):\(number + 2):1: error:"), "\(line!)") }
    }

    @Test func blipLabelsNamesLeavesCrowdedNamesOutAndStrictRefusesIt() throws {
        let dir = try CLI.scratch()
        let numbers = try CLI.run(["render", Self.example("radar-dense.csv"), "--blip-labels", "numbers", "--format", "svg", "--out", dir.path, "-q"])
        #expect(numbers.status == 0, "\(numbers.stderr)")
        #expect(numbers.stderr.contains("numbered, with the names in a legend"))
        let names = try CLI.run(["render", Self.example("radar-dense.csv"), "--blip-labels", "names", "--strict", "--format", "svg", "--out", dir.path, "-q"])
        #expect(names.status == 65, "100 blips cannot all be named beside the radar's blips: \(names.stderr)")
        let bad = try CLI.run(["render", Self.example("radar-dense.csv"), "--blip-labels", "sometimes"])
        #expect(bad.status == 64)
    }
}
