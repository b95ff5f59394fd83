import ScapeGeometry
import ScapeRender
import ScapeScene

/// A scene's nodes as Excalidraw elements, in drawing order. Ids come from the scene ids (made
/// unique), and seeds and nonces are hashes of the ids, so the same scene gives the same file.
/// A shaft with arrowheads becomes a real `arrow`, bound to the shapes at its ends; the parts of
/// a titled scene group (a tool's marker and name) share a group id and the group's link.
struct ExcalidrawElements {
    private(set) var elements: [JSONText] = []
    private var fields: [[String: JSONText]] = []
    private var frames: [Rect] = []
    private var usedIDs = Set<String>()
    private let roughness: Int

    /// How close (figure units) an arrow's end must come to a shape to be bound to it.
    static let bindingReach = 14.0

    init(scene: Scene, roughness: Int = 1) {
        self.roughness = roughness
        add(scene.nodes, opacity: 1, groups: [], link: nil)
        bindArrows()
        recordTools()
        elements = fields.enumerated().map { k, f in
            var f = f
            f["index"] = .string(FractionalIndex.key(k))
            return .object(f)
        }
    }

    private mutating func add(_ nodes: [SceneNode], opacity: Double, groups: [String], link: String?) {
        for node in nodes {
            switch node {
            case .group(let g):
                // A titled group is one thing to a reader (a tool, a blip, a loop): it moves as one.
                let inner = g.title != nil || g.link != nil ? [g.id] + groups : groups
                add(g.children, opacity: opacity * g.opacity, groups: inner, link: g.link ?? link)
            case .path(let p): add(p, opacity: opacity, groups: groups, link: link)
            case .text(let t): add(t, opacity: opacity, groups: groups, link: link)
            }
        }
    }

    private mutating func add(_ p: ScenePath, opacity: Double, groups: [String], link: String?) {
        let shapes = ExcalidrawShape.shapes(of: p.path)
        let paint = p.stroke?.color ?? p.pattern?.color ?? p.fill ?? .black
        var common: [String: JSONText] = [
            "strokeColor": .string(p.stroke.map { $0.color.hexRGB } ?? "transparent"),
            "backgroundColor": .string((p.pattern?.color ?? p.fill)?.hexRGB ?? "transparent"),
            "fillStyle": .string(Self.fillStyle(p.pattern)),
            "strokeWidth": .number(p.stroke?.width ?? 1),
            "strokeStyle": .string(p.stroke.map { $0.dash.isEmpty ? "solid" : "dashed" } ?? "solid"),
        ]
        common["opacity"] = Self.opacity(paint.alpha * opacity)
        let arrows = ArrowShapes(shapes)
        let kept = shapes.indices.filter { !arrows.heads.contains($0) }
        for (n, k) in kept.enumerated() {
            let id = uniqueID(kept.count == 1 ? p.id : "\(p.id)/\(n + 1)")
            switch shapes[k] {
            case .ellipse(let r):
                append(Self.element("ellipse", id: id, frame: r, common), frame: r, groups: groups, link: link)
                if p.id.hasSuffix("/marker") || p.id.hasSuffix("/mark") {
                    // Where the marker was drawn, so an edited scene tells which ones were dragged.
                    fields[fields.count - 1]["customData"] = .object(["mlscape": .object([
                        "item": .string(String(p.id[..<p.id.lastIndex(of: "/")!])),
                        "cx": .number(r.midX), "cy": .number(r.midY),
                    ])])
                }
            case .rectangle(let r):
                append(Self.element("rectangle", id: id, frame: r, common), frame: r, groups: groups, link: link)
            case .line(let points, let closed):
                let ends = arrows.ends[k] ?? (false, false)
                let element = Self.line(points, closed: closed, arrow: ends.0 || ends.1 ? ends : nil, id: id, common)
                append(element.0, frame: element.1, groups: groups, link: link)
            }
        }
    }

    private mutating func add(_ t: SceneText, opacity: Double, groups: [String], link: String?) {
        let lines = max(1, t.text.split(separator: "\n", omittingEmptySubsequences: false).count)
        let family = ExcalidrawFont(family: t.font.family)
        // Excalidraw lays text out at its own font's line height: the box gets that height.
        let frame = Rect(x: t.frame.minX, y: t.frame.minY, width: t.frame.width, height: Double(lines) * t.font.size * family.lineHeight)
        let f: [String: JSONText] = [
            "strokeColor": .string(t.color.hexRGB),
            "backgroundColor": .string("transparent"),
            "fillStyle": .string("solid"),
            "strokeWidth": .int(1),
            "strokeStyle": .string("solid"),
            "opacity": Self.opacity(t.color.alpha * opacity),
            "text": .string(t.text),
            "originalText": .string(t.text),
            "fontSize": .number(t.font.size),
            "fontFamily": .int(family.rawValue),
            "textAlign": .string(t.alignment.rawValue),
            "verticalAlign": .string("top"),
            "containerId": .null,
            "lineHeight": .number(family.lineHeight),
            "autoResize": .bool(true),
        ]
        append(Self.element("text", id: uniqueID(t.id), frame: frame, f), frame: frame, groups: groups, link: link)
    }

