import Foundation
import Testing

/// The peers' own files through the command line: every blip listed, imported, filtered by
/// quadrant, and every sample rendered to SVG with one group per blip.
@Suite struct PeerFormatCLITests {
    static let peers = CLI.root.appendingPathComponent("fixtures/peers")

    @Test func listPrintsEveryBlipOfAZalandoRadar() throws {
        let r = try CLI.run(["list", Self.peers.appendingPathComponent("zalando/config.json").path])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.peers.appendingPathComponent("zalando/config.json"))) as! [String: Any]
        let labels = (json["entries"] as! [[String: Any]]).map { $0["label"] as! String }
        let listed = r.stdout.split(separator: "\n").drop { $0 != "blips:" }.dropFirst()
        #expect(listed.count == labels.count)
        for label in labels { #expect(r.stdout.contains("  \(label)  ["), "\(label) is not listed") }
    }

    @Test func importPrintsARadarAsARadarCSVThatReadsBack() throws {
        let dir = try CLI.scratch()
        let r = try CLI.run(["import", Self.peers.appendingPathComponent("byor/data.json").path])
        #expect(r.status == 0 && r.stdout.hasPrefix("name,ring,quadrant,status,description,link\n"))
        let csv = dir.appendingPathComponent("again.csv")
        try r.stdout.write(to: csv, atomically: true, encoding: .utf8)
        let again = try CLI.run(["import", csv.path])
        #expect(again.stdout == r.stdout)
        #expect(try CLI.run(["validate", csv.path]).stdout == CLI.run(["validate", Self.peers.appendingPathComponent("byor/data.json").path]).stdout)
    }

    @Test func quadrantPicksARadarQuadrantByNameOrId() throws {
        let dir = try CLI.scratch()
        let sheet = Self.peers.appendingPathComponent("byor/sheet.csv").path
        let r = try CLI.run(["render", sheet, "--quadrant", "languages-frameworks", "-o", dir.appendingPathComponent("q.svg").path])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: dir.appendingPathComponent("q.svg"), encoding: .utf8)
        // Every blip drawn is one of the quadrant's: the list says which blips those are.
        let listed = try CLI.run(["list", sheet]).stdout.split(separator: "\n").filter { $0.contains("[Languages & Frameworks /") }
        let marks = svg.split(separator: "\n").filter { $0.contains("id=\"blip.") && $0.contains(".mark\"") }.count
        #expect(listed.count > 0 && marks == listed.count)
        for line in listed { #expect(svg.contains("id=\"blip.\(line.split(separator: " ")[0]).mark\"")) }
        let bad = try CLI.run(["render", sheet, "--quadrant", "Platfroms", "-o", dir.appendingPathComponent("x.svg").path])
        #expect(bad.status != 0 && bad.stderr.contains("unknown quadrant 'Platfroms'") && bad.stderr.contains("did you mean 'Platforms'"))
    }

    @Test(arguments: ["byor/radar.csv", "byor/sheet.csv", "byor/data.json", "byor/radar.json", "zalando/config.json"])
    func everyRadarSampleRendersEveryBlipWithItsMark(sample: String) throws {
        let dir = try CLI.scratch()
        let out = dir.appendingPathComponent("r.svg")
        let r = try CLI.run(["render", Self.peers.appendingPathComponent(sample).path, "--style", "clean", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: out, encoding: .utf8)
        let listed = try CLI.run(["list", Self.peers.appendingPathComponent(sample).path]).stdout
        let blips = listed.split(separator: "\n").drop { $0 != "blips:" }.dropFirst()
        #expect(blips.count > 0)
        for line in blips {
            let id = line.trimmingCharacters(in: .whitespaces).split(separator: " ")[0]
            #expect(svg.contains("id=\"blip.\(id).mark\""), "blip \(id) has no mark")
            if line.hasSuffix("  new") || line.contains("  new,") { #expect(svg.contains("blip.\(id).status-new") || sample.hasPrefix("zalando")) }
        }
        #expect(!svg.contains("&lt;p&gt;"), "titles are plain text")
    }

    @Test func importOntoPrintsTheDataWithTheDraggedToolMoved() throws {
        let dir = try CLI.scratch()
        let data = CLI.root.appendingPathComponent("fixtures/mlops-landscape.yaml").path
        let scene = dir.appendingPathComponent("map.excalidraw")
        #expect(try CLI.run(["render", data, "--figure", "ml-landscape-all", "--format", "excalidraw", "-o", scene.path]).status == 0)
        var doc = try JSONSerialization.jsonObject(with: Data(contentsOf: scene)) as! [String: Any]
        doc["elements"] = (doc["elements"] as! [[String: Any]]).map { e in
            var e = e
            if (e["groupIds"] as? [String])?.contains("tool/mlflow") == true { e["x"] = (e["x"] as! NSNumber).doubleValue + 50 }
            return e
        }
        try JSONSerialization.data(withJSONObject: doc).write(to: scene)
        let r = try CLI.run(["import", scene.path, "--onto", data])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("moved MLFlow (mlflow): x "), "\(r.stderr)")
        let before = try String(contentsOfFile: data, encoding: .utf8).components(separatedBy: "\n")
        let after = r.stdout.components(separatedBy: "\n")
        #expect(before.count == after.count && zip(before, after).filter { $0 != $1 }.count == 1)
        let plain = try CLI.run(["import", scene.path])
        #expect(plain.status != 0 && plain.stderr.contains("--onto"))
    }
}
