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
/// Here each mapping's keys go into a dictionary once and are matched by their text. Text,
/// numbers and true/false are read by their type (a comparison of metatypes); every other
/// type decodes itself through `init(from:)`, Foundation's types too (a `URL` field would be
/// read as Foundation reads one, not from text).
///
/// The values and errors are Yams's, the same `DecodingError`s at the same coding paths, so
/// every diagnostic reads as before (`YAMLNodeDecoderTests` holds the two side by side). Where
/// they part, on purpose:
/// - tags are not read: a key is found by its text, so a quoted `"1"` (every JSON key) is the
///   key `1`, and `!!str true` is still true; only quoting decides that `'true'` is text;
/// - an integer too large for `Int`, in any notation, is a mismatch, where Yams's base-60
///   arithmetic trapped (`YAMLInteger`);
/// - asking whether a list's next item is null moves past it only when it is, as the
///   protocol says (Yams moved past it either way).
///
/// A plain `<<` merges the mapping (or list of mappings) it names, the first before the next
/// and the mapping's own keys before both, as in Yams. Keys equal as text are refused before
/// this, when the tree is composed (`SafeYAML`).
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

    /// Text, true/false or a number: one method for every type the containers name
    /// (`decode(_: Int8.Type)` and the rest), as in Yams.
    func decode<T: Decodable & ScalarConstructible>(_ type: T.Type) throws -> T {
        guard let value = try scalarValue(type) else { return try T(from: self) }
        return value
    }

    /// Any other type by its own `init(from:)`; `[String]` reaches here with `T == String`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try scalarValue(type) ?? T(from: self)
    }

    /// The node read as `T` when `T` is text, true/false or a number, else nil.
    private func scalarValue<T>(_ type: T.Type) throws -> T? {
        if type == String.self { return try scalar().string as? T }
        if type == Bool.self { return try bool() as? T }
        if type == Double.self { return try floating(Double.self) as? T }
        if type == Float.self { return try floating(Float.self) as? T }
        if type == Int.self { return try integer(Int.self) as? T }
        if type == Int64.self { return try integer(Int64.self) as? T }
        if type == Int32.self { return try integer(Int32.self) as? T }
        if type == Int16.self { return try integer(Int16.self) as? T }
        if type == Int8.self { return try integer(Int8.self) as? T }
        if type == UInt.self { return try integer(UInt.self) as? T }
        if type == UInt64.self { return try integer(UInt64.self) as? T }
        if type == UInt32.self { return try integer(UInt32.self) as? T }
        if type == UInt16.self { return try integer(UInt16.self) as? T }
        if type == UInt8.self { return try integer(UInt8.self) as? T }
        return nil
    }

    /// `true`/`false`, `yes`/`no` and `on`/`off` in any case, the YAML 1.1 booleans, unquoted.
    private func bool() throws -> Bool {
        let scalar = try scalar()
        guard scalar.isPlain else { throw mismatch(Bool.self) }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw mismatch(Bool.self)
        }
    }

    private func floating<F: ScalarConstructible>(_ type: F.Type) throws -> F {
        guard let value = F.construct(from: try scalar()) else { throw mismatch(F.self) }
        return value
    }

    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        guard let value = YAMLInteger.parse(try scalar()).flatMap(I.init(exactly:)) else { throw mismatch(I.self) }
        return value
    }

    /// The node as a scalar; a list or mapping where one value belongs is a mismatch with
    /// "a single value", as Yams reports it.
    private func scalar() throws -> Node.Scalar {
        guard case .scalar(let scalar) = node else { throw mismatch(Node.Scalar.self) }
        return scalar
    }

    func mismatch(_ expected: Any.Type) -> DecodingError {
        let found: Any.Type
        switch node {
        case .scalar(let n): found = type(of: n)
        case .mapping(let n): found = type(of: n)
        case .sequence(let n): found = type(of: n)
        case .alias(let n): found = type(of: n)
        }
        return .typeMismatch(expected, .init(codingPath: codingPath, debugDescription: "Expected to decode \(expected) but found \(found) instead."))
    }
}

/// A mapping's values by key text, built once; then the merged mappings fill what is missing,
/// earlier ones first.
private struct MappingKeys {
    var values: [String: Node] = [:]
    var order: [String] = []

    init(_ mapping: Node.Mapping) {
        var merged: [Node.Mapping] = []
        for (key, value) in mapping {
            guard case .scalar(let k) = key else { continue }
            if k.isMergeKey {
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
    /// Text, true/false and every number (`decode(_: Int8.Type, forKey:)` and the rest).
    func decode<T: Decodable & ScalarConstructible>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(type) }
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

    /// Text, true/false and every number (`decode(_: Int8.Type)` and the rest).
    mutating func decode<T: Decodable & ScalarConstructible>(_ type: T.Type) throws -> T { try take(type) { try $0.decode(type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try take(type) { try $0.decode(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try take(KeyedDecodingContainer<NestedKey>.self) { try $0.container(keyedBy: type) }
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try take((any UnkeyedDecodingContainer).self) { try $0.unkeyedContainer() }
    }
    mutating func superDecoder() throws -> any Decoder { try take((any Decoder).self) { $0 } }
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
