import ScapeModel
import Yams

/// Reads a Mermaid `quadrantChart` into a `Landscape`, so a chart kept in a Markdown file can
/// be drawn by mlscape with its labels placed. Mermaid's 0 ... 1 positions become -1 ... 1.
/// Like the YAML path it reports every problem at once, each at its line and column; lines
/// Mermaid allows but mlscape does not draw (directives, accessibility text) are warnings.
public struct MermaidQuadrantParser {
    /// The landscape of a chart, or every located problem that stops it from being drawn.
    public static func parse(text: String, file: String) -> LoadResult {
        var parser = MermaidQuadrantParser(file: file)
        parser.read(SourceLine.split(text))
        return parser.result()
    }

    /// A point as written. Its class is resolved at the end: Mermaid lets a `classDef` follow
    /// the points that use it.
    private struct PendingPoint {
        var name: String
        var nameAt: SourceLocation
        var x: Double
        var y: Double
        var className: String?
        var classAt: SourceLocation?
        var style: ToolStyle
    }

    /// A multi-line construct being skipped, and where it opened (for the error when it never closes).
    private enum Block {
        case none
        case frontMatter(SourceLocation)
        case directive(SourceLocation)
        case accDescr(SourceLocation)
    }

    private static let keywords = ["title", "x-axis", "y-axis", "quadrant-1", "quadrant-2", "quadrant-3", "quadrant-4",
                                   "classDef", "accTitle", "accDescr"]

    private let file: String
    private var diagnostics = CappedDiagnostics()
    private var sawContent = false
    private var sawHeader = false
    private var block = Block.none
    private var title: String?
    /// No axis line, no axis labels: Mermaid draws none.
    private var axes = Axes(x: Axis(name: "x", negative: "", positive: ""), y: Axis(name: "y", negative: "", positive: ""))
    private var config = MermaidConfig()
    /// The lines of the front matter or directive being read, and where it started.
    private var blockLines: [String] = []
    private var blockStart = SourceLocation(file: "", line: 1, column: 1)
    private var quadrantTitles: [Int: String] = [:]
    private var classes: [String: ToolStyle] = [:]
    private var points: [PendingPoint] = []

    private init(file: String) { self.file = file }

    private mutating func error(_ message: String, _ line: SourceLine, _ index: Int) {
        diagnostics.append(.error(message, at: line.location(index, file: file)))
    }

    private mutating func warning(_ message: String, _ line: SourceLine, _ index: Int) {
        diagnostics.append(.warning(message, at: line.location(index, file: file)))
    }

    /// Something mlscape reads but Mermaid 11 refuses: drawn, with a warning saying so.
    private mutating func mermaidRefuses(_ what: String, _ line: SourceLine, _ index: Int) {
        warning("\(what); mlscape draws it, but Mermaid will not", line, index)
    }

    // MARK: Lines

    private mutating func read(_ lines: [SourceLine]) {
        for line in lines {
            if continueBlock(line) { continue }
            let content = line.content
            if content.isEmpty { continue }
            if sawHeader {
                for piece in Self.statements(in: line, content) { statement(line, piece) }
            } else if !preamble(line, content) {
                return
            }
            sawContent = true
        }
        switch block {
        case .none: break
        case .frontMatter(let at): diagnostics.append(.error("the front matter opened here is not closed with '---'", at: at))
        case .directive(let at): diagnostics.append(.error("the directive opened here is not closed with '}%%'", at: at))
        case .accDescr(let at): diagnostics.append(.error("the 'accDescr {' opened here is not closed with '}'", at: at))
        }
        if !sawHeader {
            diagnostics.append(.error("no 'quadrantChart' line; a Mermaid quadrant chart starts with it",
                                      at: SourceLocation(file: file, line: 1, column: 1)))
        }
    }

    /// Lines inside front matter, a multi-line directive or an `accDescr { ... }` block.
    private mutating func continueBlock(_ line: SourceLine) -> Bool {
        let text = line.text(0..<line.chars.count)
        switch block {
        case .none:
            return false
        case .frontMatter:
            if line.text(line.content) == "---" {
                block = .none
                frontMatter()
            } else {
                blockLines.append(text)
            }
        case .directive:
            blockLines.append(text)
            if text.contains("}%%") {
                block = .none
                directive()
            }
        case .accDescr:
            if text.contains("}") { block = .none }
        }
        return true
    }

