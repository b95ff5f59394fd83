import ArgumentParser
import ScapeModel

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the figures, quadrants, categories and tools of a data file (of a radar: its rings, quadrants and blips).",
        discussion: """
        Example:
          mlscape list my-stack.yaml
        """
    )

    @OptionGroup var input: DataOptions

    func run() throws {
        var input = self.input
        input.useLocalDataFile(doing: "listing", verb: "list")
        let l = try input.load()
        if let radar = RadarListing.radar(of: l) { return print(RadarListing.list(radar), terminator: "") }
        print("figures:")
        for f in l.effectiveFigures { print("  \(f.id)  (\(f.kind.rawValue)\(f.file.map { ", file \($0)" } ?? ""))") }
        print("quadrants:")
        for q in l.quadrants {
            print("  \(q.id)  \(q.title.replacingOccurrences(of: "\n", with: " "))  (x \(q.x.rawValue), y \(q.y.rawValue))")
        }
        print("categories:")
        for c in l.categories { print("  \(c.id)  \(c.name)\(c.quadrant.map { "  [\($0)]" } ?? "")\(c.ring.map { "  ring: \($0)" } ?? "")") }
        print("tools:")
        for t in l.tools {
            let name = t.subtitle.map { "\(t.name) (\($0))" } ?? t.name
            print("  \(t.id)  \(name)  at (\(t.x), \(t.y))\(t.categories.isEmpty ? "" : "  " + t.categories.joined(separator: ", "))")
        }
    }
}
