import Testing
@testable import ScapeModel

/// Each bad input gets a message naming the problem at the line and column where it was written.
@Suite struct DiagnosticsTests {
    let header = """
    quadrants:
      - { id: cloud, title: Cloud, x: negative, y: positive }
    categories:
      - { id: vendors, name: Vendors, quadrant: cloud }

    """

    func load(_ text: String) -> LoadResult { LandscapeLoader.load(text: text, file: "t.yaml") }

    func only(_ text: String, _ severity: Diagnostic.Severity = .error) -> [String] {
        load(text).diagnostics.filter { $0.severity == severity }.map(\.description)
    }

    @Test func malformedYAMLIsLocated() {
        let d = only("tools:\n  - { name: A, x: 0.1, y: 0.2\n  - name: B\n")
        #expect(d.count == 1)
        #expect(d[0].hasPrefix("t.yaml:2:5:"), "where the unclosed brace opens: \(d[0])")
        #expect(d[0].contains("malformed YAML"))
    }

    @Test func wrongTypeNamesFieldFoundValueAndLine() {
        let d = only(header + "tools:\n  - { name: A, x: left, y: 0.2, categories: [vendors] }\n")
        #expect(d == ["t.yaml:6:19: error: 'tools[0].x' should be a number, found 'left'"])
    }

    @Test func missingRequiredFieldPointsAtItsMapping() {
        let d = only(header + "tools:\n  - name: A\n    x: -0.5\n")
        #expect(d == ["t.yaml:6:5: error: missing required field 'y' in 'tools[0]'"])
    }

    @Test func duplicateToolIDsAreReported() {
        let d = only(header + "tools:\n  - { name: A, x: -0.1, y: 0.1 }\n  - { name: A, x: -0.2, y: 0.2 }\n")
        #expect(d.count == 1)
        #expect(d[0].hasPrefix("t.yaml:7:13: error: duplicate tool id 'a'"))
    }

    @Test func unknownCategoryGetsASuggestion() {
        let d = only(header + "tools:\n  - { name: A, x: -0.1, y: 0.1, categories: [vendor] }\n")
        #expect(d == ["t.yaml:6:46: error: tool 'A' names unknown category 'vendor' (did you mean 'vendors'?)"])
    }

    @Test func unknownQuadrantReference() {
        let d = only("categories:\n  - { id: c, name: C, quadrant: clouds }\ntools: []\n")
        #expect(d.count == 1)
        #expect(d[0].hasPrefix("t.yaml:2:33: error: category 'c' names unknown quadrant 'clouds'"))
    }

    @Test func positionsOutsideTheAxesAndNaNAreErrors() {
        let d = only("tools:\n  - { name: A, x: 1.5, y: .nan }\n")
        #expect(d == ["t.yaml:2:19: error: tool 'A' has x = 1.5; positions run from -1 to 1",
                      "t.yaml:2:27: error: tool 'A' has y = NaN; positions run from -1 to 1"])
    }

    @Test func toolOutsideItsCategoryQuadrantIsAWarningNotAnError() throws {
        let r = load(header + "tools:\n  - { name: A, x: 0.5, y: 0.5, categories: [vendors] }\n")
        #expect(r.diagnostics.map(\.description) == ["t.yaml:6:5: warning: tool 'A' at (0.5, 0.5) lies outside quadrant 'cloud' of its category 'vendors'"])
        #expect(try r.get().tools.count == 1)
    }

    @Test func everyProblemIsReportedAtOnceInFileOrder() {
        let text = header + """
        tools:
          - { name: A, x: 2, y: 0 }
          - { name: B, x: nope, y: 0 }
          - { name: C, y: 0 }
          - { name: D, x: 0, y: 0, categories: [missing] }
        """
        let d = load(text).diagnostics
        #expect(d.count == 4)
        #expect(d.map { $0.location?.line ?? 0 } == [6, 7, 8, 9])
        #expect(load(text).landscape == nil)
    }

    @Test func unknownKeysWarnWithASuggestion() {
        let d = only("tools:\n  - { name: A, subtitel: B, x: 0, y: 0 }\n", .warning)
        #expect(d == ["t.yaml:2:16: warning: unknown key 'subtitel' in 'tools[0]' is ignored (did you mean 'subtitle'?)"])
    }

    /// `<<: *base` merges the fields it names into the tool, so it is not an unknown key to
    /// warn about (it used to be called "ignored", with a suggestion of 'id'); a quoted "<<"
    /// is an ordinary key, and unknown.
    @Test func aMergeKeyIsReadNotReportedAsUnknown() throws {
        let text = "base: &base { x: -0.5, y: 0.5 }\ntools:\n  - { <<: *base, name: A }\n  - { \"<<\": *base, name: B, x: 0, y: 0 }\n"
        let result = load(text)
        let tools = try #require(result.landscape?.tools)
        #expect(tools.map(\.x) == [-0.5, 0])
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map(\.message)
        #expect(!warnings.contains { $0.contains("'<<' in 'tools[0]'") })
        #expect(warnings.contains { $0.contains("'<<' in 'tools[1]'") })
    }

    @Test func missingToolsListAndEmptyAndNonMappingDocuments() {
        #expect(only("title: x\n") == ["t.yaml:1:1: error: missing required field 'tools' (the list of tools to place); write 'tools: []' for none"])
        #expect(only("") == ["t.yaml:1:1: error: the file holds no data; expected a landscape with a 'tools:' list"])
        #expect(only("- a\n- b\n").first?.contains("expected a mapping at the top") == true)
    }

    @Test func jsonIsReadWithLineNumbersToo() {
        let json = "{\n  \"tools\": [\n    {\"name\": \"A\", \"x\": 0.1, \"y\": \"high\"}\n  ]\n}\n"
        #expect(only(json) == ["t.yaml:3:34: error: 'tools[0].y' should be a number, found 'high'"])
    }

    @Test func figureIDsMustBePlainFileNames() {
        let d = only("tools: []\nfigures:\n  - { id: ../evil, kind: map }\n  - { id: ok, kind: pie }\n")
        #expect(d.count == 2)
        #expect(d[0].contains("contains a path separator"))
        #expect(d[1].contains("unknown kind 'pie'; the kinds are map, quadrants"))
    }

    @Test func binaryAndNonUTF8InputAreRefused() {
        let bin = LandscapeLoader.load(data: .init([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), file: "x.png")
        #expect(bin.diagnostics.map(\.description) == ["x.png:1:1: error: this is a binary file, not YAML or JSON text"])
        let latin1 = LandscapeLoader.load(data: .init([0x74, 0x6f, 0x6f, 0x6c, 0xe9, 0x0a]), file: "x.yaml")
        #expect(latin1.diagnostics.map(\.description) == ["x.yaml:1:1: error: the file is not UTF-8 text"])
    }
}
