@testable import ScapeRender
import Testing

/// SVG ids made byte by byte for plain ASCII must be the ids the character-by-character
/// mapping makes, or a figure's SVG would change with the shortcut.
@Suite struct SVGIDTests {
    /// The character-by-character mapping `uniqueID` falls back to.
    static func byCharacter(_ raw: String) -> String {
        String(raw.map { c -> Character in
            if c == "/" { return "." }
            return c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") ? c : "_"
        })
    }

    @Test func asciiIDsMatchTheCharacterMapping() {
        // Every printable ASCII byte and the controls but a carriage return, in ids.
        let bytes = (0..<128).filter { $0 != 0x0D }.map { UInt8($0) }
        var samples = ["blip/blip-12/name", "tool/gcp/marker", "", "9lives", "a b\tc", "legend/status/moved-in"]
        samples += bytes.map { String(decoding: [UInt8(ascii: "x"), $0, UInt8(ascii: "/")], as: UTF8.self) }
        for raw in samples {
            #expect(SVGWriter.asciiID(raw) == Self.byCharacter(raw), "\(raw.debugDescription)")
        }
    }

    @Test func othersAreLeftToTheCharacterMapping() {
        // A carriage return before a line feed is one character (one "_"); accents are not ASCII.
        for (raw, id) in [("a\r\nb", "a_b"), ("café", "caf_"), ("tool/naïve", "tool.na_ve")] {
            #expect(SVGWriter.asciiID(raw) == nil)
            var used = Set<String>()
            #expect(SVGWriter.uniqueID(raw, used: &used) == id)
        }
    }
}
