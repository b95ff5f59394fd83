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

    /// SVG-like path data with two decimals. Written as bytes: an SVG holds hundreds of
    /// thousands of these numbers, and a String per number was most of the SVG writer's time.
    public static func pathData(_ path: Path) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(path.elements.count * 16)
        for (k, e) in path.elements.enumerated() {
            if k > 0 { out.append(0x20) }
            switch e {
            case .move(let p): out.append(0x4D); appendPair(p, to: &out)
            case .line(let p): out.append(0x4C); appendPair(p, to: &out)
            case .cubic(let a, let b, let c):
                out.append(0x43); appendPair(a, to: &out); out.append(0x20); appendPair(b, to: &out); out.append(0x20); appendPair(c, to: &out)
            case .close: out.append(0x5A)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendPair(_ p: Point, to out: inout [UInt8]) {
        appendNumber(p.x, to: &out)
        out.append(0x20)
        appendNumber(p.y, to: &out)
    }

    /// `n(v)`'s bytes, appended without a String in between: written right to left into a
    /// few bytes on the stack and appended at once (a byte-by-byte append checks the array's
    /// room and uniqueness for each; an SVG has hundreds of thousands of numbers).
    static func appendNumber(_ v: Double, to out: inout [UInt8]) {
        guard v.isFinite, abs(v) < 1e15 else { out += Array(n(v).utf8); return }
        let hundredths = Int((v * 100).rounded())
        if hundredths == 0 { out.append(0x30); return }
        // At most 17 digits, a point and a sign.
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { raw in
            let b = raw.bindMemory(to: UInt8.self)
            var i = b.count
            let magnitude = hundredths.magnitude
            let frac = magnitude % 100
            if frac != 0 {
                if frac % 10 != 0 {
                    i -= 1
                    b[i] = UInt8(truncatingIfNeeded: 0x30 + frac % 10)
                }
                i -= 1
                b[i] = UInt8(truncatingIfNeeded: 0x30 + frac / 10)
                i -= 1
                b[i] = 0x2E
            }
            var whole = magnitude / 100
            repeat {
                i -= 1
                b[i] = UInt8(truncatingIfNeeded: 0x30 + whole % 10)
                whole /= 10
            } while whole > 0
            if hundredths < 0 {
                i -= 1
                b[i] = 0x2D
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i...]))
        }
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
