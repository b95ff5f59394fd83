import Foundation

/// The one pass every reader's landscape goes through before any writer sees it, so SVG, HTML,
/// PDF, Excalidraw and the live page all get the same safe text:
///
/// - a `url` is a link only if, once control characters are removed, its scheme is http, https
///   or mailto; anything else (`javascript:`, `data:`, `vbscript:`, `java\tscript:`, no scheme)
///   is not made a link, with a located warning;
/// - bidirectional control characters (U+202A-202E, U+2066-2069) are removed from names,
///   subtitles, descriptions and urls, with a warning: `https://example.com/\u{202E}moc.live`
///   would otherwise show as `.../evil.com`.
public enum LinkAndTextSanitiser {
    public static let linkSchemes: Set<String> = ["http", "https", "mailto"]

    static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
    }

    /// C0 and C1 controls and DEL: browsers drop tabs and newlines inside a url, which is how
    /// `java\tscript:` becomes live.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value)
    }

    /// The text without bidirectional controls, and whether any were there.
    public static func withoutBidi(_ text: String) -> (text: String, removed: Bool) {
        // Every bidirectional control is written E2 80 xx or E2 81 xx: text without an E2 byte
        // (every plain ASCII name) holds none, found without decoding a scalar.
        guard text.utf8.contains(0xE2), text.unicodeScalars.contains(where: isBidiControl) else { return (text, false) }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.filter { !isBidiControl($0) })
        return (String(out), true)
    }

    /// The url to link to, or nil when it must not be a link.
    public static func linkTarget(_ url: String) -> String? {
        var cleaned = String.UnicodeScalarView()
        cleaned.append(contentsOf: url.unicodeScalars.filter { !isControl($0) && !isBidiControl($0) })
        let text = String(cleaned).trimmingCharacters(in: .whitespaces)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon].lowercased()
        guard linkSchemes.contains(scheme) else { return nil }
        return text
    }

    /// Cleans `landscape` in place; a warning for each thing changed, located in `text` (the
    /// data file) where the value can be found.
    /// `text` is read only when there is something to warn of.
    public static func sanitise(_ landscape: inout Landscape, file: String, text: @escaping () -> String?) -> [Diagnostic] {
        let finder = ValueFinder(file: file, text: text)
        var out: [Diagnostic] = []
        // The message and the nearby texts are made only for a value that changes (rarely).
        func clean(_ value: inout String, what: @autoclosure () -> String, near: @autoclosure () -> [String]) {
            let (cleaned, removed) = withoutBidi(value)
            guard removed else { return }
            out.append(.warning("\(what()) held right-to-left or left-to-right control characters (U+202A-202E, U+2066-2069); they were removed",
                                at: finder.location(of: [value] + near())))
            value = cleaned
        }
        func clean(_ value: inout String?, what: @autoclosure () -> String, near: @autoclosure () -> [String]) {
            guard var v = value else { return }
            clean(&v, what: what(), near: near())
            value = v
        }
        func link(_ url: inout String?, owner: @autoclosure () -> String, near: @autoclosure () -> [String]) {
            guard let raw = url else { return }
            if let target = linkTarget(raw) {
                if target != raw {
                    let (_, hadBidi) = withoutBidi(raw)
                    if hadBidi {
                        out.append(.warning("\(owner()): its url held right-to-left or left-to-right control characters (U+202A-202E, U+2066-2069); they were removed",
                                            at: finder.location(of: [raw] + near())))
                    }
                }
                url = target
            } else {
                let shown = String(String.UnicodeScalarView(raw.unicodeScalars.filter { !isControl($0) && !isBidiControl($0) }).prefix(80))
                out.append(.warning("\(owner()): its url '\(shown)' is not made a link: only http, https and mailto urls are",
                                    at: finder.location(of: [raw] + near())))
                url = nil
            }
        }
        for i in landscape.tools.indices {
            let t = landscape.tools[i]
            let name = t.name
            // Where the tool is written: any of its texts found in the file.
            let near = { [name, t.subtitle, t.url, t.description].compactMap { $0 } }
            clean(&landscape.tools[i].name, what: "tool '\(withoutBidi(name).text)': its name", near: near())
            clean(&landscape.tools[i].subtitle, what: "tool '\(withoutBidi(name).text)': its subtitle", near: near())
            clean(&landscape.tools[i].description, what: "tool '\(withoutBidi(name).text)': its description", near: near())
            link(&landscape.tools[i].url, owner: "tool '\(withoutBidi(name).text)'", near: near())
        }
        for i in landscape.categories.indices {
            let (name, id) = (landscape.categories[i].name, landscape.categories[i].id)
            clean(&landscape.categories[i].name, what: "category '\(withoutBidi(name).text)': its name", near: [id])
        }
        for f in landscape.figures.indices {
            guard var radar = landscape.figures[f].radar else { continue }
            for b in radar.blips.indices {
                let name = radar.blips[b].name
                clean(&radar.blips[b].name, what: "blip '\(withoutBidi(name).text)': its name", near: [name])
                clean(&radar.blips[b].description, what: "blip '\(withoutBidi(name).text)': its description", near: [name])
                link(&radar.blips[b].url, owner: "blip '\(withoutBidi(name).text)'", near: [name])
            }
            landscape.figures[f].radar = radar
        }
        return out
    }
}

/// Finds where a value is written in a data file: the first line holding it (or, failing
/// that, the first holding one of the nearby texts, such as the tool's name).
private final class ValueFinder {
    let file: String
    private let read: () -> String?
    private lazy var lines: [Substring] = (read() ?? "").split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)

    init(file: String, text: @escaping () -> String?) {
        self.file = file
        read = text
    }

    /// Each candidate as written, then its longest runs without control characters (a value
    /// written with escapes, `"a\u202Eb"`, is not in the file as it was read).
    func location(of candidates: [String]) -> SourceLocation? {
        let pieces = candidates.flatMap { c -> [String] in
            let runs = c.unicodeScalars.split { LinkAndTextSanitiser.isControl($0) || LinkAndTextSanitiser.isBidiControl($0) }
                .map { String(String.UnicodeScalarView($0)) }.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
            return [c] + runs
        }
        for candidate in pieces where !candidate.isEmpty {
            for (k, line) in lines.enumerated() {
                if let r = line.range(of: candidate) {
                    return SourceLocation(file: file, line: k + 1, column: line.distance(from: line.startIndex, to: r.lowerBound) + 1)
                }
            }
        }
        return nil
    }
}
