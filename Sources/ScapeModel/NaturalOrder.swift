import Foundation

/// The order people expect of names with numbers in them: "Tool 4" before "Tool 10",
/// letters without regard to case, so a legend or list reads as a reader looks it up.
public enum NaturalOrder {
    public static func compare(_ a: String, _ b: String) -> ComparisonResult {
        let byValue = plainCompare(a, b) ?? a.compare(b, options: [.caseInsensitive, .numeric])
        guard byValue == .orderedSame else { return byValue }
        // Equal to the eye ("tool 4" and "Tool 4"): a fixed order still, so output is stable.
        return a < b ? .orderedAscending : (a == b ? .orderedSame : .orderedDescending)
    }

    public static func less(_ a: String, _ b: String) -> Bool { compare(a, b) == .orderedAscending }

    /// Foundation's order (case-insensitive, numbers by value) for names of ASCII letters,
    /// digits and spaces, most tool names, read as bytes: Foundation's compare bridges both
    /// strings each time, and sorting the 99,995 names a 100,000-tool cloud leaves out took
    /// half a second. Nil where it cannot say the same for sure (any other character, or a
    /// number written with a leading zero); the tests hold it to Foundation's answer.
    static func plainCompare(_ a: String, _ b: String) -> ComparisonResult? {
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in plainCompare(pa, pb) } }
    }

    private static func plainCompare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> ComparisonResult? {
        /// A space, a digit or a letter as lower case; nil for anything else.
        @inline(__always) func folded(_ c: UInt8) -> UInt8? {
            c == UInt8(ascii: " ") || ASCIIByte.isLetterOrDigit(c) ? ASCIIByte.lowercased(c) : nil
        }
        var i = 0, j = 0
        while i < a.count, j < b.count {
            guard let x = folded(a[i]), let y = folded(b[j]) else { return nil }
            if ASCIIByte.isDigit(x), ASCIIByte.isDigit(y) {
                var ei = i, ej = j
                while ei < a.count, ASCIIByte.isDigit(a[ei]) { ei += 1 }
                while ej < b.count, ASCIIByte.isDigit(b[ej]) { ej += 1 }
                if (x == 48 && ei - i > 1) || (y == 48 && ej - j > 1) { return nil }
                if ei - i != ej - j { return ei - i < ej - j ? .orderedAscending : .orderedDescending }
                for k in 0..<(ei - i) where a[i + k] != b[j + k] { return a[i + k] < b[j + k] ? .orderedAscending : .orderedDescending }
                (i, j) = (ei, ej)
                continue
            }
            if x != y { return x < y ? .orderedAscending : .orderedDescending }
            i += 1
            j += 1
        }
        // The rest must be plain too, or Foundation decides.
        for k in i..<a.count where folded(a[k]) == nil { return nil }
        for k in j..<b.count where folded(b[k]) == nil { return nil }
        if i == a.count, j == b.count { return .orderedSame }
        return i == a.count ? .orderedAscending : .orderedDescending
    }
}
