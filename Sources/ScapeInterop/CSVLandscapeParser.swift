import ScapeModel

/// Reads a spreadsheet export, one tool a row, into a `Landscape`: the quickest way to draw a
/// list kept elsewhere. The header names the columns (any order, any case):
/// `name,subtitle,x,y,categories,url` (plus optional `id` and `was`, the id or name of a
/// renamed tool in the previous edition); name, x and y are required.
/// x and y run from -1 to 1 as in the YAML file; categories are `;`-separated names.
/// A CSV has no axes or quadrants, so those keep their defaults, and each category named
/// becomes one category (`ML Platforms` -> id `ml-platforms`).
public struct CSVLandscapeParser {
    public static let requiredColumns = ["name", "x", "y"]
    public static let columns = ["name", "subtitle", "x", "y", "categories", "url", "id", "was"]
    /// The header this format is documented with.
    public static let exampleHeader = "name,subtitle,x,y,categories,url"

    /// The landscape of the rows, or every located problem that stops it from being drawn.
    public static func parse(text: String, file: String) -> LoadResult {
        let records = RecordCount.csvRecords(in: text, stoppingAfter: InputBounds.maxTools + 1)
        if records > InputBounds.maxTools + 1 {
            return LoadResult(landscape: nil, diagnostics: [.error(InputBounds.tooManyTools(records - 1, noun: "rows or more"), at: SourceLocation(file: file, line: 1, column: 1))])
        }
        var parser = CSVLandscapeParser(file: file)
        let landscape = parser.run(text)
        let sorted = parser.diagnostics.list(file: file, sort: LandscapeLoader.sortedByLocation)
        return LoadResult(landscape: sorted.hasErrors ? nil : landscape, diagnostics: sorted)
    }

    private let file: String
    private var diagnostics = CappedDiagnostics()

    private init(file: String) { self.file = file }

    private mutating func error(_ message: String, _ field: CSVReader.Field) {
        diagnostics.append(.error(message, at: SourceLocation(file: file, line: field.line, column: field.column)))
    }

    private mutating func run(_ text: String) -> Landscape? {
        let read = CSVReader(file: file).read(text)
        diagnostics += read.diagnostics
        let records = read.records.filter { !$0.isBlank }
        guard let header = records.first else {
            if read.diagnostics.isEmpty {
                diagnostics.append(.error("no header line; expected '\(Self.exampleHeader)'", at: SourceLocation(file: file, line: 1, column: 1)))
            }
            return nil
        }
        // A spreadsheet saved with ';' between fields (common where ',' is the decimal mark)
        // gives a one-field header: one clear message instead of one per missing column.
        if header.fields.count == 1, let only = header.fields.first, only.value.contains(";"),
           Set(only.value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }).isSuperset(of: Self.requiredColumns) {
            error("the columns are separated by ';'; use commas, like '\(Self.exampleHeader)' (';' separates categories inside a field, and numbers take a decimal point: 0.5)", only)
            return nil
        }
        guard let columns = readHeader(header) else { return nil }
        var tools: [Tool] = []
        var categories: [Category] = []
        var firstLine: [String: Int] = [:]
        for record in records.dropFirst() {
            var record = record
            let fitted = RaggedRow.fit(record, header: header, file: file)
            record.fields = fitted.fields
            if let warning = fitted.warning { diagnostics.append(warning) }
            guard let row = readRow(record, columns: columns, categories: &categories) else { continue }
            let (tool, idField) = row
            if let line = firstLine[tool.id] {
                let how = columns["id"] == nil ? " (name and subtitle make the id; give one a subtitle, or add an 'id' column)" : ""
                error("duplicate tool id '\(tool.id)': the tool on line \(line) has it too\(how)", idField)
                continue
            }
            firstLine[tool.id] = record.line
            tools.append(tool)
        }
        return Landscape(categories: categories, tools: tools)
    }

    /// Column name -> index; nil when a required column is missing or one is given twice.
    private mutating func readHeader(_ header: CSVReader.Record) -> [String: Int]? {
        var columns: [String: Int] = [:]
        var ok = true
        for (i, field) in header.fields.enumerated() {
            let name = field.value.trimmingWhitespace().lowercased()
            if columns[name] != nil {
                error("column '\(name)' appears twice in the header", field)
                ok = false
            } else if Self.columns.contains(name) {
                columns[name] = i
            } else {
                let hint = Suggestions.closest(to: name, in: Self.columns).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(.warning("unknown column '\(field.value)'\(hint); ignored (the columns are \(Self.columns.joined(separator: ", ")))",
                                            at: SourceLocation(file: file, line: field.line, column: field.column)))
            }
        }
        for name in Self.requiredColumns where columns[name] == nil {
            diagnostics.append(.error("missing required column '\(name)'; the header needs name, x and y, like '\(Self.exampleHeader)'",
                                      at: SourceLocation(file: file, line: header.line, column: 1)))
            ok = false
        }
        return ok ? columns : nil
    }

    /// The tool of one row and the field its id comes from; nil after reporting what is wrong.
    private mutating func readRow(_ record: CSVReader.Record, columns: [String: Int],
                                  categories: inout [Category]) -> (Tool, CSVReader.Field)? {
        func field(_ name: String) -> CSVReader.Field? { columns[name].map { record.fields[$0] } }
        func text(_ name: String) -> String? {
            guard let value = field(name)?.value.trimmingWhitespace(), !value.isEmpty else { return nil }
            return value
        }
        guard let nameField = field("name"), let xField = field("x"), let yField = field("y") else { return nil }
        guard let name = text("name") else {
            error("line \(record.line) has an empty name", nameField)
            return nil
        }
        for (key, value) in [("name", name), ("subtitle", text("subtitle") ?? "")] {
            if let p = InputBounds.label.problem(value, what: "the \(key)") {
                error(p, field(key) ?? nameField)
                return nil
            }
        }
        let x = position("x", of: name, xField)
        let y = position("y", of: name, yField)
        guard let x, let y else { return nil }
        var ids: [String] = []
        for category in (text("categories") ?? "").split(separator: ";").map({ String($0).trimmingWhitespace() }) where !category.isEmpty {
            let id = Tool.makeID(name: category, subtitle: nil)
            if !categories.contains(where: { $0.id == id }) { categories.append(Category(id: id, name: category)) }
            if !ids.contains(id) { ids.append(id) }
        }
        let id = text("id")
        var tool = Tool(id: id, name: name, subtitle: text("subtitle"), x: x, y: y, categories: ids, url: text("url"))
        if let was = text("was"), let f = field("was") { tool.was = PreviousName(was, at: SourceLocation(file: file, line: f.line, column: f.column)) }
        return (tool, id != nil ? field("id")! : nameField)
    }

    /// A position on one axis, -1 ... 1.
    private mutating func position(_ axis: String, of tool: String, _ field: CSVReader.Field) -> Double? {
        let text = field.value.trimmingWhitespace()
        guard !text.isEmpty else {
            error("tool '\(tool)' has no \(axis); positions run from -1 to 1", field)
            return nil
        }
        guard let v = PlainNumber.parse(text) else {
            error("tool '\(tool)' has \(axis) = '\(text)', not a number; positions run from -1 to 1", field)
            return nil
        }
        guard v >= -1 && v <= 1 else {
            error("tool '\(tool)' has \(axis) = \(text); positions run from -1 to 1", field)
            return nil
        }
        return v
    }
}
