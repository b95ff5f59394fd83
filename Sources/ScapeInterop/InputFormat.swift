import Foundation
import ScapeModel

/// The kinds of data file mlscape reads. The extension decides; a file whose name says
/// nothing (`-`, `data.txt`) is recognised by its first meaningful line.
public enum InputFormat: String, Sendable, CaseIterable {
    /// The landscape file: YAML, or JSON read as YAML.
    case yaml
    /// A Mermaid `quadrantChart`.
    case mermaid
    /// One tool a row, with a `name,...,x,y,...` header.
    case csv

    /// The format a file name's extension names, or nil when it names none we know.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "yaml", "yml", "json": self = .yaml
        case "mmd", "mermaid": self = .mermaid
        case "csv": self = .csv
        default: return nil
        }
    }

    /// The format the text looks like: `quadrantChart` first (after comments and front
    /// matter) is Mermaid; a first line of comma-separated names including name, x and y is CSV.
    public init(sniffing text: String) {
        let lines = SourceLine.split(String(text.prefix(64 * 1024)))
        var inFrontMatter = false
        for (k, line) in lines.enumerated() {
            let content = line.text(line.content)
            if content.isEmpty { continue }
            if content == "---" && (inFrontMatter || k == 0) { inFrontMatter.toggle(); continue }
            if inFrontMatter || content.hasPrefix("%%") { continue }
            if line.startsWithKeyword("quadrantChart", at: line.content.lowerBound, end: line.content.upperBound) {
                self = .mermaid
            } else {
                self = Self.looksLikeCSVHeader(content) ? .csv : .yaml
            }
            return
        }
        self = .yaml
    }

    /// By name when it says, else by content.
    public static func detect(fileName: String, text: String) -> InputFormat {
        InputFormat(fileName: fileName) ?? InputFormat(sniffing: text)
    }

    static func looksLikeCSVHeader(_ line: String) -> Bool {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingWhitespace().trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
        }
        return cells.count >= 3 && CSVLandscapeParser.requiredColumns.allSatisfy(cells.contains)
    }

    /// The one error for bytes that cannot be read as Mermaid or CSV text (empty, binary, not
    /// UTF-8); the YAML path has its own messages.
    func unreadable(_ data: Data, file: String) -> Diagnostic? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let expected = self == .csv ? "a header line '\(CSVLandscapeParser.exampleHeader)'" : "a Mermaid chart starting with 'quadrantChart'"
        let kind = self == .csv ? "CSV" : "Mermaid"
        if data.isEmpty { return .error("the file is empty; expected \(expected)", at: start) }
        if data.contains(0) { return .error("this is a binary file, not \(kind) text", at: start) }
        if String(data: data, encoding: .utf8) == nil { return .error("the file is not UTF-8 text", at: start) }
        return nil
    }
}
