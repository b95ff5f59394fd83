import Foundation
import ScapeModel

/// A diagnostic as the live page shows it: the compiler-style line editors jump to, then
/// the offending line of the file with a caret under the column.
public enum DiagnosticExcerpt {
    public static func text(for diagnostic: Diagnostic, reading read: (String) -> String? = DiagnosticExcerpt.readFile) -> String {
        var out = diagnostic.description
        guard let at = diagnostic.location, at.line >= 1, let content = read(at.file) else { return out }
        let lines = content.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard at.line <= lines.count else { return out }
        let line = String(lines[at.line - 1].prefix(300))
        let number = String(at.line)
        out += "\n\(number) | \(line)"
        if at.column >= 1 {
            let lead = line.prefix(at.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            out += "\n\(String(repeating: " ", count: number.count)) | \(lead)^"
        }
        return out
    }

    public static func readFile(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 16 << 20 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
