import Foundation

/// Writes a landscape as mlscape's YAML, so data from another format (a Mermaid chart, a CSV)
/// can be taken over and edited as a data file. Strings are double-quoted (JSON style, valid
/// YAML) so no name can change meaning; numbers keep up to four decimals.
public enum LandscapeYAMLWriter {
    public static func yaml(_ l: Landscape) -> String {
        var out = "title: \(q(l.title))\n"
        if let style = l.style { out += "style: \(style.rawValue)\n" }
        if let t = l.theme, t != ThemeOverrides() {
            var f: [String] = []
            if let v = t.variant { f.append("name: \(v.rawValue)") }
            if let v = t.font { f.append("font: \(q(v))") }
            if let v = t.ink { f.append("ink: \(q(v))") }
            if let v = t.background { f.append("background: \(q(v))") }
            if let v = t.greyed { f.append("greyed: \(q(v))") }
            if let v = t.quadrantTitle { f.append("quadrant-title: \(q(v))") }
            if let v = t.quadrantTitles { f.append("quadrant-titles: \(v.rawValue)") }
            if let v = t.toolSize { f.append("tool-size: \(n(v))") }
            if let v = t.subtitleSize { f.append("subtitle-size: \(n(v))") }
            if let v = t.axisSize { f.append("axis-size: \(n(v))") }
            if let v = t.titleSize { f.append("title-size: \(n(v))") }
            if let v = t.markerRadius { f.append("marker-radius: \(n(v))") }
            for (key, map) in [("quadrant-fills", t.quadrantFills), ("quadrant-title-colors", t.quadrantTitleColors)] where !map.isEmpty {
                let corners = QuadrantCorner.allCases.compactMap { c in map[c.rawValue].map { "\(c.rawValue): \(q($0))" } }
                f.append("\(key): { \(corners.joined(separator: ", ")) }")
            }
            if let v = t.axisColor { f.append("axis-color: \(q(v))") }
            if let v = t.frameColor { f.append("frame-color: \(q(v))") }
            if let v = t.xLabelColor { f.append("x-label-color: \(q(v))") }
            if let v = t.yLabelColor { f.append("y-label-color: \(q(v))") }
            if let v = t.xLabels { f.append("x-labels: \(v.rawValue)") }
            if let v = t.yLabels { f.append("y-labels: \(v.rawValue)") }
            if let v = t.aspect { f.append("aspect: \(n(v))") }
            if !f.isEmpty { out += "theme: { \(f.joined(separator: ", ")) }\n" }
        }
        out += "axes:\n"
        out += "  x: { name: \(q(l.axes.x.name)), negative: \(q(l.axes.x.negative)), positive: \(q(l.axes.x.positive)) }\n"
        out += "  y: { name: \(q(l.axes.y.name)), negative: \(q(l.axes.y.negative)), positive: \(q(l.axes.y.positive)) }\n"
        out += "rings: [\(l.rings.map(q).joined(separator: ", "))]\n"
        out += list("quadrants", l.quadrants.map { qd in
            "{ id: \(q(qd.id)), title: \(q(qd.title)), x: \(qd.x.rawValue), y: \(qd.y.rawValue) }"
        })
        out += list("categories", l.categories.map { c in
            var f = ["id: \(q(c.id))", "name: \(q(c.name))"]
            if let v = c.quadrant { f.append("quadrant: \(q(v))") }
            if let v = c.ring { f.append("ring: \(q(v))") }
            if let v = c.color { f.append("color: \(q(v))") }
            return "{ \(f.joined(separator: ", ")) }"
        })
        out += list("tools", l.tools.map { t in
            var f = ["name: \(q(t.name))"]
            if t.id != Tool.makeID(name: t.name, subtitle: t.subtitle) { f.insert("id: \(q(t.id))", at: 0) }
            if let v = t.subtitle { f.append("subtitle: \(q(v))") }
            f.append("x: \(n(t.x))")
            f.append("y: \(n(t.y))")
            if !t.categories.isEmpty { f.append("categories: [\(t.categories.map(q).joined(separator: ", "))]") }
            if let v = t.url { f.append("url: \(q(v))") }
            if let v = t.was { f.append("was: \(q(v.name))") }
            if let st = t.style, !st.isEmpty {
                var g: [String] = []
                if let v = st.radius { g.append("radius: \(n(v))") }
                if let v = st.color { g.append("color: \(q(v))") }
                if let v = st.strokeColor { g.append("stroke-color: \(q(v))") }
                if let v = st.strokeWidth { g.append("stroke-width: \(n(v))") }
                f.append("style: { \(g.joined(separator: ", ")) }")
            }
            if let v = t.description { f.append("description: \(q(v))") }
            return "{ \(f.joined(separator: ", ")) }"
        })
        out += list("figures", FigureYAMLWriter.items(l.figures))
        return out
    }

    static func list(_ key: String, _ items: [String]) -> String {
        items.isEmpty ? "\(key): []\n" : "\(key):\n" + items.map { "  - \($0)\n" }.joined()
    }

    /// A double-quoted YAML string with JSON escapes.
    static func q(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    static func n(_ v: Double) -> String {
        var s = String(format: "%.4f", v)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }
}
