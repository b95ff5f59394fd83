import Foundation
import ScapeInterop
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
        #expect(files.map(\.fileName) == ["\(figure.fileName).html"])
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

/// The gallery as a phone and a screen reader get it.
@Suite struct GalleryPageTests {
    @Test func imagesHaveTheirPixelSizeLazyLoadingAndAltTextSayingWhatTheyShow() throws {
        let landscape = try DataFileLoader.loadDefault().get()
        let figures = landscape.effectiveFigures.filter { ["ml-landscape-ml-platforms", "banner-01", "ml-lifecycle"].contains($0.id) }
        let files = try FigureSetRenderer(jobs: 1).render(figures, of: landscape, settings: RenderSettings(formats: ["png"])).files
        let page = GalleryPage.html(title: landscape.title, figures: figures, formats: ["png"], landscape: landscape, files: files)
        #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        for file in files {
            // The PNG's own header: width and height, big-endian, at bytes 16 and 20.
            let be = { (i: Int) in file.bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
            let tag = try #require(page.range(of: "<img src=\"\(file.fileName)\"").map { page[$0.lowerBound...].prefix { $0 != ">" } })
            #expect(tag.contains(" width=\"\(be(16))\" height=\"\(be(20))\""), "\(file.fileName): \(tag)")
            #expect(tag.contains(" loading=\"lazy\""))
            let alt = try #require(tag.range(of: " alt=\"").map { tag[$0.upperBound...].prefix { $0 != "\"" } })
            #expect(alt.count > 40 && !alt.hasPrefix(file.fileName.replacingOccurrences(of: ".png", with: "")), "\(file.fileName): alt '\(alt)'")
        }
        // What the figures show: the zoom's tools, the banner's current question, the loops' steps.
        #expect(page.contains("Kubeflow"))
        #expect(page.contains("the current one is \u{201C}Who / what will benefit?\u{201D}"))
        #expect(page.contains("Model Training"))
    }
}