    /// Lines before `quadrantChart`: front matter, comments, directives. False when the text is
    /// not a quadrant chart at all, which ends the reading.
    private mutating func preamble(_ line: SourceLine, _ r: Range<Int>) -> Bool {
        let s = r.lowerBound
        if !sawContent && line.text(r) == "---" {
            block = .frontMatter(line.location(s, file: file))
            blockLines = []
            blockStart = SourceLocation(file: file, line: line.number + 1, column: 1)
        } else if line.matches("%%{", at: s) {
            directive(line, r)
        } else if line.matches("%%", at: s) {
            return true
        } else if line.startsWithKeyword("quadrantChart", at: s, end: r.upperBound)
                    || (line.matches("quadrantChart;", at: s) && s + 14 <= r.upperBound) {
            sawHeader = true
            if line.text(s..<(s + "quadrantChart".count)) != "quadrantChart" {
                mermaidRefuses("'\(line.text(s..<(s + "quadrantChart".count)))' is not spelled 'quadrantChart'", line, s)
            }
            let rest = line.trimmed((s + "quadrantChart".count)..<r.upperBound)
            for piece in Self.statements(in: line, rest) { statement(line, piece) }
        } else {
            let word = line.text(s..<(line.firstIndex(of: " ", from: s, to: r.upperBound) ?? r.upperBound))
            error("expected 'quadrantChart' first, found '\(word)'; mlscape reads Mermaid quadrant charts only", line, s)
            return false
        }
        return true
    }

