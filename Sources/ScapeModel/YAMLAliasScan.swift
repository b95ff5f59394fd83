import CYaml

/// Looks at a YAML text's event stream, before Yams builds a tree, for the two ways aliases
/// make reading run away: an alias used as a mapping key (Yams hashes the whole expanded tree
/// of every key to find duplicates, which takes minutes for a few hundred bytes), and aliases
/// that expand to more values than a landscape could need (a "billion laughs" file).
/// The scan costs one pass of libyaml's parser and never expands anything.
enum YAMLAliasScan {
    enum Finding: Equatable {
        /// An alias used as a mapping key or inside one, at its 1-based line and column.
        case aliasKey(name: String, line: Int, column: Int)
        /// Aliases add more than `DocumentLimits.maxValues` values.
        case expandsTooFar
    }

    /// One open mapping or sequence: how many values it holds so far (aliases expanded),
    /// whether the next node is a key, and the anchor it will be registered under.
    private struct Frame {
        var isMapping: Bool
        var expectingKey: Bool
        var size: Int
        var anchor: String?
        /// True when this node is a mapping key or lies inside one.
        var withinKey: Bool
    }

    /// The first problem found, or nil. Syntax errors are left to Yams, which reports them.
    static func scan(_ text: String) -> Finding? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Finding? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var anchorSizes: [String: Int] = [:]
            var stack: [Frame] = []
            var added = 0
            var event = yaml_event_t()

            /// A finished node of `size` values: counted in its parent, which then expects the other half of a pair.
            func finish(_ size: Int, anchor: String?) {
                if let anchor { anchorSizes[anchor] = size }
                guard !stack.isEmpty else { return }
                stack[stack.count - 1].size = saturated(stack[stack.count - 1].size, size)
                if stack[stack.count - 1].isMapping { stack[stack.count - 1].expectingKey.toggle() }
            }

            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    let name = string(event.data.alias.anchor) ?? ""
                    if isKeyPosition(stack) {
                        return .aliasKey(name: name, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                    }
                    let size = anchorSizes[name] ?? 1
                    added = saturated(added, size)
                    if added > DocumentLimits.maxValues { return .expandsTooFar }
                    finish(size, anchor: nil)
                case YAML_SCALAR_EVENT:
                    finish(1, anchor: string(event.data.scalar.anchor))
                case YAML_SEQUENCE_START_EVENT:
                    stack.append(Frame(isMapping: false, expectingKey: false, size: 1, anchor: string(event.data.sequence_start.anchor),
                                       withinKey: isKeyPosition(stack)))
                case YAML_MAPPING_START_EVENT:
                    stack.append(Frame(isMapping: true, expectingKey: true, size: 1, anchor: string(event.data.mapping_start.anchor),
                                       withinKey: isKeyPosition(stack)))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast() else { return nil }
                    finish(frame.size, anchor: frame.anchor)
                default:
                    break
                }
            }
        }
    }

    /// True when the next node is a mapping key or part of one.
    private static func isKeyPosition(_ stack: [Frame]) -> Bool {
        guard let top = stack.last else { return false }
        return top.withinKey || (top.isMapping && top.expectingKey)
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        p.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private static func saturated(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
