/// The two looks of every figure.
public enum FigureStyle: String, Sendable, Equatable, CaseIterable {
    /// Hand-drawn, like the blog's Excalidraw figures: the default.
    case sketch
    /// Crisp vector lines, for papers and slides.
    case clean
}

/// The kinds of figure mlscape draws.
public enum FigureKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// Tools on the two axes, quadrant titles faint behind; optionally a subset, highlights,
    /// trend arrows and category regions.
    case map
    /// The axes and the quadrant titles, no tools.
    case quadrants
    /// One quadrant: its half-axes, tools, category regions and a watermark title.
    case zoom
    /// The axes with long end labels, pictograms at the x ends, loop glyphs in quadrants.
    case setup
    /// Rounded boxes with the series' questions, joined by arrows; one in ink, the rest grey.
    case banner
    /// Loops of steps that may share runs: the ML lifecycle.
    case lifecycle
    /// A technology radar: rings, sectors and blips (a quarter radar for the landscape's rings).
    case radar
    /// The map under the adoption rings, drawn as diagonal bands.
    case radarLandscape = "radar-landscape"

    /// The kinds whose names are held to a publish width (`--fit`, `fit:`): those that name
    /// tools or blips.
    public static let readAtAPublishWidth: Set<FigureKind> = [.map, .zoom, .radar, .radarLandscape]
}

/// A picture drawn by mlscape itself (no image files): reusable across figures.
public enum Pictogram: String, Sendable, Equatable, CaseIterable {
    /// A browser window with a globe: the application.
    case application
    /// A hatched cube: the model.
    case model
}

/// The small glyphs of the banner boxes.
public enum BannerGlyph: String, Sendable, Equatable, CaseIterable {
    /// Two interlocked loops (the lifecycle).
    case loops
    /// A cross of arrows (the two axes).
    case axes
    /// A quarter radar with dotted rings.
    case radar
}

/// Which tools a figure shows or highlights. Names given in `tools` are always in. For a
/// filter (`only`) the other lists narrow together: a tool must match each list given
/// ("the assess-ring tools of ML platforms"); for a highlight any list may match ("the cloud
/// platforms, and the single-component tools").
public struct ToolSelection: Sendable, Equatable {
    public var tools: [String]
    public var categories: [String]
    public var quadrants: [String]
    public var rings: [String]

    public init(tools: [String] = [], categories: [String] = [], quadrants: [String] = [], rings: [String] = []) {
        self.tools = tools
        self.categories = categories
        self.quadrants = quadrants
        self.rings = rings
    }

    public var isEmpty: Bool { tools.isEmpty && categories.isEmpty && quadrants.isEmpty && rings.isEmpty }

    /// True when the tool is named, or matches the lists given: every one of them when
    /// `matchingAll` (a filter), any one of them otherwise (a highlight).
    public func contains(_ tool: Tool, in landscape: Landscape, matchingAll: Bool = true) -> Bool {
        if tools.contains(where: { $0 == tool.id || $0.lowercased() == tool.name.lowercased() || $0.lowercased() == tool.id }) { return true }
        var tests: [Bool] = []
        if !categories.isEmpty { tests.append(tool.categories.contains(where: categories.contains)) }
        if !quadrants.isEmpty {
            let own = landscape.quadrant(at: tool.x, tool.y)?.id
            let viaCategory = tool.categories.compactMap { landscape.category(id: $0)?.quadrant }
            tests.append(quadrants.contains(where: { $0 == own || viaCategory.contains($0) }))
        }
        if !rings.isEmpty {
            let toolRings = tool.categories.compactMap { landscape.category(id: $0)?.ring }
            tests.append(rings.contains(where: { toolRings.contains($0.lowercased()) }))
        }
        guard !tests.isEmpty else { return false }
        return matchingAll ? tests.allSatisfy { $0 } : tests.contains(true)
    }
}

/// A trend drawn over a map: a line or smooth curve through data points, with a head.
public struct TrendArrow: Sendable, Equatable {
    public var points: [(x: Double, y: Double)]
    /// `#rrggbb`.
    public var color: String
    public var smooth: Bool

    public init(points: [(x: Double, y: Double)], color: String = "#c83737", smooth: Bool = true) {
        self.points = points
        self.color = color
        self.smooth = smooth
    }

    public static func == (a: TrendArrow, b: TrendArrow) -> Bool {
        a.color == b.color && a.smooth == b.smooth && a.points.count == b.points.count
            && zip(a.points, b.points).allSatisfy { $0.x == $1.x && $0.y == $1.y }
    }
}

/// A two-loop glyph drawn in a quadrant of the setup figure; `bold` says which loop it covers.
public struct LoopGlyph: Sendable, Equatable {
    public enum Bold: String, Sendable, Equatable, CaseIterable { case left, right, both, none }

    public var quadrant: String
    public var bold: Bold

    public init(quadrant: String, bold: Bold) {
        self.quadrant = quadrant
        self.bold = bold
    }
}

/// One box of a banner: its question and glyph.
public struct BannerBox: Sendable, Equatable {
    public var text: String
    public var glyph: BannerGlyph?

