import ScapeGeometry
import ScapeRender
import ScapeScene
import Testing

/// SVG draws text as glyph outlines taken from Pango: they must hold every glyph, however
/// long the line (Cairo 1.16 dropped the glyphs of a path outside a bounded scratch surface,
/// so a label of about 30 characters lost its last letters in SVG while the PNG was whole).
@Suite struct TextOutlineTests {
    @Test(arguments: ["Cheap and easy to run in production every day", "Weights & Biases", String(repeating: "Kubeflow ", count: 12)])
    func theOutlineSpansTheMeasuredWidth(text: String) throws {
        let engine = PangoTextEngine()
        let font = FontSpec(family: "DejaVu Sans", size: 14)
        let size = engine.measure(text, font: font)
        let outline = engine.outline(SceneText(id: "t", text: text, font: font, color: .black,
                                               frame: Rect(x: 400, y: 300, width: size.width, height: size.height)))
        let bounds = try #require(outline.controlBounds, "no outline at all for '\(text)'")
        // The last glyph ends within a few units of the measured advance; a cut line ends short.
        #expect(bounds.maxX > 400 + size.width - 6, "'\(text)': outline ends at \(bounds.maxX - 400) of \(size.width)")
        #expect(bounds.minX < 400 + 6)
    }
}
