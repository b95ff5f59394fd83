import ArgumentParser
import Foundation
import ScapeInterop
import ScapeModel

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Print a data file (Mermaid quadrantChart, CSV, YAML, JSON) as mlscape's YAML, or bring an edited Excalidraw scene back onto its data file.",
        discussion: """
        The YAML keeps the title, axes, quadrants, categories and tools; redirect it
        into a file and edit it like any landscape. A radar (Thoughtworks or Zalando)
        is printed as a Thoughtworks radar CSV: name, ring, quadrant, status,
        description, link, one blip a line.

        With --onto, DATA is an Excalidraw scene exported by mlscape and edited by
        hand: the data file (YAML, JSON, CSV or a Mermaid chart) is printed with new
        x and y for the tools whose markers were dragged, and nothing else changed
        (comments, order and every other number stay byte for byte). The moved tools
        are listed on standard error, and so are the tools deleted in the scene;
        --remove-missing also removes those from the data.

        Examples:
          mlscape import chart.mmd > landscape.yaml
          mlscape render data.yaml --figure map --format excalidraw -o map.excalidraw
          mlscape import map.excalidraw --onto data.yaml > moved.yaml
        """
    )

    @OptionGroup var input: DataOptions

    @Option(name: .long, help: ArgumentHelp("The data file an edited Excalidraw scene (DATA) was rendered from; it is printed with the dragged tools' new positions.", valueName: "data.yaml"))
    var onto: String?

    @Flag(name: .long, help: "With --onto: also remove from the data the tools whose markers were deleted in the scene (else they are listed).")
    var removeMissing = false

    func run() throws {
        if let onto { return try roundTrip(onto: onto) }
        if input.data?.lowercased().hasSuffix(".excalidraw") == true {
            throw ValidationError("an Excalidraw scene is brought back with --onto: mlscape import \(input.data!) --onto data.yaml")
        }
        let landscape = try input.load()
        // mlscape's YAML has no blips: a radar stays a radar, as a Thoughtworks radar CSV.
        if let radar = RadarListing.radar(of: landscape) { return print(RadarCSVWriter.csv(radar), terminator: "") }
        print(LandscapeYAMLWriter.yaml(landscape), terminator: "")
    }

    func roundTrip(onto: String) throws {
        guard let sceneFile = input.data else { throw ValidationError("--onto needs the edited Excalidraw scene: mlscape import edited.excalidraw --onto \(onto)") }
        guard let scene = FileManager.default.contents(atPath: sceneFile) else {
            Console.error("error: cannot read \(sceneFile)")
            throw ExitStatus.noInput
        }
        guard let data = FileManager.default.contents(atPath: onto), let text = String(data: data, encoding: .utf8) else {
            Console.error("error: cannot read \(onto) as UTF-8 text")
            throw ExitStatus.noInput
        }
        let result = ExcalidrawRoundTrip.patch(scene: scene, sceneFile: sceneFile, data: text, dataFile: onto, removeDeleted: removeMissing)
        Console.report(result.diagnostics)
        guard let patched = result.text else { throw ExitStatus.dataError }
        print(patched, terminator: "")
        if result.moves.isEmpty { Console.error("no tool was moved") }
        for d in result.deleted {
            Console.error(removeMissing ? "removed \(d.name) (\(d.id)): deleted in the scene" : "deleted in the scene: \(d.name) (\(d.id)); still in the data (--remove-missing removes it)")
        }
        for m in result.moves {
            Console.error("moved \(m.name) (\(m.id)): x \(m.from.x) -> \(m.to.x), y \(m.from.y) -> \(m.to.y)")
        }
    }
}
