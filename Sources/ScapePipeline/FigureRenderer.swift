import CCairo
import Foundation
import ScapeLayout
import ScapeInterop
import ScapeGeometry
import ScapeModel
import ScapeRender
import ScapeScene
import ScapeSketch

/// One output file, rendered in memory and not yet written.
public struct RenderedFile: Sendable {
    public var fileName: String
    public var bytes: [UInt8]
    /// How long this file took to make (its figure's layout included in the first format's).
    public var milliseconds: Double

    public init(fileName: String, bytes: [UInt8], milliseconds: Double = 0) {
        self.fileName = fileName
        self.bytes = bytes
        self.milliseconds = milliseconds
    }
}

/// How figures are drawn: the style, background, scale and formats.
public struct RenderSettings: Sendable {
    public var formats: [String]
    /// Nil: the data file's style, else sketch.
    public var style: FigureStyle?
    /// Roughness and seed of the sketch pen.
    public var sketch: SketchStyle
    /// Replaces the style's font family when set.
    public var fontFamily: String?
    public var background: Background?
    public var scale: Double
    /// PNG width in pixels; when set, each figure's scale is chosen to give it.
    public var width: Double?
    /// Light or dark, over the data's choice.
    public var variant: ThemeOverrides.Variant?
    public var creationDate: String
    /// Threads one figure may use: `FigureSetRenderer` gives each figure the cores its
    /// workers leave idle (one figure alone on two cores: two). The bytes do not depend on it.
    public var threadsPerFigure = 1

    public init(formats: [String] = ["png", "svg"], style: FigureStyle? = nil, sketch: SketchStyle = SketchStyle(),
                fontFamily: String? = nil, background: Background? = nil, scale: Double = 2,
                creationDate: String = RenderSettings.creationDate(from: ProcessInfo.processInfo.environment)) {
        self.formats = formats
        self.style = style
        self.sketch = sketch
        self.fontFamily = fontFamily
        self.background = background
        self.scale = scale
        self.creationDate = creationDate
    }

    /// SOURCE_DATE_EPOCH when set (reproducible-builds convention), else a fixed date.
    public static func creationDate(from environment: [String: String]) -> String {
        guard let raw = environment["SOURCE_DATE_EPOCH"], let seconds = Int(raw) else { return RenderOptions.defaultCreationDate }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The style in force for a landscape: the command line's, the data's, or sketch.
    public func effectiveStyle(for landscape: Landscape) -> FigureStyle {
        style ?? landscape.style ?? .sketch
    }

    /// The theme the layout uses: the style's, dark when asked, then the data's overrides and
    /// the command line's font.
    public func theme(for landscape: Landscape) -> Theme {
        theme(for: landscape, in: effectiveStyle(for: landscape))
    }

    /// Both styles' themes, each with the same overrides: maps are laid out once for both.
    public func twins(for landscape: Landscape) -> StyleTwins {
        StyleTwins(sketch: theme(for: landscape, in: .sketch), clean: theme(for: landscape, in: .clean),
                   drawsClean: effectiveStyle(for: landscape) == .clean)
    }

    /// The theme of `style` with the dark variant and the data's and command line's overrides.
    func theme(for landscape: Landscape, in style: FigureStyle) -> Theme {
        var theme: Theme = style == .sketch ? .sketch : .clean
        let o = landscape.theme ?? ThemeOverrides()
        if (variant ?? o.variant) == .dark { theme = theme.dark }
        if let f = o.font { theme.fontFamily = f }
        if let c = o.ink.flatMap(Color.init(hex:)) { theme.ink = c }
        if let c = o.background.flatMap(Color.init(hex:)) { theme.background = c }
        if let c = o.greyed.flatMap(Color.init(hex:)) { theme.greyedInk = c }
        if let c = o.quadrantTitle.flatMap(Color.init(hex:)) { theme.quadrantTitleColor = c }
        if let v = o.toolSize { theme.toolFontSize = v }
        if let v = o.subtitleSize { theme.subtitleFontSize = v }
        if let v = o.axisSize { theme.axisLabelFontSize = v }
        if let v = o.titleSize { theme.quadrantTitleFontSize = v; theme.quadsTitleFontSize = v; theme.watermarkFontSize = v }
        if let v = o.markerRadius { theme.markerRadius = v }
        if let f = o.fill.flatMap(FillPattern.Kind.init(rawValue:)) { theme.regionFill = f }
        if let v = o.hatchAngle { theme.hatchAngle = v; theme.markerPattern?.angle = v }
        if let v = o.hatchGap { theme.regionHatchGap = v }
        if let v = o.hatchWeight { theme.hatchWeight = v }
        if let k = o.strokeScale {
            theme.axisStroke *= k
            theme.markerStroke *= k
            theme.trendStroke *= k
            theme.regionStroke *= k
        }
        theme.quadrantTitlesAreWatermarks = o.quadrantTitles == .watermark
        theme.quadrantFills = o.quadrantFills.compactMapValues(Color.init(hex:))
        theme.quadrantTitleColors = o.quadrantTitleColors.compactMapValues(Color.init(hex:))
        theme.axisColor = o.axisColor.flatMap(Color.init(hex:))
        theme.frameColor = o.frameColor.flatMap(Color.init(hex:))
        theme.xAxisLabelColor = o.xLabelColor.flatMap(Color.init(hex:))
        theme.yAxisLabelColor = o.yLabelColor.flatMap(Color.init(hex:))
        if let v = o.xLabels.flatMap({ AxisLabelPlacement(rawValue: $0.rawValue) }) { theme.xAxisLabels = v }
        if let v = o.yLabels.flatMap({ AxisLabelPlacement(rawValue: $0.rawValue) }) { theme.yAxisLabels = v }
        if let a = o.aspect {
            // The chart's proportions on the style's area, so text keeps its size.
            let area = theme.mapWidth * theme.mapHeight
            theme.mapWidth = (area * a).squareRoot().rounded()
            theme.mapHeight = (area / a).squareRoot().rounded()
        }
        if let fontFamily { theme.fontFamily = fontFamily }
        return theme
    }

    /// The pen that draws the scene: by hand for sketch, straight for clean.
    public func pen(for landscape: Landscape) -> any ScenePen {
        effectiveStyle(for: landscape) == .sketch ? RoughPen(style: sketch) : CleanPen()
    }
}

/// The pipeline for one figure: layout -> scene -> pen -> every requested format, in memory.
/// Not thread-safe (it owns a Pango engine); use one per thread.
public final class FigureRenderer {
    public let formats: FormatRegistry
    let text = PangoTextEngine()

