/// What a tool was called in the previous edition of its landscape (the data's `was:` key),
/// so `mlscape diff` reads a rename as one tool that moved rather than one removed and one
/// added. The location lets a `was:` that names no old tool be reported where it is written.
public struct PreviousName: Sendable, Equatable {
    /// An id or a name of a tool of the previous edition.
    public var name: String
    public var location: SourceLocation?

    public init(_ name: String, at location: SourceLocation? = nil) {
        self.name = name
        self.location = location
    }

    /// Two tools are equal whatever line their `was:` sits on.
    public static func == (a: PreviousName, b: PreviousName) -> Bool { a.name == b.name }
}
