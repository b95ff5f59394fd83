/// Writes a landscape's figures as the `figures:` list of mlscape's YAML, every kind with
/// every option, so that `mlscape import` keeps the whole figure set.
enum FigureYAMLWriter {
    typealias W = LandscapeYAMLWriter

    /// One item of the list per figure; a figure whose data YAML does not hold (a radar's
    /// blips, the loops of a spec read on its own) comes with a comment saying where it is.
    static func items(_ figures: [Figure]) -> [String] {
        figures.map { f in
            var s = ["id: \(W.q(f.id))"]
            if let v = f.file { s.append("file: \(W.q(v))") }
            s.append("kind: \(f.kind.rawValue)")
            if let v = f.title { s.append("title: \(W.q(v))") }
            if let v = f.only { s.append("only: \(selection(v))") }
            if let v = f.highlight { s.append("highlight: \(selection(v))") }
            if !f.arrows.isEmpty { s.append("arrows: [\(f.arrows.map(arrow).joined(separator: ", "))]") }
            if let v = f.regions { s.append("regions: \(v)") }
            if let v = f.key { s.append("key: \(v)") }
            if let v = f.quadrant { s.append("quadrant: \(W.q(v))") }
            if let a = f.axisLabels {
                s.append("axes: { x: \(axis(a.x)), y: \(axis(a.y)) }")
            }
            if f.pictograms.negative != nil || f.pictograms.positive != nil {
                let sides = [("negative", f.pictograms.negative), ("positive", f.pictograms.positive)].compactMap { k, v in v.map { "\(k): \($0.rawValue)" } }
                s.append("pictograms: { \(sides.joined(separator: ", ")) }")
            }
            if !f.glyphs.isEmpty {
                s.append("glyphs: [\(f.glyphs.map { "{ quadrant: \(W.q($0.quadrant)), bold: \($0.bold.rawValue) }" }.joined(separator: ", "))]")
            }
            if let v = f.note { s.append("note: \(W.q(v))") }
            if !f.boxes.isEmpty {
                s.append("boxes: [\(f.boxes.map { b in "{ text: \(W.q(b.text))\(b.glyph.map { ", glyph: \($0.rawValue)" } ?? "") }" }.joined(separator: ", "))]")
            }
            if f.step != 0 { s.append("step: \(f.step)") }
            // Loops read from a spec file on their own keep pointing at it (named after the figure).
            if let v = f.spec ?? (f.kind == .lifecycle ? "\(f.id).yaml" : nil) { s.append("spec: \(W.q(v))") }
            if let v = f.quarter { s.append("quarter: \(v)") }
            if let v = f.bandBorders { s.append("bands: [\(v.map(W.n).joined(separator: ", "))]") }
            if !f.offBand.isEmpty { s.append("off-band: [\(f.offBand.map(W.q).joined(separator: ", "))]") }
            var item = "{ \(s.joined(separator: ", ")) }"
            if f.kind == .lifecycle && f.spec == nil { item += "  # the loops file this was read from" }
            if f.radar.map({ !$0.blips.isEmpty }) == true { item += "  # its blips come from the radar file, which YAML does not hold" }
            return item
        }
    }

    static func selection(_ v: ToolSelection) -> String {
        let lists = [("tools", v.tools), ("categories", v.categories), ("quadrants", v.quadrants), ("rings", v.rings)]
        return "{ " + lists.filter { !$0.1.isEmpty }.map { "\($0.0): [\($0.1.map(W.q).joined(separator: ", "))]" }.joined(separator: ", ") + " }"
    }

    static func arrow(_ a: TrendArrow) -> String {
        let points = a.points.map { "[\(W.n($0.x)), \(W.n($0.y))]" }.joined(separator: ", ")
        return "{ through: [\(points)], color: \(W.q(a.color)), curve: \(a.smooth ? "smooth" : "straight") }"
    }

    static func axis(_ a: Axis) -> String {
        "{ name: \(W.q(a.name)), negative: \(W.q(a.negative)), positive: \(W.q(a.positive)) }"
    }
}
