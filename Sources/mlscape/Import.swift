import ArgumentParser
import ScapeInterop
import ScapeModel

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a data file (Mermaid quadrantChart, CSV, YAML, JSON) as mlscape's YAML.",
        discussion: """
        The YAML keeps the title, axes, quadrants, categories and tools; redirect it
        into a file and edit it like any landscape. A radar (Thoughtworks or Zalando)
        is printed as a Thoughtworks radar CSV: name, ring, quadrant, status,
        description, link, one blip a line.

        Example:
          mlscape import chart.mmd > landscape.yaml
        """
    )

    @OptionGroup var input: DataOptions

    func run() throws {
        let landscape = try input.load()
        // mlscape's YAML has no blips: a radar stays a radar, as a Thoughtworks radar CSV.
        if let radar = RadarListing.radar(of: landscape) { return print(RadarCSVWriter.csv(radar), terminator: "") }
        print(LandscapeYAMLWriter.yaml(landscape), terminator: "")
    }
}
