import Foundation
import ScapeModel
import ScapePipeline
import ScapeRender
import Testing

/// `--format html` read back as a browser would get it: one file that needs nothing else,
/// whose text layer and catalogue cover every tool the figure draws.
@Suite struct HTMLOutputTests {
    let landscape: Landscape = {
        var l = try! DataFileLoader.loadDefault().get()
        l.tools[0].description = "Google's managed ML platform </script><b>not markup</b>"
        return l
    }()

    func page(_ figureID: String) throws -> String {
        let figure = landscape.figure(id: figureID)!
        let files = try FigureRenderer().render(figure, of: landscape, settings: RenderSettings(formats: ["html"])).files
        #expect(files.map(\.fileName) == ["\(figureID).html"])
        return String(decoding: files[0].bytes, as: UTF8.self)
    }

    @Test func thePageLoadsNothingFromOutside() throws {
        let html = try page("ml-landscape-all")
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        // No external scripts, styles, images or fonts: every src/href is a tool's own link.
        let toolLinks = Set(landscape.tools.compactMap(\.url))
        for attribute in [" src=\"", "<link ", "@import", "url("] {
            #expect(!html.contains(attribute), "the page refers to another file with \(attribute)")
        }
        var rest = html[...]
        while let r = rest.range(of: " href=\"") {
            let value = rest[r.upperBound...].prefix { $0 != "\"" }
            #expect(toolLinks.contains(String(value)), "href '\(value)' is not a tool's link")
            rest = rest[r.upperBound...]
        }
    }

    @Test func everyDrawnToolHasFindableTextAndACatalogueEntry() throws {
        let html = try page("ml-landscape-all")
        let catalogueStart = html.range(of: "<script type=\"application/json\" class=\"scape-catalogue\">\n")!.upperBound
        let catalogueText = html[catalogueStart...].prefix { $0 != "<" }
        let catalogue = try JSONSerialization.jsonObject(with: Data(catalogueText.utf8)) as! [String: Any]
        let tools = catalogue["tools"] as! [[String: Any]]
        #expect(tools.count == landscape.tools.count)
        // The description is text, and cannot close the script element it sits in.
        #expect((tools[0]["description"] as? String)?.hasPrefix("Google's managed ML platform </script>") == true)
        #expect(!catalogueText.contains("</script>"))
        for tool in landscape.tools {
            let key = "tool.\(tool.id)"
            #expect(html.contains("<g id=\"\(key)\""), "no group \(key)")
            #expect(html.contains("data-for=\"\(key)\">\(SVGEscape.text(tool.name))</text>"), "no text-layer line for \(tool.name)")
        }
    }

    @Test func theSameFigureGivesTheSameBytes() throws {
        #expect(try page("tech-radar") == page("tech-radar"))
    }
}

/// Escapes text as the SVG writer does, for comparing with its output.
enum SVGEscape {
    static func text(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