    /// Front matter is YAML: `title:` is the chart's title, `config:` its configuration.
    private mutating func frontMatter() {
        let start = blockStart
        guard let root = try? SafeYAML.compose(blockLines.joined(separator: "\n")) else {
            if blockLines.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
                diagnostics.append(.warning("the front matter is not valid YAML; ignored", at: start))
            }
            return
        }
        guard let map = root.mapping else { return diagnostics.append(.warning("the front matter is not a mapping; ignored", at: start)) }
        let locate = { (node: Node) in
            SourceLocation(file: start.file, line: start.line - 1 + (node.mark?.line ?? 1), column: node.mark?.column ?? 1)
        }
        for (k, v) in map {
            switch k.string {
            case "title":
                title = v.string.flatMap { $0.isEmpty ? nil : $0 }
                if let t = title, let p = InputBounds.label.problem(t, what: "the title") { diagnostics.append(.error(p, at: locate(v))) }
            case "config": config.read(config: v, locate: locate)
            default: diagnostics.append(.warning("front matter '\(k.string ?? "")' is not used by mlscape; ignored", at: locate(k)))
            }
        }
    }

    /// `%%{init: {...}}%%`, on one line or several: its body is a YAML flow mapping.
    private mutating func directive(_ line: SourceLine, _ r: Range<Int>) {
        blockLines = [line.text((r.lowerBound)..<line.chars.count)]
        blockStart = line.location(r.lowerBound, file: file)
        if !line.text((r.lowerBound + 3)..<r.upperBound).contains("}%%") {
            block = .directive(line.location(r.lowerBound, file: file))
        } else {
            directive()
        }
    }

    private mutating func directive() {
        let start = blockStart
        var text = blockLines.joined(separator: "\n")
        if let open = text.range(of: "%%{") { text = String(text[open.upperBound...]) }
        if let close = text.range(of: "}%%", options: .backwards) { text = String(text[..<close.lowerBound]) }
        let locate = { (node: Node) in
            let line = node.mark?.line ?? 1
            return SourceLocation(file: start.file, line: start.line - 1 + line,
                                  column: line == 1 ? start.column + 2 + (node.mark?.column ?? 1) : node.mark?.column ?? 1)
        }
        guard let root = try? SafeYAML.compose(text), let map = root.mapping else {
            return diagnostics.append(.warning("this directive is not a mapping like '%%{init: {\"theme\": \"dark\"}}%%'; ignored", at: start))
        }
        for (k, v) in map {
            if ["init", "initialize"].contains(k.string) {
                config.read(config: v, locate: locate)
            } else {
                diagnostics.append(.warning("the '\(k.string ?? "")' directive is not used by mlscape; ignored", at: locate(k)))
            }
        }
    }

    // MARK: Statements

    private mutating func statement(_ line: SourceLine, _ range: Range<Int>) {
        var r = range
        // A title keeps the rest of its line, as in Mermaid. Elsewhere `%%` starts a comment
        // and `;` may end the statement.
        if !line.startsWithKeyword("title", at: r.lowerBound, end: r.upperBound) {
            if let cut = Self.comment(in: line, r) { r = line.trimmed(r.lowerBound..<cut) }
            if let last = r.last, line.chars[last] == ";" { r = line.trimmed(r.lowerBound..<last) }
        }
        guard !r.isEmpty else { return }
        let s = r.lowerBound, e = r.upperBound
        func keyword(_ word: String) -> Bool { line.startsWithKeyword(word, at: s, end: e) }
        func after(_ word: String) -> Range<Int> { line.trimmed((s + word.count)..<e) }

        if line.matches("%%{", at: s) {
            directive(line, r)
        } else if line.matches("%%", at: s) {
            return
        } else if keyword("title") {
            let text = line.text(after("title"))
            title = text.isEmpty ? nil : text
            if let p = InputBounds.label.problem(text, what: "the title") { error(p, line, after("title").lowerBound) }
        } else if keyword("x-axis") || keyword("y-axis") {
            axis(line, r)
        } else if let n = (1...4).first(where: { keyword("quadrant-\($0)") }) {
            quadrant(n, line, r)
        } else if keyword("classDef") {
            classDef(line, after("classDef"), keywordAt: s)
        } else if let word = ["accTitle", "accDescr"].first(where: { line.matches($0, at: s) }),
                  let mark = Self.firstNonSpace(line, from: s + word.count, to: e), [":", "{"].contains(line.chars[mark]) {
            warning("'\(word)' (accessible \(word == "accTitle" ? "title" : "description")) is not drawn by mlscape; ignored", line, s)
            if line.chars[mark] == "{" && line.firstIndex(of: "}", from: mark, to: e) == nil {
                block = .accDescr(line.location(s, file: file))
            }
        } else if line.firstIndex(of: ":", from: s, to: e) != nil {
            point(line, r)
        } else if let bracket = line.firstIndex(of: "[", from: s, to: e) {
            error("a point needs ':' between its name and '[x, y]'", line, bracket)
        } else {
            let word = line.text(s..<(line.firstIndex(of: " ", from: s, to: e) ?? e))
            let hint = Suggestions.closest(to: word, in: Self.keywords).map { " (did you mean '\($0)'?)" } ?? ""
            error("unknown statement '\(word)'\(hint); expected title, x-axis, y-axis, quadrant-1 ... quadrant-4, classDef or a point 'Name: [x, y]'",
                  line, s)
        }
    }

    /// `x-axis Low --> High` or `x-axis Low`: the negative and positive ends.
    private mutating func axis(_ line: SourceLine, _ r: Range<Int>) {
        let name = line.chars[r.lowerBound].lowercased() == "x" ? "x-axis" : "y-axis"
        let body = line.trimmed((r.lowerBound + name.count)..<r.upperBound)
        guard !body.isEmpty else {
            return error("\(name) needs a label, like '\(name) Low --> High'", line, r.lowerBound)
        }
        var left = body, right = body.upperBound..<body.upperBound
        if let arrow = Self.arrow(in: line, body) {
            left = line.trimmed(body.lowerBound..<arrow.lowerBound)
            right = line.trimmed(arrow.upperBound..<body.upperBound)
            guard !left.isEmpty else { return error("\(name) has no label before '-->'", line, arrow.lowerBound) }
        }
        guard var negative = label(line, left), let positive = right.isEmpty ? "" : label(line, right) else { return }
        // `x-axis Low -->`: Mermaid keeps the arrow after the one label.
        if right.isEmpty && Self.arrow(in: line, body) != nil { negative += " ⟶" }
        let axis = Axis(name: name == "x-axis" ? axes.x.name : axes.y.name, negative: negative, positive: positive)
        if name == "x-axis" { axes.x = axis } else { axes.y = axis }
    }

    /// `quadrant-1 Text`; 1 is top right, then counter-clockwise.
    private mutating func quadrant(_ n: Int, _ line: SourceLine, _ r: Range<Int>) {
        let body = line.trimmed((r.lowerBound + "quadrant-1".count)..<r.upperBound)
        guard !body.isEmpty else { return error("quadrant-\(n) needs a title, like 'quadrant-\(n) Leaders'", line, r.lowerBound) }
        guard let text = label(line, body) else { return }
        if quadrantTitles[n] != nil { warning("quadrant-\(n) is set twice; the last one wins", line, r.lowerBound) }
        quadrantTitles[n] = text
    }

    /// `classDef name radius: 10, color: #109060`.
    private mutating func classDef(_ line: SourceLine, _ body: Range<Int>, keywordAt: Int) {
        guard !body.isEmpty else {
            return error("classDef needs a class name and styles, like 'classDef important color: #ff3300'", line, keywordAt)
        }
        var end = body.lowerBound
        while end < body.upperBound, !line.chars[end].isWhitespace { end += 1 }
        let name = line.text(body.lowerBound..<end)
        let parsed = MermaidStyleList(line: line, file: file).parse(end..<body.upperBound)
        diagnostics += parsed.diagnostics
        if parsed.style.isEmpty && parsed.diagnostics.isEmpty {
            warning("classDef '\(name)' sets no style", line, body.lowerBound)
        }
        classes[name] = parsed.style
    }

    /// `Name: [x, y]`, `"Quoted name": [x, y]` or `Name:::class: [x, y]`, then optional styles.
    private mutating func point(_ line: SourceLine, _ r: Range<Int>) {
        let e = r.upperBound
        let beforeErrors = diagnostics.errorCount
        var i = r.lowerBound
        let name: String
        if line.chars[i] == "\"" {
            guard let close = line.firstIndex(of: "\"", from: i + 1, to: e) else {
                return error("unclosed '\"' in the point's name", line, i)
            }
            name = Self.withoutMarkdownTicks(line.text((i + 1)..<close))
            i = close + 1
        } else {
            let colon = line.firstIndex(of: ":", from: i, to: e) ?? e
            name = line.text(line.trimmed(i..<colon))
            i = colon
        }
        let nameAt = line.location(r.lowerBound, file: file)
        var className: String?
        var classAt: SourceLocation?
        i = Self.firstNonSpace(line, from: i, to: e) ?? e
        if i + 3 <= e && line.matches(":::", at: i) {
            let end = line.firstIndex(of: ":", from: i + 3, to: e) ?? e
            let range = line.trimmed((i + 3)..<end)
            guard !range.isEmpty else {
                return error("':::' needs a class name, like 'Name:::important: [0.3, 0.6]'", line, i)
            }
            className = line.text(range)
            classAt = line.location(range.lowerBound, file: file)
            i = end
        }
        guard i < e, line.chars[i] == ":" else { return error("expected ':' and '[x, y]' after the point's name", line, i) }
        i = Self.firstNonSpace(line, from: i + 1, to: e) ?? e
        guard i < e, line.chars[i] == "[" else {
            return error("expected '[x, y]' after '\(name):', with x and y from 0 to 1", line, i)
        }
        let open = i
        guard let close = line.firstIndex(of: "]", from: open + 1, to: e) else {
            return error("unclosed '[': a point is written 'Name: [x, y]'", line, open)
        }
        let commas = (open + 1..<close).filter { line.chars[$0] == "," }
        guard commas.count == 1, let comma = commas.first else {
            return error("expected two numbers '[x, y]', found '\(line.text(open..<(close + 1)))'", line, open)
        }
        let x = coordinate("x", line, line.trimmed((open + 1)..<comma), or: open + 1)
        let y = coordinate("y", line, line.trimmed((comma + 1)..<close), or: comma + 1)
        for (v, r) in [(x, line.trimmed((open + 1)..<comma)), (y, line.trimmed((comma + 1)..<close))] where v != nil && !Self.isMermaidNumber(line.text(r)) {
            mermaidRefuses("'\(line.text(r))' is not written as Mermaid writes positions (0, 1 or 0.ddd)", line, r.lowerBound)
        }
        let styles = MermaidStyleList(line: line, file: file).parse((close + 1)..<e)
        diagnostics += styles.diagnostics
        if name.trimmingWhitespace().isEmpty { error("a point needs a name before ':'", line, r.lowerBound) }
        if let p = InputBounds.label.problem(name, what: "the point name") { error(p, line, r.lowerBound) }
        guard diagnostics.errorCount == beforeErrors, let x, let y else { return }
        guard points.count < InputBounds.maxTools else {
            if points.count == InputBounds.maxTools { error(InputBounds.tooManyTools(points.count + 1, noun: "points"), line, r.lowerBound) }
            return
        }
        points.append(PendingPoint(name: name, nameAt: nameAt, x: x, y: y, className: className, classAt: classAt, style: styles.style))
    }

    /// A coordinate, which Mermaid keeps in 0 ... 1.
    private mutating func coordinate(_ axis: String, _ line: SourceLine, _ r: Range<Int>, or emptyAt: Int) -> Double? {
        guard !r.isEmpty else {
            error("missing \(axis) in '[x, y]'", line, emptyAt)
            return nil
        }
        let text = line.text(r)
        guard let v = PlainNumber.parse(text) else {
            error("\(axis) '\(text)' is not a number; Mermaid positions run from 0 to 1", line, r.lowerBound)
            return nil
        }
        guard v >= 0 && v <= 1 else {
            error("\(axis) = \(text) is outside 0 ... 1; Mermaid positions run from 0 to 1", line, r.lowerBound)
            return nil
        }
        return v
    }

    /// A label, plain or in double quotes (Mermaid's markdown strings lose their backticks).
    private mutating func label(_ line: SourceLine, _ r: Range<Int>) -> String? {
        let text = line.text(r)
        if let p = InputBounds.label.problem(text, what: "the label") {
            error(p, line, r.lowerBound)
            return nil
        }
        guard text.hasPrefix("\"") else { return text }
        guard text.count >= 2, text.hasSuffix("\"") else {
            error("unclosed '\"' in '\(text)'", line, r.lowerBound)
            return nil
        }
        return Self.withoutMarkdownTicks(String(text.dropFirst().dropLast()))
    }

    // MARK: Result

    private mutating func result() -> LoadResult {
        var tools: [Tool] = []
        var ids = Set<String>()
        config.placeXAxis(chartHasPoints: !points.isEmpty)
        diagnostics += config.diagnostics
        for p in points {
            var style = config.pointStyle
            if let name = p.className {
                if let defined = classes[name] {
                    style = style.overridden(by: defined)
                } else {
                    // Mermaid draws a point of an undefined class unstyled.
                    let hint = Suggestions.closest(to: name, in: classes.keys.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                    diagnostics.append(.warning("no 'classDef \(name)'\(hint); the point is drawn unstyled, as Mermaid draws it", at: p.classAt))
                }
            }
            style = style.overridden(by: p.style)
            // Mermaid draws two points of one name as two points: the second gets its own id.
            let base = Tool.makeID(name: p.name, subtitle: nil)
            var id = base, n = 2
            while ids.contains(id) { id = "\(base)-\(n)"; n += 1 }
            ids.insert(id)
            tools.append(Tool(id: id, name: p.name, x: Self.fromMermaid(p.x), y: Self.fromMermaid(p.y), style: style.isEmpty ? nil : style))
        }
        let corners: [(AxisSide, AxisSide)] = [(.positive, .positive), (.negative, .positive), (.negative, .negative), (.positive, .negative)]
        let quadrants = (1...4).compactMap { n in
            quadrantTitles[n].map { Quadrant(id: "quadrant-\(n)", title: $0, x: corners[n - 1].0, y: corners[n - 1].1) }
        }
        let sorted = diagnostics.list(file: file, sort: LandscapeLoader.sortedByLocation)
        var landscape = Landscape(title: title ?? "Landscape", axes: axes, quadrants: quadrants, tools: tools)
        // The chart's title is the figure's title, drawn at its top like Mermaid's.
        if let title { landscape.figures = [Figure(id: "landscape", kind: .map, title: title)] }
        if config.theme != ThemeOverrides() { landscape.theme = config.theme }
        return LoadResult(landscape: sorted.hasErrors ? nil : landscape, diagnostics: sorted)
    }

    // MARK: Helpers

    /// Mermaid's own number form for a position: `0`, `1` or `0.` and digits.
    static func isMermaidNumber(_ s: String) -> Bool {
        s == "0" || s == "1" || (s.hasPrefix("0.") && s.count > 2 && s.dropFirst(2).allSatisfy { $0.isASCII && $0.isNumber })
    }

    /// The statements of one line: `;` separates them, except inside double quotes, after a
    /// `%%` comment, and in a title or accessibility text, which keep the rest of the line.
    static func statements(in line: SourceLine, _ r: Range<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = r.lowerBound, i = r.lowerBound, quoted = false
        while i < r.upperBound {
            let atStart = line.trimmed(start..<r.upperBound).lowerBound
            if i == atStart, ["title", "accTitle", "accDescr", "%%"].contains(where: { line.matches($0, at: i) }) { break }
            let ch = line.chars[i]
            if ch == "\"" { quoted.toggle() }
            if !quoted && i > start && line.matches("%%", at: i) && line.chars[i - 1] != "}" {
                let piece = line.trimmed(start..<i)
                return piece.isEmpty ? pieces : pieces + [piece]
            }
            if !quoted && ch == ";" {
                let piece = line.trimmed(start..<i)
                if !piece.isEmpty { pieces.append(piece) }
                start = i + 1
            }
            i += 1
        }
        let last = line.trimmed(start..<r.upperBound)
        if !last.isEmpty { pieces.append(last) }
        return pieces
    }

    /// 0 ... 1 to -1 ... 1, rounded to 1e-9 so `0.3` gives `-0.4` rather than `-0.40000000000000002`.
    static func fromMermaid(_ v: Double) -> Double {
        ((v * 2 - 1) * 1e9).rounded() / 1e9
    }

    /// The `-->` (two or more dashes, then `>`) between an axis's two labels.
    private static func arrow(in line: SourceLine, _ r: Range<Int>) -> Range<Int>? {
        var i = r.lowerBound
        while i + 2 < r.upperBound {
            if line.chars[i] == "-" && line.chars[i + 1] == "-" {
                var j = i + 2
                while j < r.upperBound && line.chars[j] == "-" { j += 1 }
                if j < r.upperBound && line.chars[j] == ">" { return i..<(j + 1) }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }

    /// Where a trailing `%% comment` starts (outside double quotes, not a directive), if any.
    private static func comment(in line: SourceLine, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty else { return nil }
        var quoted = line.chars[r.lowerBound] == "\""
        var i = r.lowerBound + 1
        while i + 1 < r.upperBound {
            if line.chars[i] == "\"" { quoted.toggle() }
            if !quoted && line.chars[i] == "%" && line.chars[i + 1] == "%" && line.chars[i - 1] != "}" { return i }
            i += 1
        }
        return nil
    }

    private static func firstNonSpace(_ line: SourceLine, from start: Int, to end: Int) -> Int? {
        var i = start
        while i < end, line.chars[i].isWhitespace { i += 1 }
        return i < end ? i : nil
    }

    private static func withoutMarkdownTicks(_ s: String) -> String {
        s.count >= 2 && s.hasPrefix("`") && s.hasSuffix("`") ? String(s.dropFirst().dropLast()) : s
    }

    private static func unquotedYAML(_ s: String) -> String {
        for q in ["\"", "'"] where s.count >= 2 && s.hasPrefix(q) && s.hasSuffix(q) { return String(s.dropFirst().dropLast()) }
        return s
    }
}
