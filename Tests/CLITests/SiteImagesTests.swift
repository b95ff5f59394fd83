import Foundation
import Testing

/// Regenerating the blog's images in a site's asset folder: the posts' own file names, all of
/// them, nothing else, and no file touched when its bytes did not change.
@Suite struct SiteImagesTests {
    /// Every drawing the series' three posts reference, under the names they reference.
    static let postImages = [
        "header_part_01", "header_part_02", "header_part_03", "banner_00", "banner_01", "banner_02", "banner_03",
        "ml-lifecycle", "ml-landscape-setup", "ml-landscape-quads", "ml-landscape-cloud-platforms",
        "ml-landscape-ml-platforms", "ml-landscape-specialized-ml", "ml-landscape-specialized-swe", "ml-landscape-all",
        "orchestrators", "builders", "tech_radar", "tech_radar_landscape",
    ]

    static func listing(_ dir: URL) throws -> [String: Date] {
        var out: [String: Date] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)[.modificationDate] as? Date
        }
        return out
    }

    @Test func renderIntoASiteFolderWritesExactlyThePostsImages() throws {
        let site = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: site) }
        let assets = site.appendingPathComponent("assets/images/navigating-the-mlops-landscape")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        // Files of the site that are not drawings of ours stay as they are.
        try Data("jpeg".utf8).write(to: assets.appendingPathComponent("paradox_of_choice.jpg"))

        let first = try CLI.run(["render", "--out", assets.path, "--format", "png"], in: site)
        #expect(first.status == 0, "\(first.stderr)")
        let expected = Set(Self.postImages.map { "\($0).png" } + ["paradox_of_choice.jpg"])
        let written = try Self.listing(assets)
        #expect(Set(written.keys) == expected, "stray or missing: \(Set(written.keys).symmetricDifference(expected).sorted())")
        #expect(first.stdout.contains("19 files, 19 changed"), "\(first.stdout)")

        // A second run rewrites nothing: same names, same mtimes, and says so.
        Thread.sleep(forTimeInterval: 1.1)
        let second = try CLI.run(["render", "--out", assets.path, "--format", "png"], in: site)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Self.listing(assets) == written)
        #expect(second.stdout.contains("19 files, 0 changed"), "\(second.stdout)")
        #expect(!second.stdout.contains("wrote "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path) == ["assets"])
    }

    @Test func onlyChangedFilesAreRewritten() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["render", "--figure", "banner-01,banner-02", "--out", dir.path, "--format", "png"]
        #expect(try CLI.run(args).status == 0)
        let stale = dir.appendingPathComponent("banner_02.png")
        try Data([1, 2, 3]).write(to: stale)
        let before = try Self.listing(dir)
        Thread.sleep(forTimeInterval: 1.1)
        let r = try CLI.run(args)
        #expect(r.stdout.contains("2 files, 1 changed"), "\(r.stdout)")
        let after = try Self.listing(dir)
        #expect(after["banner_01.png"] == before["banner_01.png"])
        #expect(after["banner_02.png"] != before["banner_02.png"])
        #expect(try Data(contentsOf: stale).count > 3)
    }

    @Test func theGalleryPageIsWrittenOnlyWhereAsked() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let elsewhere = dir.appendingPathComponent("figs")
        #expect(try CLI.run(["render", "--out", elsewhere.path, "--format", "svg", "-q"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("index.html").path))
        #expect(try CLI.run(["render", "--out", elsewhere.path, "--format", "svg", "-q", "--gallery"]).status == 0)
        let page = try String(contentsOf: elsewhere.appendingPathComponent("index.html"), encoding: .utf8)
        // The page links the files under their own names.
        #expect(page.contains("href=\"banner_00.svg\""))
        // mlscape's own output/ gets it however it is spelled (make figures passes --out output).
        #expect(try CLI.run(["render", "--out", "./output/", "--format", "svg", "-q"], in: dir).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("output/index.html").path))
    }

    @Test func aFigureMaySelectByFileNameAndFileNamesMustBePlainAndUnique() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["render", "--figure", "tech_radar", "--out", dir.path, "--format", "png", "-q"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["tech_radar.png"])

        let data = dir.appendingPathComponent("l.yaml")
        try """
        tools:
          - { name: A, x: 0.5, y: 0.5 }
        figures:
          - { id: one, file: ../up, kind: map }
          - { id: two, file: same, kind: map }
          - { id: same, kind: quadrants }
        """.write(to: data, atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", data.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("l.yaml:4:22: error: figure 'one': file name '../up' contains a path separator"), "\(r.stderr)")
        #expect(r.stderr.contains("l.yaml:6:11: error: figures 'two' and 'same' would both write 'same'"), "\(r.stderr)")
    }
}