    /// The ids of every tool drawn, kept on the axes' elements (or the first element when there
    /// is no axis): Excalidraw saves no deleted element, so an import learns which tools were
    /// deleted from the ones missing from this list.
    private mutating func recordTools() {
        var tools: [String] = []
        for f in fields {
            guard case .object(let custom)? = f["customData"], case .object(let mine)? = custom["mlscape"],
                  case .string(let item)? = mine["item"], item.hasPrefix("tool/") else { continue }
            let id = String(item.dropFirst(5))
            if !tools.contains(id) { tools.append(id) }
        }
        guard !tools.isEmpty else { return }
        var holders = fields.indices.filter { k in
            guard case .string(let id)? = fields[k]["id"] else { return false }
            return id.hasPrefix("axis") && fields[k]["customData"] == nil
        }
        if holders.isEmpty, let first = fields.indices.first(where: { fields[$0]["customData"] == nil }) { holders = [first] }
        for k in holders { fields[k]["customData"] = .object(["mlscape": .object(["tools": .array(tools.map(JSONText.string))])]) }
    }

    private mutating func append(_ element: [String: JSONText], frame: Rect, groups: [String], link: String?) {
        var element = element
        element["roughness"] = .int(roughness)
        element["groupIds"] = .array(groups.map { .string($0) })
        element["link"] = link.map { .string($0) } ?? .null
        fields.append(element)
        frames.append(frame)
    }

    /// Each arrow end that reaches a shape (ellipse, rectangle or text) is bound to the nearest;
    /// the shape lists the arrow in `boundElements`, as Excalidraw keeps both sides.
    private mutating func bindArrows() {
        for k in fields.indices where fields[k]["type"] == .string("arrow") {
            guard case .array(let pts)? = fields[k]["points"], case .number(let x)? = fields[k]["x"], case .number(let y)? = fields[k]["y"],
                  let first = Self.point(pts.first), let last = Self.point(pts.last) else { continue }
            for (key, p) in [("startBinding", Point(x + first.x, y + first.y)), ("endBinding", Point(x + last.x, y + last.y))] {
                var best: (Int, Double)?
                for j in fields.indices where j != k {
                    guard case .string(let type)? = fields[j]["type"], ["ellipse", "rectangle", "text"].contains(type) else { continue }
                    let gap = Self.distance(p, to: frames[j])
                    if gap <= Self.bindingReach && (best == nil || gap < best!.1) { best = (j, gap) }
                }
                guard let (j, gap) = best, case .string(let target)? = fields[j]["id"], case .string(let arrowID)? = fields[k]["id"] else { continue }
                // Excalidraw's binding (v2: mode and fixed point as fractions of the shape's box),
                // with the legacy focus and gap that older versions read.
                let r = frames[j]
                let inside = gap == 0
                let q = r.nearestPoint(to: p)
                let fixed = [r.width > 0 ? (q.x - r.minX) / r.width : 0.5, r.height > 0 ? (q.y - r.minY) / r.height : 0.5]
                fields[k][key] = .object(["elementId": .string(target), "mode": .string(inside ? "inside" : "orbit"),
                                          "fixedPoint": .array(fixed.map { .number($0) }), "focus": .number(0), "gap": .number(gap)])
                var bound: [JSONText] = []
                if case .array(let existing)? = fields[j]["boundElements"] { bound = existing }
                let entry = JSONText.object(["id": .string(arrowID), "type": .string("arrow")])
                if !bound.contains(entry) { bound.append(entry) }
                fields[j]["boundElements"] = .array(bound)
            }
        }
    }

    static func point(_ j: JSONText?) -> Point? {
        guard case .array(let xy)? = j, xy.count == 2 else { return nil }
        func n(_ v: JSONText) -> Double? {
            switch v { case .number(let d): return d; case .int(let i): return Double(i); default: return nil }
        }
        guard let x = n(xy[0]), let y = n(xy[1]) else { return nil }
        return Point(x, y)
    }