    public init(formats: FormatRegistry = .standard) {
        self.formats = formats
    }

    /// The scene of a figure as laid out, before the pen.
    public func layout(_ figure: Figure, of landscape: Landscape, settings: RenderSettings = RenderSettings()) -> LaidOutFigure {
        var laid = FigureLayout(theme: settings.theme(for: landscape), measurer: text, twins: settings.twins(for: landscape),
                               threads: settings.threadsPerFigure).layout(figure, of: landscape)
        if let bg = settings.background { laid.scene.background = bg.color }
        return laid
    }

    /// The scene of a figure, as the backend will draw it.
    public func scene(for figure: Figure, of landscape: Landscape, settings: RenderSettings = RenderSettings()) -> LaidOutFigure {
        var laid = layout(figure, of: landscape, settings: settings)
        laid.scene = settings.pen(for: landscape).apply(to: laid.scene, threads: settings.threadsPerFigure)
        return laid
    }

    /// Warnings about the fonts of a theme: a family fontconfig does not have falls back silently.
    public func fontWarnings(for landscape: Landscape, settings: RenderSettings) -> [String] {
        let family = settings.theme(for: landscape).fontFamily
        let resolved = text.resolvedFamily(of: family)
        guard resolved.lowercased() != family.lowercased(), !text.isInstalled(family) else { return [] }
        return ["font '\(family)' is not installed; text falls back to '\(resolved)'"]
    }

    /// Renders one figure in every format of `settings`.
    public func render(_ figure: Figure, of landscape: Landscape, settings: RenderSettings) throws -> (files: [RenderedFile], warnings: [String], omitted: [String]) {
        try render(sameScene: [figure], of: landscape, settings: settings)[0]
    }

