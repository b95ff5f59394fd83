import Foundation
import ScapeGeometry

/// A stable, line-oriented text form of a scene for snapshot tests: numbers rounded to two
/// decimals, one node per line, indentation for nesting. Diffs read like a changelog of the picture.
public enum SceneDump {
    public static func dump(_ scene: Scene) -> String {
        var lines = ["scene \(n(scene.size.width))x\(n(scene.size.height)) background \(scene.background?.hexRGB ?? "none")"]
        func walk(_ nodes: [SceneNode], _ depth: Int) {
            let pad = String(repeating: "  ", count: depth)
            for node in nodes {
                switch node {
                case .group(let g):
                    lines.append("\(pad)group \(g.id)\(g.opacity < 1 ? " opacity \(n(g.opacity))" : "")")
                    walk(g.children, depth + 1)
                case .path(let p):
                    var s = "\(pad)path \(p.id)"
                    if let f = p.fill { s += " fill \(color(f))" }
                    if let st = p.stroke { s += " stroke \(color(st.color)) \(n(st.width))\(st.dash.isEmpty ? "" : " dash \(st.dash.map(n).joined(separator: ","))")" }
                    s += " d " + pathData(p.path)
                    lines.append(s)
                case .text(let t):
                    let text = t.text.replacingOccurrences(of: "\n", with: "\\n")
                    lines.append("\(pad)text \(t.id) \"\(text)\" \(t.font.family) \(n(t.font.size)) \(color(t.color)) at \(n(t.frame.minX)),\(n(t.frame.minY)) \(n(t.frame.width))x\(n(t.frame.height)) \(t.alignment.rawValue)")
                }
            }
        }
        walk(scene.nodes, 0)
        return lines.joined(separator: "\n") + "\n"
    }

    static func color(_ c: Color) -> String {
        c.alpha < 1 ? "\(c.hexRGB)@\(n(c.alpha))" : c.hexRGB
    }

    /// SVG-like path data with two decimals.
    public static func pathData(_ path: Path) -> String {
        path.elements.map { e in
            switch e {
            case .move(let p): return "M\(n(p.x)) \(n(p.y))"
            case .line(let p): return "L\(n(p.x)) \(n(p.y))"
            case .cubic(let a, let b, let c): return "C\(n(a.x)) \(n(a.y)) \(n(b.x)) \(n(b.y)) \(n(c.x)) \(n(c.y))"
            case .close: return "Z"
            }
        }.joined(separator: " ")
    }

    /// A number with at most two decimals and no trailing zeros: 3, 3.5, 3.25; never "-0".
    /// Built from integers (SVG files hold hundreds of thousands of these; printf is slow).
    public static func n(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e15 else { return v.isFinite ? String(v) : "0" }
        let hundredths = Int((v * 100).rounded())
        if hundredths == 0 { return "0" }
        let negative = hundredths < 0
        let magnitude = abs(hundredths)
        var s = negative ? "-" : ""
        s += String(magnitude / 100)
        let frac = magnitude % 100
        if frac != 0 {
            s += frac % 10 == 0 ? ".\(frac / 10)" : (frac < 10 ? ".0\(frac)" : ".\(frac)")
        }
        return s
    }
}
