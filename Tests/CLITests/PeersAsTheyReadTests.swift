import Foundation
import Testing

/// Peers' files read as the peers read them (issue 26): what Thoughtworks' Build Your Own Radar
/// plots is drawn, with a warning for each thing it would drop or bend; a Zalando radar's
/// title is drawn, not only named in the SVG's <title>.
@Suite struct PeersAsTheyReadTests {
    static func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func aBYORFileWithItsQuirksIsDrawnWithAWarningForEach() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let longPros = String(repeating: "good ", count: 3000)
        let csv = try Self.write("""
        name,ring,quadrant,isNew,description,pros
        Kotlin,Adopt,languages-and-frameworks,TRUE<br>,JVM language,\(longPros)
        ,Trial,Tools,FALSE,a row BYOR skips,
        Rust,Trial,language-and-frameworks,false,systems,
        Terraform,Adopt,Platforms,<b>true</b>,infra,

        """, "byor.csv", in: dir)
        let r = try CLI.run(["import", csv])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("byor.csv:3:1: warning: a row without a blip name is left out"), "\(r.stderr)")
        #expect(r.stderr.contains("quadrant 'language-and-frameworks' is read as 'languages-and-frameworks': the names differ only in a plural 's'"), "\(r.stderr)")
        #expect(!r.stderr.contains("pros"), "an unread column has no length limit: \(r.stderr)")
        let rows = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { $0[0] } == ["Kotlin", "Rust", "Terraform"])
        #expect(Set(rows.map { $0[2] }).count == 2, "one Languages quadrant and Platforms: \(rows)")
        // HTML is stripped from isNew as from the name: "TRUE<br>" is true.
        #expect(rows.first { $0[0] == "Kotlin" }?[3].lowercased() == "new", "\(rows)")
        #expect(rows.first { $0[0] == "Terraform" }?[3].lowercased() == "new", "\(rows)")
        #expect(r.stderr.contains("HTML tags in the blip's isnew are removed"), "\(r.stderr)")
    }

    @Test func anUnterminatedQuoteRunsToTheEndAsBYORReadsIt() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try Self.write("""
        name,ring,quadrant,isNew,description
        Kotlin,Adopt,Languages,true,fine
        Rust,Trial,Languages,false,"never closed
        Go,Assess,Languages,false,inside the quote

        """, "quote.csv", in: dir)
        let r = try CLI.run(["render", csv, "-o", dir.appendingPathComponent("r.svg").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("quote.csv:3:28: warning: unclosed quote: the field opened here runs to the end of the file"), "\(r.stderr)")
        let svg = try String(contentsOf: dir.appendingPathComponent("r.svg"), encoding: .utf8)
        #expect(svg.contains("id=\"blip.kotlin.mark\"") && svg.contains("id=\"blip.rust.mark\""))
        #expect(!svg.contains("id=\"blip.go.mark\""), "Go is inside Rust's description, as in BYOR")
    }

    @Test func aZalandoRadarDrawsItsTitle() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = CLI.root.appendingPathComponent("fixtures/peers/zalando/config.json").path
        let svg = dir.appendingPathComponent("z.svg")
        let r = try CLI.run(["render", config, "-o", svg.path, "--radar-quadrants", "A,B,C,D"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.contains("id=\"title\""), "the title is drawn")
        #expect(text.contains("id=\"title\" role=\"img\" aria-label=\"Tech Radar"), "the title reads Tech Radar")
    }
}