    /// Renders figures that draw the same scene (`drawsSameScene`: they differ only in id
    /// and file name, as the blog's header images repeat other figures): laid out and penned
    /// once, and each format that names no figure (PNG) encoded once and written under
    /// each name. The files are byte for byte those of rendering each figure alone.
    public func render(sameScene figures: [Figure], of landscape: Landscape, settings: RenderSettings) throws -> [(files: [RenderedFile], warnings: [String], omitted: [String])] {
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap() -> Double {
            let now = DispatchTime.now().uptimeNanoseconds
            defer { clock = now }
            return Double(now - clock) / 1e6
        }
        let laid = layout(figures[0], of: landscape, settings: settings)
        let penned = settings.pen(for: landscape).apply(to: laid.scene, threads: settings.threadsPerFigure)
        let scale = settings.width.map { $0 / laid.scene.size.width } ?? settings.scale
        let warnings = laid.warnings + missingGlyphWarnings(laid.scene)
        let writers = try settings.formats.map { name in
            guard let writer = formats.writer(for: name) else {
                throw RenderError("unknown format '\(name)'; the formats are \(formats.names.joined(separator: ", "))")
            }
            return writer
        }
        let options = figures.map { figure in
            var options = RenderOptions(scale: scale, creationDate: settings.creationDate, title: figure.title ?? figure.id,
                                        handDrawn: settings.effectiveStyle(for: landscape) == .sketch)
            options.threads = settings.threadsPerFigure
            if settings.formats.contains("html") { options.catalogue = FigureCatalogue(landscape: landscape, figure: figure) }
            return options
        }
        // One job per file whose bytes are its own: a format that names no figure (PNG) once.
        var jobs: [WriteJob] = []
        for f in figures.indices {
            for (w, writer) in writers.enumerated() where f == 0 || writer.namesFigure {
                jobs.append(WriteJob(figure: f, writer: w, scene: writer.takesSceneBeforePen ? laid.scene : penned))
            }
        }
        let laidOut = lap()
        let bytes = try write(jobs, writers: writers, options: options)
        var out: [(files: [RenderedFile], warnings: [String], omitted: [String])] = []
        for (f, figure) in figures.enumerated() {
            var files: [RenderedFile] = []
            for (w, writer) in writers.enumerated() {
                let j = jobs.firstIndex { $0.writer == w && $0.figure == (writer.namesFigure ? f : 0) }!
                // A file's time is its own writing, the first's with the layout and pen before it.
                let ms = (jobs[j].figure == f ? bytes[j].milliseconds : 0) + (j == 0 && f == 0 ? laidOut : 0)
                files.append(RenderedFile(fileName: "\(figure.fileName).\(writer.name)", bytes: bytes[j].bytes, milliseconds: ms))
            }
            out.append((files, warnings, laid.omittedLabels))
        }
        return out
    }

    /// A file to write: which figure, which of the writers, and the scene it is given.
    struct WriteJob {
        var figure: Int
        var writer: Int
        var scene: Scene
    }

    /// The bytes of each job, and the milliseconds it took. With threads to spare and no
    /// writer that splits its own work across them (`threadsBusy`: a PNG in pieces), the
    /// jobs run at once, one thread each: a one-piece PNG otherwise leaves a core idle while
    /// the SVG waits. Each thread but this one draws text with an engine of its own. The
    /// bytes do not depend on it.
    func write(_ jobs: [WriteJob], writers: [any FigureWriter], options: [RenderOptions]) throws -> [(bytes: [UInt8], milliseconds: Double)] {
        let threads = options.first?.threads ?? 1
        let atOnce = threads > 1 && jobs.count > 1
            && jobs.allSatisfy { writers[$0.writer].threadsBusy(writing: $0.scene, options: options[$0.figure]) == 1 }
        let slots = IndexedSlots<Result<(bytes: [UInt8], milliseconds: Double), any Error>>(count: jobs.count)
        nonisolated(unsafe) let callerText = text
        let caller = pthread_self(), tally = WorkCounters.current
        let run: @Sendable (Int) -> Void = { j in WorkCounters.bind(tally) {
            let job = jobs[j], writer = writers[job.writer]
            var jobOptions = options[job.figure]
            if atOnce { jobOptions.threads = 1 }
            let start = DispatchTime.now().uptimeNanoseconds
            slots.set(j, Result {
                let bytes = try writer.write(job.scene, options: jobOptions, text: PangoTextEngine.serving(caller, callerText))
                return (bytes, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            })
        } }
        if atOnce {
            // A thread other than this one allocates from a malloc arena of its own, where
            // the memory the layout freed here cannot be reused: give that memory back to
            // the system first, or the peak grows by it (100,000 tools: 384 -> 440 MB).
            malloc_trim(0)
            DispatchQueue.concurrentPerform(iterations: jobs.count, execute: run)
        } else {
            for j in jobs.indices { run(j) }
        }
        return try slots.values.map { try $0!.get() }
    }

    /// True when two figures draw the same scene: equal but for their id, file name and
    /// where their spec was written.
    public static func drawsSameScene(_ a: Figure, _ b: Figure) -> Bool {
        func key(_ f: Figure) -> Figure {
            var f = f
            f.id = ""
            f.file = nil
            f.specLocation = nil
            return f
        }
        return key(a) == key(b)
    }

    /// One warning per text that has characters no installed font can draw.
    func missingGlyphWarnings(_ scene: Scene) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for node in scene.allNodes {
            guard case .text(let t) = node, seen.insert(t.text + "\u{1f}" + t.font.family).inserted else { continue }
            let missing = text.unknownGlyphs(t.text, font: t.font)
            if missing > 0 {
                let shown = t.text.replacingOccurrences(of: "\n", with: " ")
                out.append("'\(shown)' has \(missing) character\(missing == 1 ? "" : "s") that no installed font can draw (font '\(t.font.family)'); install a font that covers them")
            }
        }
        return out
    }
}
