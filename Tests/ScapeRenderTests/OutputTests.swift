import Foundation
import Testing
import ScapeInterop
import ScapeModel
import ScapePipeline
import ScapeRender
import ScapeGeometry

/// Runs a command-line tool the test setup installs, returning its exit status and output.
func runTool(_ tool: String, _ args: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [tool] + args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite(.serialized) struct OutputTests {
    let landscape = try! DataFileLoader.loadDefault().get()

    func render(_ id: String, _ formats: [String], scale: Double = 2) throws -> [String: [UInt8]] {
        let r = FigureRenderer()
        let out = try r.render(landscape.figure(id: id)!, of: landscape, settings: RenderSettings(formats: formats, scale: scale))
        return Dictionary(uniqueKeysWithValues: out.files.map { (String($0.fileName.split(separator: ".").last!), $0.bytes) })
    }

    @Test func sameInputGivesIdenticalBytesInEveryFormat() throws {
        let a = try render("ml-landscape-all", ["png", "svg", "pdf"])
        let b = try render("ml-landscape-all", ["png", "svg", "pdf"])
        for format in ["png", "svg", "pdf"] {
            let same = a[format]! == b[format]!
            #expect(same, "\(format) differs between two renders")
            #expect(a[format]!.count > 1000)
        }
    }

    @Test func pngHasTheReferenceSizeAtTheDefaultScale() throws {
        let png = try render("ml-landscape-all", ["png"])["png"]!
        let image = try #require(RasterImage(png: png))
        #expect(image.width == 2250 && image.height == 1520)
    }

    @Test func svgRendersInLibrsvgWithEveryToolGroup() throws {
        let svg = try render("ml-landscape-all", ["svg"])["svg"]!
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlscape-svg-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("all.svg")
        try Data(svg).write(to: file)
        let png = dir.appendingPathComponent("all.png")
        let r = try runTool("rsvg-convert", [file.path, "-o", png.path])
        #expect(r.status == 0, "rsvg-convert (Debian librsvg2-bin) failed: \(r.output)")
        let image = try #require(RasterImage(png: [UInt8](try Data(contentsOf: png))))
        #expect(image.width == 1125 && image.height == 760)
        // What librsvg drew is the figure: not blank, and close to our own PNG of it (both
        // are Cairo underneath; they differ only in anti-aliasing along edges).
        let ours = try #require(RasterImage(png: try render("ml-landscape-all", ["png"], scale: 1)["png"]!))
        let inked = image.onWhite.filter { ($0 >> 16 & 0xff) < 128 }.count
        #expect(inked * 100 > image.pixels.count, "librsvg's image is (nearly) blank: \(inked) dark pixels")
        let differing = image.countDifferences(from: ours, threshold: 96, compositedOnWhite: true)
        // Edges may differ by a pixel; 1% of the pixels is far fewer than one tool group
        // moved or one region missing would change.
        #expect(differing * 100 < image.pixels.count, "librsvg's image and our PNG differ in \(differing) pixels")
        let text = String(decoding: svg, as: UTF8.self)
        for tool in landscape.tools { #expect(text.contains("<g id=\"tool.\(tool.id)\">"), "no group for \(tool.id)") }
        #expect(!text.contains("surface"), "ids must come from the scene, not Cairo's counter")
    }

    @Test func pdfParsesInPopplerWithTheFixedDate() throws {
        let pdf = try render("ml-landscape-all", ["pdf"])["pdf"]!
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mlscape-\(getpid()).pdf")
        try Data(pdf).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try runTool("TZ=UTC", ["pdfinfo", "-isodates", file.path])
        #expect(r.status == 0, "pdfinfo (Debian poppler-utils) failed: \(r.output)")
        #expect(r.output.contains("Pages:           1"))
        #expect(r.output.contains("Page size:       1125 x 760 pts"))
        let date = r.output.split(separator: "\n").first { $0.hasPrefix("CreationDate:") }.map { $0.dropFirst(13).trimmingCharacters(in: .whitespaces) }
        #expect(date?.hasPrefix("2020-01-01T00:00:00") == true, "creation date \(date ?? "missing"); the fixed one is 2020-01-01")
        let text = try runTool("pdftotext", [file.path, "-"])
        for name in ["Kubeflow", "Weights & Biases", "Label Studio", "All-in-one"] { #expect(text.output.contains(name), "\(name) missing from the PDF text") }
    }

    @Test func sourceDateEpochSetsThePDFDate() {
        #expect(RenderSettings.creationDate(from: ["SOURCE_DATE_EPOCH": "1700000000"]) == "2023-11-14T22:13:20")
        #expect(RenderSettings.creationDate(from: [:]) == RenderOptions.defaultCreationDate)
    }
}

@Suite struct OrderIndependenceTests {
    /// Seeded shuffles, so a failure names the seed that reproduces it.
    @Test(arguments: [("ml-landscape-all", 1), ("ml-landscape-ml-platforms", 2), ("orchestrators", 3), ("tech-radar-landscape", 4), ("ml-landscape-all", 5)] as [(String, UInt64)])
    func theOrderOfToolsCategoriesAndQuadrantsInTheDataDoesNotChangeABit(id: String, seed: UInt64) throws {
        let landscape = try DataFileLoader.loadDefault().get()
        var shuffled = landscape
        var rng = SplitMix64(state: seed)
        shuffled.tools.shuffle(using: &rng)
        shuffled.categories.reverse()
        shuffled.quadrants.reverse()
        let settings = RenderSettings(formats: ["png", "svg"], scale: 1)
        let a = try FigureRenderer().render(landscape.figure(id: id)!, of: landscape, settings: settings).files
        let b = try FigureRenderer().render(shuffled.figure(id: id)!, of: shuffled, settings: settings).files
        for (x, y) in zip(a, b) {
            let same = x.bytes == y.bytes  // a Bool, so a failure prints no diff of 300,000 bytes
            #expect(same, "\(x.fileName) depends on the data's order (shuffle seed \(seed))")
        }
    }
}
