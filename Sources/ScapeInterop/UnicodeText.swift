import Foundation
import ScapeModel

/// The text of a data file whose bytes carry a byte-order mark: UTF-16 (Excel's "Unicode
/// text" export writes it) or UTF-8 with a BOM. Other bytes are left to the format's reader,
/// which has its own messages for binary and non-UTF-8 files.
enum UnicodeText {
    /// The text and a note saying how it was read, or nil when the bytes are not marked
    /// (or are plain UTF-8, returned as is).
    static func decode(_ data: Data, file: String) -> (String, [Diagnostic])? {
        guard !data.isEmpty else { return nil }
        let start = SourceLocation(file: file, line: 1, column: 1)
        let bytes = [UInt8](data.prefix(3))
        if bytes.count >= 2 && (bytes[0...1] == [0xFF, 0xFE] || bytes[0...1] == [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard data.count % 2 == 0, let text = String(data: data.dropFirst(2), encoding: little ? .utf16LittleEndian : .utf16BigEndian) else {
                return nil
            }
            return (text, [.warning("the file is UTF-16 text (\(little ? "little" : "big")-endian, as Excel's 'Unicode text' writes it); read as such", at: start)])
        }
        guard !data.contains(0), let text = String(data: data, encoding: .utf8) else { return nil }
        if bytes == [0xEF, 0xBB, 0xBF] { return (String(text.drop { $0 == "\u{FEFF}" }), []) }
        return (text, [])
    }
}
