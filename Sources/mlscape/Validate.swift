import ArgumentParser
import ScapeModel
import ScapePipeline

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a data file and print every problem with its line and column.",
        discussion: """
        Prints nothing but a summary when the file is fine. Exit status 65 when there is an error;
        warnings (a tool outside its category's quadrant, an unknown key such as a misspelled
        'catgories:') do not fail, unless --strict.

        With --layout, also lays every figure out (nothing is drawn or written) and reports
        each tool a reader could not identify: its name neither next to its own marker nor
        joined to it by a clear leader nor numbered in a legend (see "Every tool
        identifiable" in the README). Exit status 65 when any is found.

        Examples:
          mlscape validate my-stack.yaml
          mlscape validate --strict my-stack.yaml     in CI: any warning fails
          mlscape validate --layout my-stack.yaml
          mlscape validate --layout --style clean my-stack.yaml
        """
    )

    @OptionGroup var input: DataOptions

    @Flag(name: .long, help: "Fail (exit 65) on any warning about the data, such as an unknown key.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("With --layout: the style to lay out, sketch or clean (their fonts differ in size and width). Default: the data file's 'style:', else sketch.", valueName: "style"))
    var style: FigureStyle?

    @Flag(help: "Lay the figures out and report every tool a reader could not identify.")
    var layout = false

    func run() throws {
        var input = self.input
        input.useLocalDataFile(doing: "checking", verb: "check")
        let landscape = try input.load(strict: strict)
        let counts: String
        if let radar = RadarListing.radar(of: landscape) {
            counts = "\(Self.count(radar.blips.count, "blip")), \(Self.count(radar.rings.count, "ring")), \(Self.count(radar.sectors.count, "quadrant"))"
        } else {
            counts = "\(Self.count(landscape.tools.count, "tool")), \(Self.count(landscape.categories.count, "category", "categories")), \(Self.count(landscape.quadrants.count, "quadrant")), \(Self.count(landscape.effectiveFigures.count, "figure"))"
        }
        guard layout else {
            print("ok: \(counts)")
            return
        }
        let renderer = FigureRenderer()
        let names = ToolLocations.names(in: landscape)
        let locations = ToolLocations(path: input.data, names: names)
        var failures = 0
        for figure in landscape.effectiveFigures {
            let laid = renderer.layout(figure, of: landscape, settings: RenderSettings(formats: ["svg"], style: style))
            let audit = LabelAudit(scene: laid.scene)
            guard !audit.verdicts.isEmpty else { continue }
            let c = audit.counts
            let summary = LabelAudit.Verdict.allCases.compactMap { v in c[v].map { "\(v.rawValue)=\($0)" } }.joined(separator: " ")
            print("\(figure.id): \(summary) overlaps=\(audit.overlaps) covered=\(audit.coveredLabels)")
            for w in laid.warnings {
                let place = locations.location(inMessage: w, names: names).map { "\(input.data ?? ""):\($0.line):\($0.column): " } ?? ""
                Console.error("\(place)warning: \(figure.id): \(w)")
            }
            let shownLimit = ToolLocations.shownLimit
            if audit.failures.count > shownLimit {
                Console.error("\(input.data ?? "built-in data"): \(figure.id): \(audit.failures.count) tools are not identifiable; the first \(shownLimit):")
            }
            for f in audit.failures.prefix(shownLimit) {
                let parts = f.split(separator: " ")
                let id = parts[0].split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
                let name = landscape.tools.first { $0.id == id }?.name ?? landscape.figures.lazy.compactMap { $0.radar }.flatMap(\.blips).first { Tool.makeID(name: $0.name, subtitle: nil) == id }?.name ?? id
                let place = locations.location(of: name).map { ":\($0.line):\($0.column)" } ?? ""
                Console.error("\(input.data ?? "built-in data")\(place): error: \(figure.id): '\(name)' is not identifiable (\(Self.explain(String(parts.last ?? ""))))")
            }
            failures += audit.failures.count + audit.overlaps + audit.coveredLabels
        }
        // "ok" only when the layout is fine too: a run that exits 65 does not say ok.
        guard failures == 0 else {
            print("not ok: \(counts); \(Self.count(failures, "layout problem")) (above)")
            throw ExitStatus.dataError
        }
        print("ok: \(counts)")
    }

    /// "1 figure", "2 figures".
    static func count(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) \(n == 1 ? one : many ?? one + "s")"
    }

    static func explain(_ verdict: String) -> String {
        switch verdict {
        case "ambiguous": return "ambiguous: its name is nearer another tool's marker"
        case "far": return "far: its name is too far from its marker, with no leader"
        case "crossed": return "crossed: its leader crosses another name, marker or leader"
        case "omitted": return "omitted: no room for its name or a number"
        default: return verdict
        }
    }
}
