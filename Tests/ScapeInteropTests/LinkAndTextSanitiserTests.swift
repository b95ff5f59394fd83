import Foundation
@testable import ScapeInterop
import ScapeModel
import Testing

/// Links and text as every writer gets them: whatever the reader, a url that is not http, https
/// or mailto (once control characters are gone) is not a link, and bidirectional controls are
/// removed from names, subtitles, descriptions and urls; each with a warning at its line.
@Suite struct LinkAndTextSanitiserTests {
    static let unsafe = ["javascript:alert(1)", "JavaScript:alert(1)", "java\\tscript:alert(1)", "java\\nscript:alert(1)",
                         " javascript:alert(1)", "data:text/html,<b>x</b>", "vbscript:msgbox(1)", "file:///etc/passwd", "example.com/no-scheme"]

    func yaml(url: String) -> String {
        "tools:\n  - { name: Safe, x: 0.1, y: 0.1, url: \"https://example.com\" }\n  - { name: Trap, x: -0.2, y: 0.3, url: \"\(url)\" }\n"
    }

    @Test func onlyHttpHttpsAndMailtoBecomeLinksInYAML() throws {
        for url in Self.unsafe {
            let r = DataFileLoader.load(text: yaml(url: url), file: "t.yaml")
            let tools = try #require(r.landscape?.tools, "\(url) should load")
            #expect(tools[0].url == "https://example.com")
            #expect(tools[1].url == nil, "\(url) became a link")
            let w = r.diagnostics.filter { $0.severity == .warning && $0.message.contains("not made a link") }
            #expect(w.count == 1, "\(url): \(r.diagnostics)")
            #expect(w.first?.location?.line == 3 && w.first?.location?.file == "t.yaml", "\(url): the warning is not at the tool's line")
        }
        for url in ["http://a.example", "HTTPS://a.example/x", "mailto:someone@example.com"] {
            let r = DataFileLoader.load(text: yaml(url: url), file: "t.yaml")
            #expect(r.landscape?.tools[1].url == url)
            #expect(!r.diagnostics.contains { $0.message.contains("not made a link") })
        }
    }

    @Test func theSameRuleHoldsForCSVAndRadars() throws {
        let csv = DataFileLoader.load(text: "name,x,y,url\nSafe,0.1,0.1,https://example.com\nTrap,0.2,0.2,javascript:alert(1)\n", file: "t.csv")
        let tools = try #require(csv.landscape?.tools)
        #expect(tools.map(\.url) == ["https://example.com", nil])
        #expect(csv.diagnostics.contains { $0.message.contains("not made a link") && $0.location?.line == 3 })

        let radar = DataFileLoader.load(text: "name,ring,quadrant,isNew,description,link\nA,Adopt,Tools,false,x,data:text/html;base64,AAAA\nB,Hold,Tools,false,y,https://b.example\n",
                                        file: "radar.csv")
        let blips = try #require(radar.landscape?.figures.compactMap(\.radar).first?.blips)
        #expect(blips.map(\.url) == [nil, "https://b.example"])
        #expect(radar.diagnostics.contains { $0.message.contains("not made a link") && $0.location?.line == 2 })
    }

    @Test func bidiControlsAreRemovedFromEveryTextWithAWarning() throws {
        let text = """
        tools:
          - { name: "Fl\\u202Eip", subtitle: "sub\\u2066title", x: 0.1, y: 0.1, description: "de\\u202Ascription", url: "https://example.com/\\u202Emoc.live" }

        """
        let r = DataFileLoader.load(text: text, file: "b.yaml")
        let tool = try #require(r.landscape?.tools.first)
        #expect(tool.name == "Flip" && tool.subtitle == "subtitle" && tool.description == "description")
        #expect(tool.url == "https://example.com/moc.live")
        let warnings = r.diagnostics.filter { $0.message.contains("control characters") }
        #expect(warnings.count == 4, "\(r.diagnostics)")
        #expect(warnings.allSatisfy { $0.location?.line == 2 })
        // Loaded again from what was cleaned: nothing more to say.
        #expect(LinkAndTextSanitiser.linkTarget(tool.url!) == tool.url)
    }

    @Test func aControlCharacterCannotSmuggleAScheme() {
        for url in ["java\tscript:x", "java\nscript:x", "\u{0}javascript:x", "jav\u{7F}ascript:x", "java\u{202E}script:x", "\u{1B}javascript:x"] {
            #expect(LinkAndTextSanitiser.linkTarget(url) == nil, "\(url.debugDescription)")
        }
        #expect(LinkAndTextSanitiser.linkTarget("ht\ttps://example.com") == "https://example.com")
    }
}
