import Foundation
import Testing
@testable import ScapeInterop
import ScapeInterop
import ScapeModel

/// Thoughtworks' radar files are read as Build Your Own Radar reads them, each tolerated quirk
/// with a located warning; Zalando's config.json by its shape.
@Suite struct RadarReaderTests {
    static let peers = PeerSampleTests.peers

    func parse(_ text: String, file: String = "r.csv") -> LoadResult { RadarCSVParser.parse(text: text, file: file) }
    func blips(_ r: LoadResult) throws -> [RadarBlip] { try #require(try r.get().figures.first?.radar?.blips) }
    func spec(_ r: LoadResult) throws -> RadarSpec { try #require(try r.get().figures.first?.radar) }

    @Test func byorsOwnSamplesKeepEveryBlip() throws {
        // radar.csv: 99 blips, 60 of them new (counted in the file by hand: isNew TRUE).
        let csv = try blips(DataFileLoader.load(contentsOf: Self.peers.appendingPathComponent("byor/radar.csv")))
        let text = try String(contentsOf: Self.peers.appendingPathComponent("byor/radar.csv"), encoding: .utf8)
        #expect(csv.count == 99)
        #expect(csv.filter(\.isNew).count == text.components(separatedBy: ",TRUE,").count - 1)
        // sheet.csv and data.json hold the same radar, duplicates included.
        let sheet = DataFileLoader.load(contentsOf: Self.peers.appendingPathComponent("byor/sheet.csv"))
        let json = DataFileLoader.load(contentsOf: Self.peers.appendingPathComponent("byor/data.json"))
        let items = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.peers.appendingPathComponent("byor/data.json"))) as! [[String: Any]]
        #expect(try blips(json).count == items.count)
        #expect(try blips(sheet).map(\.name) == blips(json).map(\.name))
        #expect(Set(try blips(json).map(\.id)).count == items.count, "every blip has its own id")
        #expect(!sheet.diagnostics.hasErrors && !json.diagnostics.hasErrors)
        #expect(try blips(DataFileLoader.load(contentsOf: Self.peers.appendingPathComponent("byor/radar.json"))).count > 0)
    }

    @Test func duplicateNamesAreBothDrawnWithAWarning() throws {
        let r = parse("name,ring,quadrant,isNew,description\nA,Adopt,Tools,false,x\nB,Adopt,Tools,false,x\na,Hold,Tools,false,y\n")
        #expect(r.diagnostics.map(\.description) == ["r.csv:4:1: warning: the blip 'a' is listed twice (also on line 2); both are drawn, as Thoughtworks' radar draws them"])
        #expect(try blips(r).map(\.id) == ["a", "b", "a-2"])
    }

