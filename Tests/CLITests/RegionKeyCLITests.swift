import Foundation
import Testing

/// A key to the region colours on every map that draws regions (issue 26): each region's
/// category named beside a swatch of its colour, in every format; `--no-key` leaves it out.
@Suite struct RegionKeyCLITests {
    static func render(_ args: [String], _ file: URL) throws -> String {
        let r = try CLI.run(["render"] + args + ["-o", file.path, "-q", "--style", "clean"])
        #expect(r.status == 0, "\(r.stderr)")
        return (try? String(contentsOf: file, encoding: .isoLatin1)) ?? ""
    }

    /// `attribute`'s value on the element with `id`.
    static func attribute(_ attribute: String, of id: String, in svg: String) -> String? {
        guard let line = svg.split(separator: "\n").first(where: { $0.contains("id=\"\(id)\"") }),
              let r = line.range(of: "\(attribute)=\"") else { return nil }
        return String(line[r.upperBound...].prefix { $0 != "\"" })
    }

    static func ids(_ prefix: String, _ suffix: String, in svg: String) -> Set<String> {
        Set(svg.components(separatedBy: "id=\"\(prefix)").dropFirst().compactMap { part -> String? in
            let id = String(part.prefix { $0 != "\"" })
            return id.hasSuffix(suffix) ? String(id.dropLast(suffix.count)) : nil
        })
    }

    @Test func everyRegionIsNamedInTheKeyInItsColour() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A zoom of the quadrant the blog's ml-landscape-ml-platforms shows (which keeps its
        // published look, without a key: `key: false` in its data file).
        let svg = try Self.render(["--quadrant", "Machine Learning Platforms"], dir.appendingPathComponent("z.svg"))
        let regions = Self.ids("region.", "", in: svg).filter { !$0.contains(".") }
        #expect(regions == ["high-coverage-platforms", "ml-project-frameworks", "ml-task-orchestrators"], "\(regions)")
        #expect(Self.ids("key.", ".name", in: svg) == regions)
        for r in regions {
            let region = Self.attribute("stroke", of: "region.\(r)", in: svg)
            #expect(region != nil && region == Self.attribute("stroke", of: "key.\(r).swatch", in: svg), "\(r): the swatch is the region's colour")
        }
        #expect(svg.contains("aria-label=\"ML Task Orchestrators\""))
        let none = try Self.render(["--quadrant", "Machine Learning Platforms", "--no-key"], dir.appendingPathComponent("n.svg"))
        #expect(!none.contains("id=\"key"), "--no-key")
        let published = try Self.render(["--figure", "ml-landscape-ml-platforms"], dir.appendingPathComponent("p.svg"))
        #expect(!published.contains("id=\"key") && published.contains("id=\"region."), "the blog's zoom as published: regions, no key")
        #expect(!(try Self.render(["--figure", "ml-landscape-all"], dir.appendingPathComponent("all.svg"))).contains("id=\"key"), "no regions, no key")
        // A map asked for regions gets the key too, and so does a user's ad-hoc zoom.
        let zoom = try Self.render(["--quadrant", "Cloud Platforms"], dir.appendingPathComponent("q.svg"))
        #expect(Self.ids("key.", ".name", in: zoom) == Self.ids("region.", "", in: zoom).filter { !$0.contains(".") })
    }

    @Test func theKeyIsInEveryFormat() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let figure = ["--quadrant", "Machine Learning Platforms"]
        let pdf = dir.appendingPathComponent("z.pdf")
        _ = try Self.render(figure, pdf)
        #expect(try runTool("pdftotext", [pdf.path, "-"]).output.contains("High-coverage Platforms"))
        let scene = try Self.render(figure, dir.appendingPathComponent("z.excalidraw"))
        #expect(scene.contains("\"text\":\"High-coverage Platforms\"") || scene.contains("\"text\": \"High-coverage Platforms\""), "an editable text in Excalidraw")
        let html = try Self.render(figure, dir.appendingPathComponent("z.html"))
        #expect(html.contains("key.high-coverage-platforms.name") || html.contains("key/high-coverage-platforms/name"))
        // The PNG makes room for it on the right.
        let with = try Data(contentsOf: { _ = try Self.render(figure, dir.appendingPathComponent("k.png")); return dir.appendingPathComponent("k.png") }())
        let without = try Data(contentsOf: { _ = try Self.render(figure + ["--no-key"], dir.appendingPathComponent("n.png")); return dir.appendingPathComponent("n.png") }())
        func width(_ d: Data) -> Int { Int(d[16]) << 24 | Int(d[17]) << 16 | Int(d[18]) << 8 | Int(d[19]) }
        #expect(width(with) > width(without), "\(width(with)) vs \(width(without))")
    }
}