    public init(text: String, glyph: BannerGlyph? = nil) {
        self.text = text
        self.glyph = glyph
    }
}

public struct Figure: Sendable, Equatable {
    /// The name `--figure` selects it by; also its output file name unless `file` is given.
    public var id: String
    /// The output file name without extension, when it differs from the id (a site's own
    /// names, such as `banner_00`): a plain name, unique across the figures.
    public var file: String?
    public var kind: FigureKind
    /// Drawn at the top left when given.
    public var title: String?
    /// Map: only these tools (nil: all).
    public var only: ToolSelection?
    /// Map: these tools in ink, the others greyed (nil: all in ink).
    public var highlight: ToolSelection?
    public var arrows: [TrendArrow]
    /// Draw the category regions (default: on for zooms, off for maps).
    public var regions: Bool?
    /// Draw the key to the regions' colours where regions are drawn (default: on).
    public var key: Bool?
    /// Zoom: the quadrant shown.
    public var quadrant: String?
    /// Setup: end labels that replace the landscape's.
    public var axisLabels: Axes?
    /// Setup: the note beside the origin.
    public var note: String?
    /// Setup: pictograms at the negative and positive ends of the x axis.
    public var pictograms: (negative: Pictogram?, positive: Pictogram?)
    public var glyphs: [LoopGlyph]
    /// Banner: the boxes, and which one is in ink (0: all of them).
    public var boxes: [BannerBox]
    public var step: Int
    /// Lifecycle: the file the loops come from (relative to the data file), and the loops.
    public var spec: String?
    /// Lifecycle: where `spec:` is written, for messages about the file it names.
    public var specLocation: SourceLocation?
    public var lifecycle: LifecycleSpec?
    /// Radar: the rings, sectors and blips (nil: the landscape's rings, as a quarter radar).
    public var radar: RadarSpec?
    /// Radar: a quarter (one sector) rather than a full radar.
    public var quarter: Bool?
    /// Radar landscape: where the bands' borders cross the diagonal (data units along
    /// (x + y) / sqrt 2), given in the data, else computed from the tools' rings.
    public var bandBorders: [Double]?
    /// Radar landscape: the tools (ids) the data says lie outside their ring's band on this
    /// figure, as the blog's drawing has them: no calm border holds them, and it is known.
    /// Their warning is left out; a listed tool that lies in its band after all gets one.
    public var offBand: [String] = []
    /// Map, zoom: what changed since an older edition, drawn over this one (`mlscape diff`).
    public var changes: FigureChanges?
    /// Radar: how blips are named (nil: `.auto`).
    public var blipLabels: BlipLabels?
    /// Map, zoom: the width in pixels the figure is read at (nil: the blog's 1200 px column).
    /// Names keep 11 px there; a narrower column gets larger type.
    public var fit: Double?

    public init(id: String, kind: FigureKind, title: String? = nil, only: ToolSelection? = nil, highlight: ToolSelection? = nil,
                arrows: [TrendArrow] = [], regions: Bool? = nil, quadrant: String? = nil, axisLabels: Axes? = nil,
                note: String? = nil, pictograms: (negative: Pictogram?, positive: Pictogram?) = (nil, nil),
                glyphs: [LoopGlyph] = [], boxes: [BannerBox] = [], step: Int = 0) {
        self.id = id
        self.kind = kind
        self.title = title
        self.only = only
        self.highlight = highlight
        self.arrows = arrows
        self.regions = regions
        self.quadrant = quadrant
        self.axisLabels = axisLabels
        self.note = note
        self.pictograms = pictograms
        self.glyphs = glyphs
        self.boxes = boxes
        self.step = step
    }

    public static func == (a: Figure, b: Figure) -> Bool {
        a.id == b.id && a.kind == b.kind && a.title == b.title && a.only == b.only && a.highlight == b.highlight
            && a.arrows == b.arrows && a.regions == b.regions && a.key == b.key && a.quadrant == b.quadrant && a.axisLabels == b.axisLabels
            && a.note == b.note && a.pictograms.negative == b.pictograms.negative && a.pictograms.positive == b.pictograms.positive
            && a.glyphs == b.glyphs && a.boxes == b.boxes && a.step == b.step && a.spec == b.spec && a.lifecycle == b.lifecycle
            && a.radar == b.radar && a.quarter == b.quarter && a.bandBorders == b.bandBorders && a.offBand == b.offBand && a.changes == b.changes && a.file == b.file
            && a.blipLabels == b.blipLabels && a.fit == b.fit
    }

    /// The output file name without extension: `file`, else the id.
    public var fileName: String { file ?? id }

    /// Whether category regions are drawn.
    public var showsRegions: Bool { regions ?? (kind == .zoom) }
    /// Whether the key to the regions is drawn (where there are regions).
    public var showsKey: Bool { key ?? true }
}

/// How a radar names its blips.
public enum BlipLabels: String, Sendable, Equatable, CaseIterable {
    /// Names beside the blips; a name with no room is left out (counted, warned).
    case names
    /// A number beside each blip, the names in a numbered legend per quadrant.
    case numbers
    /// Names where they identify their blip; a crowded quadrant switches to numbers.
    case auto
}
