import Foundation
import Testing
@testable import ScapeInterop
import ScapeModel
import ScapePipeline

/// A Mermaid chart's configured look shows in the drawn figure: read back from the SVG (the
/// colours and boxes of the named elements), not from the parser's bookkeeping.
@Suite struct MermaidConfigLookTests {
    /// One SVG element: its attributes and the box of the coordinates in its path.
    struct Element {
        var attributes: [String: String]
        var minX: Double, minY: Double, maxX: Double, maxY: Double
        var midX: Double { (minX + maxX) / 2 }
        var midY: Double { (minY + maxY) / 2 }
    }

    func svg(_ chart: String) throws -> (svg: String, warnings: [String]) {
        let r = MermaidQuadrantParser.parse(text: chart, file: "c.mmd")
        let landscape = try r.get()
        let settings = RenderSettings(formats: ["svg"], style: .clean)
        let out = try FigureRenderer().render(landscape.effectiveFigures[0], of: landscape, settings: settings)
        return (String(decoding: out.files[0].bytes, as: UTF8.self), r.diagnostics.map(\.description))
    }

    func element(_ id: String, in svg: String) -> Element? {
        guard let start = svg.range(of: "<path id=\"\(id)\"") else { return nil }
        let tag = svg[start.lowerBound...].prefix { $0 != ">" }
        var attributes: [String: String] = [:]
        let pattern = try! NSRegularExpression(pattern: #"([a-z-]+)="([^"]*)""#)
        let text = String(tag)
        for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            attributes[String(text[Range(m.range(at: 1), in: text)!])] = String(text[Range(m.range(at: 2), in: text)!])
        }
        let numbers = (attributes["d"] ?? "").split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
        let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
        let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        return Element(attributes: attributes, minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    /// The plot: the horizontal axis spans its width, the vertical one its height.
    func plot(_ svg: String) throws -> (left: Double, right: Double, top: Double, bottom: Double, originX: Double, originY: Double) {
        let x = try #require(element("axis.x", in: svg)), y = try #require(element("axis.y", in: svg))
        return (x.minX, x.maxX, y.minY, y.maxY, y.midX, x.midY)
    }

    static let colourful = try! String(contentsOf: PeerSampleTests.peers.appendingPathComponent("mermaid/12-cypress.mmd"), encoding: .utf8)

    @Test func quadrantFillsTintTheRightQuadrantsAndTextFillsColourTheirTitles() throws {
        let (s, _) = try svg(Self.colourful)
        let p = try plot(s)
        // Mermaid's quadrant-1 is top right, then counter-clockwise.
        let expected: [(String, String, Bool, Bool)] = [("top-right", "#b4dcff", true, true), ("top-left", "#fef0ff", false, true),
                                                        ("bottom-left", "#fffaf0", false, false), ("bottom-right", "#f0fff2", true, false)]
        for (corner, colour, right, top) in expected {
            let tint = try #require(element("quadrant-fill.\(corner)", in: s), "no tint for \(corner)")
            #expect(tint.attributes["fill"] == colour)
            #expect((tint.midX > p.originX) == right && (tint.midY < p.originY) == top, "\(corner) tint is in the wrong quadrant")
            // Each tint fills its quadrant up to the axes.
            #expect(abs((right ? tint.minX : tint.maxX) - p.originX) < 0.5 && abs((top ? tint.maxY : tint.minY) - p.originY) < 0.5)
        }
        let titles = ["quadrant-1": "#ff0000", "quadrant-2": "#2d00df", "quadrant-3": "#00ffda", "quadrant-4": "#e68300"]
        for (id, colour) in titles {
            #expect(try #require(element("quadrant.\(id)", in: s)).attributes["fill"] == colour, "\(id) title")
        }
    }

    @Test func borderAndAxisTextFillsColourTheAxesTheirLabelsAndFrameThePlot() throws {
        let (s, warnings) = try svg(Self.colourful)
        #expect(try #require(element("axis.x", in: s)).attributes["stroke"] == "#3636f2")
        #expect(try #require(element("axis.y", in: s)).attributes["stroke"] == "#3636f2")
        let frame = try #require(element("frame", in: s)), p = try plot(s)
        #expect(frame.attributes["stroke"] == "#ff1010")
        #expect(abs(frame.minX - p.left) < 0.5 && abs(frame.maxX - p.right) < 0.5 && abs(frame.minY - p.top) < 0.5 && abs(frame.maxY - p.bottom) < 0.5)
        // The axis text fills colour the end labels of their axis.
        for (id, colour) in [("axis.x.negative", "#ffb500"), ("axis.x.positive", "#ffb500"), ("axis.y.negative", "#fae604"), ("axis.y.positive", "#fae604")] {
            #expect(try #require(element(id, in: s)).attributes["fill"] == colour, "\(id)")
        }
        let honoured = (1...4).flatMap { ["quadrant\($0)Fill", "quadrant\($0)TextFill"] }
            + ["quadrantInternalBorderStrokeFill", "quadrantExternalBorderStrokeFill", "quadrantXAxisTextFill", "quadrantYAxisTextFill"]
        #expect(!warnings.contains { w in honoured.contains { w.contains(".\($0) ") } }, "\(warnings)")
        #expect(warnings.contains { $0.contains("themeVariables.quadrantTitleFill is not used") }, "what cannot apply is still warned of")
        // Without the configuration: no tints, no frame, axes in ink.
        let (plain, _) = try svg("quadrantChart\n  quadrant-1 A\n  P: [0.5, 0.5]\n")
        #expect(!plain.contains("id=\"backdrop\"") && element("frame", in: plain) == nil)
        #expect(try #require(element("axis.x", in: plain)).attributes["stroke"] != "#3636f2")
        #expect(try #require(element("axis.x.negative", in: svg("quadrantChart\n  x-axis A --> B\n").svg)).attributes["fill"] != "#ffb500")
    }

    func chart(x: String? = nil, y: String? = nil, points: Bool = false) -> String {
        let settings = [x.map { "\"xAxisPosition\": \"\($0)\"" }, y.map { "\"yAxisPosition\": \"\($0)\"" }].compactMap { $0 }.joined(separator: ", ")
        return "%%{init: {\"quadrantChart\": {\(settings)}}}%%\nquadrantChart\n  x-axis Cheap --> Expensive\n  y-axis Little value --> Much value\n"
            + (points ? "  P: [0.7, 0.7]\n" : "")
    }

    @Test func xAxisPositionPutsTheXLabelsAboveOrBelowThePlotAtItsEnds() throws {
        for spot in ["top", "bottom"] {
            let (s, warnings) = try svg(chart(x: spot))
            #expect(warnings.isEmpty, "\(warnings)")
            let p = try plot(s)
            let low = try #require(element("axis.x.negative", in: s)), high = try #require(element("axis.x.positive", in: s))
            for label in [low, high] {
                #expect(spot == "top" ? label.maxY < p.top : label.minY > p.bottom, "x label not \(spot): \(label)")
            }
            #expect(low.midX < p.originX && high.midX > p.originX)
            #expect(low.minX >= p.left - 0.5 && high.maxX <= p.right + 0.5, "x labels stay over the plot's width")
        }
    }

    @Test func longXLabelsAboveOrBelowThePlotStayClearOfTheYAxisEndLabel() throws {
        for spot in ["top", "bottom"] {
            let chart = "%%{init: {\"quadrantChart\": {\"xAxisPosition\": \"\(spot)\"}}}%%\nquadrantChart\n"
                + "  x-axis Cheap and easy to run in production every day --> Costly to run at any scale\n  y-axis Little business value --> Much business value\n"
            let (s, _) = try svg(chart)
            let labels = try ["axis.x.negative", "axis.x.positive", spot == "top" ? "axis.y.positive" : "axis.y.negative"].map { try #require(element($0, in: s)) }
            for i in labels.indices { for j in labels.indices where i < j {
                let (a, b) = (labels[i], labels[j])
                #expect(a.maxX < b.minX || b.maxX < a.minX || a.maxY < b.minY || b.maxY < a.minY, "\(spot): labels \(i) and \(j) overlap")
            } }
            let p = try plot(s)
            #expect(spot == "top" ? labels[2].maxY < labels[0].minY && labels[0].maxY < p.top : labels[2].minY > labels[0].maxY && labels[0].minY > p.bottom,
                    "the x labels keep the row next to the plot")
        }
    }

    @Test func aChartWithPointsHasItsXLabelsAtTheBottomAsInMermaid() throws {
        let (s, warnings) = try svg(chart(x: "top", points: true))
        #expect(try #require(element("axis.x.negative", in: s)).minY > plot(s).bottom)
        #expect(warnings == ["c.mmd:1:29: warning: xAxisPosition 'top' applies to charts without points; Mermaid and mlscape draw this chart's x axis labels at the bottom"])
    }

    @Test func yAxisPositionPutsTheYLabelsBesideThePlotByTheirHalves() throws {
        for spot in ["left", "right"] {
            let (s, warnings) = try svg(chart(y: spot, points: true))
            #expect(warnings.isEmpty, "\(warnings)")
            let p = try plot(s)
            let low = try #require(element("axis.y.negative", in: s)), high = try #require(element("axis.y.positive", in: s))
            for label in [low, high] {
                #expect(spot == "left" ? label.maxX < p.left : label.minX > p.right, "y label not \(spot): \(label)")
            }
            #expect(high.midY > p.top && high.midY < p.originY && low.midY > p.originY && low.midY < p.bottom)
        }
        // Without the keys the labels sit beyond the arrowheads, as before.
        let (s, _) = try svg(chart())
        let p = try plot(s)
        #expect(try #require(element("axis.x.negative", in: s)).maxX < p.left && element("axis.y.positive", in: s)!.maxY < p.top)
    }

    func size(_ svg: String) throws -> (Double, Double) {
        let m = try #require(svg.firstMatch(of: /<svg[^>]* width="([0-9.]+)" height="([0-9.]+)"/))
        return (Double(m.1)!, Double(m.2)!)
    }

    @Test func chartWidthAndHeightGiveTheFiguresProportions() throws {
        let (plainSize, defaultSize) = (try size(svg("quadrantChart\n  P: [0.5, 0.5]\n").svg), (1125.0, 760.0))
        #expect(plainSize == defaultSize)
        let (wide, w1) = try svg("%%{init: {\"quadrantChart\": {\"chartWidth\": 800, \"chartHeight\": 400}}}%%\nquadrantChart\n  P: [0.5, 0.5]\n")
        let (tall, _) = try svg("%%{init: {\"quadrantChart\": {\"chartHeight\": 600}}}%%\nquadrantChart\n  P: [0.5, 0.5]\n")
        #expect(w1.isEmpty, "\(w1)")
        for (s, ratio) in [(wide, 2.0), (tall, 500.0 / 600)] {
            let (w, h) = try size(s)
            #expect(abs(w / h - ratio) < 0.01, "\(w) x \(h) is not \(ratio)")
            // The style's area is kept, so text keeps its size against the figure.
            #expect(abs(w * h / (defaultSize.0 * defaultSize.1) - 1) < 0.01)
        }
        let (narrow, w2) = try svg("%%{init: {\"quadrantChart\": {\"chartWidth\": 100, \"chartHeight\": 1000}}}%%\nquadrantChart\n  P: [0.5, 0.5]\n")
        let (w, h) = try size(narrow)
        #expect(abs(w / h - 1.0 / 3) < 0.01)
        #expect(w2 == ["c.mmd:1:29: warning: the chart's width over height is 0.1; mlscape draws maps from 1:3 to 3:1, so it is drawn at 0.33"])
    }

    @Test func theConfiguredLookSurvivesImportAsYAML() throws {
        let l = try MermaidQuadrantParser.parse(text: Self.colourful + "\n", file: "c.mmd").get()
        let yaml = LandscapeYAMLWriter.yaml(l)
        #expect(yaml.contains("quadrant-fills: { top-right: \"#b4dcff\""))
        let again = try LandscapeLoader.load(text: yaml, file: "i.yaml").get()
        #expect(again.theme == l.theme)
        #expect(again.theme?.frameColor == "#ff1010" && again.theme?.quadrantFills.count == 4)
        let bad = LandscapeLoader.load(text: "theme: { quadrant-fills: { middle: \"#ffffff\" }, x-labels: left }\ntools: []\n", file: "b.yaml")
        #expect(bad.diagnostics.errors.map(\.message) == [
            "theme 'quadrant-fills' names 'middle'; the quadrants are top-right, top-left, bottom-left, bottom-right",
            "theme 'x-labels' is 'left'; expected ends, top, bottom",
        ])
    }
}
