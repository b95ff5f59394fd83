import Foundation
import Testing
import ScapeInterop
import ScapeModel
import ScapePipeline

/// What the README promises of the drawings, each checked on the rendered file.
@Suite struct ReadmeClaimTests {
    func load(_ text: String, ext: String = "yaml") throws -> Landscape {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlscape-claims-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("data.\(ext)")
        try Data(text.utf8).write(to: url)
        return try DataFileLoader.load(contentsOf: url).get()
    }

    func file(_ landscape: Landscape, _ format: String, figure: Figure? = nil, style: FigureStyle = .clean, background: Background? = nil) throws -> [UInt8] {
        let figure = figure ?? landscape.effectiveFigures[0]
        let settings = RenderSettings(formats: [format], style: style, background: background, scale: 1)
        return try FigureRenderer().render(figure, of: landscape, settings: settings).files[0].bytes
    }

    func svg(_ landscape: Landscape, figure: Figure? = nil) throws -> String { String(decoding: try file(landscape, "svg", figure: figure), as: UTF8.self) }

    /// The value of `attribute` on the element with id `id`.
    func attribute(_ attribute: String, of id: String, in svg: String) -> String? {
        guard let start = svg.range(of: "id=\"\(id)\"") else { return nil }
        let element = svg[start.lowerBound...].prefix { $0 != ">" }
        return SVGToolGeometry.attribute(attribute, in: " " + element)
    }

    @Test func hoveringAToolShowsItsNameSubtitleAndCategories() throws {
        let landscape = try DataFileLoader.loadDefault().get()
        let text = try svg(landscape, figure: landscape.figure(id: "ml-landscape-all")!)
        for tool in landscape.tools {
            let name = tool.subtitle.map { "\(tool.name) (\($0))" } ?? tool.name
            let categories = tool.categories.map { id in landscape.categories.first { $0.id == id }!.name }
            let title = ([name] + categories).joined(separator: " · ").replacingOccurrences(of: "&", with: "&amp;")
            #expect(text.range(of: "<g id=\"tool.\(tool.id)\">\\s*<title>\(NSRegularExpression.escapedPattern(for: title))</title>", options: .regularExpression) != nil,
                    "no hover title '\(title)' on \(tool.id)")
        }
    }

    @Test func theBackgroundOptionFillsOrClearsThePNG() throws {
        let landscape = try DataFileLoader.loadDefault().get()
        let figure = landscape.figure(id: "ml-landscape-quads")!
        let coloured = try #require(RasterImage(png: try file(landscape, "png", figure: figure, background: Background(argument: "#336699"))))
        let clear = try #require(RasterImage(png: try file(landscape, "png", figure: figure, background: .transparent)))
        #expect(coloured.pixels[0] == 0xff33_6699, "corner pixel \(String(coloured.pixels[0], radix: 16))")
        #expect(clear.pixels[0] >> 24 == 0, "the corner of a transparent PNG is opaque")
    }

    @Test func themeMarkerRadiusAndStrokeScaleAndAToolsOwnStyleAreDrawn() throws {
        let base = "tools:\n  - { name: Plain, x: -0.5, y: 0.5 }\n  - { name: Styled, x: 0.5, y: -0.5, style: { radius: 9, color: \"#ff0000\", stroke-color: \"#00ff00\", stroke-width: 3 } }\n"
        let plain = SVGToolGeometry(svg: try svg(try load(base)))
        let themed = try svg(try load("theme: { marker-radius: 12, stroke-scale: 2 }\n" + base))
        let width = { (g: SVGToolGeometry, id: String) in g.tools[id]!.marker!.maxX - g.tools[id]!.marker!.minX }
        #expect(abs(width(SVGToolGeometry(svg: themed), "plain") - 24) < 0.5, "marker-radius 12 draws a marker 24 wide")
        #expect(abs(width(plain, "styled") - 18) < 0.5, "the tool's own radius 9 wins")
        let plainText = try svg(try load(base))
        #expect(attribute("fill", of: "tool.styled.marker", in: plainText) == "#ff0000")
        #expect(attribute("stroke", of: "tool.styled.marker", in: plainText) == "#00ff00")
        #expect(attribute("stroke-width", of: "tool.styled.marker", in: plainText) == "3")
        let before = Double(attribute("stroke-width", of: "tool.plain.marker", in: plainText) ?? "") ?? 0
        let after = Double(attribute("stroke-width", of: "tool.plain.marker", in: themed) ?? "") ?? 0
        #expect(before > 0 && abs(after - 2 * before) < 0.011, "stroke-scale 2 doubles the marker's stroke: \(before) -> \(after)")
    }

    static let radarCSV = "name,ring,quadrant,isNew,description\nAlpha,Adopt,Tools,TRUE,first\nBeta,Trial,Tools,FALSE,second\nGamma,Assess,Platforms,true,third\nDelta,Hold,Techniques,false,fourth\n"
    static let radarJSON = """
        [{"name": "Alpha", "ring": "Adopt", "quadrant": "Tools", "isNew": "TRUE", "description": "first"},
         {"name": "Beta", "ring": "Trial", "quadrant": "Tools", "isNew": "FALSE", "description": "second"},
         {"name": "Gamma", "ring": "Assess", "quadrant": "Platforms", "isNew": "true", "description": "third"},
         {"name": "Delta", "ring": "Hold", "quadrant": "Techniques", "isNew": "false", "description": "fourth"}]
        """

    @Test func aRadarFromJSONMatchesTheSameRadarFromCSVAndMarksNewBlips() throws {
        let fromCSV = try load(Self.radarCSV, ext: "csv"), fromJSON = try load(Self.radarJSON, ext: "json")
        let a = try svg(fromCSV), b = try svg(fromJSON)
        let same = a == b
        #expect(same, "the JSON radar draws differently from the same CSV radar")
        for (blip, isNew) in [("alpha", true), ("beta", false), ("gamma", true), ("delta", false)] {
            let d = attribute("d", of: "blip.\(blip).mark", in: b) ?? ""
            #expect(!d.isEmpty, "no mark for \(blip)")
            // A new blip gets Thoughtworks' outer status ring around its mark; the others do not.
            let ringed = attribute("d", of: "blip.\(blip).status-new", in: b) != nil
            #expect(ringed == isNew, "\(blip) is drawn \(ringed ? "with" : "without") the new-blip ring")
        }
    }
}
