import Foundation
import Testing
@testable import mlscape

/// Warnings point at their tool's line through an index built in one pass over the file (a
/// 10,000-blip radar has thousands of warnings); it answers as the line-by-line scan does.
@Suite struct ToolLocationIndexTests {
    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("locations-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The scan the index replaces: the first line whose first occurrence of the name is whole.
    func scanned(_ name: String, _ lines: [Substring]) -> (line: Int, column: Int)? {
        for (k, line) in lines.enumerated() {
            if let column = ToolLocations.firstWhole(name, in: line) { return (k + 1, column) }
        }
        return nil
    }

    @Test func theIndexAnswersAsTheScanForPrefixesInnerWordsAndLineEndings() throws {
        let text = "name,ring\r\nAlpha 1x,Alpha 1\r\nBlip 497,Adopt\r\nBlip 49,Trial\r\nxBlip 4,Hold\r\nBlip 4x,Hold,Blip 4\r\nÉcole,Adopt\nMy Blip 49,Trial\nAlpha 1,Hold\n"
        let names: Set<String> = ["Alpha 1", "Blip 497", "Blip 49", "Blip 4", "École", "My Blip 49", "Missing", "Adopt"]
        let path = try file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let indexed = ToolLocations(path: path, names: names)
        for name in names {
            let a = indexed.location(of: name), b = scanned(name, indexed.lines)
            #expect(a?.line == b?.line && a?.column == b?.column, "\(name): index \(String(describing: a)), scan \(String(describing: b))")
        }
        // A name whose first occurrence on a line is part of a longer one is not on that line.
        #expect(indexed.location(of: "Alpha 1")?.line == 9)
        #expect(indexed.location(of: "Blip 49")?.line == 4)
        #expect(indexed.location(of: "Blip 4")?.line == 5)
    }

    @Test func theLinesAreThoseOfASplitOnEveryNewlineCharacter() {
        let pieces = ["", "a", "Tool 1,0.5", "\n", "\r", "\r\n", "\n\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
                      "École", "\u{301}", "é", "\u{2027}", "\u{C2}", "🙂", "x\r\n\r\n"]
        var state: UInt64 = 7
        var texts = pieces
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            texts.append(text)
        }
        for text in texts {
            let expected = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            #expect(ToolLocations.lines(of: text) == expected, "\(text.debugDescription)")
        }
    }
}
