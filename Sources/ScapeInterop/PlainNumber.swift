/// Decimal numbers as people type them in a data file (`0.3`, `-.5`, `12`, `1e-2`).
/// Swift's `Double("nan")`, `Double("inf")` and hex floats are refused: in a CSV cell or a
/// Mermaid point they are typos, not values.
enum PlainNumber {
    static func parse<S: StringProtocol>(_ text: S) -> Double? {
        var digits = 0, seenDot = false, seenExponent = false, exponentDigits = 0
        for (i, ch) in text.enumerated() {
            switch ch {
            case "0"..."9":
                if seenExponent { exponentDigits += 1 } else { digits += 1 }
            case ".":
                if seenDot || seenExponent { return nil }
                seenDot = true
            case "e", "E":
                if seenExponent || digits == 0 { return nil }
                seenExponent = true
            case "+", "-":
                let previous = i == 0 ? nil : text[text.index(text.startIndex, offsetBy: i - 1)]
                guard i == 0 || previous == "e" || previous == "E" else { return nil }
            default:
                return nil
            }
        }
        guard digits > 0, !seenExponent || exponentDigits > 0 else { return nil }
        return Double(String(text))
    }
}
