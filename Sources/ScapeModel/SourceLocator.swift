import Yams

/// Maps a path in the document (`tools[3].x`) back to the line and column where it was written.
/// Codable errors only carry a coding path; the composed YAML node tree keeps the marks.
public struct SourceLocator {
    public let file: String
    let root: Node?

    init(file: String, root: Node?) {
        self.file = file
        self.root = root
    }

    /// A locator that knows only the file name (for inputs that are not YAML trees).
    public static func fileOnly(_ file: String) -> SourceLocator { SourceLocator(file: file, root: nil) }

    /// The location of the deepest node on `path` that exists; for a key, its value's mark.
    public func location(of path: SpecPath) -> SourceLocation {
        guard let root else { return SourceLocation(file: file, line: 1, column: 1) }
        var node = root
        for step in path {
            guard let next = Self.child(of: node, step) else { break }
            node = next
        }
        return location(of: node)
    }

    /// The location of the key itself (not its value) at the end of `path`.
    public func keyLocation(of path: SpecPath) -> SourceLocation {
        guard let root, case .key(let last)? = path.last else { return location(of: path) }
        var node = root
        for step in path.dropLast() {
            guard let next = Self.child(of: node, step) else { return location(of: node) }
            node = next
        }
        if let mapping = node.mapping, let key = mapping.keys.first(where: { $0.string == last }) {
            return location(of: key)
        }
        return location(of: node)
    }

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// The node at `path`, if every step exists.
    func node(at path: SpecPath) -> Node? {
        guard var node = root else { return nil }
        for step in path {
            guard let next = Self.child(of: node, step) else { return nil }
            node = next
        }
        return node
    }

    static func child(of node: Node, _ step: SpecPathComponent) -> Node? {
        switch (step, node) {
        case (.key(let k), .mapping(let m)):
            return m.first { $0.key.string == k }?.value
        case (.index(let i), .sequence(let s)):
            return i >= 0 && i < s.count ? s[i] : nil
        default:
            return nil
        }
    }
}
