import Foundation
import Yams

/// Thoughtworks "build your own radar" input: CSV with the columns name, ring, quadrant,
/// isNew, description (and optionally status), or the same as a JSON list of objects.
/// Rings keep the order of Adopt, Trial, Assess, Hold (others after, in order of appearance);
/// quadrants in order of appearance. Renders as one full radar figure.
public enum RadarCSVParser {
    public static let requiredColumns = ["name", "ring", "quadrant", "isnew", "description"]
    static let knownRings = ["adopt", "trial", "assess", "hold"]

    /// True when the first line is a header with the Thoughtworks columns.
    public static func looksLikeRadarCSV(_ text: String) -> Bool {
        let first = text.prefix { !$0.isNewline }
        let cells = first.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased() }
        return ["name", "ring", "quadrant"].allSatisfy(cells.contains) && !cells.contains("x")
    }

    /// True when the text is a JSON list of objects with name, ring and quadrant.
    public static func looksLikeRadarJSON(_ text: String) -> Bool {
        guard text.first(where: { !$0.isWhitespace }) == "[",
              let node = try? SafeYAML.compose(text), let first = node.sequence?.first?.mapping else { return false }
        let keys = Set(first.keys.compactMap { $0.string?.lowercased() })
        return ["name", "ring", "quadrant"].allSatisfy(keys.contains)
    }

    struct Row {
        var values: [String: (String, SourceLocation)]
        var location: SourceLocation
    }

    public static func parse(text: String, file: String) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        var rows: [Row] = []
        if looksLikeRadarJSON(text) {
            guard let node = try? SafeYAML.compose(text), let list = node.sequence else {
                return LoadResult(landscape: nil, diagnostics: [.error("cannot read the JSON list", at: SourceLocation(file: file, line: 1, column: 1))])
            }
            if list.count > InputBounds.maxTools {
                return LoadResult(landscape: nil, diagnostics: [.error(InputBounds.tooManyTools(list.count, noun: "blips"), at: SourceLocation(file: file, line: 1, column: 1))])
            }
            for item in list {
                guard let map = item.mapping else { continue }
                var values: [String: (String, SourceLocation)] = [:]
                for (k, v) in map {
                    guard let key = k.string?.lowercased() else { continue }
                    values[key] = (v.string ?? (v.bool.map { $0 ? "true" : "false" } ?? ""), SourceLocation(file: file, line: v.mark?.line ?? 1, column: v.mark?.column ?? 1))
                }
                rows.append(Row(values: values, location: SourceLocation(file: file, line: item.mark?.line ?? 1, column: item.mark?.column ?? 1)))
            }
            let keys = Set(rows.flatMap { $0.values.keys })
            for column in ["name", "ring", "quadrant"] where !keys.contains(column) {
                diagnostics.append(.error("every item needs '\(column)'", at: SourceLocation(file: file, line: 1, column: 1)))
            }
        } else {
            let lines = RecordCount.csvRecords(in: text, stoppingAfter: InputBounds.maxTools + 1)
            if lines > InputBounds.maxTools + 1 {
                return LoadResult(landscape: nil, diagnostics: [.error(InputBounds.tooManyTools(lines - 1, noun: "rows or more"), at: SourceLocation(file: file, line: 1, column: 1))])
            }
            let read = CSVReader(file: file).read(text)
            diagnostics += read.diagnostics
            let records = read.records.filter { !$0.isBlank }
            guard let header = records.first else {
                return LoadResult(landscape: nil, diagnostics: diagnostics + [.error("the file is empty; expected a header 'name,ring,quadrant,isNew,description'", at: SourceLocation(file: file, line: 1, column: 1))])
            }
            let names = header.fields.map { $0.value.trimmingCharacters(in: .whitespaces).lowercased() }
            for column in requiredColumns where !names.contains(column) {
                diagnostics.append(.error("missing column '\(column)'; a radar CSV has name,ring,quadrant,isNew,description",
                                          at: SourceLocation(file: file, line: header.line, column: header.endColumn)))
            }
            for record in records.dropFirst() {
                if record.fields.count != names.count {
                    diagnostics.append(.error("this row has \(record.fields.count) fields; the header has \(names.count)",
                                              at: SourceLocation(file: file, line: record.line, column: 1)))
                    continue
                }
                var values: [String: (String, SourceLocation)] = [:]
                for (k, f) in record.fields.enumerated() {
                    values[names[k]] = (f.value.trimmingCharacters(in: .whitespaces), SourceLocation(file: file, line: f.line, column: f.column))
                }
                rows.append(Row(values: values, location: SourceLocation(file: file, line: record.line, column: 1)))
            }
        }
        for row in rows {
            for (key, (value, at)) in row.values {
                let bound = ["description", "url"].contains(key) ? InputBounds.prose : InputBounds.label
                if let p = bound.problem(value, what: "the \(key)") { diagnostics.append(.error(p, at: at)) }
            }
        }
        guard !diagnostics.hasErrors else { return LoadResult(landscape: nil, diagnostics: CappedDiagnostics.cap(diagnostics, file: file)) }
        var rings: [String] = []
        var sectors: [String] = []
        for row in rows {
            if let (ring, _) = row.values["ring"], !ring.isEmpty, !rings.contains(where: { $0.lowercased() == ring.lowercased() }) { rings.append(ring) }
            if let (q, _) = row.values["quadrant"], !q.isEmpty, !sectors.contains(q) { sectors.append(q) }
        }
        rings.sort { a, b in
            let ia = knownRings.firstIndex(of: a.lowercased()) ?? 99, ib = knownRings.firstIndex(of: b.lowercased()) ?? 99
            return ia < ib
        }
        let unknown = rings.filter { !knownRings.contains($0.lowercased()) }
        for ring in unknown {
            let row = rows.first { $0.values["ring"]?.0.lowercased() == ring.lowercased() }!
            diagnostics.append(.error("unknown ring '\(ring)'; the rings are Adopt, Trial, Assess, Hold", at: row.values["ring"]!.1))
        }
        if rings.count > 8 { diagnostics.append(.error("\(rings.count) rings; a radar has at most 8", at: SourceLocation(file: file, line: 1, column: 1))) }
        if sectors.count > 4 {
            let row = rows.first { $0.values["quadrant"]?.0 == sectors[4] }!
            diagnostics.append(.error("a fifth quadrant '\(sectors[4])'; a radar has at most 4 (\(sectors.prefix(4).joined(separator: ", ")))", at: row.values["quadrant"]!.1))
        }
        var blips: [RadarBlip] = []
        var seen = Set<String>()
        for row in rows {
            guard let (name, nameAt) = row.values["name"], !name.isEmpty else {
                diagnostics.append(.error("an item without a name", at: row.location))
                continue
            }
            if !seen.insert(name.lowercased()).inserted { diagnostics.append(.error("'\(name)' is listed twice", at: nameAt)) }
            guard let ring = rings.firstIndex(where: { $0.lowercased() == row.values["ring"]?.0.lowercased() }),
                  let sector = sectors.firstIndex(of: row.values["quadrant"]?.0 ?? "") else {
                diagnostics.append(.error("'\(name)' needs a ring and a quadrant", at: row.location))
                continue
            }
            let flag = (row.values["isnew"]?.0 ?? "").lowercased()
            let status = (row.values["status"]?.0 ?? "").lowercased()
            blips.append(RadarBlip(name: name, ring: ring, sector: sector, isNew: ["true", "yes", "1"].contains(flag) || status == "new",
                                   description: row.values["description"]?.0.isEmpty == false ? row.values["description"]!.0 : nil))
        }
        guard !diagnostics.hasErrors else { return LoadResult(landscape: nil, diagnostics: CappedDiagnostics.cap(diagnostics, file: file)) }
        var id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        if FigureID.problem(with: id) != nil { id = "radar" }
        var figure = Figure(id: id, kind: .radar)
        figure.radar = RadarSpec(rings: rings, sectors: sectors, blips: blips, quarter: false)
        return LoadResult(landscape: Landscape(title: id, rings: rings.map { $0.lowercased() }, figures: [figure]), diagnostics: diagnostics)
    }
}
