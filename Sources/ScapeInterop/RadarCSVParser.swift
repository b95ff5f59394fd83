import Foundation
import ScapeModel
import Yams

/// Thoughtworks "Build Your Own Radar" input: CSV with the columns name, ring, quadrant,
/// description and isNew or status, or the same as a JSON list of objects. It reads what BYOR
/// reads: duplicate names (told apart), short and long rows, HTML in names, quadrant names
/// differing in case or in "&" / "and"; each such quirk gets a located warning.
/// Rings come from the data (Adopt, Trial, Assess, Hold first, others after in order of
/// appearance), 1 to 8; quadrants in order of appearance, at most 4.
public enum RadarCSVParser {
    /// The columns every radar file has; `isNew` or `status` comes on top.
    public static let requiredColumns = ["name", "ring", "quadrant", "description"]
    public static let exampleHeader = "name,ring,quadrant,isNew,description"
    /// The columns read (lower case); any other column is ignored, as BYOR ignores it.
    static let readColumns: Set<String> = ["name", "ring", "quadrant", "description", "isnew", "status", "link"]
    static let knownRings = ["adopt", "trial", "assess", "hold"]
    static let maxRings = 8
    static let maxQuadrants = 4

    /// True when the first line is a header with the Thoughtworks columns.
    public static func looksLikeRadarCSV(_ text: String) -> Bool {
        let first = text.prefix { !$0.isNewline }
        let cells = first.split(whereSeparator: { $0 == "," || $0 == "\t" }).map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"\u{FEFF}")).lowercased() }
        return ["name", "ring", "quadrant"].allSatisfy(cells.contains) && !cells.contains("x")
    }

    /// True when the text is a JSON list of objects with name, ring and quadrant.
    public static func looksLikeRadarJSON(_ text: String) -> Bool {
        guard text.first(where: { !$0.isWhitespace }) == "[",
              let node = try? SafeYAML.compose(text), let first = node.sequence?.first?.mapping else { return false }
        let keys = Set(first.keys.compactMap { $0.string?.lowercased() })
        return ["name", "ring", "quadrant"].allSatisfy(keys.contains)
    }

    struct Cell {
        var value: String
        var at: SourceLocation
    }

    struct Row {
        var values: [String: Cell]
        var location: SourceLocation
        func value(_ column: String) -> String { values[column]?.value ?? "" }
    }

    public static func parse(text: String, file: String) -> LoadResult {
        var reader = Reader(file: file)
        let rows = text.first(where: { !$0.isWhitespace }) == "[" ? reader.jsonRows(text) : reader.csvRows(text)
        guard let rows, !reader.diagnostics.hasErrors else { return LoadResult(landscape: nil, diagnostics: reader.diagnostics) }
        return reader.radar(rows)
    }

    /// One pass over one file, collecting its diagnostics.
    struct Reader {
        let file: String
        var diagnostics: [Diagnostic] = []
        var start: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

        mutating func jsonRows(_ text: String) -> [Row]? {
            let root: Node?
            switch LandscapeLoader.compose(text, file: file, what: "the radar's JSON", json: true) {
            case .success(let node): root = node
            case .failure(let problem):
                diagnostics.append(problem.diagnostic)
                return nil
            }
            guard let list = root?.sequence else {
                diagnostics.append(.error("a radar JSON file is a list of blips, [{\"name\": ..., \"ring\": ..., \"quadrant\": ...}, ...]", at: start))
                return nil
            }
            guard list.count <= InputBounds.maxTools else {
                diagnostics.append(.error(InputBounds.tooManyTools(list.count, noun: "blips"), at: start))
                return nil
            }
            var rows: [Row] = []
            for item in list {
                let at = location(item)
                guard let map = item.mapping else {
                    diagnostics.append(.error("each blip is an object with name, ring, quadrant, isNew or status, description", at: at))
                    continue
                }
                var values: [String: Cell] = [:]
                for (k, v) in map {
                    guard let key = k.string?.lowercased() else { continue }
                    values[key] = Cell(value: (v.string ?? "").trimmingWhitespace(), at: location(v))
                }
                rows.append(Row(values: values, location: at))
            }
            let keys = Set(rows.flatMap { $0.values.keys })
            checkColumns(keys, at: start)
            return rows
        }

        mutating func csvRows(_ text: String) -> [Row]? {
            // Excel's "Unicode text" export separates its fields with tabs.
            let header = text.prefix { !$0.isNewline }
            let tabs = header.contains("\t") && !header.contains(",")
            if tabs {
                diagnostics.append(.warning("the fields are separated by tabs (as Excel's 'Unicode text' writes them); read as such", at: start))
            }
            let lines = RecordCount.csvRecords(in: text, stoppingAfter: InputBounds.maxTools + 1)
            if lines > InputBounds.maxTools + 1 {
                diagnostics.append(.error(InputBounds.tooManyTools(lines - 1, noun: "rows or more"), at: start))
                return nil
            }
            var reader = CSVReader(file: file, separator: tabs ? "\t" : ",")
            reader.lenientUnclosedQuote = true
            let read = reader.read(text)
            diagnostics += read.diagnostics
            let records = read.records.filter { !$0.isBlank }
            guard let header = records.first else {
                diagnostics.append(.error("the radar file is empty; expected a header '\(exampleHeader)' and one blip a line", at: start))
                return nil
            }
            let names = header.fields.map { $0.value.trimmingWhitespace().trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")).lowercased() }
            checkColumns(Set(names), at: SourceLocation(file: file, line: header.line, column: header.endColumn))
            var rows: [Row] = []
            for record in records.dropFirst() {
                let at = SourceLocation(file: file, line: record.line, column: 1)
                let fitted = RaggedRow.fit(record, header: header, file: file)
                if let warning = fitted.warning { diagnostics.append(warning) }
                var values: [String: Cell] = [:]
                for (k, name) in names.enumerated() where values[name] == nil {
                    let f = fitted.fields[k]
                    values[name] = Cell(value: f.value.trimmingWhitespace(), at: SourceLocation(file: file, line: f.line, column: f.column))
                }
                rows.append(Row(values: values, location: at))
            }
            return rows
        }

        mutating func checkColumns(_ columns: Set<String>, at: SourceLocation) {
            for column in requiredColumns where !columns.contains(column) {
                diagnostics.append(.error("the radar has no '\(column)' column; a radar file has the columns \(exampleHeader) (or status instead of isNew)", at: at))
            }
            if !columns.contains("isnew") && !columns.contains("status") {
                diagnostics.append(.error("the radar has neither an 'isNew' nor a 'status' column; a radar file has the columns \(exampleHeader) (or status instead of isNew)", at: at))
            }
        }

        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        }

        /// The radar of the rows: names cleaned, rings and quadrants merged, blips told apart.
        mutating func radar(_ rows: [Row]) -> LoadResult {
            // The one table of text bounds: descriptions and links are prose, the rest labels;
            // only for the columns read (BYOR ignores the others, a long 'pros' among them).
            for row in rows {
                for (key, cell) in row.values where readColumns.contains(key) {
                    let bound = ["description", "url", "link"].contains(key) ? InputBounds.prose : InputBounds.label
                    if let p = bound.problem(cell.value, what: "the \(key)") { diagnostics.append(.error(p, at: cell.at)) }
                }
            }
            if diagnostics.hasErrors { return LoadResult(landscape: nil, diagnostics: diagnostics) }
            var rows = rows
            for k in rows.indices {
                for column in ["name", "ring", "quadrant", "isnew", "status"] {
                    guard let cell = rows[k].values[column], cell.value.contains("<") else { continue }
                    let clean = HTMLText.plain(cell.value)
                    if clean != cell.value {
                        diagnostics.append(.warning("HTML tags in the blip's \(column) are removed, as Thoughtworks' radar removes them: '\(clean)'", at: cell.at))
                        rows[k].values[column]?.value = clean
                    }
                }
            }
            let rings = merged(rows, column: "ring", what: "ring")
            let quadrants = merged(rows, column: "quadrant", what: "quadrant")
            let ringOrder = rings.names.enumerated().sorted { a, b in
                let ia = knownRings.firstIndex(of: a.element.lowercased()) ?? knownRings.count, ib = knownRings.firstIndex(of: b.element.lowercased()) ?? knownRings.count
                return (ia, a.offset) < (ib, b.offset)
            }.map(\.offset)
            let ringNames = ringOrder.map { rings.names[$0] }
            if ringNames.count > maxRings, let row = rows.first(where: { rings.index(of: $0.value("ring")) == ringOrder[maxRings] }) {
                diagnostics.append(.error("a \(maxRings + 1)th ring '\(ringNames[maxRings])'; a radar has 1 to \(maxRings) rings (\(ringNames.prefix(maxRings).joined(separator: ", ")))",
                                          at: row.values["ring"]!.at))
            }
            if quadrants.names.count > maxQuadrants, let row = rows.first(where: { quadrants.index(of: $0.value("quadrant")) == maxQuadrants }) {
                diagnostics.append(.error("a fifth quadrant '\(quadrants.names[maxQuadrants])'; a radar has at most \(maxQuadrants) (\(quadrants.names.prefix(maxQuadrants).joined(separator: ", ")))",
                                          at: row.values["quadrant"]!.at))
            }
            var blips: [RadarBlip] = []
            var firstLine: [String: Int] = [:]
            var ids = Set<String>()
            for row in rows {
                let name = row.value("name")
                guard !name.isEmpty else {
                    // BYOR skips such a row; so do we, saying so.
                    diagnostics.append(.warning("a row without a blip name is left out, as Thoughtworks' radar leaves it out", at: row.values["name"]?.at ?? row.location))
                    continue
                }
                guard let ringIndex = rings.index(of: row.value("ring")), let sector = quadrants.index(of: row.value("quadrant")) else {
                    let missing = rings.index(of: row.value("ring")) == nil ? "ring" : "quadrant"
                    diagnostics.append(.error("the blip '\(name)' has no \(missing)", at: row.values[missing]?.at ?? row.location))
                    continue
                }
                let nameAt = row.values["name"]!.at
                if let line = firstLine[name.lowercased()] {
                    diagnostics.append(.warning("the blip '\(name)' is listed twice (also on line \(line)); both are drawn, as Thoughtworks' radar draws them", at: nameAt))
                } else {
                    firstLine[name.lowercased()] = nameAt.line
                }
                var blip = RadarBlip(name: name, ring: ringOrder.firstIndex(of: ringIndex)!, sector: sector, status: status(row),
                                     description: sanitizedDescription(row.value("description")))
                var id = blip.id, n = 2
                while ids.contains(id) { id = "\(blip.id)-\(n)"; n += 1 }
                ids.insert(id)
                blip.id = id
                if !row.value("link").isEmpty { blip.url = row.value("link") }
                blips.append(blip)
            }
            if blips.isEmpty && !diagnostics.hasErrors { diagnostics.append(.error("the radar has no blips; add one a line under the header", at: start)) }
            diagnostics = LandscapeLoader.sortedByLocation(diagnostics)
            guard !diagnostics.hasErrors else { return LoadResult(landscape: nil, diagnostics: diagnostics) }
            var id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            if FigureID.problem(with: id) != nil { id = "radar" }
            var figure = Figure(id: id, kind: .radar)
            figure.radar = RadarSpec(rings: ringNames, sectors: quadrants.names, blips: blips, quarter: false)
            return LoadResult(landscape: Landscape(title: id, rings: ringNames.map { $0.lowercased() }, figures: [figure]), diagnostics: diagnostics)
        }

        /// A non-empty `status` wins; else `isNew`, true only for "true" in any case (as BYOR reads it).
        mutating func status(_ row: Row) -> BlipStatus {
            if let cell = row.values["status"], !cell.value.isEmpty {
                if let s = BlipStatus.allCases.first(where: { $0.rawValue == cell.value.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }) {
                    return s
                }
                diagnostics.append(.warning("status '\(cell.value)' is not New, Moved In, Moved Out or No Change; read as No Change", at: cell.at))
                return .noChange
            }
            guard let cell = row.values["isnew"] else { return .noChange }
            let flag = cell.value.lowercased()
            if flag == "true" { return .new }
            if !["false", ""].contains(flag) {
                diagnostics.append(.warning("isNew '\(cell.value)' is read as false: Thoughtworks' radar takes only 'true' (any case) as new", at: cell.at))
            }
            return .noChange
        }

        /// Names as first written, and the index of each spelling: case and "&" / "and" /
        /// "-and-" do not count. Each later spelling that differs gets a warning.
        mutating func merged(_ rows: [Row], column: String, what: String) -> NameMerge {
            var merge = NameMerge()
            // A radar of 1,000 blips names four rings a thousand times: each name's key is made once.
            var keys: [String: String] = [:]
            for row in rows {
                guard let cell = row.values[column], !cell.value.isEmpty else { continue }
                let key = keys[cell.value] ?? NameMerge.key(cell.value)
                keys[cell.value] = key
                if let k = merge.keys.firstIndex(of: key) {
                    if merge.names[k] != cell.value && !merge.warned.contains(cell.value) {
                        merge.warned.insert(cell.value)
                        diagnostics.append(.warning("\(what) '\(cell.value)' is read as '\(merge.names[k])': the names differ only in case or in '&' / 'and', which Thoughtworks' radar takes as one", at: cell.at))
                    }
                } else if let k = merge.looseKeys.firstIndex(of: NameMerge.looseKey(cell.value)) {
                    // "language-and-frameworks" beside "languages-and-frameworks": one quadrant
                    // meant, where Thoughtworks' radar would leave these blips out.
                    if !merge.warned.contains(cell.value) {
                        merge.warned.insert(cell.value)
                        diagnostics.append(.warning("\(what) '\(cell.value)' is read as '\(merge.names[k])': the names differ only in a plural 's'; Thoughtworks' radar would leave these blips out", at: cell.at))
                    }
                } else {
                    merge.keys.append(key)
                    merge.looseKeys.append(NameMerge.looseKey(cell.value))
                    merge.names.append(cell.value)
                }
            }
            // Every name the rows give, looked up once now that the names are final.
            for name in keys.keys { merge.resolved[name] = merge.index(of: name) }
            return merge
        }
    }

    /// Ring or quadrant names told apart as Thoughtworks' radar tells them apart.
    struct NameMerge {
        var keys: [String] = []
        /// The keys with each word's plural 's' dropped.
        var looseKeys: [String] = []
        var names: [String] = []
        var warned = Set<String>()
        /// `index(of:)` of each name the rows give, found once (`merged`).
        var resolved: [String: Int?] = [:]

        static func key(_ name: String) -> String {
            var s = " " + name.lowercased().replacingOccurrences(of: "-and-", with: " & ") + " "
            s = s.replacingOccurrences(of: " and ", with: " & ")
            return s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }

        /// The key without a plural 's' on any word of more than three letters.
        static func looseKey(_ name: String) -> String {
            key(name).split(separator: " ").map { $0.count > 3 && $0.hasSuffix("s") ? String($0.dropLast()) : String($0) }.joined(separator: " ")
        }

        func index(of name: String) -> Int? {
            if let known = resolved[name] { return known }
            return name.isEmpty ? nil : keys.firstIndex(of: Self.key(name)) ?? looseKeys.firstIndex(of: Self.looseKey(name))
        }
    }

    /// Thoughtworks' allowed tags (b, i, em, strong, a with href/target/rel, h1-h6, li, ul, br,
    /// p, u) kept, every other tag dropped with its markup but not its text.
    static let allowedTags: Set<String> = ["b", "i", "em", "strong", "a", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "br", "p", "u"]

    static func sanitizedDescription(_ html: String) -> String? {
        guard !html.isEmpty else { return nil }
        var out = ""
        var i = html.startIndex
        while i < html.endIndex {
            guard html[i] == "<", let close = html[i...].firstIndex(of: ">") else {
                out.append(html[i])
                i = html.index(after: i)
                continue
            }
            let inner = html[html.index(after: i)..<close]
            let closing = inner.hasPrefix("/")
            let name = inner.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            if allowedTags.contains(name) {
                if closing || name != "a" {
                    out += closing ? "</\(name)>" : "<\(name)>"
                } else {
                    out += "<a" + anchorAttributes(String(inner.dropFirst(1))) + ">"
                }
            }
            i = html.index(after: close)
        }
        return out
    }

    /// href, target and rel of an `<a>` tag, the rest dropped; `javascript:` links dropped too.
    static func anchorAttributes(_ text: String) -> String {
        var out = ""
        for attribute in ["href", "target", "rel"] {
            guard let r = text.range(of: "\(attribute)=\"") ?? text.range(of: "\(attribute)='") else { continue }
            let quote = text[text.index(before: r.upperBound)]
            guard let end = text[r.upperBound...].firstIndex(of: quote) else { continue }
            let value = String(text[r.upperBound..<end])
            if attribute == "href" && value.lowercased().trimmingWhitespace().hasPrefix("javascript:") { continue }
            out += " \(attribute)=\"\(value)\""
        }
        return out
    }
}
