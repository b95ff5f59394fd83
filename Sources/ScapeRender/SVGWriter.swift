import Foundation
import ScapeGeometry
import ScapeScene

/// Our own SVG writer rather than Cairo's SVG surface: ids come from the scene (stable, not a
/// process-wide counter), numbers have two decimals, groups carry `<title>` hover text, and
/// text is drawn as Pango's glyph outlines so it looks the same without the fonts installed.
public struct SVGWriter: FigureWriter {
    public let name = "svg"

    public init() {}

    public func write(_ scene: Scene, options: RenderOptions, text: PangoTextEngine) throws -> [UInt8] {
        let n = SceneDump.n
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(scene.size.width))\" height=\"\(n(scene.size.height))\" viewBox=\"0 0 \(n(scene.size.width)) \(n(scene.size.height))\">\n"
        if let title = options.title { out += "<title>\(Self.escape(title))</title>\n" }
        if let bg = scene.background {
            out += "<rect width=\"100%\" height=\"100%\"\(Self.paint("fill", bg))/>\n"
        }
        var used = Set<String>()
        let tails = Self.tails(of: Self.leaves(of: scene.nodes), threads: options.threads, text: text)
        var next = 0
        Self.write(scene.nodes, into: &out, depth: 0, used: &used, tails: tails, next: &next)
        out += "</svg>\n"
        return Array(out.utf8)
    }

    /// Writes the nodes; a leaf's element is its id and the next of `tails` (what follows its
    /// id, made beforehand), so only the ids, unique in the file, are made in document order.
    private static func write(_ nodes: [SceneNode], into out: inout String, depth: Int, used: inout Set<String>, tails: [String], next: inout Int) {
        let pad = String(repeating: " ", count: depth)
        for node in nodes {
            let id = uniqueID(node.id, used: &used)
            switch node {
            case .group(let g):
                let opacity = g.opacity < 1 ? " opacity=\"\(SceneDump.n(g.opacity))\"" : ""
                if let link = g.link { out += "\(pad)<a href=\"\(escape(link))\" target=\"_blank\">\n" }
                out += "\(pad)<g id=\"\(id)\"\(opacity)>\n"
                if let title = g.title { out += "\(pad) <title>\(escape(title))</title>\n" }
                write(g.children, into: &out, depth: depth + 1, used: &used, tails: tails, next: &next)
                out += "\(pad)</g>\n"
                if g.link != nil { out += "\(pad)</a>\n" }
            case .path, .text:
                out += "\(pad)<path id=\"\(id)\""
                out += tails[next]
                next += 1
            }
        }
    }

    /// What follows a leaf's id in its element: the path's data and paint, or the text's
    /// name and glyph outlines.
    static func tail(of leaf: SceneNode, text: PangoTextEngine) -> String {
        switch leaf {
        case .path(let p):
            var attrs = p.fill.map { paint("fill", $0) } ?? " fill=\"none\""
            if let s = p.stroke {
                attrs += paint("stroke", s.color) + " stroke-width=\"\(SceneDump.n(s.width))\""
                if s.cap != .butt { attrs += " stroke-linecap=\"\(s.cap.rawValue)\"" }
                if s.join != .miter { attrs += " stroke-linejoin=\"\(s.join.rawValue)\"" }
                if !s.dash.isEmpty { attrs += " stroke-dasharray=\"\(s.dash.map(SceneDump.n).joined(separator: " "))\"" }
            }
            return " d=\"\(SceneDump.pathData(p.path))\"\(attrs)/>\n"
        case .text(let t):
            let outline = text.outline(t)
            return " role=\"img\" aria-label=\"\(escape(t.text))\" d=\"\(SceneDump.pathData(outline))\"\(paint("fill", t.color))/>\n"
        case .group:
            return ""
        }
    }

    static func paint(_ attribute: String, _ c: Color) -> String {
        var s = " \(attribute)=\"\(c.hexRGB)\""
        if c.alpha < 1 { s += " \(attribute)-opacity=\"\(SceneDump.n(c.alpha))\"" }
        return s
    }

    /// An XML-safe id from a scene id (`tool/gcp/marker` -> `tool.gcp.marker`), unique in the file.
    static func uniqueID(_ raw: String, used: inout Set<String>) -> String {
        var base = asciiID(raw) ?? String(raw.map { c -> Character in
            if c == "/" { return "." }
            return c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") ? c : "_"
        })
        if base.isEmpty || !(base.first!.isLetter) { base = "n" + base }
        var id = base
        var k = 2
        // One hash of each id tried: the insert says whether it was taken.
        while !used.insert(id).inserted { id = "\(base)-\(k)"; k += 1 }
        return id
    }

    /// `uniqueID`'s mapping byte by byte, for an id of ASCII without a carriage return (where
    /// every character is one byte): a 10,000-blip radar has 40,000 ids, and asking each
    /// character for its Unicode properties was 4% of its SVG. nil: map it character by character.
    static func asciiID(_ raw: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        for b in raw.utf8 {
            guard b < 0x80, b != 0x0D else { return nil }
            switch b {
            case UInt8(ascii: "/"): bytes.append(UInt8(ascii: "."))
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                bytes.append(b)
            default: bytes.append(UInt8(ascii: "_"))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            // A tab as a reference: a parser turns a raw one into a space, and dropping it
            // would glue two words of a name together in its aria-label.
            case "\t": out += "&#9;"
            default:
                if u.value < 0x20 || u.value == 0x7f { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
