import ArgumentParser
import ScapeModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a data file and print every problem with its line and column.",
        discussion: """
        Prints nothing but a summary when the file is fine. Exit status 65 when there is an error;
        warnings (a tool outside its category's quadrant, an unknown key such as a misspelled
        'catgories:') do not fail, unless --strict.

        Examples:
          mlscape validate my-stack.yaml
          mlscape validate --strict my-stack.yaml     in CI: any warning fails
        """
    )

    @OptionGroup var input: DataOptions

    @Flag(name: .long, help: "Fail (exit 65) on any warning about the data, such as an unknown key.")
    var strict = false

    func run() throws {
        let landscape = try input.load(strict: strict)
        if let radar = RadarListing.radar(of: landscape) {
            print("ok: \(radar.blips.count) blips, \(radar.rings.count) rings, \(radar.sectors.count) quadrants")
            return
        }
        print("ok: \(landscape.tools.count) tools, \(landscape.categories.count) categories, \(landscape.quadrants.count) quadrants, \(landscape.effectiveFigures.count) figures")
    }
}
