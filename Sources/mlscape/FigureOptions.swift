import ArgumentParser
import Foundation
import ScapeModel
import ScapePipeline
import ScapeSketch

/// How figures look and where they go, for commands that draw figures of their own making
/// (`mlscape diff`): the same options, meanings and checks as `mlscape render`.
struct FigureOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder to write into; created if missing.", valueName: "dir"))
    var out: String = "output"

    @Option(name: [.customShort("o"), .long],
            help: ArgumentHelp("Write the one figure to this exact file; the extension picks the format.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Formats, comma-separated: png, svg, pdf, excalidraw, html (one interactive page per figure).", valueName: "list"))
    var format: String = "png,svg"

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("PNG pixels per figure unit; 2 makes the map about 2250 px wide.", valueName: "factor"))
    var scale: Double = 2

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("PNG width in pixels, instead of --scale.", valueName: "px"))
    var width: Int?

    @Option(name: .long, help: ArgumentHelp("light or dark. Default: the data file's, else light.", valueName: "theme"))
    var theme: ThemeOverrides.Variant?

    @Option(name: .long, help: ArgumentHelp("transparent, white, or a colour #rrggbb. Default: the style's (white).", valueName: "colour"))
    var background: String?

    @Option(name: .long, help: ArgumentHelp("sketch (hand-drawn) or clean (crisp vector). Default: the data file's 'style:', else sketch.", valueName: "style"))
    var style: FigureStyle?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Seed of the hand-drawn wiggle; the same seed gives the same strokes.", valueName: "n"))
    var seed: UInt64 = SketchStyle.defaultSeed

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("How rough the sketch is: 0 architect, 1 artist, 2 cartoonist (or any number 0 to 4).", valueName: "level"))
    var roughness: String = "1"

    @Option(name: .long, help: ArgumentHelp("Font family for every text. Default: Comic Neue (sketch), DejaVu Sans (clean).", valueName: "family"))
    var font: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Figures rendered in parallel. Default: the number of cores.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Treat a label left out for lack of room as an error (exit 65, nothing written).")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print nothing but warnings and errors.")
    var quiet = false

    func validate() throws {
        // The same bounds as `render`, from the one table.
        if let p = InputBounds.jobs.problem(Double(jobs)) { throw ValidationError(p) }
        if let width, let p = InputBounds.width.problem(Double(width)) { throw ValidationError(p) }
        if let p = InputBounds.scale.problem(scale) { throw ValidationError(p) }
        if let font, let p = InputBounds.label.problem(font, what: "--font") { throw ValidationError(p) }
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

    /// Renders the figures and writes them atomically, refusing to overwrite an input file.
    func renderAndWrite(_ figures: [Figure], of landscape: Landscape, inputs: [String]) throws {
        let renderer = FigureRenderer()
        var settings = RenderSettings(formats: try formats(known: renderer.formats.names, figureCount: figures.count), style: style,
                                      sketch: SketchStyle(roughness: try roughnessLevel(), seed: seed), fontFamily: font,
                                      background: background.flatMap(Background.init(argument:)), scale: scale)
        settings.width = width.map(Double.init)
        settings.variant = theme
        for w in renderer.fontWarnings(for: landscape, settings: settings) { Console.error("warning: \(w)") }
        let started = DispatchTime.now().uptimeNanoseconds
        let rendered: FigureSetRenderer.Output
        do {
            rendered = try FigureSetRenderer(jobs: jobs).render(figures, of: landscape, settings: settings)
        } catch {
            Console.error("error: \(error); nothing was written")
            throw ExitCode.failure
        }
        let severity = strict && rendered.omittedLabels > 0 ? "error" : "warning"
        for w in rendered.warnings { Console.error("\(severity): \(w)") }
        if strict && rendered.omittedLabels > 0 {
            Console.error("--strict: \(rendered.omittedLabels) label\(rendered.omittedLabels == 1 ? "" : "s") left out; nothing was written")
            throw ExitStatus.dataError
        }
        let targets: [(dir: URL, name: String, bytes: [UInt8], ms: Double)] = rendered.files.map { f in
            if let output {
                let url = URL(fileURLWithPath: output)
                return (url.deletingLastPathComponent(), url.lastPathComponent, f.bytes, f.milliseconds)
            }
            return (URL(fileURLWithPath: out), f.fileName, f.bytes, f.milliseconds)
        }
        let sources = Set(inputs.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path })
        for t in targets where sources.contains(t.dir.appendingPathComponent(t.name).standardizedFileURL.resolvingSymlinksInPath().path) {
            Console.error("error: refusing to overwrite the input file \(t.dir.appendingPathComponent(t.name).relativePath); nothing was written")
            throw ExitStatus.cannotCreate
        }
        do {
            for (dir, batch) in Dictionary(grouping: targets, by: { $0.dir.path }).sorted(by: { $0.key < $1.key }) {
                try AtomicFileWriter.write(batch.map { ($0.name, $0.bytes) }, into: URL(fileURLWithPath: dir))
            }
        } catch {
            Console.error("error: \(error); nothing was written")
            throw ExitStatus.cannotCreate
        }
        guard !quiet else { return }
        for t in targets { print("wrote \(t.dir.appendingPathComponent(t.name).relativePath) (\(Render.size(t.bytes.count)), \(Int(t.ms.rounded())) ms)") }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        print("\(targets.count) file\(targets.count == 1 ? "" : "s"), \(Render.size(targets.reduce(0) { $0 + $1.bytes.count })), in \(String(format: "%.2f", seconds)) s")
    }
}
