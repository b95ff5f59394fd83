import ScapeGeometry
import ScapeScene

/// A scene's nodes as Excalidraw elements, in drawing order. Ids come from the scene ids (made
/// unique), and seeds and nonces are hashes of the ids, so the same scene gives the same file.
struct ExcalidrawElements {
    private(set) var elements: [JSONText] = []
    private var usedIDs = Set<String>()

    init(scene: Scene) {
        add(scene.nodes, opacity: 1)
    }

    private mutating func add(_ nodes: [SceneNode], opacity: Double) {
        for node in nodes {
            switch node {
            case .group(let g): add(g.children, opacity: opacity * g.opacity)
            case .path(let p): add(p, opacity: opacity)
            case .text(let t): add(t, opacity: opacity)
            }
        }
    }

    private mutating func add(_ p: ScenePath, opacity: Double) {
        let shapes = ExcalidrawShape.shapes(of: p.path)
        let paint = p.stroke?.color ?? p.pattern?.color ?? p.fill ?? .black
        var fields: [String: JSONText] = [
            "strokeColor": .string(p.stroke.map { $0.color.hexRGB } ?? "transparent"),
            "backgroundColor": .string((p.pattern?.color ?? p.fill)?.hexRGB ?? "transparent"),
            "fillStyle": .string(Self.fillStyle(p.pattern)),
            "strokeWidth": .number(p.stroke?.width ?? 1),
            "strokeStyle": .string(p.stroke.map { $0.dash.isEmpty ? "solid" : "dashed" } ?? "solid"),
        ]
        fields["opacity"] = Self.opacity(paint.alpha * opacity)
        for (k, shape) in shapes.enumerated() {
            let id = uniqueID(shapes.count == 1 ? p.id : "\(p.id)/\(k + 1)")
            switch shape {
            case .ellipse(let r):
                elements.append(Self.element("ellipse", id: id, frame: r, fields))
            case .rectangle(let r):
                elements.append(Self.element("rectangle", id: id, frame: r, fields))
            case .line(let points, let closed):
                elements.append(Self.line(points, closed: closed, id: id, fields))
            }
        }
    }

    private mutating func add(_ t: SceneText, opacity: Double) {
        let lines = max(1, t.text.split(separator: "\n", omittingEmptySubsequences: false).count)
        let lineHeight = t.font.size > 0 && t.frame.height > 0 ? t.frame.height / (Double(lines) * t.font.size) : 1.25
        let fields: [String: JSONText] = [
            "strokeColor": .string(t.color.hexRGB),
            "backgroundColor": .string("transparent"),
            "fillStyle": .string("solid"),
            "strokeWidth": .int(1),
            "strokeStyle": .string("solid"),
            "opacity": Self.opacity(t.color.alpha * opacity),
            "text": .string(t.text),
            "originalText": .string(t.text),
            "fontSize": .number(t.font.size),
            "fontFamily": .int(1),
            "textAlign": .string(t.alignment.rawValue),
            "verticalAlign": .string("top"),
            "containerId": .null,
            "lineHeight": .number(lineHeight),
            "autoResize": .bool(true),
        ]
        elements.append(Self.element("text", id: uniqueID(t.id), frame: t.frame, fields))
    }

    /// A `line` element: its x, y is the first point and `points` are relative to it.
    private static func line(_ points: [Point], closed: Bool, id: String, _ fields: [String: JSONText]) -> JSONText {
        let origin = points[0]
        let xs = points.map(\.x), ys = points.map(\.y)
        let frame = Rect(x: origin.x, y: origin.y, width: (xs.max() ?? 0) - (xs.min() ?? 0), height: (ys.max() ?? 0) - (ys.min() ?? 0))
        var fields = fields
        fields["points"] = .array(points.map { .array([.number($0.x - origin.x), .number($0.y - origin.y)]) })
        fields["polygon"] = .bool(closed)
        for key in ["lastCommittedPoint", "startBinding", "endBinding", "startArrowhead", "endArrowhead"] { fields[key] = .null }
        return element("line", id: id, frame: frame, fields)
    }

    /// The fields every Excalidraw element has, around the type-specific ones.
    private static func element(_ type: String, id: String, frame: Rect, _ fields: [String: JSONText]) -> JSONText {
        var all = fields
        all["id"] = .string(id)
        all["type"] = .string(type)
        all["x"] = .number(frame.minX)
        all["y"] = .number(frame.minY)
        all["width"] = .number(frame.width)
        all["height"] = .number(frame.height)
        all["angle"] = .int(0)
        all["roughness"] = .int(1)
        all["seed"] = .int(stableHash(id))
        all["version"] = .int(1)
        all["versionNonce"] = .int(stableHash(id + "#nonce"))
        all["isDeleted"] = .bool(false)
        all["groupIds"] = .array([])
        all["frameId"] = .null
        all["roundness"] = .null
        all["boundElements"] = .null
        all["updated"] = .int(1)
        all["link"] = .null
        all["locked"] = .bool(false)
        return .object(all)
    }

    /// Excalidraw's fill styles; dots have no counterpart and become hachure.
    static func fillStyle(_ pattern: FillPattern?) -> String {
        switch pattern?.kind {
        case .none, .solid?: return "solid"
        case .crossHatch?: return "cross-hatch"
        case .zigzag?: return "zigzag"
        case .hachure?, .dots?: return "hachure"
        }
    }

    /// Opacity in Excalidraw's 0 ... 100.
    static func opacity(_ alpha: Double) -> JSONText {
        .int(Int((max(0, min(1, alpha.isFinite ? alpha : 1)) * 100).rounded()))
    }

    /// FNV-1a over the UTF-8 bytes, kept in 1 ... 2^31-1: Excalidraw's seeds are positive 31-bit integers.
    static func stableHash(_ s: String) -> Int {
        max(1, Int(StableHash.fnv1a64(s) & 0x7fff_ffff))
    }

    /// The scene id, with `-2`, `-3`, ... when it is already taken.
    private mutating func uniqueID(_ base: String) -> String {
        var id = base.isEmpty ? "element" : base
        var k = 2
        while usedIDs.contains(id) { id = "\(base)-\(k)"; k += 1 }
        usedIDs.insert(id)
        return id
    }
}
