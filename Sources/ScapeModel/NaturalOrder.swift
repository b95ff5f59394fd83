import Foundation

/// The order people expect of names with numbers in them: "Tool 4" before "Tool 10",
/// letters without regard to case, so a legend or list reads as a reader looks it up.
public enum NaturalOrder {
    public static func compare(_ a: String, _ b: String) -> ComparisonResult {
        let byValue = a.compare(b, options: [.caseInsensitive, .numeric])
        guard byValue == .orderedSame else { return byValue }
        // Equal to the eye ("tool 4" and "Tool 4"): a fixed order still, so output is stable.
        return a < b ? .orderedAscending : (a == b ? .orderedSame : .orderedDescending)
    }

    public static func less(_ a: String, _ b: String) -> Bool { compare(a, b) == .orderedAscending }
}
