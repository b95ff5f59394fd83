import Foundation
import ScapeModel

/// Where a tool is written in its data file, for located layout messages: the first line
/// that names it (`name: X` in YAML, `X,` in CSV, `X:` in a Mermaid chart), as line:col.
struct ToolLocations {
    let lines: [Substring]
    /// Where each of `names` is first written, found in one pass over the file, so locating
    /// every warning of a 10,000-blip radar costs one read of the file, not one per warning.
    private var index: [String: (line: Int, column: Int)] = [:]
    private let indexed: Set<String>

    /// How many located lines a command prints before it sums up the rest.
    static let shownLimit = 20

    /// `names`: those `location(of:)` will be asked about most (`names(in:)`); others are
    /// found by a scan of their own.
    init(path: String?, names: Set<String> = []) {
        let text = path.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        lines = Self.lines(of: text)
        indexed = names
        buildIndex()
    }

    /// The text's lines, as `text.split(omittingEmptySubsequences: false, whereSeparator:
    /// \.isNewline)` gives them (any line ending: "\r\n", what Excel and Python's csv write,
    /// is one), found over the UTF-8 bytes: splitting by Characters cost a 100,000-tool CSV
    /// 150 ms. The newline characters are LF, VT, FF, CR, CR LF, NEL, LS and PS; each is
    /// followed by a character boundary, so every piece is a whole run of Characters.
    static func lines(of text: String) -> [Substring] {
        var out: [Substring] = []
        let bytes = text.utf8
        var start = bytes.startIndex, i = start
        while i != bytes.endIndex {
            let b = bytes[i]
            var next = bytes.index(after: i)
            var isNewline = false
            switch b {
            case 0x0A, 0x0B, 0x0C:
                isNewline = true
            case 0x0D:
                isNewline = true
                if next != bytes.endIndex && bytes[next] == 0x0A { next = bytes.index(after: next) }
            case 0xC2:  // NEL, U+0085
                if next != bytes.endIndex && bytes[next] == 0x85 { isNewline = true; next = bytes.index(after: next) }
            case 0xE2:  // LS and PS, U+2028 and U+2029
                if next != bytes.endIndex && bytes[next] == 0x80 {
                    let third = bytes.index(after: next)
                    if third != bytes.endIndex && (bytes[third] == 0xA8 || bytes[third] == 0xA9) { isNewline = true; next = bytes.index(after: third) }
                }
            default:
                break
            }
            if isNewline {
                out.append(text[start..<i])
                start = next
            }
            i = next
        }
        out.append(text[start..<bytes.endIndex])
        return out
    }

    /// A name counts where it ends before a character that is not a letter or digit: each
    /// line is cut at those ends, at every length a name has, and the pieces looked up; a
    /// piece found is confirmed by the scan's own rule (`firstWhole`), so both agree.
    private mutating func buildIndex() {
        let lengths = Set(indexed.map(\.count)).sorted()
        guard !lengths.isEmpty else { return }
        // A piece is made into a string only when its first and last characters can start
        // and end a name (most cannot: 'Tool 12,0.5,0.3' has few).
        let firsts = Set(indexed.compactMap(\.first)), lasts = Set(indexed.compactMap(\.last))
        // The same for a line of plain ASCII, read as bytes (one byte, one Character there):
        // a CSV of 100,000 tools is 100,000 such lines.
        func byte(_ c: Character) -> UInt8? { c.utf8.count == 1 ? c.utf8.first : nil }
        let firstBytes = Set(firsts.compactMap(byte)), lastBytes = Set(lasts.compactMap(byte))
        for (k, line) in lines.enumerated() {
            let readAsASCII: Bool? = line.utf8.withContiguousStorageIfAvailable { bytes in
                guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
                for end in 1...max(1, bytes.count) where end <= bytes.count && lastBytes.contains(bytes[end - 1])
                    && (end == bytes.count || !ASCIIByte.isLetterOrDigit(bytes[end])) {
                    for length in lengths where length <= end && firstBytes.contains(bytes[end - length]) {
                        let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[(end - length)..<end]), as: UTF8.self)
                        guard index[piece] == nil, indexed.contains(piece), let column = Self.firstWhole(piece, in: line) else { continue }
                        index[piece] = (k + 1, column)
                    }
                }
                return true
            }
            if readAsASCII == true { continue }
            let chars = Array(line)
            for end in 1...max(1, chars.count) where end <= chars.count && lasts.contains(chars[end - 1])
                && (end == chars.count || !(chars[end].isLetter || chars[end].isNumber)) {
                for length in lengths where length <= end && firsts.contains(chars[end - length]) {
                    let piece = String(chars[(end - length)..<end])
                    guard index[piece] == nil, indexed.contains(piece), let column = Self.firstWhole(piece, in: line) else { continue }
                    index[piece] = (k + 1, column)
                }
            }
        }
    }

    /// Where the first tool a layout message names (in '...') is written, so every layout
    /// warning points at its tool's line. `names`: the tools' (and blips') names.
    func location(inMessage message: String, names: Set<String>) -> (line: Int, column: Int)? {
        for name in Self.quoted(in: message) where names.contains(name) {
            if let place = location(of: name) { return place }
        }
        return nil
    }

    /// The texts a message quotes ('A' and 'B' in "before 'A' after 'B'"), in order.
    static func quoted(in message: String) -> [String] {
        // Plain ASCII split as bytes (each is a Character there); other text by Characters,
        // where a combining mark after a quote makes it no quote.
        if message.utf8.allSatisfy({ $0 < 0x80 }) {
            let parts = message.utf8.split(separator: UInt8(ascii: "'"), omittingEmptySubsequences: false)
            return stride(from: 1, to: parts.count - 1, by: 2).map { String(Substring(parts[$0])) }
        }
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        // Quoted text sits at the odd parts.
        return stride(from: 1, to: parts.count - 1, by: 2).map { String(parts[$0]) }
    }

    /// The names a layout message may quote: every tool's, and every radar blip's.
    static func names(in landscape: Landscape) -> Set<String> {
        Set(landscape.tools.map(\.name) + landscape.figures.compactMap(\.radar).flatMap(\.blips).map(\.name))
    }

    func location(of name: String) -> (line: Int, column: Int)? {
        if indexed.contains(name) { return index[name] }
        for (k, line) in lines.enumerated() {
            if let column = Self.firstWhole(name, in: line) { return (k + 1, column) }
        }
        return nil
    }

    /// The column of the name's first occurrence in the line, when it is a whole name there.
    static func firstWhole(_ name: String, in line: Substring) -> Int? {
        guard let r = line.range(of: name) else { return nil }
        // A whole name: what follows is not more of a longer name.
        let after = line[r.upperBound...].first
        guard after == nil || !(after!.isLetter || after!.isNumber) else { return nil }
        return line.distance(from: line.startIndex, to: r.lowerBound) + 1
    }
}
