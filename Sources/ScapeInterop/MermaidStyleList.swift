import ScapeModel

/// The style list after a Mermaid point or `classDef` name:
/// `radius: 12, color: #ff3300, stroke-color: #10f0f0, stroke-width: 5px`.
/// Mermaid knows exactly these four; each value is checked where it is written.
struct MermaidStyleList {
    static let names = ["radius", "color", "stroke-color", "stroke-width"]

    let line: SourceLine
    let file: String

    /// The style the list sets, and a located error for every entry that cannot be used.
    func parse(_ range: Range<Int>) -> (style: ToolStyle, diagnostics: [Diagnostic]) {
        var style = ToolStyle()
        var diagnostics: [Diagnostic] = []
        let whole = line.trimmed(range)
        guard !whole.isEmpty else { return (style, []) }
        var start = whole.lowerBound
        while start <= whole.upperBound {
            let comma = line.firstIndex(of: ",", from: start, to: whole.upperBound) ?? whole.upperBound
            let item = line.trimmed(start..<comma)
            if item.isEmpty {
                diagnostics.append(.error("empty style; expected 'name: value' (\(Self.names.joined(separator: ", ")))",
                                          at: line.location(item.lowerBound, file: file)))
            } else if let problem = apply(item, to: &style) {
                diagnostics.append(problem)
            } else if let refusal = mermaidRefusal(item) {
                diagnostics.append(refusal)
            }
            start = comma + 1
        }
        return (style, diagnostics)
    }

    /// Sets one `name: value` entry; the error when it cannot.
    private func apply(_ item: Range<Int>, to style: inout ToolStyle) -> Diagnostic? {
        guard let colon = line.firstIndex(of: ":", from: item.lowerBound, to: item.upperBound) else {
            return .error("style '\(line.text(item))' needs a value, like 'radius: 12'", at: line.location(item.lowerBound, file: file))
        }
        let nameRange = line.trimmed(item.lowerBound..<colon)
        let valueRange = line.trimmed((colon + 1)..<item.upperBound)
        let name = line.text(nameRange).lowercased()
        let value = line.text(valueRange)
        let at = line.location(valueRange.lowerBound, file: file)
        guard Self.names.contains(name) else {
            let hint = Suggestions.closest(to: name, in: Self.names).map { " (did you mean '\($0)'?)" } ?? ""
            return .error("unknown style '\(line.text(nameRange))'\(hint); the styles are \(Self.names.joined(separator: ", "))",
                          at: line.location(nameRange.lowerBound, file: file))
        }
        guard !value.isEmpty else { return .error("style '\(name)' has no value", at: at) }
        switch name {
        case "radius":
            guard let v = PlainNumber.parse(value) else {
                return .error("radius '\(value)' should be a number of pixels, like 12", at: at)
            }
            if let p = InputBounds.radius.problem(v) { return .error(p, at: at) }
            style.radius = v
        case "stroke-width":
            let digits = value.lowercased().hasSuffix("px") ? String(value.dropLast(2)) : value
            guard let v = PlainNumber.parse(digits) else {
                return .error("stroke-width '\(value)' should be a size in pixels, like 5px", at: at)
            }
            if let p = InputBounds.strokeWidth.problem(v) { return .error(p, at: at) }
            style.strokeWidth = v
        default:
            guard let hex = Self.hexColor(value) else {
                return .error("\(name) '\(value)' should be a hex colour, like #ff3300", at: at)
            }
            if name == "color" { style.color = hex } else { style.strokeColor = hex }
        }
        return nil
    }

    /// A warning for a value mlscape takes but Mermaid 11 refuses: a radius that is not a whole
    /// number, a stroke width without `px`.
    private func mermaidRefusal(_ item: Range<Int>) -> Diagnostic? {
        guard let colon = line.firstIndex(of: ":", from: item.lowerBound, to: item.upperBound) else { return nil }
        let name = line.text(line.trimmed(item.lowerBound..<colon)).lowercased()
        let valueRange = line.trimmed((colon + 1)..<item.upperBound)
        let value = line.text(valueRange)
        let at = line.location(valueRange.lowerBound, file: file)
        if name == "radius" && !value.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return .warning("radius '\(value)' is not a whole number; mlscape draws it, but Mermaid will not", at: at)
        }
        if name == "stroke-width" && !value.hasSuffix("px") {
            return .warning("stroke-width '\(value)' has no 'px'; mlscape draws it, but Mermaid will not", at: at)
        }
        return nil
    }

    /// `#ff3300`, `ff3300` or `#f30` as `#ff3300` / `#f30`; nil for anything else. Mermaid's own rule.
    static func hexColor(_ value: String) -> String? {
        let digits = value.hasPrefix("#") ? value.dropFirst() : Substring(value)
        guard digits.count == 6 || digits.count == 3, digits.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return nil }
        return "#" + digits.lowercased()
    }
}
