import ScapeModel

/// Splits RFC 4180 text into records of fields: commas between fields, double quotes around a
/// field that holds commas, quotes or line breaks, and `""` for a quote inside one. Each field
/// remembers where it starts, so every later message can point at its cell.
struct CSVReader {
    struct Field {
        var value: String
        var line: Int
        var column: Int
        var quoted: Bool
    }

    struct Record {
        var fields: [Field]
        /// Where the record ends (its line break, or the end of the text): where a missing field goes.
        var endLine: Int
        var endColumn: Int

        var line: Int { fields.first?.line ?? endLine }

        /// A line with nothing on it, which separates nothing and is skipped.
        var isBlank: Bool {
            fields.count == 1 && !fields[0].quoted && fields[0].value.allSatisfy(\.isWhitespace)
        }
    }

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    let file: String
    /// The field separator: a comma, or a tab for tab-separated text.
    var separator: Character = ","
    /// Read a quote that is never closed as d3's CSV parser (and so Thoughtworks' radar) reads
    /// it: the field runs to the end of the text, with a warning, instead of an error.
    var lenientUnclosedQuote = false

    /// Every complete record, and a located error for each malformed field. A quote that is
    /// never closed swallows the rest of the text, so the record it opens is dropped.
    func read(_ text: String) -> (records: [Record], diagnostics: [Diagnostic]) {
        let chars = Array(text)
        var records: [Record] = []
        var diagnostics: [Diagnostic] = []
        var fields: [Field] = []
        var field = Field(value: "", line: 1, column: 1, quoted: false)
        var fieldHasError = false
        var state = State.fieldStart
        var line = 1, column = 1
        var i = chars.first == "\u{FEFF}" ? 1 : 0

        func isBreak(_ c: Character) -> Bool { c == "\n" || c == "\r\n" || c == "\r" }
        func startField() {
            field = Field(value: "", line: line, column: column, quoted: false)
            fieldHasError = false
            state = .fieldStart
        }
        func endRecord() {
            fields.append(field)
            records.append(Record(fields: fields, endLine: line, endColumn: column))
            fields = []
        }
        func advance() {
            if isBreak(chars[i]) { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        func fail(_ message: String) {
            if !fieldHasError {
                diagnostics.append(.error(message, at: SourceLocation(file: file, line: line, column: column)))
            }
            fieldHasError = true
        }

        startField()
        while i < chars.count {
            let c = chars[i]
            switch state {
            case .fieldStart:
                if c == "\"" {
                    field.quoted = true
                    state = .quoted
                    advance()
                } else {
                    state = .unquoted
                }
            case .unquoted, .afterQuote:
                if c == separator {
                    fields.append(field)
                    advance()
                    startField()
                } else if isBreak(c) {
                    endRecord()
                    advance()
                    startField()
                } else {
                    if c == "\"" && state == .unquoted {
                        fail("a '\"' inside an unquoted field; quote the whole field and double the quote inside it (\"\"\")")
                    } else if state == .afterQuote {
                        fail("unexpected '\(c)' after a closing quote; a quoted field ends at ',' or the line's end")
                    }
                    field.value.append(c)
                    advance()
                }
            case .quoted:
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.value.append("\"")
                        advance()
                        advance()
                    } else {
                        state = .afterQuote
                        advance()
                    }
                } else {
                    field.value.append(isBreak(c) ? "\n" : c)
                    advance()
                }
            }
        }
        if state == .quoted && lenientUnclosedQuote {
            diagnostics.append(.warning("unclosed quote: the field opened here runs to the end of the file, as Thoughtworks' radar reads it, so the lines after it are not rows; close it with '\"'",
                                        at: SourceLocation(file: file, line: field.line, column: field.column)))
            endRecord()
        } else if state == .quoted {
            diagnostics.append(.error("unclosed quote: the field opened here never ends; close it with '\"'",
                                      at: SourceLocation(file: file, line: field.line, column: field.column)))
        } else if !fields.isEmpty || state != .fieldStart {
            endRecord()
        }
        return (records, diagnostics)
    }
}
