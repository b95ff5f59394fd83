import ScapeModel

/// The one rule every CSV reader follows for a row whose field count differs from its
/// header's: missing fields are read as empty and extra ones are ignored (as spreadsheets and
/// Thoughtworks' radar do), with one located warning in the same words for every format.
enum RaggedRow {
    /// The row's fields, exactly one per header column, and the warning when it had to be
    /// fitted: at the row's end when fields are missing, at the first extra field otherwise.
    static func fit(_ record: CSVReader.Record, header: CSVReader.Record, file: String) -> (fields: [CSVReader.Field], warning: Diagnostic?) {
        let have = record.fields.count, want = header.fields.count
        guard have != want else { return (record.fields, nil) }
        let columns = header.fields.map { $0.value.trimmingWhitespace() }.joined(separator: ", ")
        let shape = "line \(record.line) has \(have) field\(have == 1 ? "" : "s"); the header has \(want) (\(columns))"
        if have < want {
            let end = SourceLocation(file: file, line: record.endLine, column: record.endColumn)
            let blank = CSVReader.Field(value: "", line: record.endLine, column: record.endColumn, quoted: false)
            let missing = want - have
            let message = "\(shape); the missing \(missing == 1 ? "one is" : "\(missing) are") read as empty"
            return (record.fields + Array(repeating: blank, count: missing), .warning(message, at: end))
        }
        let extra = record.fields[want], count = have - want
        let message = "\(shape); the extra \(count == 1 ? "one is" : "\(count) are") ignored"
        return (Array(record.fields.prefix(want)), .warning(message, at: SourceLocation(file: file, line: extra.line, column: extra.column)))
    }
}
