import CCairo
import ScapeGeometry
import ScapeScene

/// Replays a scene on a Cairo context. It decides nothing: every coordinate, colour and font
/// is already in the scene.
struct CairoScenePainter {
    let text: PangoTextEngine

    func paint(_ scene: Scene, on cr: OpaquePointer) {
        if let bg = scene.background {
            setColor(bg, on: cr)
            cairo_paint(cr)
        }
        paint(scene.nodes, on: cr)
    }

    private func paint(_ nodes: [SceneNode], on cr: OpaquePointer) {
        for node in nodes {
            switch node {
            case .group(let g):
                // Cairo turns a link tag into a clickable area in PDF (other surfaces ignore it).
                let uri = g.link.map { "uri='\($0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'"))'" }
                if let uri { cairo_tag_begin(cr, CAIRO_TAG_LINK, uri) }
                defer { if uri != nil { cairo_tag_end(cr, CAIRO_TAG_LINK) } }
                if g.opacity < 1 {
                    cairo_push_group(cr)
                    paint(g.children, on: cr)
                    cairo_pop_group_to_source(cr)
                    cairo_paint_with_alpha(cr, g.opacity)
                } else {
                    paint(g.children, on: cr)
                }
            case .path(let p):
                draw(p, on: cr)
            case .text(let t):
                setColor(t.color, on: cr)
                text.show(t, on: cr)
            }
        }
    }

    private func draw(_ p: ScenePath, on cr: OpaquePointer) {
        CairoPath.set(p.path, on: cr)
        if let fill = p.fill {
            setColor(fill, on: cr)
            if p.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let s = p.stroke {
            setColor(s.color, on: cr)
            cairo_set_line_width(cr, s.width)
            cairo_set_line_cap(cr, s.cap == .round ? CAIRO_LINE_CAP_ROUND : s.cap == .square ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT)
            cairo_set_line_join(cr, s.join == .round ? CAIRO_LINE_JOIN_ROUND : s.join == .bevel ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_MITER)
            s.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    private func setColor(_ c: Color, on cr: OpaquePointer) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }
}
