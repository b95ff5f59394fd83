/// Bounds on what a data file may ask of the reader, so hostile or broken input is refused
/// quickly with a clear message instead of exhausting memory or time.
public enum DocumentLimits {
    /// Values aliases may add to a document (a landscape needs a few thousand at most).
    public static let maxValues = 1_000_000
    /// libyaml's own nesting limit, which it enforces while parsing.
    public static let maxDepth = 1000
    public static let maxBytes = 64 * 1_048_576
}
