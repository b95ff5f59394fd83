import Foundation
import ScapeModel
import Yams

/// Where each tool is written in a data file's text (YAML, CSV or Mermaid): the lines it
/// takes and the characters of its x and y. Edits made through it (a tool moved in
/// Excalidraw, a tool deleted there) change those characters or lines and no other byte.
struct ToolTextSpans {
    /// Characters on one line: 1-based column, counted in Unicode scalars.
    struct Span {
        var line: Int
        var column: Int
        var length: Int
    }

    struct Entry {
        var lines: ClosedRange<Int>
        var x: Span
        var y: Span
    }

    let format: InputFormat
    /// By tool id, as the data file's reader makes the ids.
    var entries: [String: Entry] = [:]

    /// The spans of `landscape`'s tools in `text`; nil (with an error) when the text cannot be
    /// mapped back to them.
    init?(text: String, file: String, landscape: Landscape, diagnostics: inout [Diagnostic]) {
        format = InputFormat.detect(fileName: file, text: text)
        let lines = text.components(separatedBy: "\n")
        let start = SourceLocation(file: file, line: 1, column: 1)
        switch format {
        case .yaml:
            guard let root = try? SafeYAML.compose(text), let items = root.mapping?["tools"]?.sequence else {
                diagnostics.append(.error("cannot find the 'tools:' list in \(file)", at: start))
                return nil
            }
            let starts = items.map { ($0.mark?.line ?? 1) }
            for (k, item) in items.enumerated() {
                guard let map = item.mapping, let name = map["name"]?.string,
                      let x = map["x"]?.mark, let y = map["y"]?.mark else { continue }
                let id = map["id"]?.string ?? Tool.makeID(name: name, subtitle: map["subtitle"]?.string)
                let first = starts[k]
                var last = k + 1 < starts.count ? starts[k + 1] - 1 : first
                if k + 1 == starts.count {
                    // The last item runs on while its lines are indented deeper than its dash.
                    let dash = max(1, (item.mark?.column ?? 3) - 2)
                    while last < lines.count, Self.indent(lines[last]) >= dash + 1, !lines[last].trimmingCharacters(in: .whitespaces).isEmpty { last += 1 }
                }
                entries[id] = Entry(lines: first...max(first, last),
                                    x: Span(line: x.line, column: x.column, length: Self.valueLength(lines[x.line - 1], from: x.column)),
                                    y: Span(line: y.line, column: y.column, length: Self.valueLength(lines[y.line - 1], from: y.column)))
            }
        case .csv:
            let records = CSVReader(file: file).read(text).records.filter { !$0.isBlank }
            guard let header = records.first else { return nil }
            let names = header.fields.map { $0.value.trimmingWhitespace().trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")).lowercased() }
            guard let xi = names.firstIndex(of: "x"), let yi = names.firstIndex(of: "y"), let ni = names.firstIndex(of: "name") else {
                diagnostics.append(.error("cannot find the name, x and y columns in \(file)", at: start))
                return nil
            }
            let si = names.firstIndex(of: "subtitle"), ii = names.firstIndex(of: "id")
            var seen = Set<String>()
            for record in records.dropFirst() where record.fields.count > max(xi, yi, ni) {
                let name = record.fields[ni].value.trimmingWhitespace()
                let subtitle = si.flatMap { $0 < record.fields.count ? record.fields[$0].value.trimmingWhitespace() : nil }
                var id = ii.flatMap { $0 < record.fields.count ? record.fields[$0].value.trimmingWhitespace() : nil } ?? ""
                if id.isEmpty { id = Tool.makeID(name: name, subtitle: subtitle?.isEmpty == false ? subtitle : nil) }
                guard seen.insert(id).inserted else { continue }
                func span(_ f: CSVReader.Field) -> Span {
                    Span(line: f.line, column: f.column, length: f.quoted ? f.value.unicodeScalars.count + 2 : f.value.unicodeScalars.count)
                }
                entries[id] = Entry(lines: record.line...record.endLine - (record.endColumn == 1 ? 1 : 0),
                                    x: span(record.fields[xi]), y: span(record.fields[yi]))
            }
        case .mermaid:
            // Points are `Name: [x, y]`, one a line, in the order the reader made the tools.
            var tools = landscape.tools[...]
            for (k, line) in lines.enumerated() {
                guard let tool = tools.first, let open = line.range(of: "["), let close = line.range(of: "]", range: open.upperBound..<line.endIndex),
                      line[..<open.lowerBound].contains(":"), line[..<open.lowerBound].contains(tool.name) else { continue }
                let inside = line[open.upperBound..<close.lowerBound]
                guard let comma = inside.firstIndex(of: ",") else { continue }
                func span(_ r: Range<String.Index>) -> Span {
                    let trimmed = line[r].trimmingCharacters(in: .whitespaces)
                    let lead = line[r].prefix { $0 == " " }.count
                    return Span(line: k + 1, column: line.unicodeScalars.distance(from: line.startIndex, to: r.lowerBound) + 1 + lead, length: trimmed.unicodeScalars.count)
                }
                entries[tool.id] = Entry(lines: (k + 1)...(k + 1), x: span(inside.startIndex..<comma), y: span(inside.index(after: comma)..<inside.endIndex))
                tools = tools.dropFirst()
            }
        }
    }

    /// A value as this format writes it: data units with three decimals, or Mermaid's 0..1.
    func written(_ v: Double) -> String {
        switch format {
        case .mermaid:
            let m = ((v + 1) / 2 * 1000).rounded() / 1000
            return m <= 0 ? "0" : m >= 1 ? "1" : String(format: "%.3f", m)
        case .yaml, .csv:
            let s = String(format: "%.3f", v)
            return s == "-0.000" ? "0.000" : s
        }
    }

    /// The text with the spans replaced and whole lines removed; edits never overlap.
    static func apply(_ replacements: [(Span, String)], removing: [ClosedRange<Int>], to text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        for (span, value) in replacements.sorted(by: { ($0.0.line, $0.0.column) > ($1.0.line, $1.0.column) }) {
            var scalars = Array(lines[span.line - 1].unicodeScalars)
            let start = min(span.column - 1, scalars.count)
            scalars.replaceSubrange(start..<min(scalars.count, start + span.length), with: value.unicodeScalars)
            var line = ""
            line.unicodeScalars.append(contentsOf: scalars)
            lines[span.line - 1] = line
        }
        for range in removing.sorted(by: { $0.lowerBound > $1.lowerBound }) where range.upperBound <= lines.count {
            lines.removeSubrange((range.lowerBound - 1)...(range.upperBound - 1))
        }
        return lines.joined(separator: "\n")
    }

    static func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    /// A YAML scalar's length from its column: up to a flow delimiter, a comment or the line's end.
    static func valueLength(_ line: String, from column: Int) -> Int {
        let scalars = Array(line.unicodeScalars)
        var end = column - 1
        while end < scalars.count, !" \t,}]#\r".unicodeScalars.contains(scalars[end]) { end += 1 }
        return end - (column - 1)
    }
}
