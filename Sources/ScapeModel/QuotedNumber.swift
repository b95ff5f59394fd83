import Foundation

/// A number that may be written in quotes (`x: "0.5"`, as JSON exporters and careful YAML
/// writers do): read as the number it spells. Text that spells no number is the same
/// type mismatch as before ("should be a number, found 'left'"), with its decimal-comma hint.
@propertyWrapper
struct QuotedNumber: Decodable {
    var wrappedValue: Double

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let d = try? c.decode(Double.self) {
            wrappedValue = d
            return
        }
        if let s = try? c.decode(String.self), let d = Double(s.trimmingCharacters(in: .whitespaces)), d.isFinite {
            wrappedValue = d
            return
        }
        throw DecodingError.typeMismatch(Double.self, DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "expected a number"))
    }
}
