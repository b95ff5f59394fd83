import CCairo
import ScapeGeometry
import ScapeScene

extension PangoTextEngine {
    /// The logical size of a one-line text in one font, shaped as a layout shapes it, without
    /// the layout: no line-break analysis, no line objects. That is most of a measure's cost,
    /// and a map measures every name in both looks and the legend at its type size (a 300-tool
    /// map: about 2,000 texts). The size is the layout's to the Pango unit: the same run
    /// (`pango_itemize` with the layout's font), its glyphs shaped and measured as the layout
    /// does. Texts a layout treats specially get nil and are measured by a layout: line breaks,
    /// tabs, the empty text, and texts of several runs (another script or a fallback font,
    /// whose line height the layout sets by rules of its own: an emoji's run is taller than
    /// the line the layout gives it).
    func measureOneLine(_ text: String, font: FontSpec) -> Size? {
        guard !text.isEmpty, !text.unicodeScalars.contains(where: Self.laysOutSpecially) else { return nil }
        let attributes = pango_attr_list_new()!
        defer { pango_attr_list_unref(attributes) }
        pango_attr_list_insert(attributes, pango_attr_font_desc_new(description(for: font)))
        return text.withCString { bytes -> Size? in
            let length = Int32(strlen(bytes))
            guard let items = pango_itemize(context, bytes, 0, length, attributes, nil) else { return nil }
            defer { g_list_free_full(items) { pango_item_free($0?.assumingMemoryBound(to: PangoItem.self)) } }
            // One run only: the layout's line is then that run's logical box.
            guard items.pointee.next == nil else { return nil }
            let item = items.pointee.data.assumingMemoryBound(to: PangoItem.self)
            let glyphs = pango_glyph_string_new()!
            defer { pango_glyph_string_free(glyphs) }
            pango_shape_full(bytes + Int(item.pointee.offset), item.pointee.length, bytes, length, &item.pointee.analysis, glyphs)
            var ink = PangoRectangle(), logical = PangoRectangle()
            pango_glyph_string_extents(glyphs, item.pointee.analysis.font, &ink, &logical)
            let scale = Double(PANGO_SCALE)
            return Size(Double(logical.width) / scale, Double(logical.height) / scale)
        }
    }

    /// Characters a layout breaks lines at or sets by tab stops; a text with one is measured
    /// by a layout.
    static func laysOutSpecially(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
