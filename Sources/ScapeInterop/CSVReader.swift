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
        // Plain ASCII (a spreadsheet export of 100,000 rows, say) is read byte by byte: one byte
        // is one Character there but for "\r\n", which becomes one unit, so lines, columns
        // and values are those of reading Characters, without comparing Characters.
        if let separator = separator.asciiValue, let units = ASCIIUnit.units(of: text) {
            return read(units, separator: ASCIIUnit(separator))
        }
        return read(Array(text), separator: separator)
    }

    private func read<Unit: CSVUnit>(_ chars: [Unit], separator: Unit) -> (records: [Record], diagnostics: [Diagnostic]) {
        var records: [Record] = []
        var diagnostics: [Diagnostic] = []
        var fields: [Field] = []
        var field = Field(value: "", line: 1, column: 1, quoted: false)
        // The field's value as UTF-8, made a String once the field ends.
        var value: [UInt8] = []
        var fieldHasError = false
        var state = State.fieldStart
        var line = 1, column = 1
        var i = chars.first?.isByteOrderMark == true ? 1 : 0

        func startField() {
            field = Field(value: "", line: line, column: column, quoted: false)
            value.removeAll(keepingCapacity: true)
            fieldHasError = false
            state = .fieldStart
        }
        func endField() {
            field.value = String(decoding: value, as: UTF8.self)
            fields.append(field)
        }
        func endRecord() {
            endField()
            records.append(Record(fields: fields, endLine: line, endColumn: column))
            fields = []
        }
        func advance() {
            if chars[i].isBreak { line += 1; column = 1 } else { column += 1 }
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
                if c.isQuote {
                    field.quoted = true
                    state = .quoted
                    advance()
                } else {
                    state = .unquoted
                }
            case .unquoted, .afterQuote:
                if c == separator {
                    endField()
                    advance()
                    startField()
                } else if c.isBreak {
                    endRecord()
                    advance()
                    startField()
                } else {
                    if c.isQuote && state == .unquoted {
                        fail("a '\"' inside an unquoted field; quote the whole field and double the quote inside it (\"\"\")")
                    } else if state == .afterQuote {
                        fail("unexpected '\(c.character)' after a closing quote; a quoted field ends at ',' or the line's end")
                    }
                    c.appendUTF8(to: &value)
                    advance()
                }
            case .quoted:
                if c.isQuote {
                    if i + 1 < chars.count && chars[i + 1].isQuote {
                        value.append(UInt8(ascii: "\""))
                        advance()
                        advance()
                    } else {
                        state = .afterQuote
                        advance()
                    }
                } else if c.isBreak {
                    value.append(UInt8(ascii: "\n"))
                    advance()
                } else {
                    c.appendUTF8(to: &value)
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

/// What the reader steps over: a Character, or a byte of plain ASCII text (`ASCIIUnit`).
private protocol CSVUnit: Equatable {
    var isQuote: Bool { get }
    /// A line break: "\n", "\r\n" or "\r".
    var isBreak: Bool { get }
    var isByteOrderMark: Bool { get }
    var character: Character { get }
    func appendUTF8(to bytes: inout [UInt8])
}

extension Character: CSVUnit {
    fileprivate var isQuote: Bool { self == "\"" }
    fileprivate var isBreak: Bool { self == "\n" || self == "\r\n" || self == "\r" }
    fileprivate var isByteOrderMark: Bool { self == "\u{FEFF}" }
    fileprivate var character: Character { self }
    fileprivate func appendUTF8(to bytes: inout [UInt8]) { bytes += self.utf8 }
}

/// A byte of ASCII text, or `crlf` for a "\r\n" (one Character, so one unit).
private struct ASCIIUnit: CSVUnit {
    let byte: UInt8
    init(_ byte: UInt8) { self.byte = byte }

    static let crlf = ASCIIUnit(0x80)

    /// The text's units, or nil when it is not all ASCII.
    static func units(of text: String) -> [ASCIIUnit]? {
        var text = text
        return text.withUTF8 { bytes -> [ASCIIUnit]? in
            var out: [ASCIIUnit] = []
            out.reserveCapacity(bytes.count)
            var k = 0
            while k < bytes.count {
                let b = bytes[k]
                guard b < 0x80 else { return nil }
                if b == 0x0D, k + 1 < bytes.count, bytes[k + 1] == 0x0A {
                    out.append(.crlf)
                    k += 2
                } else {
                    out.append(ASCIIUnit(b))
                    k += 1
                }
            }
            return out
        }
    }

    var isQuote: Bool { byte == UInt8(ascii: "\"") }
    var isBreak: Bool { byte == 0x0A || byte == 0x0D || byte == 0x80 }
    var isByteOrderMark: Bool { false }
    var character: Character { self == .crlf ? "\r\n" : Character(Unicode.Scalar(byte)) }
    func appendUTF8(to bytes: inout [UInt8]) {
        if self == .crlf { bytes += [0x0D, 0x0A] } else { bytes.append(byte) }
    }
}
