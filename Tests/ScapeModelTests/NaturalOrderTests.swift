import Foundation
import Testing
import ScapeGeometry
@testable import ScapeModel

/// Names sort as a reader looks them up, and the fast reading of plain names (ASCII letters,
/// digits, spaces) gives Foundation's order exactly: legends and warnings must not change
/// order because a name happens to be plain.
@Suite struct NaturalOrderTests {
    /// The order as Foundation gives it, with the same tie-break.
    func reference(_ a: String, _ b: String) -> ComparisonResult {
        let byValue = a.compare(b, options: [.caseInsensitive, .numeric])
        guard byValue == .orderedSame else { return byValue }
        return a < b ? .orderedAscending : (a == b ? .orderedSame : .orderedDescending)
    }

    @Test func plainNamesSortAsFoundationSortsThem() {
        // Short names from a small alphabet, so ties, prefixes, case and numbers (leading
        // zeros too) meet often; a few with other characters, which Foundation decides.
        let alphabet = Array("aAbB zZ0123456789") + ["-", "é", "_"]
        var rng = SplitMix64(state: 42)
        var names: [String] = ["Tool 4", "Tool 10", "tool 4", "Tool 04", "Tool", "Tool 4a", "Tool 4 ", "alpha", "Beta", "", " ", "0", "00", "10", "9"]
        for _ in 0..<600 {
            let length = Int.random(in: 0...7, using: &rng)
            names.append(String((0..<length).map { _ in alphabet[Int.random(in: 0..<(Int.random(in: 0...9, using: &rng) == 0 ? alphabet.count : alphabet.count - 3), using: &rng)] }))
        }
        var plain = 0, mismatches: [String] = []
        for a in names {
            for b in names.prefix(120) {
                if NaturalOrder.plainCompare(a, b) != nil { plain += 1 }
                if NaturalOrder.compare(a, b) != reference(a, b) { mismatches.append("'\(a)' vs '\(b)'") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(plain > names.count * 60, "most plain pairs are read as bytes: \(plain)")
        #expect(NaturalOrder.less("Tool 4", "Tool 10") && NaturalOrder.less("alpha", "Beta") && NaturalOrder.less("Tool 9", "tool 10"))
    }
}
