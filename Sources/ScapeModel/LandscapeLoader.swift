import Foundation
import Yams

/// What loading a data file gave: the landscape when it is usable, and every problem found.
public struct LoadResult: Sendable {
    public var landscape: Landscape?
    public var diagnostics: [Diagnostic]

    public init(landscape: Landscape?, diagnostics: [Diagnostic]) {
        self.landscape = landscape
        self.diagnostics = diagnostics
    }

    /// The landscape, or a `DataError` carrying every diagnostic when there is an error.
    public func get() throws -> Landscape {
        guard let landscape, !diagnostics.hasErrors else { throw DataError(diagnostics) }
        return landscape
    }
}

/// Reads a landscape from YAML or JSON text (JSON is read as YAML, so both get line numbers),
/// then validates it. It never stops at the first problem: every located problem is reported.
public enum LandscapeLoader {
    /// The blog's landscape, built into the binary from fixtures/mlops-landscape.yaml.
    public static let defaultFileName = "mlops-landscape.yaml"

    public static var defaultText: String {
        String(decoding: PackageResources.mlops_landscape_yaml, as: UTF8.self)
    }

    /// The built-in landscape. It is validated like any other input; a broken fixture is a bug.
    public static func loadDefault() -> LoadResult {
        load(text: defaultText, file: "<built-in \(defaultFileName)>")
    }

