import Testing
import ScapeGeometry
import ScapeRender
import ScapeScene

/// SVG text is written as glyph outlines: they must cover the whole text, however long and
/// on however many lines, where it was measured. (Cairo culls glyphs far from a small
/// surface; the outlines once stopped about ten font sizes into a name.)
@Suite struct TextOutlineTests {
    let engine = PangoTextEngine()
    let font = FontSpec(family: "DejaVu Sans", size: 15)

    func outlineBox(_ text: String, at origin: Point, alignment: TextAlignment = .left) -> (outline: Rect, measured: Rect) {
        let size = engine.measure(text, font: font)
        let frame = Rect(origin: origin, size: size)
        let path = engine.outline(SceneText(id: "t", text: text, font: font, color: .black, frame: frame, alignment: alignment))
        return (path.controlBounds ?? Rect(x: 0, y: 0, width: 0, height: 0), frame)
    }

    @Test(arguments: ["Azure Machine Learning Studio Designer and Pipelines", "Amazon SageMaker Feature Store Online and Offline"])
    func aLongNameIsOutlinedToItsLastLetter(name: String) {
        let (outline, measured) = outlineBox(name, at: Point(600, 400))
        #expect(measured.width > 10 * font.size, "the test needs a name longer than Cairo's cull distance")
        // Where the last letter's ink ends: the text's advance less that letter's own right
        // side bearing (its advance past its ink), measured on the letter alone.
        let last = String(name.last!)
        let (letterInk, letterBox) = outlineBox(last, at: Point(0, 0))
        let inkEnd = measured.maxX - (letterBox.maxX - letterInk.maxX)
        // 0.5 pt: kerning between the last two letters moves the last one by a fraction of
        // a point; a missing last letter moves the end by its whole width (about 8 pt here).
        #expect(abs(outline.maxX - inkEnd) <= 0.5, "outline ends at \(outline.maxX), the last letter's ink at \(inkEnd)")
        let first = String(name.first!)
        let (firstInk, firstBox) = outlineBox(first, at: Point(0, 0))
        #expect(abs(outline.minX - (measured.minX + firstInk.minX - firstBox.minX)) <= 0.5, "outline starts at \(outline.minX)")
    }

    @Test func everyLineOfAWrappedNameIsOutlined() {
        let (outline, measured) = outlineBox("Weights and Biases\nArtifacts and Registry\nModel Cards", at: Point(300, 200), alignment: .center)
        let line = engine.measure("Model Cards", font: font).height
        #expect(measured.height > 2.5 * line)
        #expect(outline.maxY >= measured.maxY - line * 0.5, "the last line is missing: outline to \(outline.maxY), text to \(measured.maxY)")
        #expect(outline.minY <= measured.minY + line * 0.5)
    }

    @Test(arguments: ["   ", ""])
    func spacesAndEmptyTextOutlineToNoInkWithoutCrashing(text: String) {
        let box = engine.outline(SceneText(id: "t", text: text, font: font, color: .black, frame: Rect(x: 5, y: 5, width: 10, height: 10))).controlBounds
        #expect((box?.width ?? 0) == 0 && (box?.height ?? 0) == 0)
    }
}
