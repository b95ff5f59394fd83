import Foundation
import ScapeModel

/// Where a tool is written in its data file, for located layout messages: the first line
/// that names it (`name: X` in YAML, `X,` in CSV, `X:` in a Mermaid chart), as line:col.
struct ToolLocations {
    let lines: [Substring]

    /// How many located lines a command prints before it sums up the rest.
    static let shownLimit = 20

    init(path: String?) {
        let text = path.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        // Any line ending: "\r\n" (what Excel and Python's csv write) is one Character in
        // Swift, so splitting on "\n" alone would see one long line.
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// Where the first tool a layout message names (in '...') is written, so every layout
    /// warning points at its tool's line. `names`: the tools' (and blips') names.
    func location(inMessage message: String, names: Set<String>) -> (line: Int, column: Int)? {
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        // Quoted text sits at the odd parts: before 'A' after 'B' ...
        for k in stride(from: 1, to: parts.count - 1, by: 2) where names.contains(String(parts[k])) {
            if let place = location(of: String(parts[k])) { return place }
        }
        return nil
    }

    /// The names a layout message may quote: every tool's, and every radar blip's.
    static func names(in landscape: Landscape) -> Set<String> {
        Set(landscape.tools.map(\.name) + landscape.figures.compactMap(\.radar).flatMap(\.blips).map(\.name))
    }

    func location(of name: String) -> (line: Int, column: Int)? {
        for (k, line) in lines.enumerated() {
            guard let r = line.range(of: name) else { continue }
            // A whole name: what follows is not more of a longer name.
            let after = line[r.upperBound...].first
            guard after == nil || !(after!.isLetter || after!.isNumber) else { continue }
            return (k + 1, line.distance(from: line.startIndex, to: r.lowerBound) + 1)
        }
        return nil
    }
}
