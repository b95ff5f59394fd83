import Foundation
import Testing
import ScapeGeometry
import ScapeInterop
import ScapeModel
import ScapeScene
@testable import ScapeRender

/// A one-line text measured by shaping its runs (the fast path every name takes) is exactly
/// the size a Pango layout gives it: otherwise a box the placer reserved would not be the box
/// drawn. Checked on every name the fixtures and the peers' samples hold, and on seeded
/// random texts mixing scripts, fallback fonts, marks, joiners and spaces, in both looks'
/// fonts, regular and bold, at the sizes figures use.
@Suite struct LineMeasureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fonts: [FontSpec] = ["Comic Neue", "DejaVu Sans Condensed"].flatMap { family in
        [7.5, 11.46, 14, 19, 23.5].flatMap { size in [FontSpec(family: family, size: size), FontSpec(family: family, size: size, weight: .bold)] }
    }

    /// Every tool, category and axis name of the examples and the peers' sample radars.
    static func fixtureTexts() throws -> [String] {
        var texts: Set<String> = []
        let folders = ["fixtures/examples", "fixtures/peers/byor", "fixtures/peers/zalando", "fixtures"]
        for folder in folders {
            let url = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where !name.hasPrefix(".") {
                guard let l = try? DataFileLoader.load(contentsOf: url.appendingPathComponent(name)).get() else { continue }
                texts.formUnion(l.tools.map(\.name))
                texts.formUnion(l.tools.compactMap(\.subtitle))
                texts.formUnion(l.categories.map(\.name))
            }
        }
        return texts.sorted()
    }

    /// Seeded random texts from a pool that reaches Pango's corners: fallback fonts (CJK,
    /// Arabic, Hebrew, emoji), combining marks, joiners, soft hyphens, no-break and leading or
    /// trailing spaces, and right-to-left runs inside left-to-right ones.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        let pool: [String] = ["a", "W", "f", "i", "T", "o", "7", " ", "  ", "&", "'", "\"", "-", "/", ".", "é", "ß", "ø", "Ω", "Ж", "中", "文", "ア",
                              "ش", "ل", "א", "ב", "😀", "👩‍💻", "\u{301}", "\u{200D}", "\u{00AD}", "\u{00A0}", "fi", "AV", "To", "ǅ", "ﬁ", "½", "→"]
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return (0..<count).map { _ in (0..<(1 + next() % 12)).map { _ in pool[next() % pool.count] }.joined() }
    }

    @Test func aOneLineTextMeasuresExactlyAsItsLayout() throws {
        let engine = PangoTextEngine()
        let texts = try Self.fixtureTexts() + Self.randomTexts(count: 400, seed: 11)
        #expect(texts.count > 500)
        var mismatches: [String] = []
        var fast = 0
        for font in Self.fonts {
            for text in texts {
                let layout = engine.measureByLayout(text, font: font)
                guard let shaped = engine.measureOneLine(text, font: font) else { continue }
                fast += 1
                if shaped != layout { mismatches.append("\(font.family) \(font.size) \(font.weight): \(text.debugDescription) \(shaped) vs \(layout)") }
            }
        }
        #expect(fast > texts.count * Self.fonts.count / 2, "most names take the fast path: \(fast) of \(texts.count * Self.fonts.count)")
        #expect(mismatches.count == 0, "\(mismatches.count) differ, e.g. \(mismatches.prefix(5))")
    }

    /// Line breaks and tabs are the layout's to set: those texts are measured by a layout.
    @Test func aTextWithALineBreakOrTabIsMeasuredByItsLayout() {
        let engine = PangoTextEngine()
        let font = FontSpec(family: "Comic Neue", size: 14)
        for text in ["two\nlines", "tab\tstop", "", "carriage\rreturn", "para\u{2029}graph"] {
            #expect(engine.measureOneLine(text, font: font) == nil, "\(text.debugDescription)")
            #expect(engine.measure(text, font: font) == engine.measureByLayout(text, font: font))
        }
        #expect(engine.measure("two\nlines", font: font).height > engine.measure("two lines", font: font).height * 1.5)
    }
}
