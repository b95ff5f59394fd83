import Yams

/// An unquoted YAML integer, read as Yams reads one (`12`, `-3`, `1_000`, `0x1F`, `0o17`,
/// `017`, `0b101`, and YAML 1.1's base 60, `1:30`), but with no arithmetic that can trap:
/// Yams multiplies the base-60 parts unchecked, so `step: 1:0:0:0:0:0:0:0:0:0:0` stopped the
/// process ("arithmetic overflow"). A value out of `Int`'s range is no integer, and every
/// reader says so as it says it of any other text. The one integer reader of every format.
public enum YAMLInteger {
    public static func parse(_ scalar: Node.Scalar) -> Int? {
        guard scalar.isPlain else { return nil }
        let written = scalar.string.replacingOccurrences(of: "_", with: "")
        if written == "0" { return 0 }
        let negative = written.first == "-"
        let digits = negative || written.first == "+" ? written.dropFirst() : written[...]
        let sign = negative ? "-" : ""
        for (prefix, radix) in [("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)] where digits.hasPrefix(prefix) {
            return Int(sign + digits.dropFirst(prefix.count), radix: radix)
        }
        guard digits.contains(":") else { return Int(written) }
        // Base 60, most significant part first; Yams does not hold the parts under 60 either.
        var value = 0
        for part in digits.split(separator: ":", omittingEmptySubsequences: false) {
            guard let n = Int(part), n >= 0 else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 60)
            let (sum, overflowAgain) = shifted.addingReportingOverflow(n)
            guard !overflow, !overflowAgain else { return nil }
            value = sum
        }
        return negative ? -value : value
    }
}

extension Node.Scalar {
    /// Written without quotes (or built in code): only such a scalar is a number, a boolean,
    /// a null or a merge key; a quoted one is text.
    var isPlain: Bool { style == .plain || style == .any }

    /// The merge key, `<<`, unquoted: its mapping's keys are read into the mapping it stands in.
    var isMergeKey: Bool { isPlain && string == "<<" }
}
