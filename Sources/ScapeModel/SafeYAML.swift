import Yams

/// The one way mlscape turns YAML or JSON text into a tree: the alias scan first, so that no
/// input reaches Yams's composer (which expands aliases and hashes mapping keys) before the
/// work it would cause is known to be bounded.
public enum SafeYAML {
    /// Why a text was refused before composing, with where.
    public struct Refusal: Error {
        public var message: String
        public var line: Int
        public var column: Int

        public func diagnostic(file: String) -> Diagnostic {
            .error(message, at: SourceLocation(file: file, line: line, column: column))
        }
    }

    /// Yams's tree of `text`; throws `Refusal` for aliases used as keys or expanding too far,
    /// and Yams's own errors for malformed text.
    ///
    /// Composed without YAML 1.1's tag rules (`Resolver.basic`): mlscape reads each value as the
    /// type it expects (`YAMLNodeDecoder`, `YAMLInteger`, `Node.string`), never by the tag the
    /// rules would give it (`Node.bool` looks only at a tag written in the file). With the
    /// rules, Yams ran up to seven regular expressions on every key, to check for duplicates
    /// and again on every lookup (`mapping["tools"]`): a third of reading the built-in landscape.
    /// Without them, keys are compared by their text: `1` and `"1"` are one key written twice.
    public static func compose(_ text: String) throws -> Node? {
        switch YAMLAliasScan.scan(text) {
        case .aliasKey(let name, let line, let column)?:
            throw Refusal(message: "the alias '*\(name)' is used in a mapping key; mlscape reads aliases only as values", line: line, column: column)
        case .expandsTooFar?:
            throw Refusal(message: "the document expands to more than \(DocumentLimits.maxValues) values through YAML aliases (a 'billion laughs' file?); refusing to read it",
                          line: 1, column: 1)
        case nil:
            return try Yams.compose(yaml: text, Resolver.basic)
        }
    }

    /// Every string value longer than its `InputBounds` text bound, located at the value.
    /// `note`, `description`, `caption` and `url` are prose; everything else is a label.
    public static func textLengthProblems(_ root: Node, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var stack: [(Node, SpecPath)] = [(root, [])]
        while let (node, path) = stack.popLast() {
            switch node {
            case .scalar(let s):
                guard s.string.utf8.count > InputBounds.label.maxCharacters else { continue }
                var bound = InputBounds.label
                if case .key(let k)? = path.last, ["note", "description", "caption", "url"].contains(k) { bound = InputBounds.prose }
                if let problem = bound.problem(s.string, what: "'\(path.dotted)'") {
                    out.append(.error(problem, at: SourceLocation(file: file, line: s.mark?.line ?? 1, column: s.mark?.column ?? 1)))
                }
            case .mapping(let m):
                for (k, v) in m.reversed() { stack.append((v, path + [.key(k.string ?? "?")])) }
            case .sequence(let seq):
                for (i, v) in seq.enumerated().reversed() { stack.append((v, path + [.index(i)])) }
            case .alias:
                continue
            }
        }
        return out
    }
}
