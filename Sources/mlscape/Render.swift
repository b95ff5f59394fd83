import ArgumentParser
import Foundation
import ScapeModel
import ScapePipeline
import ScapeSketch

extension FigureStyle: ExpressibleByArgument {}
extension ThemeOverrides.Variant: ExpressibleByArgument {}
extension BlipLabels: ExpressibleByArgument {}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render figures of a landscape to PNG, SVG, PDF or Excalidraw (the default command).",
        discussion: """
        Renders every figure the data file lists (or those named with --figure)
        into --out, one file per figure and format: FILE.FORMAT, where FILE is
        the figure's 'file:' or else its id. Files are written only once every
        figure has rendered, each replaced whole; a file whose bytes would not
        change is left untouched (its mtime too). Without --out, the built-in
        set goes into output/ and a data file NAME.yaml into output/NAME/ (its
        implicit map and ad-hoc figures named after it), each with index.html,
        a gallery of every image in the folder that opens from disk; elsewhere
        only with --gallery. Names (--figure, --only, --category, --quadrant,
        --ring, --highlight) are ids or display names, in any case.

        Examples:
          mlscape render
              the built-in figure set into output/
          mlscape render my-stack.yaml
              its figures into output/my-stack/
          mlscape render my-stack.yaml --out figures --format png,pdf
          mlscape render --figure ml-landscape-all --scale 4 --background transparent
          mlscape render --figure ml-landscape-all -o map.pdf
              one figure; the extension picks the format
          mlscape render --category ml-task-orchestrators --title Orchestrators
          mlscape render --quadrant ml-platforms --ring assess
              a zoom on one quadrant's assess-ring tools
          mlscape render --quadrant "Machine Learning Platforms" --highlight "ML Task Orchestrators"
          mlscape render --highlight Airflow,Kubeflow --name our-stack
          mlscape render chart.mmd --format excalidraw
              a Mermaid quadrantChart, to finish by hand in Excalidraw
          mlscape render --out ../site/assets/images/navigating-the-mlops-landscape --format png
              the blog's 19 images under the posts' own names, nothing else
        """
    )

    @OptionGroup var input: DataOptions

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Render only this figure (repeatable, or comma-separated). Default: every figure.", valueName: "id"))
    var figure: [String] = []

    @Flag(name: .long, help: "Also write index.html, the gallery page, into a folder other than output/.")
    var gallery = false

    @Option(name: .long, help: ArgumentHelp("Radar blips: names beside them, numbers with a legend, or auto (names, and numbers for a crowded quadrant). Default: the figure's 'blip-labels:', else auto.", valueName: "mode"))
    var blipLabels: BlipLabels?

    @Option(name: .long, help: ArgumentHelp("Maps, zooms and radars: the width in pixels the figure is read at (a blog's column). Names keep 11 px there; a narrower column gets larger type. Default: the figure's 'fit:', else 1200.", valueName: "px"))
    var fit: Double?

    @OptionGroup var options: FigureOptions

    @OptionGroup(title: "Ad-hoc figure (instead of the data file's figures)")
    var subset: SubsetOptions

    func run() throws {
        var input = self.input
        // Plain `mlscape` where the user keeps a landscape.yaml draws theirs, not the built-in set.
        if input.data == nil, let found = OutputFolder.localDataFile() {
            // Where the files go: -o's file, --out's folder, else the file's own folder in output/.
            let destination = options.output ?? (options.out ?? OutputFolder.defaultFolder(for: found)) + "/"
            input.useLocalDataFile(doing: "drawing", verb: "draw", destination: " into \(destination)", quiet: options.quiet)
        }
        // --strict means what it means for `validate --strict`: a warning about the data fails
        // too, before anything is drawn or written.
        var landscape = try input.load(strict: options.strict, quiet: options.quiet)
        if subset.isRequested && !figure.isEmpty {
            throw ValidationError("--figure picks figures of the data file; the subset options (--only, --category, --quadrant, --ring, --highlight, --title) build a new one: use one or the other")
        }
        var prefix = "custom"
        if let data = input.data {
            // Generic names (the implicit map, an ad-hoc figure) take the data file's name.
            let stem = OutputFolder.stem(of: data)
            prefix = stem
            // The one implicit map (none listed, or the single `landscape` a chart's reader makes).
            let implicit = landscape.figures.isEmpty || landscape.figures.count == 1 && landscape.figures[0].id == "landscape" && landscape.figures[0].file == nil
            if implicit { landscape.figures = landscape.effectiveFigures.map { var f = $0; f.file = f.file ?? stem; return f } }
        }
        var figures = subset.isRequested ? [try subset.figure(in: landscape, prefix: prefix)] : try selectedFigures(of: landscape)
        if let fit {
            if let problem = InputBounds.fit.problem(fit, what: "--fit") { throw ValidationError(problem) }
            for k in figures.indices where FigureKind.readAtAPublishWidth.contains(figures[k].kind) { figures[k].fit = fit }
        }
        if let blipLabels {
            for k in figures.indices where figures[k].kind == .radar { figures[k].blipLabels = blipLabels }
        }
        let folder = options.out ?? OutputFolder.defaultFolder(for: input.data)
        try options.renderAndWrite(figures, of: landscape, inputs: input.data.map { [$0] } ?? [], folder: folder,
                                   gallery: gallery || options.writesIntoOwnOutput(folder))
        if options.out == nil, options.output == nil, let data = input.data { OutputFolder.claim(folder, for: data) }
    }

    private func selectedFigures(of landscape: Landscape) throws -> [Figure] {
        let all = landscape.effectiveFigures
        let wanted = figure.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        guard !wanted.isEmpty else { return all }
        let names = NameResolver.figures(all)
        var chosen: [Figure] = []
        for id in wanted {
            guard let f = names.entry(id).flatMap({ e in all.first { $0.id == e.id } }) else {
                let close = Suggestions.closest(to: id, in: all.map(\.id), limit: 3)
                let hint = close.isEmpty ? "the figures are \(all.map(\.id).joined(separator: ", "))" : "did you mean \(close.joined(separator: ", "))?"
                throw ValidationError("no figure '\(id)'; \(hint)")
            }
            if !chosen.contains(f) { chosen.append(f) }
        }
        return chosen
    }
}