    @Test func statusIsReadAndWinsOverIsNew() throws {
        let r = parse("""
        name,ring,quadrant,isNew,status,description
        A,Adopt,Tools,false,New,x
        B,Adopt,Tools,true,Moved In,x
        C,Adopt,Tools,,moved out,x
        D,Adopt,Tools,TRUE,No Change,x
        E,Adopt,Tools,True,,x
        F,Adopt,Tools,yes,,x
        G,Adopt,Tools,,Sideways,x
        """)
        #expect(try blips(r).map(\.status) == [.new, .movedIn, .movedOut, .noChange, .new, .noChange, .noChange])
        #expect(r.diagnostics.map(\.description) == [
            "r.csv:7:15: warning: isNew 'yes' is read as false: Thoughtworks' radar takes only 'true' (any case) as new",
            "r.csv:8:16: warning: status 'Sideways' is not New, Moved In, Moved Out or No Change; read as No Change",
        ])
        // status alone, without isNew, is a whole radar file.
        #expect(try blips(parse("name,ring,quadrant,status,description\nA,Adopt,Tools,Moved Out,x\n")).map(\.status) == [.movedOut])
    }

    @Test func shortRowsAreFilledAndLongRowsCutWithWarnings() throws {
        let r = parse("name,ring,quadrant,isNew,description\nA,Adopt,Tools\nB,Trial,Tools,true,d,extra,more\n")
        #expect(r.diagnostics.map(\.description) == [
            "r.csv:2:14: warning: line 2 has 3 fields; the header has 5 (name, ring, quadrant, isNew, description); the missing 2 are read as empty",
            "r.csv:3:22: warning: line 3 has 7 fields; the header has 5 (name, ring, quadrant, isNew, description); the extra 2 are ignored",
        ])
        let b = try blips(r)
        #expect(b.map(\.name) == ["A", "B"] && b[0].description == nil && b[1].description == "d" && b[1].isNew)
    }

    @Test func tagsInNamesAndRingsAreStrippedWithWarnings() throws {
        let r = parse("name,ring,quadrant,isNew,description\n<b>Kafka</b>,<i>Adopt</i>,Tools,false,x\n")
        #expect(r.diagnostics.map(\.description) == [
            "r.csv:2:1: warning: HTML tags in the blip's name are removed, as Thoughtworks' radar removes them: 'Kafka'",
            "r.csv:2:14: warning: HTML tags in the blip's ring are removed, as Thoughtworks' radar removes them: 'Adopt'",
        ])
        #expect(try blips(r).map(\.name) == ["Kafka"])
        #expect(try spec(r).rings == ["Adopt"])
    }

    @Test func quadrantNamesDifferingInCaseOrAndAreOne() throws {
        let r = parse("""
        name,ring,quadrant,isNew,description
        A,Adopt,Languages & Frameworks,false,x
        B,Adopt,languages and frameworks,false,x
        C,Adopt,Languages-and-Frameworks,false,x
        D,Adopt,Tools,false,x
        """)
        #expect(try spec(r).sectors == ["Languages & Frameworks", "Tools"])
        #expect(try blips(r).map(\.sector) == [0, 0, 0, 1])
        #expect(r.diagnostics.map(\.location?.line) == [3, 4])
        #expect(r.diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("is read as 'Languages & Frameworks'") })
    }

    @Test func ringsComeFromTheDataOneToEight() throws {
        let r = parse("name,ring,quadrant,isNew,description\nA,Pilot,Tools,false,x\nB,Adopt,Tools,false,x\nC,Retire,Tools,false,x\nD,hold,Tools,false,x\n")
        #expect(try spec(r).rings == ["Adopt", "hold", "Pilot", "Retire"])
        #expect(try blips(r).map(\.ring) == [2, 0, 3, 1])
    }

    @Test func utf16WithABOMIsRead() throws {
        let text = "name,ring,quadrant,isNew,description\nKafka,Adopt,Tools,TRUE,Événements\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("utf16-\(getpid()).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        for (bom, encoding, endian) in [([UInt8]([0xFF, 0xFE]), String.Encoding.utf16LittleEndian, "little"), ([0xFE, 0xFF], .utf16BigEndian, "big")] {
            try (Data(bom) + text.data(using: encoding)!).write(to: url)
            let r = DataFileLoader.load(contentsOf: url)
            #expect(r.diagnostics.map(\.description) == ["\(url.path):1:1: warning: the file is UTF-16 text (\(endian)-endian, as Excel's 'Unicode text' writes it); read as such"])
            #expect(try blips(r).map(\.description) == ["Événements"])
        }
    }

    @Test func excelsTabSeparatedUnicodeTextIsRead() throws {
        let text = "name\tring\tquadrant\tisNew\tdescription\r\nKafka\tAdopt\tTools\tTRUE\t\"Streams, logs\"\r\n"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("unicode-text-\(getpid()).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!).write(to: url)
        let r = DataFileLoader.load(contentsOf: url)
        #expect(r.diagnostics.map(\.message) == [
            "the file is UTF-16 text (little-endian, as Excel's 'Unicode text' writes it); read as such",
            "the fields are separated by tabs (as Excel's 'Unicode text' writes them); read as such",
        ])
        let b = try blips(r)
        #expect(b.map(\.name) == ["Kafka"] && b[0].isNew && b[0].description == "Streams, logs")
    }

    @Test func descriptionsKeepOnlyThoughtworksTagsAndHaveAPlainForm() throws {
        let html = #"<p>Use <a href="https://x.org" onclick="evil()">X</a> <script>alert(1)</script><img src=y>now &amp; <strong>then</strong>.</p>"#
        let b = try blips(parse("name,ring,quadrant,isNew,description\nA,Adopt,Tools,false,\"\(html.replacingOccurrences(of: "\"", with: "\"\""))\"\n"))
        #expect(b[0].description == #"<p>Use <a href="https://x.org">X</a> alert(1)now &amp; <strong>then</strong>.</p>"#)
        #expect(b[0].plainDescription == "Use X alert(1)now & then.")
    }

    @Test func messagesSpeakOfTheRadar() {
        #expect(parse("name,ring,quadrant\nA,Adopt,Tools\n").diagnostics.errors.map(\.message) == [
            "the radar has no 'description' column; a radar file has the columns name,ring,quadrant,isNew,description (or status instead of isNew)",
            "the radar has neither an 'isNew' nor a 'status' column; a radar file has the columns name,ring,quadrant,isNew,description (or status instead of isNew)",
        ])
        let broken = DataFileLoader.load(text: "[{\"name\": \"A\", \"ring\": \"Adopt\", \"quadrant\": \"Tools\",]", file: "r.json")
        #expect(broken.diagnostics.first?.message.hasPrefix("malformed JSON") == true, "\(broken.diagnostics)")
        // A JSON landscape's syntax errors say JSON too.
        let landscape = DataFileLoader.load(text: "{\"tools\": [", file: "l.json")
        #expect(landscape.diagnostics.first?.message.hasPrefix("malformed JSON") == true, "\(landscape.diagnostics)")
    }

    // MARK: Zalando

    @Test func zalandosConfigKeepsEveryEntryWithItsMarkAndLink() throws {
        let url = Self.peers.appendingPathComponent("zalando/config.json")
        let r = DataFileLoader.load(contentsOf: url)
        #expect(!r.diagnostics.hasErrors)
        let s = try spec(r)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let entries = json["entries"] as! [[String: Any]]
        #expect(s.blips.count == entries.count)
        #expect(s.markers == .zalando && s.rings == RadarNames.zalandoRings)
        #expect(s.sectors == RadarNames.zalandoQuadrants.reversed())
        for (blip, entry) in zip(s.blips, entries) {
            #expect(blip.name == entry["label"] as? String)
            #expect(blip.sector == 3 - (entry["quadrant"] as! Int) && blip.ring == entry["ring"] as! Int)
            let moved = entry["moved"] as? Int ?? 0
            #expect(blip.status == [2: .new, 1: .movedIn, -1: .movedOut, 0: .noChange][moved])
            #expect(blip.active == (entry["active"] as? Bool ?? true))
            #expect(blip.url == entry["link"] as? String)
        }
    }

    @Test func zalandoNamesComeFromASidecarThenFlags() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zalando-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("radar.json")
        try #"{"date": "2026.01", "entries": [{"quadrant": 3, "ring": 2, "label": "Zig", "active": false, "moved": -1, "link": "https://ziglang.org"}]}"#
            .write(to: data, atomically: true, encoding: .utf8)
        try "quadrants: [Q0, Q1, Q2, Q3]\nrings: [Use, Try, Watch]\n".write(to: dir.appendingPathComponent("radar.radar.yaml"), atomically: true, encoding: .utf8)
        let fromSidecar = try spec(DataFileLoader.load(contentsOf: data))
        #expect(fromSidecar.sectors == ["Q3", "Q2", "Q1", "Q0"] && fromSidecar.rings == ["Use", "Try", "Watch"])
        #expect(fromSidecar.blips[0].sector == 0 && fromSidecar.blips[0].ring == 2 && !fromSidecar.blips[0].active)
        let flagged = try spec(DataFileLoader.load(contentsOf: data, radarNames: RadarNames(rings: ["A", "B", "C", "D"])))
        #expect(flagged.rings == ["A", "B", "C", "D"] && flagged.sectors == ["Q3", "Q2", "Q1", "Q0"])
    }

    @Test func badZalandoEntriesAreLocated() {
        let r = ZalandoRadarParser.parse(text: "{\"entries\": [\n{\"quadrant\": 4, \"ring\": 0, \"label\": \"A\", \"moved\": 3}]}", file: "c.json")
        #expect(r.diagnostics.map(\.description) == [
            "c.json:2:14: error: quadrant 4 is not an index 0 to 3",
            "c.json:2:51: error: moved 3 is not -1 (moved down), 0, 1 (moved up) or 2 (new)",
        ])
    }

    /// An index too large for any integer, in YAML's base 60 (the config is read as YAML), is
    /// an index out of range like any other, where its arithmetic used to stop the process.
    @Test func aZalandoIndexTooLargeToHoldIsOutOfRangeNotATrap() {
        let r = ZalandoRadarParser.parse(text: "{\"entries\": [\n{\"quadrant\": 1:0:0:0:0:0:0:0:0:0:0, \"ring\": 0, \"label\": \"A\", \"moved\": 9223372036854775807:1}]}", file: "c.json")
        #expect(r.diagnostics.map(\.description) == [
            "c.json:2:14: error: quadrant 1:0:0:0:0:0:0:0:0:0:0 is not an index 0 to 3",
            "c.json:2:71: error: moved 9223372036854775807:1 is not -1 (moved down), 0, 1 (moved up) or 2 (new)",
        ])
    }
}
