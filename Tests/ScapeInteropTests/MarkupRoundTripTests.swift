import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ScapeGeometry
import ScapeInterop
import ScapeModel
import ScapePipeline
import ScapeRender
import ScapeScene

/// The SVG, HTML and Excalidraw files of seeded random maps whose names, subtitles, categories
/// and urls hold quotes, ampersands, markup, line breaks, tabs, other scripts and emoji: each
/// parses with a real parser (Foundation's XMLParser and JSONSerialization here, Python's
/// xml.etree, html.parser and json for the pages), and what it carries (hover titles, links,
/// text labels, the HTML page's catalogue) reads back as the data said.
@Suite struct MarkupRoundTripTests {
    static let seed: UInt64 = 20_261_207

    /// An SVG read by XMLParser: each element's attributes and text, in document order.
    final class SVGReader: NSObject, XMLParserDelegate {
        struct Element { var name: String; var attributes: [String: String]; var text = ""; var parent: Int? }
        var elements: [Element] = []
        var open: [Int] = []
        var error: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, parent: open.last))
            open.append(elements.count - 1)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { open.removeLast() }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if let i = open.last { elements[i].text += string } }
        func parser(_ parser: XMLParser, parseErrorOccurred e: Error) { error = "\(e) at line \(parser.lineNumber), column \(parser.columnNumber)" }

        static func read(_ bytes: [UInt8]) -> SVGReader {
            let reader = SVGReader()
            let parser = XMLParser(data: Data(bytes))
            parser.delegate = reader
            if !parser.parse() && reader.error == nil { reader.error = "XMLParser refused it: \(parser.parserError.map { "\($0)" } ?? "?")" }
            return reader
        }
    }

    /// A tool's hover title, as the map writes it: name (subtitle) · category · category.
    static func title(_ t: Tool, in l: Landscape) -> String {
        ([t.subtitle.map { "\(t.name) (\($0))" } ?? t.name] + t.categories.compactMap { l.category(id: $0)?.name }).joined(separator: " · ")
    }

    /// The texts of a scene, each once per node.
    static func texts(_ scene: Scene) -> [String] {
        scene.allNodes.compactMap { if case .text(let t) = $0 { return t.text } else { return nil } }.sorted()
    }

    @Test func svgHTMLAndExcalidrawParseAndCarryTheData() throws {
        var g = MeanText(seed: Self.seed)
        let renderer = FigureRenderer()
        let settings = RenderSettings(formats: ["svg", "html", "excalidraw"], style: .clean)
        let pages = FileManager.default.temporaryDirectory.appendingPathComponent("mlscape-markup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: pages) }
        var names = 0
        for k in 0..<MeanText.cases(40) {
            var l = ReaderRoundTripTests.landscape(&g)
            l.figures = [Figure(id: "map", kind: .map, title: g.text(), regions: true)]
            let context = "seed \(Self.seed), case \(k)"
            names += l.tools.count
            let out = try renderer.render(l.figures[0], of: l, settings: settings)
            let file = { (ext: String) in try #require(out.files.first { $0.fileName.hasSuffix("." + ext) }?.bytes, "\(context): no .\(ext)") }
            let laid = renderer.layout(l.figures[0], of: l, settings: settings)

            // SVG: well-formed XML; each tool's group has its hover title and link; every
            // text's aria-label is the text as laid out.
            let svgBytes = try file("svg")
            let svg = SVGReader.read(svgBytes)
            #expect(svg.error == nil, "\(context): \(svg.error ?? "")\n\(String(decoding: svgBytes, as: UTF8.self))")
            for t in l.tools {
                let group = svg.elements.firstIndex { $0.name == "g" && $0.attributes["id"] == FigureCatalogue.svgID("tool/\(t.id)") }
                guard let group else { Issue.record("\(context): no group for '\(t.name)'"); continue }
                let title = svg.elements.first { $0.name == "title" && $0.parent == group }?.text
                #expect(title == Self.title(t, in: l), "\(context): hover title of '\(t.name)'")
                let link = svg.elements[group].parent.map { svg.elements[$0] }.flatMap { $0.name == "a" ? $0.attributes["href"] : nil }
                #expect(link == t.url, "\(context): link of '\(t.name)'")
            }
            let labels = svg.elements.compactMap { $0.attributes["aria-label"] }.sorted()
            let drawn = Self.texts(laid.scene).map(Self.asAttribute).sorted()
            #expect(labels == drawn, "\(context): the SVG's texts; read \(labels.filter { !drawn.contains($0) }), drawn \(drawn.filter { !labels.contains($0) })")

            // Excalidraw: JSON whose text elements are the scene's texts, with the tools' links.
            let excalidraw = try file("excalidraw")
            let scene = try #require(try JSONSerialization.jsonObject(with: Data(excalidraw)) as? [String: Any], "\(context)")
            let elements = try #require(scene["elements"] as? [[String: Any]], "\(context)")
            #expect(elements.compactMap { $0["type"] as? String == "text" ? $0["originalText"] as? String : nil }.sorted() == Self.texts(laid.scene),
                    "\(context): the Excalidraw texts")
            #expect(Set(elements.compactMap { $0["link"] as? String }) == Set(l.tools.compactMap(\.url)), "\(context): the Excalidraw links")

            // HTML: the catalogue's JSON gives back every tool; the page goes to Python below.
            let htmlBytes = try file("html")
            let html = String(decoding: htmlBytes, as: UTF8.self)
            let json = try #require(html.components(separatedBy: "<script type=\"application/json\" class=\"scape-catalogue\">").last?
                .components(separatedBy: "</script>").first, "\(context)")
            let catalogue = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], "\(context): \(json)")
            let tools = try #require(catalogue["tools"] as? [[String: Any]], "\(context)")
            #expect(tools.map { [$0["name"] as? String ?? "?", $0["subtitle"] as? String ?? "-", $0["url"] as? String ?? "-"] }
                == l.tools.map { [$0.name, $0.subtitle ?? "-", $0.url ?? "-"] }, "\(context): the page's catalogue")
            #expect(catalogue["title"] as? String == "\(l.title): \(l.figures[0].title!)", "\(context): the page's title")
            try Data(html.utf8).write(to: pages.appendingPathComponent("case-\(k).html"))
            try Data(svgBytes).write(to: pages.appendingPathComponent("case-\(k).svg"))
        }
        #expect(names >= 100, "hundreds of names: \(names)")
        let python = try Self.python(Self.pageChecker, pages.path)
        #expect(python.status == 0 && python.output.hasPrefix("ok"), "\(python.output)")
    }

    /// An attribute as an XML parser gives it back: the writer keeps line breaks (as &#10;)
    /// and tabs (as &#9;); other control characters cannot appear in XML 1.0 and are dropped.
    static func asAttribute(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { $0 == "\n" || $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7f) }))
    }

    /// Checks every page and SVG in a folder with Python's own parsers: each .svg and each
    /// page's inline <svg> with xml.etree, each page's tags balanced (html.parser, void
    /// elements aside) and its catalogue with json. Prints "ok N" or the first problems.
    static let pageChecker = #"""
    import html.parser, json, os, sys, xml.etree.ElementTree as ET
    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "col", "area", "base", "wbr", "track", "embed", "param"}
    class Page(html.parser.HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack, self.problems, self.catalogue, self.inside = [], [], None, None
        def handle_starttag(self, tag, attrs):
            if tag in VOID: return
            self.stack.append(tag)
            if tag == "script" and ("class", "scape-catalogue") in attrs: self.inside = ""
        def handle_startendtag(self, tag, attrs): pass
        def handle_endtag(self, tag):
            if tag in VOID: return
            if not self.stack or self.stack[-1] != tag:
                self.problems.append("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "nothing")); return
            self.stack.pop()
            if tag == "script" and self.inside is not None:
                self.catalogue, self.inside = self.inside, None
        def handle_data(self, data):
            if self.inside is not None: self.inside += data
    problems, count = [], 0
    folder = sys.argv[1]
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        text = open(path, encoding="utf-8").read()
        count += 1
        try:
            if name.endswith(".svg"):
                ET.fromstring(text.encode("utf-8"))
                continue
            page = Page(); page.feed(text); page.close()
            problems += ["%s: %s" % (name, p) for p in page.problems]
            if page.stack: problems.append("%s: unclosed %s" % (name, page.stack))
            json.loads(page.catalogue)
            start, end = text.index("<svg"), text.rindex("</svg>") + len("</svg>")
            ET.fromstring(text[start:end].encode("utf-8"))
        except Exception as e:
            problems.append("%s: %s" % (name, e))
    print("ok %d" % count if not problems else "\n".join(problems[:10]))
    """#

    static func python(_ script: String, _ args: String...) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The JSON writer's strings read back as written, for every mean text and every
    /// control character (JSONSerialization is the reader).
    @Test func jsonStringsComeBackAsWritten() throws {
        var g = MeanText(seed: Self.seed + 1)
        var texts = (0..<MeanText.cases(500)).map { _ in g.text() }
        texts.append(String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init) + ["\u{7f}", "\u{2028}", "\u{2029}", "\u{FEFF}"])))
        for (k, s) in texts.enumerated() {
            let written = JSONText.array([.string(s), .object(["k": .string(s)])]).serialized
            let back = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [Any]
            #expect(back?.first as? String == s && (back?.last as? [String: String])?["k"] == s, "seed \(Self.seed + 1), case \(k): \(written)")
            // Inside a page's <script>, the text must never close the script element.
            #expect(!WebAssets.scriptSafe(written).lowercased().contains("</script"), "case \(k)")
        }
    }
}
