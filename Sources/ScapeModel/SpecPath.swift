/// A step into a data document: a mapping key or a list index.
public enum SpecPathComponent: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let k): return k
        case .index(let i): return "[\(i)]"
        }
    }
}

/// A path from the document root to one value, e.g. `tools[3].x`.
public typealias SpecPath = [SpecPathComponent]

extension Array where Element == SpecPathComponent {
    /// The path as a reader would write it: `tools[3].x`.
    public var dotted: String {
        var out = ""
        for c in self {
            switch c {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    /// The path of a Codable error, where list positions are integer keys.
    public init(codingPath: [any CodingKey]) {
        self = codingPath.map { key in
            if let i = key.intValue, key.stringValue.isEmpty || Int(key.stringValue) == i || key.stringValue.hasPrefix("Index") {
                return .index(i)
            }
            return .key(key.stringValue)
        }
    }
}
