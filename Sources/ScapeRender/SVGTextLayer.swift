import ScapeScene

/// Real, transparent text laid over the glyph outlines of an SVG, as PDF viewers do over a
/// scanned page: the outlines keep the exact look, the text layer makes every label
/// selectable and findable (Ctrl-F). Each line sits on Pango's baseline and is stretched
/// (`textLength`) to the outline's logical width, so a selection covers the drawn glyphs.
/// A line that belongs to a tool carries `data-for` with the tool's SVG id, so pointer
/// events on it reach the tool.
public enum SVGTextLayer {
    /// The class of the layer's group; the page's style makes its text transparent.
    public static let className = "scape-text"

    public static func group(for scene: Scene, text engine: PangoTextEngine) -> String {
        var out = "<g class=\"\(className)\">\n"
        write(scene.nodes, owner: nil, into: &out, engine: engine)
        out += "</g>\n"
        return out
    }

    /// The SVG id prefix of the tool (or radar blip) a scene node belongs to, if any: its
    /// nearest `tool/X` or `blip/X` ancestor, else the node's own id.
    static func owner(of id: String) -> String? {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == "tool" || parts[0] == "blip" else { return nil }
        return FigureCatalogue.svgID("\(parts[0])/\(parts[1])")
    }

    private static func write(_ nodes: [SceneNode], owner: String?, into out: inout String, engine: PangoTextEngine) {
        for node in nodes {
            switch node {
            case .group(let g):
                write(g.children, owner: owner ?? Self.owner(of: g.id), into: &out, engine: engine)
            case .path:
                continue
            case .text(let t):
                let forAttribute = (owner ?? Self.owner(of: t.id)).map { " data-for=\"\(SVGWriter.escape($0))\"" } ?? ""
                let weight = t.font.weight == .bold ? " font-weight=\"bold\"" : ""
                for line in engine.lines(of: t) where !line.text.allSatisfy(\.isWhitespace) {
                    let n = SceneDump.n
                    out += "<text x=\"\(n(line.frame.minX))\" y=\"\(n(line.baseline))\" font-family=\"\(SVGWriter.escape(t.font.family))\""
                    out += " font-size=\"\(n(t.font.size))\"\(weight) textLength=\"\(n(line.frame.width))\" lengthAdjust=\"spacingAndGlyphs\""
                    out += "\(forAttribute)>\(SVGWriter.escape(line.text))</text>\n"
                }
            }
        }
    }
}
