import Yams

/// Turns Codable's `DecodingError`s into located diagnostics a person can act on.
enum DecodingDiagnostics {
    static func diagnostic(for error: DecodingError, locator: SourceLocator) -> Diagnostic {
        switch error {
        case let .typeMismatch(type, context):
            let path = SpecPath(codingPath: context.codingPath)
            let found = locator.node(at: path).map { ", found \(NodeDescription.describe($0))" } ?? ""
            let node = locator.node(at: path)?.scalar?.string ?? ""
            let comma = expected(type) == "a number" && DecimalComma.looksLike(node)
                ? "; a decimal comma? write \(node.replacingOccurrences(of: ",", with: "."))" : ""
            return .error("'\(path.dotted)' should be \(expected(type))\(found)\(comma)", at: locator.location(of: path))
        case let .valueNotFound(type, context):
            let path = SpecPath(codingPath: context.codingPath)
            return .error("'\(path.dotted)' is empty; expected \(expected(type))", at: locator.location(of: path))
        case let .keyNotFound(key, context):
            let path = SpecPath(codingPath: context.codingPath)
            let owner = path.isEmpty ? "the top level" : "'\(path.dotted)'"
            return .error("missing required field '\(key.stringValue)' in \(owner)", at: locator.location(of: path))
        case let .dataCorrupted(context):
            let path = SpecPath(codingPath: context.codingPath)
            return .error("'\(path.dotted)': \(context.debugDescription)", at: locator.location(of: path))
        @unknown default:
            return .error("\(error)", at: locator.location(of: []))
        }
    }

    /// "a number", "a list", ... for the Swift type Codable expected.
    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type, is Int.Type: return "a number"
        case is String.Type: return "a text"
        case is Bool.Type: return "true or false"
        case is Node.Sequence.Type: return "a list"
        case is Node.Mapping.Type: return "a mapping (key: value)"
        case is Node.Scalar.Type: return "a single value"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || name.hasPrefix("[") { return "a list" }
            if name.hasPrefix("Dictionary") || name.hasPrefix("Raw") { return "a mapping (key: value)" }
            return name
        }
    }
}

/// A short, quoted description of a YAML node for messages.
enum NodeDescription {
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s):
            let text = s.string
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "'\(shown)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}

/// Warns about keys mlscape does not know, which are usually typos (`subtitel:`).
enum UnknownKeys {
    static func check(_ root: Node, locator: SourceLocator) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let top = Set(RawDocument.Key.allCases.map(\.rawValue))
        out += unknown(in: root, known: top, path: [], locator: locator)
        let itemKeys: [String: Set<String>] = [
            "quadrants": RawQuadrant.keys, "categories": RawCategory.keys,
            "tools": RawTool.keys, "figures": RawFigure.keys,
        ]
        for (section, keys) in itemKeys.sorted(by: { $0.key < $1.key }) {
            guard let list = locator.node(at: [.key(section)])?.sequence else { continue }
            for (i, item) in list.enumerated() {
                out += unknown(in: item, known: keys, path: [.key(section), .index(i)], locator: locator)
            }
        }
        if let theme = locator.node(at: [.key("theme")]) {
            out += unknown(in: theme, known: RawTheme.keys, path: [.key("theme")], locator: locator)
        }
        if let axes = locator.node(at: [.key("axes")]) {
            out += unknown(in: axes, known: RawAxes.keys, path: [.key("axes")], locator: locator)
            for axis in ["x", "y"] {
                if let node = locator.node(at: [.key("axes"), .key(axis)]) {
                    out += unknown(in: node, known: RawAxis.keys, path: [.key("axes"), .key(axis)], locator: locator)
                }
            }
        }
        return out
    }

    private static func unknown(in node: Node, known: Set<String>, path: SpecPath, locator: SourceLocator) -> [Diagnostic] {
        guard let mapping = node.mapping else { return [] }
        let pairs = Array(mapping)
        return pairs.enumerated().compactMap { i, pair -> Diagnostic? in
            let keyNode = pair.key
            guard let key = keyNode.string, !known.contains(key) else { return nil }
            // A plain `<<` merges another mapping's keys (`<<: *base`); they are read.
            if case .scalar(let k) = keyNode, k.isMergeKey { return nil }
            // `{ x: 0,1 }` reads as `x: 0` and a key `1`: a decimal comma, not a new key.
            if i > 0, key.allSatisfy(\.isNumber), pair.value.null != nil || pair.value.string == "",
               let before = pairs[i - 1].key.string, let whole = pairs[i - 1].value.scalar?.string,
               DecimalComma.looksLike("\(whole),\(key)") {
                let at = path.isEmpty ? "" : " in '\(path.dotted)'"
                return .error("'\(before): \(whole),\(key)'\(at) has a decimal comma; write \(before): \(whole).\(key)",
                              at: locator.location(of: pairs[i - 1].value))
            }
            let hint = Suggestions.closest(to: key, in: Array(known)).map { " (did you mean '\($0)'?)" } ?? ""
            let at = path.isEmpty ? "at the top level" : "in '\(path.dotted)'"
            return .warning("unknown key '\(key)' \(at) is ignored\(hint)", at: locator.location(of: keyNode))
        }
    }
}

/// `0,5` where `0.5` was meant: the decimal mark of many locales, which YAML and CSV read
/// as a separator.
enum DecimalComma {
    static func looksLike(_ s: String) -> Bool {
        let parts = s.trimmingCharacters(in: .whitespaces).split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let whole = parts.first, let fraction = parts.last, !fraction.isEmpty,
              fraction.allSatisfy(\.isNumber) else { return false }
        let digits = whole.hasPrefix("-") || whole.hasPrefix("+") ? whole.dropFirst() : whole[...]
        return !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }
}
