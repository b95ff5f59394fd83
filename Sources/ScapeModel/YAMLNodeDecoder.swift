import Foundation
import Yams

/// Decodes mlscape's `Raw…` types from a composed YAML tree. It replaces Yams's `YAMLDecoder`,
/// which spent most of the time it takes to read a landscape (about 10 ms of the built-in one's
/// 20) on two costs that our inputs never need:
/// - it finds each key by building a probe node and comparing it with the mapping's keys by
///   resolved tag, which runs the YAML 1.1 regular expressions on both;
/// - it asks the Swift runtime whether each decoded type is `ScalarConstructible`, a scan of
///   every conformance in the binary the first time each type is seen.
///
/// Here each mapping's keys go into a dictionary once and are matched by their text: tags play
/// no part anywhere in mlscape's reading. Text, numbers and true/false are read by their type.
/// Every other type decodes itself through `init(from:)`.
///
/// The errors are the same `DecodingError`s, at the same coding paths, so every diagnostic
/// reads as before. A later key overrides an earlier one with the same text, and a plain `<<`
/// merges the mapping (or list of mappings) it names, its own keys first, as in Yams.
enum YAMLNodeDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from node: Node) throws -> T {
        try NodeDecoder(node: node, codingPath: []).decode(type)
    }
}

/// One node being decoded, with the path that led to it. Also its own single-value container.
private struct NodeDecoder: Decoder, SingleValueDecodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw mismatch(Node.Mapping.self) }
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(decoder: self, keys: MappingKeys(mapping)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw mismatch(Node.Sequence.self) }
        return UnkeyedNodeContainer(decoder: self, items: Array(sequence))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// The child at `key`, one step further down the path.
    func child(_ node: Node, at key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, codingPath: codingPath + [key])
    }

    // MARK: Single values

    /// A plain `~`, `null` or nothing, as YAML reads them; a quoted "null" is text.
    func decodeNil() -> Bool { node.scalar.flatMap(NSNull.construct) != nil }

    func decode(_ type: String.Type) throws -> String { try scalar().string }

    /// `true`/`false`, `yes`/`no` and `on`/`off` in any case, the YAML 1.1 booleans, unquoted:
    /// a quoted `'true'` is text, as in Yams.
    func decode(_ type: Bool.Type) throws -> Bool {
        let scalar = try scalar()
        guard scalar.style == .plain || scalar.style == .any else { throw mismatch(Bool.self) }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw mismatch(Bool.self)
        }
    }

    func decode(_ type: Double.Type) throws -> Double { try construct(type) }
    func decode(_ type: Float.Type) throws -> Float { try construct(type) }
    func decode(_ type: Int.Type) throws -> Int { try construct(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try construct(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try construct(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try construct(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try construct(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try construct(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try construct(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try construct(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try construct(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try construct(type) }

    /// The scalar types by identity (a pointer comparison), everything else by its own
    /// `init(from:)`: `[String]` reaches here with `T == String`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == String.self { return try decode(String.self) as! T }
        if type == Double.self { return try decode(Double.self) as! T }
        if type == Int.self { return try decode(Int.self) as! T }
        if type == Bool.self { return try decode(Bool.self) as! T }
        if type == Float.self { return try decode(Float.self) as! T }
        return try T(from: self)
    }

    private func construct<T: ScalarConstructible>(_ type: T.Type) throws -> T {
        guard let value = T.construct(from: try scalar()) else { throw mismatch(T.self) }
        return value
    }

    /// The node as a scalar; a list or mapping where one value belongs is a mismatch with
    /// "a single value", as Yams reports it.
    private func scalar() throws -> Node.Scalar {
        guard case .scalar(let scalar) = node else { throw mismatch(Node.Scalar.self) }
        return scalar
    }

    func mismatch(_ expected: Any.Type) -> DecodingError {
        let found: String
        switch node {
        case .scalar: found = "Scalar"
        case .mapping: found = "Mapping"
        case .sequence: found = "Sequence"
        case .alias: found = "Alias"
        }
        return .typeMismatch(expected, .init(codingPath: codingPath, debugDescription: "Expected to decode \(expected) but found \(found) instead."))
    }
}

/// A mapping's values by key text, built once: the last of equal keys wins, then the merged
/// mappings fill what is missing, earlier ones first.
private struct MappingKeys {
    var values: [String: Node] = [:]
    var order: [String] = []

    init(_ mapping: Node.Mapping) {
        var merged: [Node.Mapping] = []
        for (key, value) in mapping {
            guard case .scalar(let k) = key else { continue }
            if k.string == "<<", k.style == .plain || k.style == .any {
                switch value {
                case .mapping(let m): merged.append(m)
                case .sequence(let s): merged += s.compactMap(\.mapping)
                default: break
                }
                continue
            }
            if values.updateValue(value, forKey: k.string) == nil { order.append(k.string) }
        }
        for source in merged {
            let inner = MappingKeys(source)
            for key in inner.order where values[key] == nil {
                values[key] = inner.values[key]
                order.append(key)
            }
        }
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let keys: MappingKeys

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { keys.order.compactMap(Key.init(stringValue:)) }
    func contains(_ key: Key) -> Bool { keys.values[key.stringValue] != nil }

    private func child(_ key: some CodingKey) throws -> NodeDecoder {
        guard let node = keys.values[key.stringValue] else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return decoder.child(node, at: key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { try child(SuperKey()) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

private struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [Node]
    var currentIndex = 0

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    /// The next item's decoder; the index moves on only once the item is decoded.
    private func next(_ type: Any.Type) throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [IndexKey(currentIndex)], debugDescription: "Unkeyed container is at end."))
        }
        return decoder.child(items[currentIndex], at: IndexKey(currentIndex))
    }

    /// Reads the next item, then moves past it.
    private mutating func take<T>(_ type: Any.Type, _ read: (NodeDecoder) throws -> T) throws -> T {
        let value = try read(next(type))
        currentIndex += 1
        return value
    }

    /// Moves on only past a null, as the protocol asks.
    mutating func decodeNil() throws -> Bool {
        guard try next(Any?.self).decodeNil() else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: String.Type) throws -> String { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try take(type) { try $0.decode(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try take(type) { try $0.decode(type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try take(type) { try $0.decode(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try take(type) { try $0.container(keyedBy: type) }
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try take(Node.Sequence.self) { try $0.unkeyedContainer() }
    }
    mutating func superDecoder() throws -> any Decoder { try take(Node.self) { $0 } }
}

/// A list item's place in the coding path ("Index 3", as Yams and Foundation name it).
private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

/// The key `superDecoder()` decodes under.
private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}
