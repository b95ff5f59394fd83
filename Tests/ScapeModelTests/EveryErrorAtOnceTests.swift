import Testing
import ScapeModel

/// `mlscape validate` promises every problem at once, each at its line: one pass fixes the
/// file. Each test plants two kinds of mistake on separate tool lines, in both orders and
/// between good lines, and expects both messages at their own lines; a validator that stops
/// at the first problem, or at the first of some kind, fails here.
@Suite struct EveryErrorAtOnceTests {
    /// A kind of mistake: the tool lines that make it (the last one is where the error points)
    /// and a fragment of its message.
    struct Mistake: CustomStringConvertible, Sendable {
        var name: String
        var lines: [String]
        var message: String
        var description: String { name }
    }

    static let mistakes = [
        Mistake(name: "duplicate id", lines: ["- { name: Twin, x: 0.1, y: 0.1 }", "- { name: Twin, x: 0.2, y: 0.2 }"],
                message: "duplicate tool id 'twin'"),
        Mistake(name: "unknown category", lines: ["- { name: Lost, x: 0.1, y: 0.2, categories: [nowhere] }"],
                message: "tool 'Lost' names unknown category 'nowhere'"),
        Mistake(name: "out-of-range position", lines: ["- { name: Far, x: 1.5, y: 0.1 }"], message: "tool 'Far' has x = 1.5"),
        Mistake(name: "empty name", lines: ["- { name: \" \", x: 0.1, y: 0.1 }"], message: "has an empty name"),
        Mistake(name: "bad colour", lines: ["- { name: Paint, x: 0.1, y: 0.1, style: { color: red } }"],
                message: "tool 'Paint' has color 'red'; expected #rrggbb"),
        Mistake(name: "radius out of bounds", lines: ["- { name: Huge, x: 0.3, y: 0.1, style: { radius: 5000 } }"],
                message: "tool 'Huge' radius"),
    ]

    /// Every unordered pair of kinds.
    static let pairs: [(Mistake, Mistake)] = mistakes.indices.flatMap { i in
        mistakes.indices.filter { $0 > i }.map { (mistakes[i], mistakes[$0]) }
    }

    static let header = """
        categories:
          - { id: data, name: Data }
        tools:
        """
    static let good = ["- { name: Airflow, x: -0.3, y: -0.4, categories: [data] }", "- { name: Kubeflow, x: 0.1, y: 0.6 }"]

    /// The file with `first` then `second` between good lines, and the line each error is at.
    static func file(_ first: Mistake, _ second: Mistake) -> (text: String, lines: [Int]) {
        var body = [good[0]]
        var at: [Int] = []
        let headerLines = header.split(separator: "\n").count
        for (k, m) in [first, second].enumerated() {
            body += m.lines.map { "  " + $0 }
            at.append(headerLines + body.count)
            if k == 0 { body.append(good[1]) }
        }
        return (header + "\n" + body.map { $0.hasPrefix("  ") ? $0 : "  " + $0 }.joined(separator: "\n") + "\n", at)
    }

    func check(_ first: Mistake, _ second: Mistake) {
        let (text, lines) = Self.file(first, second)
        let errors = LandscapeLoader.load(text: text, file: "d.yaml").diagnostics.errors
        for (m, line) in zip([first, second], lines) {
            #expect(errors.contains { $0.message.contains(m.message) && $0.location?.line == line },
                    "\(first) then \(second): no '\(m.message)' at line \(line); got \(errors.map(\.description))\n\(text)")
        }
    }

    @Test(arguments: pairs.map { [$0.0, $0.1] })
    func bothMistakesAreReportedInEitherOrder(pair: [Mistake]) {
        check(pair[0], pair[1])
        check(pair[1], pair[0])
    }

    /// The case: three duplicate ids, three errors, not one.
    @Test func everyDuplicateIsReported() {
        let text = Self.header + "\n" + ["A", "A", "B", "B", "C", "C"].enumerated().map { "  - { name: \($1), x: 0.\($0), y: 0.1 }" }.joined(separator: "\n")
        let errors = LandscapeLoader.load(text: text, file: "d.yaml").diagnostics.errors
        #expect(errors.filter { $0.message.hasPrefix("duplicate tool id") }.map { $0.location?.line } == [5, 7, 9], "\(errors)")
    }

    /// A duplicate's own other mistakes show in the same run as the duplicate, not after the
    /// duplicate is fixed: a tool, a category and a figure, each both a duplicate and wrong.
    @Test func aDuplicateIsStillCheckedForItsOtherMistakes() {
        let text = """
            categories:
              - { id: data, name: Data }
              - { id: data, name: Again, color: red }
            tools:
              - { name: Twin, x: 0.1, y: 0.1, categories: [data] }
              - { name: Twin, x: 1.5, y: 0.2, categories: [nowhere], style: { color: blue } }
            figures:
              - { id: map, kind: map }
              - { id: map, kind: mapp }
            """
        let errors = LandscapeLoader.load(text: text, file: "d.yaml").diagnostics.errors
        func at(_ line: Int, _ fragment: String) -> Bool {
            errors.contains { $0.location?.line == line && $0.message.contains(fragment) }
        }
        #expect(at(3, "duplicate category id 'data'") && at(3, "category 'data' has colour 'red'"), "\(errors)")
        #expect(at(6, "duplicate tool id 'twin'"), "\(errors)")
        #expect(at(6, "tool 'Twin' has x = 1.5"), "\(errors)")
        #expect(at(6, "tool 'Twin' names unknown category 'nowhere'"), "\(errors)")
        #expect(at(6, "tool 'Twin' has color 'blue'"), "\(errors)")
        #expect(at(9, "duplicate figure id 'map'") && at(9, "unknown kind 'mapp'"), "\(errors)")
        #expect(!errors.contains { $0.message.contains("would both write") }, "the duplicate says it once: \(errors)")
    }
}
