/// A landscape: two axes, the quadrants they make, categories, tools and the figures to draw.
/// Values of this type come from `LandscapeLoader`, which has validated them.
public struct Landscape: Sendable, Equatable {
    public var title: String
    /// The look the data asks for; the command line can override it. Nil means the default.
    public var style: FigureStyle?
    /// Light or dark, fonts, colours and sizes on top of the style.
    public var theme: ThemeOverrides?
    public var axes: Axes
    public var rings: [String]
    public var quadrants: [Quadrant]
    public var categories: [Category]
    public var tools: [Tool]
    public var figures: [Figure]

    public init(title: String = "Landscape", style: FigureStyle? = nil, axes: Axes = Axes(), rings: [String] = Landscape.defaultRings,
                quadrants: [Quadrant] = [], categories: [Category] = [], tools: [Tool] = [], figures: [Figure] = []) {
        self.title = title
        self.style = style
        self.axes = axes
        self.rings = rings
        self.quadrants = quadrants
        self.categories = categories
        self.tools = tools
        self.figures = figures
    }

    /// The adoption rings of a technology radar, from the centre out.
    public static let defaultRings = ["adopt", "trial", "assess", "hold"]

    public func category(id: String) -> Category? { categories.first { $0.id == id } }
    public func quadrant(id: String) -> Quadrant? { quadrants.first { $0.id == id } }
    public func figure(id: String) -> Figure? { figures.first { $0.id == id } }

    /// The quadrant whose signs match the position, if the landscape names one.
    public func quadrant(at x: Double, _ y: Double) -> Quadrant? {
        quadrants.first { $0.contains(x: x, y: y) }
    }

    /// The figures drawn when the data names none: the map of every tool.
    public var effectiveFigures: [Figure] {
        // The one implicit figure carries the data's own title (a Mermaid chart's `title`), if any.
        figures.isEmpty ? [Figure(id: "landscape", kind: .map, title: title == "Landscape" || title.isEmpty ? nil : title)] : figures
    }
}

/// The two axes. Each end has a label; the name says what the axis measures.
public struct Axes: Sendable, Equatable, Codable {
    public var x: Axis
    public var y: Axis

    public init(x: Axis = Axis(name: "x", negative: "Low", positive: "High"),
                y: Axis = Axis(name: "y", negative: "Low", positive: "High")) {
        self.x = x
        self.y = y
    }
}

public struct Axis: Sendable, Equatable, Codable {
    public var name: String
    public var negative: String
    public var positive: String

    public init(name: String, negative: String, positive: String) {
        self.name = name
        self.negative = negative
        self.positive = positive
    }
}

/// Which half of an axis: below or above zero.
public enum AxisSide: String, Sendable, Equatable, Codable, CaseIterable {
    case negative
    case positive

    public func contains(_ v: Double) -> Bool { self == .negative ? v <= 0 : v >= 0 }
    public var sign: Double { self == .negative ? -1 : 1 }
}

public struct Quadrant: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var x: AxisSide
    public var y: AxisSide

    public init(id: String, title: String, x: AxisSide, y: AxisSide) {
        self.id = id
        self.title = title
        self.x = x
        self.y = y
    }

    public func contains(x px: Double, y py: Double) -> Bool { x.contains(px) && y.contains(py) }
}

public struct Category: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var quadrant: String?
    public var ring: String?
    /// A `#rrggbb` colour for the category's region; a stable pastel when absent.
    public var color: String?

    public init(id: String, name: String, quadrant: String? = nil, ring: String? = nil, color: String? = nil) {
        self.id = id
        self.name = name
        self.quadrant = quadrant
        self.ring = ring
        self.color = color
    }
}

public struct Tool: Sendable, Equatable {
    /// Unique among the tools: given in the data, or made from name and subtitle.
    public var id: String
    public var name: String
    public var subtitle: String?
    /// Artifact axis, -1 ... 1.
    public var x: Double
    /// Scope axis, -1 ... 1.
    public var y: Double
    public var categories: [String]
    public var url: String?
    /// What the tool is, in a sentence or two: shown on the card of an HTML figure, never drawn.
    public var description: String?
    /// How this tool's marker asks to be drawn (from a Mermaid chart); nil for the theme's look.
    public var style: ToolStyle?
    /// The id or name this tool had in the previous edition (`was:`), when it was renamed.
    public var was: PreviousName?

    public init(id: String? = nil, name: String, subtitle: String? = nil, x: Double, y: Double,
                categories: [String] = [], url: String? = nil, style: ToolStyle? = nil, description: String? = nil) {
        self.id = id ?? Tool.makeID(name: name, subtitle: subtitle)
        self.name = name
        self.subtitle = subtitle
        self.x = x
        self.y = y
        self.categories = categories
        self.url = url
        self.style = style
        self.description = description
    }

    /// `GCP` + `AI Platform` -> `gcp-ai-platform`: lower case, runs of other characters as one dash.
    public static func makeID(name: String, subtitle: String?) -> String {
        let full = [name, subtitle ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        if let id = asciiID(full) { return id }
        var out = ""
        var dash = false
        for ch in full.lowercased() {
            if ch.isLetter || ch.isNumber {
                if dash && !out.isEmpty { out.append("-") }
                out.append(ch)
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "tool" : out
    }

    /// `makeID` of plain ASCII text, byte by byte (nil for any other text): there a letter is
    /// A-Z or a-z, a number 0-9, and lowercasing maps A-Z to a-z, as for Characters.
    private static func asciiID(_ full: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(full.utf8.count)
        var dash = false
        for byte in full.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = ASCIIByte.lowercased(byte)
            if ASCIIByte.isLetterOrDigit(lower) {
                if dash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                out.append(lower)
                dash = false
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "tool" : String(decoding: out, as: UTF8.self)
    }
}

