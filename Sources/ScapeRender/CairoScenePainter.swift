import CCairo
import ScapeGeometry
import ScapeScene

/// Replays a scene on a Cairo context. It decides nothing: every coordinate, colour and font
/// is already in the scene.
struct CairoScenePainter {
    let text: PangoTextEngine

    func paint(_ scene: Scene, on cr: OpaquePointer) {
        // Pixels are counted on rasters only (`pixelsFilled`): the box of each fill and stroke
        // inside the clip (the band being drawn), in device pixels.
        let raster = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE
        let pixels = raster ? PixelCount(cr) : nil
        let sampling = raster ? RasterSampling(cr) : nil
        if let bg = scene.background {
            setColor(bg, on: cr)
            pixels?.add(nil, outset: 0)
            cairo_paint(cr)
        }
        paint(scene.nodes, on: cr, pixels, sampling)
    }

    private func paint(_ nodes: [SceneNode], on cr: OpaquePointer, _ pixels: PixelCount?, _ sampling: RasterSampling?) {
        for node in nodes {
            switch node {
            case .group(let g):
                // Cairo turns a link tag into a clickable area in PDF (other surfaces ignore it).
                let uri = g.link.map { "uri='\($0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'"))'" }
                if let uri { cairo_tag_begin(cr, CAIRO_TAG_LINK, uri) }
                defer { if uri != nil { cairo_tag_end(cr, CAIRO_TAG_LINK) } }
                if g.opacity < 1 {
                    cairo_push_group(cr)
                    paint(g.children, on: cr, pixels, sampling)
                    cairo_pop_group_to_source(cr)
                    cairo_paint_with_alpha(cr, g.opacity)
                } else {
                    paint(g.children, on: cr, pixels, sampling)
                }
            case .path(let p):
                if let pixels {
                    if p.fill != nil { pixels.add(p.path.controlBounds, outset: 0) }
                    if let s = p.stroke { pixels.add(p.path.controlBounds, outset: s.width / 2) }
                }
                draw(p, on: cr, sampling)
            case .text(let t):
                setColor(t.color, on: cr)
                text.show(t, on: cr)
            }
        }
    }

    private func draw(_ p: ScenePath, on cr: OpaquePointer, _ sampling: RasterSampling?) {
        if p.fill == nil, let s = p.stroke, let runs = separateRuns(p.path, s, on: cr) {
            // Each run of lines apart from the others stroked on its own: the same union of
            // strokes, drawn faster (`SeparatedSubpaths`).
            setColor(s.color, on: cr)
            setStyle(s, on: cr, sampling)
            for run in runs {
                CairoPath.set(Path(elements: run.flatMap { p.path.elements[$0] }), on: cr)
                cairo_stroke(cr)
            }
            return
        }
        CairoPath.set(p.path, on: cr)
        if let fill = p.fill {
            setColor(fill, on: cr)
            sampling?.set(for: nil, on: cr)
            if p.stroke != nil { cairo_fill_preserve(cr) } else { cairo_fill(cr) }
        }
        if let s = p.stroke {
            setColor(s.color, on: cr)
            setStyle(s, on: cr, sampling)
            cairo_stroke(cr)
        }
        cairo_new_path(cr)
    }

    private func setStyle(_ s: StrokeStyle, on cr: OpaquePointer, _ sampling: RasterSampling?) {
        sampling?.set(for: s, on: cr)
        cairo_set_line_width(cr, s.width)
        cairo_set_line_cap(cr, s.cap == .round ? CAIRO_LINE_CAP_ROUND : s.cap == .square ? CAIRO_LINE_CAP_SQUARE : CAIRO_LINE_CAP_BUTT)
        cairo_set_line_join(cr, s.join == .round ? CAIRO_LINE_JOIN_ROUND : s.join == .bevel ? CAIRO_LINE_JOIN_BEVEL : CAIRO_LINE_JOIN_MITER)
        s.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }

    /// Runs of a stroke-only path to stroke one by one, on a raster only (vector surfaces keep
    /// one path, as the SVG does), for solid strokes whose reach is within 1.5 widths of the
    /// line (no miter joins): apart by that reach plus two device pixels, two runs share no pixel.
    private func separateRuns(_ path: Path, _ s: StrokeStyle, on cr: OpaquePointer) -> [[Range<Int>]]? {
        guard s.dash.isEmpty, s.join != .miter, cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE else { return nil }
        let scale = devicePixelsPerUnit(cr)
        guard scale > 0, scale.isFinite else { return nil }
        return SeparatedSubpaths.runs(of: path, margin: 1.5 * s.width + 2 / scale)
    }

    private func setColor(_ c: Color, on cr: OpaquePointer) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }
}

/// Counts `pixelsFilled` for one raster: boxes in user space, clipped, scaled to device pixels.
private final class PixelCount {
    let cr: OpaquePointer
    let work = WorkAccumulator()
    let clip: Rect
    let scale: Double

    init(_ cr: OpaquePointer) {
        self.cr = cr
        var x1 = 0.0, y1 = 0.0, x2 = 0.0, y2 = 0.0
        cairo_clip_extents(cr, &x1, &y1, &x2, &y2)
        clip = Rect(x: x1, y: y1, width: x2 - x1, height: y2 - y1)
        scale = devicePixelsPerUnit(cr)
    }

    /// A box (nil: the whole clip) grown by `outset`.
    func add(_ box: Rect?, outset: Double) {
        guard let box else {
            work.count(.pixelsFilled, Int(clip.width * scale * clip.height * scale))
            return
        }
        let grown = Rect(x: box.minX - outset, y: box.minY - outset, width: box.width + 2 * outset, height: box.height + 2 * outset)
        let x0 = max(grown.minX, clip.minX), x1 = min(grown.maxX, clip.maxX)
        let y0 = max(grown.minY, clip.minY), y1 = min(grown.maxY, clip.maxY)
        guard x1 > x0, y1 > y0 else { return }
        work.count(.pixelsFilled, Int(((x1 - x0) * scale * (y1 - y0) * scale).rounded()))
    }
}

/// Device pixels per user-space unit of `cr` (the figure's scale once the context is scaled).
func devicePixelsPerUnit(_ cr: OpaquePointer) -> Double {
    var dx = 1.0, dy = 0.0
    cairo_user_to_device_distance(cr, &dx, &dy)
    return (dx * dx + dy * dy).squareRoot()
}
