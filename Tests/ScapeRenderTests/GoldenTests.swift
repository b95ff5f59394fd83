import Foundation
import Testing
import ScapeInterop
import ScapeModel
import ScapePipeline

/// PNG goldens: the rendered figure against a reviewed picture, with a per-channel threshold
/// and a small budget of differing pixels (anti-aliasing differs a little between Cairo
/// builds). The budget is tight enough that one tool removed, renamed or moved fails (see
/// GoldenSensitivityTests).
/// They depend on the fonts and Cairo of Debian 12: fonts-dejavu-core, libcairo2 1.16, libpango 1.50.
/// Re-record with MLSCAPE_RECORD_GOLDENS=1; on failure, expected | diff | actual is written
/// to .build/golden-failures/.
@Suite struct GoldenTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// A pixel differs when a channel differs by more than this (of 255).
    static let threshold = 24
    /// At most 1 in 20,000 pixels may differ (42 at 1125 x 760). This machine shows none;
    /// the smallest one-tool change measured (a label renamed "Airfl0w", 74 pixels in the
    /// clean style's condensed face) changes nearly twice as many.
    static func budget(_ image: RasterImage) -> Int { image.width * image.height / 20_000 }

    @Test(arguments: [("ml-landscape-all", FigureStyle.clean), ("ml-landscape-all", .sketch), ("ml-lifecycle", .sketch), ("ml-landscape-ml-platforms", .sketch)])
    func figureMatchesItsGolden(id: String, style: FigureStyle) throws {
        let landscape = try DataFileLoader.loadDefault().get()
        let settings = RenderSettings(formats: ["png"], style: style, scale: 1)
        let files = try FigureRenderer().render(landscape.figure(id: id)!, of: landscape, settings: settings).files
        let actualBytes = files[0].bytes
        let name = "\(id)-\(style.rawValue)"
        let golden = Self.here.appendingPathComponent("Goldens/\(name).png")
        if ProcessInfo.processInfo.environment["MLSCAPE_RECORD_GOLDENS"] == "1" || !FileManager.default.fileExists(atPath: golden.path) {
            try Data(actualBytes).write(to: golden)
            Issue.record("recorded golden \(golden.path); look at it, then run again without MLSCAPE_RECORD_GOLDENS")
            return
        }
        let expected = try #require(RasterImage(png: [UInt8](try Data(contentsOf: golden))))
        let actual = try #require(RasterImage(png: actualBytes))
        #expect(expected.width == actual.width && expected.height == actual.height)
        guard expected.width == actual.width, expected.height == actual.height else { return }
        let differing = actual.countDifferences(from: expected, threshold: Self.threshold)
        let budget = Self.budget(expected)
        if differing > budget {
            let failures = Self.here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/golden-failures")
            try FileManager.default.createDirectory(at: failures, withIntermediateDirectories: true)
            let out = failures.appendingPathComponent("\(name)-expected-diff-actual.png")
            try Data(RasterImage.comparison(expected: expected, actual: actual)).write(to: out)
            Issue.record("\(differing) pixels differ (budget \(budget)); see \(out.path)")
        }
    }
}
