import ArgumentParser
import Foundation
import ScapeModel
import ScapePipeline
import ScapeSketch

/// How figures look and where they go: the options `render` and `diff` share, with one set of
/// meanings, bounds (from `InputBounds`) and messages, and one way of writing the files.
struct FigureOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder to write into; created if missing. Default: output for the built-in set, output/NAME for a data file NAME.yaml (.csv, ...).", valueName: "dir"))
    var out: String?

    @Option(name: [.customShort("o"), .long],
            help: ArgumentHelp("Write the one selected figure to this exact file; the extension picks the format.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Formats, comma-separated: png, svg, pdf, excalidraw, html (one interactive page per figure).", valueName: "list"))
    var format: String = "png,svg"

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("PNG pixels per figure unit; 2 makes the map about 2250 px wide. Default: 2", valueName: "factor"))
    var scale: Double?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("PNG width in pixels for every figure, instead of --scale (not with it).", valueName: "px"))
    var width: Int?

    @Option(name: .long, help: ArgumentHelp("light or dark. Default: the data file's 'theme: { name: ... }', else light.", valueName: "theme"))
    var theme: ThemeOverrides.Variant?

    @Option(name: .long, help: ArgumentHelp("transparent, white, or a colour #rrggbb. Default: the style's (white).", valueName: "colour"))
    var background: String?

    @Option(name: .long, help: ArgumentHelp("sketch (hand-drawn, like the blog) or clean (crisp vector). Default: the data file's 'style:', else sketch.", valueName: "style"))
    var style: FigureStyle?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Seed of the hand-drawn wiggle; the same seed gives the same strokes.", valueName: "n"))
    var seed: UInt64 = SketchStyle.defaultSeed

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("How rough the sketch is: 0 architect, 1 artist, 2 cartoonist (or any number 0 to 4).", valueName: "level"))
    var roughness: String = "1"

    @Option(name: .long, help: ArgumentHelp("Font family for every text, e.g. \"DejaVu Serif\". Default: Comic Neue (sketch), DejaVu Sans Condensed (clean).", valueName: "family"))
    var font: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Figures rendered in parallel; cores they leave idle help draw a figure (one figure alone on two cores: a banded map's band fit, a crowded radar's numbers pass, a large SVG's elements, hand-drawn paths and PNG on both). Default: the number of cores. The output is the same for any value.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Fail (exit 65, nothing written) on any warning about the data, as validate --strict does, and on a label left out for lack of room.")
    var strict = false

    @Flag(name: .long, help: "Leave out the key to the region colours that maps with category regions get.")
    var noKey = false

    @Flag(name: .shortAndLong, help: "Print nothing but warnings and errors.")
    var quiet = false

    func validate() throws {
        if let p = InputBounds.jobs.problem(Double(jobs)) { throw ValidationError(p) }
        if let width, let p = InputBounds.width.problem(Double(width)) { throw ValidationError(p) }
        if let scale, let p = InputBounds.scale.problem(scale) { throw ValidationError(p) }
        if let font, let p = InputBounds.label.problem(font, what: "--font") { throw ValidationError(p) }
        if let width, let scale {
            throw ValidationError("--width \(width) and --scale \(scale) both set the PNG size; give one of them")
        }
        if let background, Background(argument: background) == nil {
            throw ValidationError("--background '\(background)' is not transparent, white or #rrggbb")
        }
        _ = try roughnessLevel()
    }

    func roughnessLevel() throws -> Double {
        switch roughness.lowercased() {
        case "architect": return 0
        case "artist": return 1
        case "cartoonist": return 2
        default:
            guard let v = Double(roughness), InputBounds.roughness.contains(v) else {
                throw ValidationError("--roughness is \(roughness); expected \(InputBounds.roughness.rangeText), or architect, artist, cartoonist")
            }
            return v
        }
    }

    /// True when `folder` is mlscape's own output/ or a data file's folder in it, where the
    /// gallery page belongs; a site's asset folder must not gain an index.html it did not ask for.
    func writesIntoOwnOutput(_ folder: String) -> Bool {
        guard output == nil else { return false }
        let own = URL(fileURLWithPath: "output").standardizedFileURL
        let dir = URL(fileURLWithPath: folder).standardizedFileURL
        return dir.path == own.path || dir.deletingLastPathComponent().path == own.path
    }

    /// The formats to write: -o's extension, else --format.
    func formats(known: [String], figureCount: Int) throws -> [String] {
        if let output {
            guard figureCount == 1 else { throw ValidationError("-o/--output writes one figure; select it with --figure (there are \(figureCount))") }
            let ext = URL(fileURLWithPath: output).pathExtension.lowercased()
            guard known.contains(ext) else {
                throw ValidationError("cannot tell the format of '\(output)'; end it in \(known.map { "." + $0 }.joined(separator: ", "))")
            }
            return [ext]
        }
        var out: [String] = []
        for raw in format.split(separator: ",") {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard known.contains(name) else { throw ValidationError("unknown format '\(name)'; the formats are \(known.joined(separator: ", "))") }
            if !out.contains(name) { out.append(name) }
        }
        guard !out.isEmpty else { throw ValidationError("--format needs at least one of \(known.joined(separator: ", "))") }
        return out
    }

    /// Renders the figures and writes them atomically; refuses to overwrite an input file, leaves
    /// files whose bytes would not change untouched, and adds the gallery page when `gallery`.
    /// `folder` is where files go when -o is not given (`--out`, or the default the caller chose).
    func renderAndWrite(_ figures: [Figure], of landscape: Landscape, inputs: [String], folder: String, gallery: Bool = false) throws {
        let figures = noKey ? figures.map { var f = $0; f.key = false; return f } : figures
        let renderer = FigureRenderer()
        let formats = try formats(known: renderer.formats.names, figureCount: figures.count)
        var settings = RenderSettings(formats: formats, style: style, sketch: SketchStyle(roughness: try roughnessLevel(), seed: seed),
                                      fontFamily: font, background: background.flatMap(Background.init(argument:)), scale: scale ?? 2)
        settings.width = width.map(Double.init)
        settings.variant = theme
        for w in renderer.fontWarnings(for: landscape, settings: settings) { Console.error("warning: \(w)") }
        let started = DispatchTime.now().uptimeNanoseconds
        // Each figure's files are staged (written to hidden temporary names) as soon as they
        // are made, while the others render; they are renamed into place only at the end.
        let output = self.output
        let stager = StagingWriter(inputs: inputs) { name in
            if let output {
                let url = URL(fileURLWithPath: output)
                return (url.deletingLastPathComponent(), url.lastPathComponent)
            }
            return (URL(fileURLWithPath: folder), name)
        }
        // A progress line on a terminal when there are many figures; nothing in pipes and logs.
        let showProgress = !quiet && figures.count > 3 && isatty(STDERR_FILENO) == 1
        let rendered: FigureSetRenderer.Output
        do {
            rendered = try FigureSetRenderer(jobs: jobs).render(figures, of: landscape, settings: settings, progress: { done, total, id in
                if showProgress { Console.progress("[\(done)/\(total)] \(id)") }
            }, finished: { stager.submit($0) })
            if showProgress { Console.progress(nil) }
        } catch {
            stager.discard()
            Console.error("error: \(error); nothing was written")
            throw ExitCode.failure
        }
        // Under --strict only the names left out are errors; the rest (how the figure grew)
        // stays what it is.
        let severity = strict && rendered.omittedLabels > 0 ? "error" : "warning"
        // Each warning about a tool points at its line in the data file (a diff's new edition).
        let names = ToolLocations.names(in: landscape)
        // Indexed: only the names the messages below can quote (100,000 tools left out quote
        // a few dozen), so locating them reads the file once for those.
        let quoted = rendered.warnings.flatMap(ToolLocations.quoted(in:)) + rendered.omitted.prefix(ToolLocations.shownLimit).map(\.1)
        let locations = ToolLocations(path: inputs.last, names: names.intersection(quoted))
        // Written at once: a 1,000-blip radar has some 1,500 warnings, a write each before.
        var lines: [String] = []
        for w in rendered.warnings {
            let place = locations.location(inMessage: w, names: names).map { "\(inputs.last!):\($0.line):\($0.column): " } ?? ""
            lines.append("\(place)warning: \(w)")
        }
        // Each name left out, located, as `validate --layout` does.
        for (figure, name) in rendered.omitted.prefix(ToolLocations.shownLimit) {
            let place = locations.location(of: name).map { ":\($0.line):\($0.column)" } ?? ""
            lines.append("\(inputs.last ?? "built-in data")\(place): \(severity): \(figure): '\(name)' was left out for lack of room")
        }
        if rendered.omitted.count > ToolLocations.shownLimit {
            lines.append("\(severity): and \(rendered.omitted.count - ToolLocations.shownLimit) more left out")
        }
        Console.error(lines)
        if strict && rendered.omittedLabels > 0 {
            stager.discard()
            Console.error("--strict: \(rendered.omittedLabels) label\(rendered.omittedLabels == 1 ? "" : "s") left out; nothing was written")
            throw ExitStatus.dataError
        }
        var files = rendered.files
        if output == nil, gallery {
            // The page lists what the folder will hold: these figures, and the images earlier
            // runs left there (the rest of the set after a --figure run, an ad-hoc figure).
            let written = Set(files.map(\.fileName))
            let others = GalleryPage.imagesIn(URL(fileURLWithPath: folder)).filter { !written.contains($0) }
            let page = GalleryPage.html(title: landscape.title, figures: figures, formats: formats, landscape: landscape, files: files, otherImages: others)
            let file = RenderedFile(fileName: "index.html", bytes: Array(page.utf8))
            stager.submit([file])
            files.append(file)
        }
        try commit(files, staged: stager, folder: folder, seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    /// Puts the staged files in place once every one is written, or removes them all.
    private func commit(_ files: [RenderedFile], staged stager: StagingWriter, folder: String, seconds: Double) throws {
        let outcome = stager.finish()
        if let input = outcome.refusedInput {
            stager.discard()
            Console.error("error: refusing to overwrite the input file \(input.relativePath); nothing was written")
            throw ExitStatus.cannotCreate
        }
        do {
            if let failure = outcome.failure { throw failure }
            try stager.commit()
        } catch {
            stager.discard()
            Console.error("error: \(error); nothing was written")
            throw ExitStatus.cannotCreate
        }
        guard !quiet else { return }
        for file in files {
            let verb = outcome.unchanged.contains(file.fileName) ? "unchanged" : "wrote"
            // -o's file as the user wrote it (`changes.png`, not `./changes.png`).
            let shown = output ?? URL(fileURLWithPath: folder).appendingPathComponent(file.fileName).relativePath
            print("\(verb) \(shown) (\(Self.size(file.bytes.count)), \(Int(file.milliseconds.rounded())) ms)")
        }
        let changed = files.filter { !outcome.unchanged.contains($0.fileName) }.count
        let total = files.reduce(0) { $0 + $1.bytes.count }
        print("\(files.count) file\(files.count == 1 ? "" : "s"), \(changed) changed, \(Self.size(total)), in \(String(format: "%.2f", seconds)) s")
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1024 * 1024 ? String(format: "%.1f KB", Double(bytes) / 1024) : String(format: "%.1f MB", Double(bytes) / 1024 / 1024)
    }
}
