import Foundation
import Testing
@testable import ScapeInterop
@testable import ScapeModel

/// A Mermaid quadrant chart reads into the landscape a user expects, and every line mlscape
/// cannot use is reported where it is written.
@Suite struct MermaidParserTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let chart = """
    %% Where our vendors sit
    quadrantChart
        title Vendor fit
        x-axis Cheap --> Expensive
        y-axis "Hard to use" --> "Easy to use"
        quadrant-1 Premium
        quadrant-2 Bargains
        quadrant-3 Traps
        quadrant-4 Overpriced
        Alpha: [0.25, 0.75]
        Beta: [0.9, 0.1] radius: 12, color: #ff3300, stroke-color: #10f0f0, stroke-width: 5px
        Gamma:::brand: [0.6, 0.8]
        Delta:::brand: [0.5, 0.5] color: #0000ff
        "Epsilon, Inc.": [0, 1]
        classDef brand color: #109060, radius : 10
    """

    func parse(_ text: String) -> LoadResult { MermaidQuadrantParser.parse(text: text, file: "c.mmd") }

    func messages(_ text: String, _ severity: Diagnostic.Severity = .error) -> [String] {
        parse(text).diagnostics.filter { $0.severity == severity }.map(\.description)
    }

    @Test func aFullChartGivesTitleAxesQuadrantsAndPoints() throws {
        let r = parse(chart)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let l = try r.get()
        #expect(l.title == "Vendor fit")
        #expect(l.axes.x.negative == "Cheap" && l.axes.x.positive == "Expensive")
        #expect(l.axes.y.negative == "Hard to use" && l.axes.y.positive == "Easy to use")
        #expect(l.quadrants == [
            Quadrant(id: "quadrant-1", title: "Premium", x: .positive, y: .positive),
            Quadrant(id: "quadrant-2", title: "Bargains", x: .negative, y: .positive),
            Quadrant(id: "quadrant-3", title: "Traps", x: .negative, y: .negative),
            Quadrant(id: "quadrant-4", title: "Overpriced", x: .positive, y: .negative),
        ])
        #expect(l.tools.map(\.name) == ["Alpha", "Beta", "Gamma", "Delta", "Epsilon, Inc."])
        #expect(l.tools.map(\.id) == ["alpha", "beta", "gamma", "delta", "epsilon-inc"])
        // Mermaid's 0 ... 1 becomes -1 ... 1.
        #expect(l.tools.map(\.x) == [-0.5, 0.8, 0.2, 0, -1])
        #expect(l.tools.map(\.y) == [0.5, -0.8, 0.6, 0, 1])
        // A point sits in the quadrant Mermaid draws it in.
        #expect(l.quadrant(at: l.tools[0].x, l.tools[0].y)?.title == "Bargains")
        #expect(l.quadrant(at: l.tools[1].x, l.tools[1].y)?.title == "Overpriced")
    }

    @Test func inlineStylesClassesAndOverridesReachTheTools() throws {
        let tools = try parse(chart).get().tools
        #expect(tools[0].style == nil)
        #expect(tools[1].style == ToolStyle(radius: 12, color: "#ff3300", strokeColor: "#10f0f0", strokeWidth: 5))
        // classDef may come after the points that use it.
        #expect(tools[2].style == ToolStyle(radius: 10, color: "#109060"))
        // Inline styles win over the class, the rest of the class stays.
        #expect(tools[3].style == ToolStyle(radius: 10, color: "#0000ff"))
    }

    @Test func anAxisWithOneLabelNamesOnlyItsLowEnd() throws {
        let l = try parse("quadrantChart\nx-axis Effort\ny-axis Value -->\n").get()
        #expect(l.axes.x.negative == "Effort" && l.axes.x.positive == "")
        // A trailing arrow stays, as Mermaid draws it.
        #expect(l.axes.y.negative == "Value ⟶" && l.axes.y.positive == "")
        #expect(l.quadrants.isEmpty && l.tools.isEmpty)
    }

    @Test func keywordsIgnoreCaseAndSemicolonsEndStatements() throws {
        let l = try parse("QUADRANTCHART\n  TITLE Big\n  X-Axis a --> b;\n  Quadrant-2 Left;\n  P: [0.5, 0.5];\n").get()
        #expect(l.title == "Big")
        #expect(l.axes.x.positive == "b")
        #expect(l.quadrants.map(\.id) == ["quadrant-2"])
        #expect(l.tools.map(\.name) == ["P"])
    }

    @Test func trailingCommentsAreDroppedButNotInsideQuotesOrTitles() throws {
        let l = try parse("quadrantChart %% a chart\n  title 100%% sure\n  x-axis a --> b %% cost\n  \"50%% off\": [0.5, 0.5] %% sale\n").get()
        #expect(l.title == "100%% sure")
        #expect(l.axes.x.positive == "b")
        #expect(l.tools.map(\.name) == ["50%% off"])
    }

    @Test(arguments: [
        ("quadrantChart\n  A: [0.3, abc]\n", "c.mmd:2:12: error: y 'abc' is not a number; Mermaid positions run from 0 to 1"),
        ("quadrantChart\n  A: [1.2, 0.5]\n", "c.mmd:2:7: error: x = 1.2 is outside 0 ... 1; Mermaid positions run from 0 to 1"),
        ("quadrantChart\n  A: [0.5, -0.1]\n", "c.mmd:2:12: error: y = -0.1 is outside 0 ... 1; Mermaid positions run from 0 to 1"),
        ("quadrantChart\n  A: [, 0.1]\n", "c.mmd:2:7: error: missing x in '[x, y]'"),
        ("quadrantChart\n  A: [0.5 0.1]\n", "c.mmd:2:6: error: expected two numbers '[x, y]', found '[0.5 0.1]'"),
        ("quadrantChart\n  A: [0.5, 0.1\n", "c.mmd:2:6: error: unclosed '[': a point is written 'Name: [x, y]'"),
        ("quadrantChart\n  A: 0.5, 0.1\n", "c.mmd:2:6: error: expected '[x, y]' after 'A:', with x and y from 0 to 1"),
        ("quadrantChart\n  A [0.5, 0.1]\n", "c.mmd:2:5: error: a point needs ':' between its name and '[x, y]'"),
        ("quadrantChart\n  : [0.5, 0.1]\n", "c.mmd:2:3: error: a point needs a name before ':'"),
        ("quadrantChart\n  \"A: [0.5, 0.1]\n", "c.mmd:2:3: error: unclosed '\"' in the point's name"),
        ("quadrantChart\n  A: [0.5, 0.1] radius: big\n", "c.mmd:2:25: error: radius 'big' should be a number of pixels, like 12"),
        ("quadrantChart\n  A: [0.5, 0.1] colour: #ff0000\n", "c.mmd:2:17: error: unknown style 'colour' (did you mean 'color'?); the styles are radius, color, stroke-color, stroke-width"),
        ("quadrantChart\n  classDef c color: red\n", "c.mmd:2:21: error: color 'red' should be a hex colour, like #ff3300"),
        ("quadrantChart\n  x-axis --> High\n", "c.mmd:2:10: error: x-axis has no label before '-->'"),
        ("quadrantChart\n  quadrant-3\n", "c.mmd:2:3: error: quadrant-3 needs a title, like 'quadrant-3 Leaders'"),
        ("quadrantChart\n  x-axsi Low --> High\n", "c.mmd:2:3: error: unknown statement 'x-axsi' (did you mean 'x-axis'?); expected title, x-axis, y-axis, quadrant-1 ... quadrant-4, classDef or a point 'Name: [x, y]'"),
        ("flowchart LR\n  A --> B\n", "c.mmd:1:1: error: expected 'quadrantChart' first, found 'flowchart'; mlscape reads Mermaid quadrant charts only"),
        ("%% only a comment\n", "c.mmd:1:1: error: no 'quadrantChart' line; a Mermaid quadrant chart starts with it"),
    ])
    func eachBrokenLineGetsItsLocatedError(text: String, expected: String) {
        let r = parse(text)
        #expect(r.diagnostics.errors.map(\.description) == [expected])
        #expect(r.landscape == nil)
    }

    @Test func everyBrokenLineIsReportedAtOnceInFileOrder() throws {
        let file = Self.root.appendingPathComponent("fixtures/bad/broken-points.mmd")
        let r = DataFileLoader.load(contentsOf: file)
        #expect(r.diagnostics.map { $0.location?.line ?? 0 } == [2, 4, 5, 6, 7])
        #expect(r.diagnostics.errors.count == 3)
        #expect(r.landscape == nil)
    }

    @Test func duplicatePointNamesAreBothDrawnWithTheirOwnIDs() throws {
        let r = parse("quadrantChart\n  Same Name: [0.1, 0.1]\n  same-name: [0.2, 0.2]\n  Same Name: [0.3, 0.3]\n")
        #expect(r.diagnostics.isEmpty)
        let tools = try r.get().tools
        #expect(tools.map(\.name) == ["Same Name", "same-name", "Same Name"])
        #expect(Set(tools.map(\.id)).count == 3)
    }

    @Test func anUndefinedClassIsAWarningAndThePointIsDrawnUnstyled() throws {
        let r = parse("quadrantChart\n  A:::hot: [0.5, 0.1]\n  classDef host color: #fff\n")
        #expect(r.diagnostics.map(\.description) == ["c.mmd:2:7: warning: no 'classDef hot' (did you mean 'host'?); the point is drawn unstyled, as Mermaid draws it"])
        #expect(try r.get().tools.map(\.style) == [nil])
    }

    @Test func withoutAxisLinesNoAxisLabelsAreInvented() throws {
        let l = try parse("quadrantChart\n  A: [0.5, 0.1]\n").get()
        #expect([l.axes.x.negative, l.axes.x.positive, l.axes.y.negative, l.axes.y.positive] == ["", "", "", ""])
    }

    @Test func theTitleIsTheFigureTitle() throws {
        let l = try parse("quadrantChart\n  title Reach and engagement; of campaigns\n  A: [0.5, 0.1]\n").get()
        #expect(l.title == "Reach and engagement; of campaigns")
        #expect(l.effectiveFigures.map(\.title) == ["Reach and engagement; of campaigns"])
        #expect(try parse("quadrantChart\n  A: [0.5, 0.1]\n").get().effectiveFigures.map(\.title) == [nil])
    }

    @Test func semicolonsSeparateStatementsOnOneLine() throws {
        let l = try parse("quadrantChart; x-axis L --> R; quadrant-1 Q1; A: [0.5, 0.1]; \"B;C\": [0.2, 0.3] %% a; comment\n").get()
        #expect(l.axes.x.positive == "R")
        #expect(l.quadrants.map(\.title) == ["Q1"])
        #expect(l.tools.map(\.name) == ["A", "B;C"])
    }

    @Test(arguments: [
        ("quadrantChart\n  A: [.5, 0.5]\n", "c.mmd:2:7: warning: '.5' is not written as Mermaid writes positions (0, 1 or 0.ddd); mlscape draws it, but Mermaid will not"),
        ("quadrantChart\n  A: [1.0, 0.5]\n", "c.mmd:2:7: warning: '1.0' is not written as Mermaid writes positions (0, 1 or 0.ddd); mlscape draws it, but Mermaid will not"),
        ("quadrantChart\n  A: [0.5, 0.5] radius: 10.5\n", "c.mmd:2:25: warning: radius '10.5' is not a whole number; mlscape draws it, but Mermaid will not"),
        ("quadrantChart\n  A: [0.5, 0.5] stroke-width: 30\n", "c.mmd:2:31: warning: stroke-width '30' has no 'px'; mlscape draws it, but Mermaid will not"),
        ("QuadrantChart\n  A: [0.5, 0.5]\n", "c.mmd:1:1: warning: 'QuadrantChart' is not spelled 'quadrantChart'; mlscape draws it, but Mermaid will not"),
    ])
    func whatMermaidRefusesIsDrawnWithAWarning(text: String, expected: String) throws {
        let r = parse(text)
        #expect(r.diagnostics.map(\.description) == [expected])
        #expect(try r.get().tools.count == 1)
    }

    @Test func importedYAMLKeepsTheChartsTitleAxesAndConfiguredLook() throws {
        let chart = "---\nconfig:\n  theme: dark\n  quadrantChart: {pointRadius: 9, pointLabelFontSize: 18}\n---\nquadrantChart\n  title T\n  x-axis Reach -->\n  A: [0.5, 0.5]\n"
        let l = try parse(chart).get()
        let again = try LandscapeLoader.load(text: LandscapeYAMLWriter.yaml(l), file: "i.yaml").get()
        #expect(again.theme == l.theme && again.theme?.variant == .dark && again.theme?.markerRadius == 9)
        #expect(again.axes == l.axes && again.effectiveFigures.map(\.title) == ["T"])
    }

    @Test func themeColoursMayBeBasicNames() throws {
        let r = parse("%%{init: {\"themeVariables\": {\"quadrant1TextFill\": \"blue\", \"quadrantPointFill\": \"rebeccapurple\"}}}%%\nquadrantChart\n  A: [0.5, 0.5]\n")
        #expect(try r.get().theme?.quadrantTitleColors == ["top-right": "#0000ff"])
        #expect(r.diagnostics.map(\.description) == ["c.mmd:1:80: warning: 'rebeccapurple' is not a hex colour like #ff3300 or a basic colour name; ignored"])
    }

    @Test func configurationThatMapsIsHonouredTheRestWarnedByName() throws {
        let text = """
        ---
        config:
          theme: dark
          quadrantChart:
            pointRadius: 9
            pointLabelFontSize: 18
            xAxisPosition: top
          themeVariables:
            quadrantPointFill: "#ff0000"
            quadrant1TextFill: "#123456"
            quadrant1Fill: "#eeeeee"
        ---
        %%{init: {"quadrantChart": {"quadrantLabelFontSize": 40, "xAxisLabelFontSize": 15}}}%%
        quadrantChart
          A: [0.5, 0.5]
          B: [0.2, 0.2] color: #00ff00
        """
        let r = parse(text)
        #expect(r.diagnostics.map(\.description) == [
            "c.mmd:7:5: warning: xAxisPosition 'top' applies to charts without points; Mermaid and mlscape draw this chart's x axis labels at the bottom",
        ])
        let l = try r.get()
        #expect(l.theme?.variant == .dark)
        #expect(l.theme?.markerRadius == 9 && l.theme?.toolSize == 18 && l.theme?.titleSize == 40 && l.theme?.axisSize == 15)
        #expect(l.theme?.quadrantTitleColors == ["top-right": "#123456"] && l.theme?.quadrantFills == ["top-right": "#eeeeee"])
        #expect(l.theme?.xLabels == .bottom)
        #expect(l.tools.map { $0.style?.color } == ["#ff0000", "#00ff00"])
    }

    @Test func linesMermaidAllowsButWeDoNotDrawAreLocatedWarnings() throws {
        let text = """
        ---
        title: From front matter
        config:
          quadrantChart:
            chartWidth: 400
        ---
        %%{init: {"theme": "dark"}}%%
        quadrantChart
          accTitle: Vendors
          accDescr: Where vendors sit
          accDescr {
            A longer description
          }
          %%{init: {
            "theme": "forest"
          }}%%
          quadrant-1 Old
          quadrant-1 New
          classDef empty
          A: [0.5, 0.5]
        """
        let r = parse(text)
        #expect(r.diagnostics.map(\.description) == [
            "c.mmd:9:3: warning: 'accTitle' (accessible title) is not drawn by mlscape; ignored",
            "c.mmd:10:3: warning: 'accDescr' (accessible description) is not drawn by mlscape; ignored",
            "c.mmd:11:3: warning: 'accDescr' (accessible description) is not drawn by mlscape; ignored",
            "c.mmd:18:3: warning: quadrant-1 is set twice; the last one wins",
            "c.mmd:19:12: warning: classDef 'empty' sets no style",
        ])
        let l = try r.get()
        #expect(l.title == "From front matter")
        #expect(l.quadrants.map(\.title) == ["New"])
        #expect(l.tools.count == 1)
    }

    @Test func blocksThatNeverCloseAreErrorsWhereTheyOpen() {
        #expect(messages("quadrantChart\n  accDescr {\n  text\n") == ["c.mmd:2:3: error: the 'accDescr {' opened here is not closed with '}'"])
        #expect(messages("---\ntitle: T\nquadrantChart\n").first == "c.mmd:1:1: error: the front matter opened here is not closed with '---'")
    }

    @Test func theLoaderPicksMermaidByExtensionAndByContent() throws {
        let data = Data(chart.utf8)
        for name in ["c.mmd", "c.MERMAID", "chart.txt", "chart"] {
            let l = try DataFileLoader.load(data: data, file: name).get()
            #expect(l.tools.count == 5, "\(name)")
        }
        let file = Self.root.appendingPathComponent("fixtures/examples/quadrant-chart.mmd")
        let example = DataFileLoader.load(contentsOf: file)
        #expect(example.diagnostics.isEmpty, "\(example.diagnostics)")
        #expect(try example.get().tools.count == 6)
        #expect(DataFileLoader.load(data: Data(), file: "e.mmd").diagnostics.map(\.description)
                == ["e.mmd:1:1: error: the file is empty; expected a Mermaid chart starting with 'quadrantChart'"])
        #expect(DataFileLoader.load(data: Data([0x71, 0, 0x71]), file: "b.mmd").diagnostics.map(\.description)
                == ["b.mmd:1:1: error: this is a binary file, not Mermaid text"])
    }

    @Test func noInputCrashesTheParser() {
        // Every prefix of a valid chart, and lines built from the characters the grammar cares about.
        for end in chart.indices { _ = parse(String(chart[..<end])) }
        let alphabet = Array("quadrantChart x-axis-->[]:,;\"`%{}#.0123456789\n\r\t éİ\u{FEFF}classDef:::radius")
        var state: UInt64 = 42
        for _ in 0..<400 {
            var text = "quadrantChart\n"
            for _ in 0..<60 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            _ = parse(text)
        }
    }
}
