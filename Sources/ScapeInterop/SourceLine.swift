import ScapeModel

/// One line of a text file as characters, so a parser can point at a column. Line-based
/// formats (Mermaid) work on these; columns count characters from 1, like the YAML messages.
struct SourceLine {
    let number: Int
    let chars: [Character]

    /// The lines of `text`, split at `\n`, `\r\n` and `\r`.
    static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var current: [Character] = []
        for ch in text {
            if ch == "\n" || ch == "\r\n" || ch == "\r" {
                lines.append(SourceLine(number: lines.count + 1, chars: current))
                current = []
            } else if !(lines.isEmpty && current.isEmpty && ch == "\u{FEFF}") {
                current.append(ch)
            }
        }
        lines.append(SourceLine(number: lines.count + 1, chars: current))
        return lines
    }

    func location(_ index: Int, file: String) -> SourceLocation {
        SourceLocation(file: file, line: number, column: index + 1)
    }

    func text(_ range: Range<Int>) -> String { String(chars[range]) }

    /// `range` without the white space at either end.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, chars[lo].isWhitespace { lo += 1 }
        while hi > lo, chars[hi - 1].isWhitespace { hi -= 1 }
        return lo..<hi
    }

    /// The whole line without surrounding white space.
    var content: Range<Int> { trimmed(0..<chars.count) }

    /// The first index at or after `start` (and before `end`) holding `ch`.
    func firstIndex(of ch: Character, from start: Int, to end: Int? = nil) -> Int? {
        var i = start
        let stop = end ?? chars.count
        while i < stop {
            if chars[i] == ch { return i }
            i += 1
        }
        return nil
    }

    /// True when the characters at `index` spell `word`, ignoring case.
    func matches(_ word: String, at index: Int) -> Bool {
        let w = Array(word.lowercased())
        guard index >= 0, index + w.count <= chars.count else { return false }
        for (k, c) in w.enumerated() where chars[index + k].lowercased() != String(c) { return false }
        return true
    }

    /// True when `word` starts the range at `index` and ends at white space or the range's end:
    /// `title Reach` starts with `title`, `titles` does not.
    func startsWithKeyword(_ word: String, at index: Int, end: Int) -> Bool {
        guard matches(word, at: index) else { return false }
        let after = index + word.count
        return after == end || chars[after].isWhitespace
    }
}
