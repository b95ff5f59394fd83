import Foundation
import ScapeGeometry

/// Seeded random text that holds what breaks readers and writers: quotes, apostrophes,
/// ampersands, commas, semicolons, tabs, line breaks, markup and YAML syntax, non-Latin
/// scripts, combining accents and emoji. Each text starts and ends with a letter (readers
/// trim the ends of a field, as they should), so what is written is what must come back.
struct MeanText {
    static let pieces = ["\"", "'", "&", ",", ";", "\t", "\n", "<", ">", "&amp;", "]]>", "#", ": ", "{", "}", "[", "]", "%",
                         "\\", "日本語", "Ελληνικά", "العربية", "हिन्दी", "🚀", "👩‍💻", "🇩🇪", "e\u{301}", " ", " - ", "*", "|", "?",
                         "=", "@", "`", "~", "$", "\"\"", "''", "\\n", "&#10;", "</script>", "-->", "null", "0.5", "yes"]
    static let words = ["Air", "flow", "Ray", "Kübel", "Серв", "数据", "Lake", "Hub", "Ops", "ML"]

    /// How many cases a property runs: a few hundred, or fifty times more with MLSCAPE_SOAK=1
    /// (a long run before a release; the seed in each message replays a failure).
    static func cases(_ n: Int) -> Int {
        ProcessInfo.processInfo.environment["MLSCAPE_SOAK"] == "1" ? n * 50 : n
    }

    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(state: seed) }

    mutating func pick<T>(_ list: [T]) -> T { list[Int(rng.next() % UInt64(list.count))] }
    mutating func chance(_ oneIn: UInt64) -> Bool { rng.next() % oneIn == 0 }

    /// A text of a word, up to five mean pieces each followed by a word, `avoiding` some characters.
    mutating func text(avoiding: Set<Character> = []) -> String {
        var out = pick(Self.words)
        for _ in 0..<Int(rng.next() % 6) {
            out += pick(Self.pieces) + pick(Self.words)
        }
        return String(out.filter { !avoiding.contains($0) })
    }

    /// A URL with a query that holds the characters that need escaping in markup.
    mutating func url() -> String {
        "https://example.com/\(pick(Self.words))?a=1&b=\"\(pick(["x", "'y'", "<z>", "%20"]))\"#\(pick(["top", "ö", "&"]))"
    }

    /// The file's text as a user's editor may have saved it: LF or CRLF line ends, a byte-order
    /// mark or not, a final line break or not.
    mutating func saved(_ text: String) -> (text: String, how: String) {
        var t = text
        var how: [String] = []
        if chance(2) { t = t.replacingOccurrences(of: "\n", with: "\r\n"); how.append("CRLF") }
        if chance(3) { t = "\u{FEFF}" + t; how.append("BOM") }
        if chance(2) {
            while t.hasSuffix("\n") || t.hasSuffix("\r\n") { t.removeLast() }
            how.append("no final newline")
        }
        return (t, how.joined(separator: ", "))
    }
}