    /// Reads `data` as UTF-8 YAML or JSON text; binary or non-UTF-8 input gets one clear error.
    /// Other tools' formats are told apart and read by ScapeInterop's `DataFileLoader`.
    public static func load(data: Data, file: String) -> LoadResult {
        if data.isEmpty {
            return LoadResult(landscape: nil, diagnostics: [.error("the file is empty; expected a landscape with a 'tools:' list",
                                                                   at: SourceLocation(file: file, line: 1, column: 1))])
        }
        if data.contains(0) {
            return LoadResult(landscape: nil, diagnostics: [.error("this is a binary file, not YAML or JSON text",
                                                                   at: SourceLocation(file: file, line: 1, column: 1))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return LoadResult(landscape: nil, diagnostics: [.error("the file is not UTF-8 text",
                                                                   at: SourceLocation(file: file, line: 1, column: 1))])
        }
        return load(text: text, file: file)
    }

    /// Why YAML or JSON text gave no tree: the one located error to report.
    public struct ComposeProblem: Error {
        public var diagnostic: Diagnostic
    }

    /// The tree of YAML or JSON text through `SafeYAML`, or the one located error saying why
    /// not: refused by the alias scan, malformed (called JSON when `json`, else by the file's
    /// extension; a tab indent is named when `text` is given for it), or unreadable (`what`
    /// names the thing in that message). Every reader of YAML or JSON composes through here.
    public static func compose(_ text: String, file: String, what: String = "the file", json: Bool = false,
                               namingTabs: Bool = false) -> Result<Node?, ComposeProblem> {
        do {
            return .success(try SafeYAML.compose(text))
        } catch let refusal as SafeYAML.Refusal {
            return .failure(ComposeProblem(diagnostic: refusal.diagnostic(file: file)))
        } catch let error as YamlError {
            var d = yamlDiagnostic(error, file: file, text: namingTabs ? text : "")
            if json { d.message = d.message.replacingOccurrences(of: "malformed YAML", with: "malformed JSON") }
            return .failure(ComposeProblem(diagnostic: d))
        } catch {
            return .failure(ComposeProblem(diagnostic: .error("cannot read \(what): \(error)", at: SourceLocation(file: file, line: 1, column: 1))))
        }
    }

    public static func load(text: String, file: String) -> LoadResult {
        // A byte-order mark (Windows editors save one) is no part of the YAML; libyaml
        // reads it as content where a document should start (seen with CRLF line ends).
        let text = text.first == "\u{FEFF}" ? String(text.dropFirst()) : text
        let start = SourceLocation(file: file, line: 1, column: 1)
        let root: Node?
        switch compose(text, file: file, namingTabs: true) {
        case .success(let node): root = node
        case .failure(let problem): return LoadResult(landscape: nil, diagnostics: [problem.diagnostic])
        }
        guard let root else {
            return LoadResult(landscape: nil, diagnostics: [.error("the file holds no data; expected a landscape with a 'tools:' list", at: start)])
        }
        let locator = SourceLocator(file: file, root: root)
        guard root.mapping != nil else {
            return LoadResult(landscape: nil, diagnostics: [.error("expected a mapping at the top (title:, axes:, tools:, ...), found \(NodeDescription.describe(root))",
                                                                   at: locator.location(of: []))])
        }
        let raw: RawDocument
        do {
            raw = try YAMLNodeDecoder.decode(RawDocument.self, from: root)
        } catch let error as DecodingError {
            return LoadResult(landscape: nil, diagnostics: [DecodingDiagnostics.diagnostic(for: error, locator: locator)])
        } catch {
            return LoadResult(landscape: nil, diagnostics: [.error("cannot read the file: \(error)", at: start)])
        }
        if let tools = root.mapping?["tools"]?.sequence, tools.count > InputBounds.maxTools {
            return LoadResult(landscape: nil, diagnostics: [.error(InputBounds.tooManyTools(tools.count), at: locator.location(of: [.key("tools")]))])
        }
        var diagnostics = UnknownKeys.check(root, locator: locator)
        diagnostics += SafeYAML.textLengthProblems(root, file: file)
        diagnostics += raw.problems.map { DecodingDiagnostics.diagnostic(for: $0, locator: locator) }
        let decoded = Set(raw.tools.map(\.index))
        let undecoded = (root.mapping?["tools"]?.sequence.map(Array.init) ?? []).enumerated().compactMap { i, node -> LandscapeValidator.UndecodedToolID? in
            guard !decoded.contains(i), let m = node.mapping, let name = m["name"]?.string else { return nil }
            if let id = m["id"]?.string { return .init(index: i, id: id, key: "id") }
            return .init(index: i, id: Tool.makeID(name: name, subtitle: m["subtitle"]?.string), key: "name")
        }
        let validated = LandscapeValidator(raw: raw, locator: locator, undecodedToolIDs: undecoded).validate()
        diagnostics += validated.diagnostics
        diagnostics = sortedByLocation(diagnostics)
        return LoadResult(landscape: diagnostics.hasErrors ? nil : validated.landscape, diagnostics: diagnostics)
    }

    public static func load(contentsOf url: URL) -> LoadResult {
        switch read(contentsOf: url) {
        case .success(let data): return load(data: data, file: url.path)
        case .failure(let problem): return LoadResult(landscape: nil, diagnostics: [problem.diagnostic])
        }
    }

    /// A data file's bytes, or the one error saying why they cannot be read (too big, unreadable).
    public static func read(contentsOf url: URL) -> Result<Data, UnreadableFile> {
        let file = url.relativePath
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > DocumentLimits.maxBytes {
            return .failure(UnreadableFile(diagnostic: .error("the file is \(size / 1_048_576) MB; data files are read up to \(DocumentLimits.maxBytes / 1_048_576) MB",
                                                              at: SourceLocation(file: file, line: 1, column: 1))))
        }
        do {
            return .success(try Data(contentsOf: url))
        } catch {
            return .failure(UnreadableFile(diagnostic: .error("cannot read \(file): \(error.localizedDescription)")))
        }
    }

    /// Why a data file's bytes could not be read.
    public struct UnreadableFile: Error {
        public var diagnostic: Diagnostic
    }

    /// The located message for a YAML (or JSON: the file name says) syntax error.
    public static func yamlDiagnostic(_ error: YamlError, file: String, text: String = "") -> Diagnostic {
        var d = yamlSyntaxDiagnostic(error, file: file, text: text)
        if file.lowercased().hasSuffix(".json") { d.message = d.message.replacingOccurrences(of: "malformed YAML", with: "malformed JSON") }
        return d
    }

    static func yamlSyntaxDiagnostic(_ error: YamlError, file: String, text: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            if let tab = TabIndent.first(in: text, near: mark.line) {
                return .error("a tab indents this line; YAML indents with spaces only: replace the tab with spaces",
                              at: SourceLocation(file: file, line: tab.line, column: tab.column))
            }
            if problem.contains("Maximum nesting level") {
                return .error("the data nests deeper than \(DocumentLimits.maxDepth) levels; a landscape needs a handful",
                              at: SourceLocation(file: file, line: mark.line, column: mark.column))
            }
            return YAMLSyntaxHint.diagnostic(context: context.map { ($0.text, $0.mark.line, $0.mark.column) }, problem: problem,
                                             line: mark.line, column: mark.column, file: file)
        case let .reader(problem, offset, _, _):
            return .error("unreadable text: \(problem)\(offset.map { " at byte \($0)" } ?? "")",
                          at: SourceLocation(file: file, line: 1, column: 1))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in a mapping",
                          at: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        default:
            return .error("malformed YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// In reading order: by line and column, unlocated ones in their order.
    public static func sortedByLocation(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.location, lb = b.element.location
            if let la, let lb, (la.line, la.column) != (lb.line, lb.column) {
                return (la.line, la.column) < (lb.line, lb.column)
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}
