import Yams

/// Bounds on what a data file may ask of the reader, so hostile or broken input is refused
/// quickly with a clear message instead of exhausting memory or time.
public enum DocumentLimits {
    /// Values a document may expand to, aliases included (a landscape has a few thousand).
    public static let maxValues = 1_000_000
    /// libyaml's own nesting limit, which it enforces while parsing.
    public static let maxDepth = 1000
    public static let maxBytes = 64 * 1_048_576
    /// Longest tool name, subtitle or title: a label, not a paragraph.
    public static let maxNameLength = 200

    /// Walks the tree counting values, aliases expanded, and stops as soon as the count passes
    /// the limit: the cost is bounded by the limit, not by the (possibly exponential) size.
    static func expandsWithinLimit(_ root: Node) -> Bool {
        var count = 0
        var stack: [Node] = [root]
        while let node = stack.popLast() {
            count += 1
            if count > maxValues { return false }
            switch node {
            case .mapping(let m):
                for (k, v) in m { stack.append(k); stack.append(v) }
            case .sequence(let s):
                stack.append(contentsOf: s)
            default:
                break
            }
        }
        return true
    }
}
