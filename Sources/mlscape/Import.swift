import ArgumentParser
import ScapeModel

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a data file (Mermaid quadrantChart, CSV, YAML, JSON) as mlscape's YAML.",
        discussion: """
        The YAML keeps the title, axes, quadrants, categories and tools; redirect it
        into a file and edit it like any landscape.

        Example:
          mlscape import chart.mmd > landscape.yaml
        """
    )

    @OptionGroup var input: DataOptions

    func run() throws {
        print(LandscapeYAMLWriter.yaml(try input.load()), terminator: "")
    }
}
