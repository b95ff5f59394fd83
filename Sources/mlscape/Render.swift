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
        abstract: "Render figures of a landscape to PNG, SVG or PDF (the default command).",
        discussion: """
        Renders every figure the data file lists (or those named with --figure)
        into --out, one file per figure and format: FIGURE-ID.FORMAT. Files are
        written only once every figure has rendered, each replaced whole.
        Rendering the whole set into a folder also writes index.html there, a
        gallery of every figure that opens from disk.

        Examples:
          mlscape render
              the built-in figure set into output/
          mlscape render my-stack.yaml --out figures --format png,pdf
          mlscape render --figure ml-landscape-all --scale 4 --background none
          mlscape render --figure ml-landscape-all -o map.pdf
              one figure; the extension picks the format
          mlscape render --category ml-task-orchestrators --title Orchestrators
          mlscape render --quadrant ml-platforms --ring assess
              a zoom on one quadrant's assess-ring tools
          mlscape render --highlight Airflow,Kubeflow --name our-stack
          mlscape render chart.mmd --format excalidraw
              a Mermaid quadrantChart, to finish by hand in Excalidraw
        """
    )

    @OptionGroup var input: DataOptions

    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Render only this figure (repeatable, or comma-separated). Default: every figure.", valueName: "id"))
    var figure: [String] = []

    @Option(name: .long, help: ArgumentHelp("The folder to write into; created if missing.", valueName: "dir"))
    var out: String = "output"

    @Option(name: [.customShort("o"), .long],
            help: ArgumentHelp("Write the one selected figure to this exact file; the extension picks the format.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Formats, comma-separated: png, svg, pdf, excalidraw.", valueName: "list"))
    var format: String = "png,svg"

    @Option(name: .long, help: ArgumentHelp("PNG pixels per figure unit; 2 makes the map about 2250 px wide.", valueName: "factor"))
    var scale: Double = 2

    @Option(name: .long, help: ArgumentHelp("PNG width in pixels for every figure, instead of --scale.", valueName: "px"))
    var width: Int?

    @Option(name: .long, help: ArgumentHelp("light or dark. Default: the data file's 'theme: { name: ... }', else light.", valueName: "theme"))
    var theme: ThemeOverrides.Variant?

    @Option(name: .long, help: ArgumentHelp("transparent, white, or a colour #rrggbb. Default: the style's (white).", valueName: "colour"))
    var background: String?

    @Option(name: .long, help: ArgumentHelp("sketch (hand-drawn, like the blog) or clean (crisp vector). Default: the data file's 'style:', else sketch.", valueName: "style"))
    var style: FigureStyle?

    @Option(name: .long, help: ArgumentHelp("Seed of the hand-drawn wiggle; the same seed gives the same strokes.", valueName: "n"))
    var seed: UInt64 = SketchStyle.defaultSeed

    @Option(name: .long, help: ArgumentHelp("How rough the sketch is: 0 architect, 1 artist, 2 cartoonist (or any number 0 to 4).", valueName: "level"))
    var roughness: String = "1"

    @Option(name: .long, help: ArgumentHelp("Font family for every text, e.g. \"DejaVu Serif\". Default: Comic Neue (sketch), DejaVu Sans (clean).", valueName: "family"))
    var font: String?

    @Option(name: .long, help: ArgumentHelp("Figures rendered in parallel. Default: the number of cores. The output is the same for any value.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Treat a label left out for lack of room as an error (exit 65, nothing written).")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Radar blips: names beside them, numbers with a legend, or auto (names, and numbers for a crowded quadrant). Default: the figure's 'blip-labels:', else auto.", valueName: "mode"))
    var blipLabels: BlipLabels?

    @Flag(name: .shortAndLong, help: "Print nothing but warnings and errors.")
    var quiet = false

    @OptionGroup(title: "Ad-hoc figure (instead of the data file's figures)")
    var subset: SubsetOptions

    func validate() throws {
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be 1 to 256, got \(jobs)") }
        if let width, !(16...30000).contains(width) { throw ValidationError("--width must be 16 to 30000 pixels, got \(width)") }
        guard scale.isFinite, scale > 0, scale <= 20 else {
            throw ValidationError("--scale must be a number above 0 and at most 20, got \(scale)")
        }
        if let background, Background(argument: background) == nil {
            throw ValidationError("--background '\(background)' is not transparent, white or #rrggbb")
        }
        _ = try roughnessLevel()
    }

    private func roughnessLevel() throws -> Double {
        switch roughness.lowercased() {
        case "architect": return 0
        case "artist": return 1
        case "cartoonist": return 2
        default:
            guard let v = Double(roughness), v.isFinite, v >= 0, v <= 4 else {
                throw ValidationError("--roughness must be 0 to 4, or architect, artist, cartoonist; got '\(roughness)'")
            }
            return v
        }
    }

    func run() throws {
        let landscape = try input.load()
        if subset.isRequested && !figure.isEmpty {
            throw ValidationError("--figure picks figures of the data file; the subset options (--only, --category, --quadrant, --ring, --highlight, --title) build a new one: use one or the other")
        }
        var figures = subset.isRequested ? [try subset.figure(in: landscape)] : try selectedFigures(of: landscape)
        if let blipLabels {
            for k in figures.indices where figures[k].kind == .radar { figures[k].blipLabels = blipLabels }
        }
        let formats: [String]
        let renderer = FigureRenderer()
        if let output {
            guard figures.count == 1 else {
                throw ValidationError("-o/--output writes one figure; select it with --figure (there are \(figures.count))")
            }
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            guard renderer.formats.writer(for: ext) != nil else {
                throw ValidationError("cannot tell the format of '\(output)'; end it in \(renderer.formats.names.map { "." + $0 }.joined(separator: ", "))")
            }
            formats = [ext]
        } else {
            formats = try parseFormats(renderer.formats.names)
        }
        var settings = RenderSettings(formats: formats, style: style, sketch: SketchStyle(roughness: try roughnessLevel(), seed: seed),
                                      fontFamily: font, background: background.flatMap(Background.init(argument:)), scale: scale)
        settings.width = width.map(Double.init)
        settings.variant = theme
        for w in renderer.fontWarnings(for: landscape, settings: settings) { Console.error("warning: \(w)") }
        let output: FigureSetRenderer.Output
        let started = DispatchTime.now().uptimeNanoseconds
        // A progress line on a terminal when there are many figures; nothing in pipes and logs.
        let showProgress = !quiet && figures.count > 3 && isatty(STDERR_FILENO) == 1
        do {
            output = try FigureSetRenderer(jobs: jobs).render(figures, of: landscape, settings: settings) { done, total, id in
                if showProgress { Console.progress("[\(done)/\(total)] \(id)") }
            }
            if showProgress { Console.progress(nil) }
        } catch {
            Console.error("error: \(error); nothing was written")
            throw ExitCode.failure
        }
        let severity = strict && output.omittedLabels > 0 ? "error" : "warning"
        for w in output.warnings { Console.error("\(severity): \(w)") }
        if strict && output.omittedLabels > 0 {
            Console.error("--strict: \(output.omittedLabels) label\(output.omittedLabels == 1 ? "" : "s") left out; nothing was written")
            throw ExitStatus.dataError
        }
        var files = output.files
        if self.output == nil, figure.isEmpty, !subset.isRequested {
            let page = GalleryPage.html(title: landscape.title, figures: figures, formats: formats)
            files.append(RenderedFile(fileName: "index.html", bytes: Array(page.utf8)))
        }
        try write(files, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    private func selectedFigures(of landscape: Landscape) throws -> [Figure] {
        let all = landscape.effectiveFigures
        let wanted = figure.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
        guard !wanted.isEmpty else { return all }
        var chosen: [Figure] = []
        for id in wanted {
            guard let f = all.first(where: { $0.id == id }) else {
                let close = Suggestions.closest(to: id, in: all.map(\.id), limit: 3)
                let hint = close.isEmpty ? "the figures are \(all.map(\.id).joined(separator: ", "))" : "did you mean \(close.joined(separator: ", "))?"
                throw ValidationError("no figure '\(id)'; \(hint)")
            }
            if !chosen.contains(f) { chosen.append(f) }
        }
        return chosen
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1024 * 1024 ? String(format: "%.1f KB", Double(bytes) / 1024) : String(format: "%.1f MB", Double(bytes) / 1024 / 1024)
    }

    private func parseFormats(_ known: [String]) throws -> [String] {
        var out: [String] = []
        for raw in format.split(separator: ",") {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard known.contains(name) else {
                throw ValidationError("unknown format '\(name)'; the formats are \(known.joined(separator: ", "))")
            }
            if !out.contains(name) { out.append(name) }
        }
        guard !out.isEmpty else { throw ValidationError("--format needs at least one of \(known.joined(separator: ", "))") }
        return out
    }

    private func write(_ files: [RenderedFile], seconds: Double) throws {
        let targets: [(dir: URL, name: String, bytes: [UInt8], ms: Double)]
        if let output {
            let url = URL(fileURLWithPath: output)
            targets = files.map { (url.deletingLastPathComponent(), url.lastPathComponent, $0.bytes, $0.milliseconds) }
        } else {
            let dir = URL(fileURLWithPath: out)
            targets = files.map { (dir, $0.fileName, $0.bytes, $0.milliseconds) }
        }
        if let data = input.data {
            let source = URL(fileURLWithPath: data).standardizedFileURL.resolvingSymlinksInPath().path
            for t in targets where t.dir.appendingPathComponent(t.name).standardizedFileURL.resolvingSymlinksInPath().path == source {
                Console.error("error: refusing to overwrite the input file \(data); nothing was written")
                throw ExitStatus.cannotCreate
            }
        }
        let groups = Dictionary(grouping: targets, by: { $0.dir.path })
        do {
            for dir in groups.keys.sorted() {
                let batch = groups[dir]!
                try AtomicFileWriter.write(batch.map { ($0.name, $0.bytes) }, into: URL(fileURLWithPath: dir))
            }
        } catch {
            Console.error("error: \(error); nothing was written")
            throw ExitStatus.cannotCreate
        }
        if !quiet {
            for t in targets {
                print("wrote \(t.dir.appendingPathComponent(t.name).relativePath) (\(Self.size(t.bytes.count)), \(Int(t.ms.rounded())) ms)")
            }
            let total = targets.reduce(0) { $0 + $1.bytes.count }
            print("\(targets.count) file\(targets.count == 1 ? "" : "s"), \(Self.size(total)), in \(String(format: "%.2f", seconds)) s")
        }
    }
}
