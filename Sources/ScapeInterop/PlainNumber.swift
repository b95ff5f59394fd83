/// Decimal numbers as people type them in a data file (`0.3`, `-.5`, `12`, `1e-2`).
/// Swift's `Double("nan")`, `Double("inf")` and hex floats are refused: in a CSV cell or a
/// Mermaid point they are typos, not values.
enum PlainNumber {
    static func parse<S: StringProtocol>(_ text: S) -> Double? {
        // Read as bytes: every character it accepts is ASCII, so any other byte refuses the text
        // as any other character did (a CSV of 100,000 rows has 200,000 positions to read).
        var digits = 0, seenDot = false, seenExponent = false, exponentDigits = 0
        var previous: UInt8 = 0
        for (i, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if seenExponent { exponentDigits += 1 } else { digits += 1 }
            case UInt8(ascii: "."):
                if seenDot || seenExponent { return nil }
                seenDot = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                if seenExponent || digits == 0 { return nil }
                seenExponent = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard i == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return nil }
            default:
                return nil
            }
            previous = byte
        }
        guard digits > 0, !seenExponent || exponentDigits > 0 else { return nil }
        return Double(String(text))
    }
}