    /// 0 inside the box, else the distance to its edge.
    static func distance(_ p: Point, to r: Rect) -> Double {
        let dx = max(r.minX - p.x, 0, p.x - r.maxX), dy = max(r.minY - p.y, 0, p.y - r.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// A `line` (or, with arrowheads, an `arrow`) element: its x, y is the first point and
    /// `points` are relative to it.
    private static func line(_ points: [Point], closed: Bool, arrow: (start: Bool, end: Bool)?, id: String, _ f: [String: JSONText]) -> ([String: JSONText], Rect) {
        let origin = points[0]
        let xs = points.map(\.x), ys = points.map(\.y)
        let frame = Rect(x: origin.x, y: origin.y, width: (xs.max() ?? 0) - (xs.min() ?? 0), height: (ys.max() ?? 0) - (ys.min() ?? 0))
        var f = f
        f["points"] = .array(points.map { .array([.number($0.x - origin.x), .number($0.y - origin.y)]) })
        f["lastCommittedPoint"] = .null
        f["startBinding"] = .null
        f["endBinding"] = .null
        if let arrow {
            f["startArrowhead"] = arrow.start ? .string("arrow") : .null
            f["endArrowhead"] = arrow.end ? .string("arrow") : .null
            f["elbowed"] = .bool(false)
            return (element("arrow", id: id, frame: frame, f), frame)
        }
        f["polygon"] = .bool(closed)
        f["startArrowhead"] = .null
        f["endArrowhead"] = .null
        return (element("line", id: id, frame: frame, f), frame)
    }

    /// The fields every Excalidraw element has, around the type-specific ones.
    private static func element(_ type: String, id: String, frame: Rect, _ fields: [String: JSONText]) -> [String: JSONText] {
        var all = fields
        all["id"] = .string(id)
        all["type"] = .string(type)
        all["x"] = .number(frame.minX)
        all["y"] = .number(frame.minY)
        all["width"] = .number(frame.width)
        all["height"] = .number(frame.height)
        all["angle"] = .int(0)
        all["seed"] = .int(stableHash(id))
        all["version"] = .int(1)
        all["versionNonce"] = .int(stableHash(id + "#nonce"))
        all["isDeleted"] = .bool(false)
        all["frameId"] = .null
        all["roundness"] = .null
        all["boundElements"] = .null
        all["updated"] = .int(1)
        all["locked"] = .bool(false)
        return all
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

/// Which open lines of one path are arrowheads (`ArrowGeometry.head`: two equal barbs meeting
/// at a tip) and which shafts they sit on, at which end.
struct ArrowShapes {
    /// Indexes of the shapes that are heads, drawn by the arrow instead.
    var heads = Set<Int>()
    /// Shaft index -> head at its start, head at its end.
    var ends: [Int: (Bool, Bool)] = [:]

    init(_ shapes: [ExcalidrawShape]) {
        for (h, shape) in shapes.enumerated() {
            guard case .line(let barbs, false) = shape, barbs.count == 3 else { continue }
            let tip = barbs[1], a = barbs[0].distance(to: tip), b = barbs[2].distance(to: tip)
            guard a > 0, abs(a - b) <= 1e-6 * max(a, 1) else { continue }
            for (s, other) in shapes.enumerated() where s != h && !heads.contains(s) {
                guard case .line(let shaft, false) = other, shaft.count >= 2, ends[h] == nil else { continue }
                let atStart = shaft[0].distance(to: tip) < 1e-6, atEnd = shaft[shaft.count - 1].distance(to: tip) < 1e-6
                // The barbs point back along the shaft: the head's tip is the shaft's end.
                guard atStart || atEnd else { continue }
                let current = ends[s] ?? (false, false)
                ends[s] = (current.0 || atStart, current.1 || atEnd)
                heads.insert(h)
                break
            }
        }
    }
}

/// Excalidraw's font families (packages/common/src/constants.ts) and the line height each
/// has there (font-metadata.ts). A theme's font maps to the nearest family of Excalidraw's
/// font picker: a comic or hand font to Excalifont ("Hand-drawn"), a monospace to Comic
/// Shanns ("Code"), any other to Nunito ("Normal"); a family Excalidraw names is kept.
enum ExcalidrawFont: Int {
    case virgil = 1, helvetica = 2, cascadia = 3, excalifont = 5, nunito = 6, lilitaOne = 7, comicShanns = 8, liberationSans = 9, assistant = 10

    init(family: String) {
        let f = family.lowercased()
        if f.contains("virgil") { self = .virgil }
        else if f.contains("excalifont") { self = .excalifont }
        else if f.contains("comic shanns") { self = .comicShanns }
        else if f.contains("cascadia") { self = .cascadia }
        else if f.contains("lilita") { self = .lilitaOne }
        else if f.contains("liberation sans") { self = .liberationSans }
        else if f.contains("assistant") { self = .assistant }
        else if f.contains("helvetica") { self = .helvetica }
        else if f.contains("comic") || f.contains("hand") || f.contains("xkcd") || f.contains("script") { self = .excalifont }
        else if f.contains("mono") || f.contains("courier") || f.contains("code") { self = .comicShanns }
        else { self = .nunito }
    }

    /// Excalidraw's line height for the family, as a multiple of the font size.
    var lineHeight: Double {
        switch self {
        case .helvetica, .liberationSans, .lilitaOne: return 1.15
        case .cascadia: return 1.2
        case .virgil, .excalifont, .nunito, .comicShanns, .assistant: return 1.25
        }
    }
}

/// Excalidraw's fractional indexes (the `fractional-indexing` keys): `a0` ... `az`, then
/// `b00` ... `bzz`, `c000` ...: base-62 integers whose head letter gives their length, so
/// they sort as strings in drawing order.
enum FractionalIndex {
    static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    static func key(_ n: Int) -> String {
        var rest = n, length = 1, capacity = 62
        while rest >= capacity { rest -= capacity; length += 1; capacity *= 62 }
        var body: [Character] = []
        for _ in 0..<length { body.append(digits[rest % 62]); rest /= 62 }
        let head = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(length - 1)))
        return String(head) + String(body.reversed())
    }
}
