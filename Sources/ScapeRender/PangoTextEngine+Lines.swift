import CCairo
import ScapeGeometry
import ScapeScene

/// One line of a laid-out text: where Pango put it, so a real-text layer can lie exactly over
/// the glyph outlines.
public struct LaidOutLine: Equatable, Sendable {
    public var text: String
    /// The line's logical box, in figure units.
    public var frame: Rect
    /// The baseline's y, in figure units.
    public var baseline: Double
}

extension PangoTextEngine {
    /// The lines of `text` as Pango lays them out at the text's frame (the same layout as
    /// `outline(_:)`), with their boxes and baselines.
    public func lines(of text: SceneText) -> [LaidOutLine] {
        let layout = makeLayout(text.text, font: text.font, alignment: text.alignment)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        guard let iter = pango_layout_get_iter(layout) else { return [] }
        defer { pango_layout_iter_free(iter) }
        let bytes = Array(text.text.utf8)
        let scale = Double(PANGO_SCALE)
        var out: [LaidOutLine] = []
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { break }
            let start = Int(line.pointee.start_index), length = Int(line.pointee.length)
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, &ink, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale
            guard start >= 0, length > 0, start + length <= bytes.count else { continue }
            let content = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
            let frame = Rect(x: text.frame.minX + Double(logical.x) / scale, y: text.frame.minY + Double(logical.y) / scale,
                             width: Double(logical.width) / scale, height: Double(logical.height) / scale)
            out.append(LaidOutLine(text: content, frame: frame, baseline: text.frame.minY + baseline))
        } while pango_layout_iter_next_line(iter) != 0
        return out
    }
}
