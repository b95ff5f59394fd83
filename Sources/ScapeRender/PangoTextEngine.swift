import CCairo
import ScapeGeometry
import ScapeScene

/// Lays out text with Pango for measuring, drawing and outlining, with hinting and glyph
/// rounding off so a text's size is the same at every scale and in every format: what the
/// layout measured is what the backend draws. One engine per thread (Pango is not thread-safe).
public final class PangoTextEngine {
    private let scratchSurface: OpaquePointer
    /// A context on a 1x1 surface, for measuring and for extracting glyph outlines.
    let scratch: OpaquePointer
    let context: OpaquePointer
    private let fontOptions: OpaquePointer
    private var fonts: [FontSpec: OpaquePointer] = [:]
    private var sizes: [MeasureKey: Size] = [:]

    private struct MeasureKey: Hashable {
        var text: String
        var font: FontSpec
    }

    public init() {
        scratchSurface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        scratch = cairo_create(scratchSurface)
        fontOptions = cairo_font_options_create()
        cairo_font_options_set_hint_style(fontOptions, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(fontOptions, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(fontOptions, CAIRO_ANTIALIAS_GRAY)
        context = pango_cairo_create_context(scratch)
        pango_cairo_context_set_font_options(context, fontOptions)
        pango_context_set_round_glyph_positions(context, 0)
    }

    deinit {
        for (_, desc) in fonts { pango_font_description_free(desc) }
        g_object_unref(UnsafeMutableRawPointer(context))
        cairo_font_options_destroy(fontOptions)
        cairo_destroy(scratch)
        cairo_surface_destroy(scratchSurface)
    }

    func description(for font: FontSpec) -> OpaquePointer {
        if let d = fonts[font] { return d }
        let d = pango_font_description_new()!
        pango_font_description_set_family(d, font.family)
        pango_font_description_set_absolute_size(d, font.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(d, font.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        fonts[font] = d
        return d
    }

    /// A new layout (the caller unrefs it) for `text` in `font`, lines aligned as asked.
    func makeLayout(_ text: String, font: FontSpec, alignment: TextAlignment = .left) -> OpaquePointer {
        let layout = pango_layout_new(context)!
        pango_layout_set_font_description(layout, description(for: font))
        pango_layout_set_alignment(layout, Self.pangoAlignment(alignment))
        pango_layout_set_text(layout, text, -1)
        return layout
    }

    static func pangoAlignment(_ a: TextAlignment) -> PangoAlignment {
        switch a {
        case .left: return PANGO_ALIGN_LEFT
        case .center: return PANGO_ALIGN_CENTER
        case .right: return PANGO_ALIGN_RIGHT
        }
    }

    /// The logical size of the laid-out text, in figure units.
    public func measure(_ text: String, font: FontSpec) -> Size {
        let key = MeasureKey(text: text, font: font)
        if let s = sizes[key] { return s }
        if let size = measureOneLine(text, font: font) {
            sizes[key] = size
            return size
        }
        let size = measureByLayout(text, font: font)
        sizes[key] = size
        return size
    }

    /// The logical size of `text` laid out whole: what `measureOneLine` answers for one line.
    func measureByLayout(_ text: String, font: FontSpec) -> Size {
        let layout = makeLayout(text, font: font)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let scale = Double(PANGO_SCALE)
        return Size(Double(logical.width) / scale, Double(logical.height) / scale)
    }

    /// Draws `text` on `cr` with its logical box at the text's frame origin.
    func show(_ text: SceneText, on cr: OpaquePointer) {
        let layout = makeLayout(text.text, font: text.font, alignment: text.alignment)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        cairo_move_to(cr, text.frame.minX, text.frame.minY)
        pango_cairo_show_layout(cr, layout)
    }

    /// The glyph outlines of `text` at its frame, as a path (for SVG, which must not depend on
    /// the viewer's fonts). Each glyph is outlined at the origin and moved in Swift: on the
    /// 1x1 scratch surface Cairo drops glyphs more than ten font sizes from it (its
    /// "outside the surface" cull in `_cairo_gstate_transform_glyphs_to_backend`), which cut
    /// long names short and lost second lines.
    public func outline(_ text: SceneText) -> Path {
        let layout = makeLayout(text.text, font: text.font, alignment: text.alignment)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        guard let iter = pango_layout_get_iter(layout) else { return Path() }
        defer { pango_layout_iter_free(iter) }
        let scale = Double(PANGO_SCALE)
        var out = Path()
        repeat {
            // nil at the end of each line.
            guard let run = pango_layout_iter_get_run_readonly(iter), let glyphs = run.pointee.glyphs,
                  let font = run.pointee.item?.pointee.analysis.font,
                  let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)) else { continue }
            var logical = PangoRectangle()
            pango_layout_iter_get_run_extents(iter, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale
            cairo_set_scaled_font(scratch, scaled)
            var x = Double(logical.x) / scale
            for k in 0..<Int(glyphs.pointee.num_glyphs) {
                let info = glyphs.pointee.glyphs[k]
                let at = Point(x + Double(info.geometry.x_offset) / scale, baseline + Double(info.geometry.y_offset) / scale) + text.frame.origin
                x += Double(info.geometry.width) / scale
                // No outline for an empty glyph or one no font has (Pango draws a box there).
                if info.glyph == Self.emptyGlyph || info.glyph & Self.unknownGlyphFlag != 0 { continue }
                var glyph = cairo_glyph_t(index: UInt(info.glyph), x: 0, y: 0)
                cairo_new_path(scratch)
                cairo_glyph_path(scratch, &glyph, 1)
                out.append(CairoPath.read(from: scratch).applying { $0 + at })
            }
        } while pango_layout_iter_next_run(iter) != 0
        cairo_new_path(scratch)
        return out
    }

    /// Pango's PANGO_GLYPH_EMPTY and PANGO_GLYPH_UNKNOWN_FLAG (macros Swift does not import).
    static let emptyGlyph: PangoGlyph = 0x0FFF_FFFF
    static let unknownGlyphFlag: PangoGlyph = 0x1000_0000
}

extension PangoTextEngine: TextMeasurer {}

extension PangoTextEngine {
    /// The family fontconfig actually gives for `family` (another one when it is not installed).
    public func resolvedFamily(of family: String) -> String {
        let desc = description(for: FontSpec(family: family, size: 12))
        guard let font = pango_context_load_font(context, desc) else { return family }
        defer { g_object_unref(UnsafeMutableRawPointer(font)) }
        guard let got = pango_font_describe(font) else { return family }
        defer { pango_font_description_free(got) }
        return pango_font_description_get_family(got).map { String(cString: $0) } ?? family
    }

    /// Whether fontconfig has a font of `family`, under any of the names a font has (Pango
    /// describes DejaVu Sans Condensed as DejaVu Sans, condensed).
    public func isInstalled(_ family: String) -> Bool { mlscape_fonts_named(family) > 0 }
}

extension PangoTextEngine {
    /// How many characters of `text` no installed font can draw (shown as boxes).
    public func unknownGlyphs(_ text: String, font: FontSpec) -> Int {
        let layout = makeLayout(text, font: font)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        return Int(pango_layout_get_unknown_glyphs_count(layout))
    }
}
