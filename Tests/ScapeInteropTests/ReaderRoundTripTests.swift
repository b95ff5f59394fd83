import Foundation
import Testing
import ScapeGeometry
import ScapeInterop
import ScapeModel

/// What a writer writes, the matching reader reads back unchanged, for hundreds of seeded
/// random landscapes whose names, subtitles, categories and urls hold every character that
/// needs quoting or escaping, saved with LF or CRLF, with or without a byte-order mark and a
/// final line break. The seed and the case are in every message, so a failure replays.
@Suite struct ReaderRoundTripTests {
    static let seed: UInt64 = 20_261_206

    /// A random landscape: 1 to 6 tools in up to 3 categories, three-decimal positions.
    static func landscape(_ g: inout MeanText, categoryNames: (inout MeanText) -> String = { $0.text() }) -> Landscape {
        let categories = (0..<Int(1 + g.rng.next() % 3)).map { Category(id: "c\($0)", name: "C\($0) " + categoryNames(&g)) }
        let tools = (0..<Int(1 + g.rng.next() % 6)).map { i -> Tool in
            let cats = categories.filter { _ in g.chance(2) }.map(\.id)
            return Tool(name: "T\(i) " + g.text(), subtitle: g.chance(2) ? g.text() : nil,
                        x: Double(Int(g.rng.next() % 2001) - 1000) / 1000, y: Double(Int(g.rng.next() % 2001) - 1000) / 1000,
                        categories: cats, url: g.chance(3) ? nil : g.url())
        }
        return Landscape(title: g.text(), categories: categories, tools: tools)
    }

    /// The fields a reader must give back, tool by tool.
    static func fields(_ l: Landscape, categoryName: (String) -> String) -> [[String]] {
        l.tools.map { t in
            [t.name, t.subtitle ?? "-", "\(t.x)", "\(t.y)", t.url ?? "-", t.categories.map(categoryName).joined(separator: "|")]
        }
    }

    /// The first row that differs, for a message short enough to read.
    static func firstDifference(_ a: [[String]], _ b: [[String]]) -> String {
        guard a.count == b.count else { return "\(a.count) rows read, \(b.count) written" }
        guard let i = a.indices.first(where: { a[$0] != b[$0] }) else { return "same" }
        let k = a[i].indices.first { a[i][$0] != b[i][$0] }!
        return "row \(i), field \(k): read \(a[i][k].debugDescription), written \(b[i][k].debugDescription)"
    }

