import ScapeGeometry

/// One drawable of a scene. Coordinates are absolute figure units; nothing is left to decide.
public enum SceneNode: Hashable, Sendable {
    case group(SceneGroup)
    case path(ScenePath)
    case text(SceneText)

    /// A stable name: sketch seeds and SVG ids derive from it, so it must not depend on order.
    public var id: String {
        switch self {
        case .group(let g): return g.id
        case .path(let p): return p.id
        case .text(let t): return t.id
        }
    }
}

/// Nodes drawn together, optionally faded as one.
public struct SceneGroup: Hashable, Sendable {
    public var id: String
    /// What the group stands for, for readers of an SVG (hover text); nil for none.
    public var title: String?
    public var opacity: Double
    /// A web address the group links to (SVG and PDF), e.g. a tool's home page.
    public var link: String?
    public var children: [SceneNode]

    public init(id: String, title: String? = nil, opacity: Double = 1, link: String? = nil, children: [SceneNode]) {
        self.id = id
        self.title = title
        self.opacity = opacity
        self.link = link
        self.children = children
    }
}

/// A path filled, stroked, or both (fill first, then pattern, then stroke).
public struct ScenePath: Hashable, Sendable {
    public var id: String
    public var path: Path
    public var fill: Color?
    /// A hatch-like fill. Pens turn it into strokes; the backend never sees one.
    public var pattern: FillPattern?
    public var stroke: StrokeStyle?

    public init(id: String, path: Path, fill: Color? = nil, pattern: FillPattern? = nil, stroke: StrokeStyle? = nil) {
        self.id = id
        self.path = path
        self.fill = fill
        self.pattern = pattern
        self.stroke = stroke
    }
}

/// A run of text laid out by the text engine inside `frame`, whose size the layout measured
/// with the same engine. Lines are separated by "\n".
public struct SceneText: Hashable, Sendable {
    public var id: String
    public var text: String
    public var font: FontSpec
    public var color: Color
    /// The logical box of the laid-out text, top-left origin.
    public var frame: Rect
    public var alignment: TextAlignment
    /// What the text names (its marker), when it has one: text set smaller than laid out
    /// keeps to the part of its box nearest it, so a name stays beside its marker and at its
    /// leader's end.
    public var towards: Point?

    public init(id: String, text: String, font: FontSpec, color: Color, frame: Rect, alignment: TextAlignment = .left, towards: Point? = nil) {
        self.id = id
        self.text = text
        self.font = font
        self.color = color
        self.frame = frame
        self.alignment = alignment
        self.towards = towards
    }
}
