import ScapeScene

/// Settings of the output writers that are not part of the picture.
public struct RenderOptions: Sendable {
    /// Pixels per figure unit in PNG output.
    public var scale: Double
    /// The PDF's CreationDate, `YYYY-MM-DDThh:mm:ss`: fixed so the same input gives the same bytes.
    public var creationDate: String
    /// The document title stored in PDF metadata.
    public var title: String?
    /// The sketch style: editors that draw by hand themselves (Excalidraw) are asked to; false
    /// for the clean style, drawn crisp.
    public var handDrawn: Bool
    /// The tools and groups an interactive format (HTML) explains; nil for none.
    public var catalogue: FigureCatalogue?
    /// Threads one figure may use (a large PNG's deflate pieces): the cores the render leaves
    /// idle. The bytes do not depend on it.
    public var threads = 1

    public init(scale: Double = 2, creationDate: String = RenderOptions.defaultCreationDate, title: String? = nil, handDrawn: Bool = true,
                catalogue: FigureCatalogue? = nil) {
        self.scale = scale
        self.creationDate = creationDate
        self.title = title
        self.handDrawn = handDrawn
        self.catalogue = catalogue
    }

    public static let defaultCreationDate = "2020-01-01T00:00:00"
}

/// Turns a scene into the bytes of one file format.
public protocol FigureWriter: Sendable {
    /// The name used by `--format` and as the file extension.
    var name: String { get }
    /// True for formats whose viewer draws the hand-drawn look itself (Excalidraw): they get
    /// the scene before the pen, with clean geometry and fill patterns as patterns.
    var takesSceneBeforePen: Bool { get }
    /// False for formats whose bytes name no figure (no title, no catalogue): figures that
    /// draw the same scene share one file's bytes.
    var namesFigure: Bool { get }
    /// The threads `write` keeps busy for this scene with `options.threads` to use: more than
    /// one only where the writer splits work it cannot do without (a large PNG's pieces).
    /// A figure's writers that each keep one thread busy run at once (`FigureRenderer`).
    func threadsBusy(writing scene: Scene, options: RenderOptions) -> Int
    func write(_ scene: Scene, options: RenderOptions, text: PangoTextEngine) throws -> [UInt8]
}

extension FigureWriter {
    public var takesSceneBeforePen: Bool { false }
    public var namesFigure: Bool { true }
    public func threadsBusy(writing scene: Scene, options: RenderOptions) -> Int { 1 }
}

/// The output formats, keyed by name and file extension. New formats register here.
public struct FormatRegistry {
    public private(set) var writers: [String: any FigureWriter] = [:]

    public init(_ writers: [any FigureWriter] = []) {
        for w in writers { register(w) }
    }

    public mutating func register(_ writer: any FigureWriter) { writers[writer.name] = writer }

    /// The writer for a format name or file extension (case-insensitive), if any.
    public func writer(for nameOrExtension: String) -> (any FigureWriter)? {
        writers[nameOrExtension.lowercased()]
    }

    public var names: [String] { writers.keys.sorted() }

    /// PNG, SVG, PDF and interactive HTML, written here; ScapeInterop's `standard` adds other tools' formats.
    public static var cairo: FormatRegistry { FormatRegistry([PNGWriter(), SVGWriter(), PDFWriter(), HTMLWriter()]) }
}