    @Test func landscapeYAMLComesBackAsWritten() throws {
        var g = MeanText(seed: Self.seed)
        for k in 0..<MeanText.cases(300) {
            let original = Self.landscape(&g)
            let (text, how) = g.saved(LandscapeYAMLWriter.yaml(original))
            let r = LandscapeLoader.load(text: text, file: "l.yaml")
            let back = try #require(r.landscape, "seed \(Self.seed), case \(k) (\(how)): \(r.diagnostics.errors)\n\(text)")
            let name = { (l: Landscape) in { (id: String) in l.categories.first { $0.id == id }?.name ?? "?" } }
            let read = Self.fields(back, categoryName: name(back)), written = Self.fields(original, categoryName: name(original))
            #expect(read == written, "seed \(Self.seed), case \(k) (\(how)): \(Self.firstDifference(read, written))\n\(text.debugDescription)")
            #expect(back.title == original.title && back.categories.map(\.name) == original.categories.map(\.name),
                    "seed \(Self.seed), case \(k) (\(how))")
        }
    }

    /// RFC 4180, as a spreadsheet writes it: a field quoted when it holds a comma, a quote or
    /// a line break, its quotes doubled.
    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    @Test func landscapeCSVComesBackAsWritten() throws {
        var g = MeanText(seed: Self.seed + 1)
        for k in 0..<MeanText.cases(400) {
            // ';' separates categories inside the field, so a category's name cannot hold one.
            let original = Self.landscape(&g) { $0.text(avoiding: [";"]) }
            // Any order of columns, any case in the header; the url column often last, so an
            // empty url ends the file's last record.
            var columns = ["name", "subtitle", "x", "y", "categories", "url"]
            for i in columns.indices.reversed() { columns.swapAt(i, Int(g.rng.next() % UInt64(i + 1))) }
            if g.chance(2), let u = columns.firstIndex(of: "url") { columns.append(columns.remove(at: u)) }
            let header = columns.map { g.chance(3) ? $0.uppercased() : $0 }.joined(separator: ",")
            let names = Dictionary(uniqueKeysWithValues: original.categories.map { ($0.id, $0.name) })
            let rows = original.tools.map { t -> String in
                columns.map { c -> String in
                    switch c {
                    case "name": return Self.csvField(t.name)
                    case "subtitle": return Self.csvField(t.subtitle ?? "")
                    case "x": return "\(t.x)"
                    case "y": return "\(t.y)"
                    case "categories": return Self.csvField(t.categories.map { names[$0]! }.joined(separator: ";"))
                    default: return Self.csvField(t.url ?? "")
                    }
                }.joined(separator: ",")
            }
            let (text, how) = g.saved(([header] + rows).joined(separator: "\n") + "\n")
            let r = CSVLandscapeParser.parse(text: text, file: "t.csv")
            let back = try #require(r.landscape, "seed \(Self.seed + 1), case \(k) (\(how)): \(r.diagnostics.errors)\n\(text)")
            let backName = { (id: String) in back.categories.first { $0.id == id }?.name ?? "?" }
            let read = Self.fields(back, categoryName: backName), written = Self.fields(original) { names[$0]! }
            #expect(read == written, "seed \(Self.seed + 1), case \(k) (\(how)): \(Self.firstDifference(read, written))\n\(text.debugDescription)")
            #expect(r.diagnostics.isEmpty, "seed \(Self.seed + 1), case \(k) (\(how)): \(r.diagnostics)")
        }
    }

    @Test func radarCSVComesBackAsWritten() throws {
        var g = MeanText(seed: Self.seed + 2)
        let rings = ["Adopt", "Trial", "Assess", "Hold"]
        let sectors = ["Tools", "Techniques", "Platforms", "Languages & Frameworks"]
        for k in 0..<MeanText.cases(300) {
            // BYOR strips HTML tags from names and all but a few from descriptions, so neither
            // holds '<' or '>' here (RadarReaderTests checks the tags).
            let blips = (0..<Int(1 + g.rng.next() % 8)).map { i -> RadarBlip in
                var b = RadarBlip(name: "B\(i) " + g.text(avoiding: ["<", ">"]), ring: Int(g.rng.next() % 4), sector: Int(g.rng.next() % 4),
                                  status: g.pick(BlipStatus.allCases), description: g.chance(3) ? nil : g.text(avoiding: ["<", ">"]))
                b.url = g.chance(2) ? nil : g.url()
                return b
            }
            let original = RadarSpec(rings: rings, sectors: sectors, blips: blips)
            let (text, how) = g.saved(RadarCSVWriter.csv(original))
            let r = RadarCSVParser.parse(text: text, file: "r.csv")
            let back = try #require(try? r.get().figures.first?.radar, "seed \(Self.seed + 2), case \(k) (\(how)): \(r.diagnostics.errors)\n\(text)")
            func seen(_ s: RadarSpec) -> [[String]] {
                s.blips.map { [$0.name, s.rings[$0.ring].lowercased(), s.sectors[$0.sector], $0.status.rawValue, $0.description ?? "-", $0.url ?? "-"] }
            }
            #expect(seen(back) == seen(original), "seed \(Self.seed + 2), case \(k) (\(how)): \(Self.firstDifference(seen(back), seen(original)))\n\(text.debugDescription)")
        }
    }
}
