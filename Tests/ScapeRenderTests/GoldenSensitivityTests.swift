import Foundation
import Testing
import ScapeInterop
import ScapeModel
import ScapePipeline

/// The goldens' budget must catch a one-tool change: each change below, rendered and compared
/// with the golden exactly as GoldenTests does, has to differ in more pixels than it allows.
@Suite struct GoldenSensitivityTests {
    /// Applies one named change to the landscape.
    static func apply(_ change: String, to l: inout Landscape) {
        switch change {
        case "DVC removed": l.tools.removeAll { $0.name == "DVC" }
        case "Airflow renamed Airfl0w": l.tools[l.tools.firstIndex { $0.name == "Airflow" }!].name = "Airfl0w"
        case "Kubeflow moved by 0.05": l.tools[l.tools.firstIndex { $0.name == "Kubeflow" }!].x += 0.05
        default: Issue.record("unknown change \(change)")
        }
    }

    @Test(arguments: ["DVC removed", "Airflow renamed Airfl0w", "Kubeflow moved by 0.05"])
    func aOneToolChangeFailsTheGolden(change: String) throws {
        var landscape = try DataFileLoader.loadDefault().get()
        Self.apply(change, to: &landscape)
        for style in [FigureStyle.clean, .sketch] {
            let golden = GoldenTests.here.appendingPathComponent("Goldens/ml-landscape-all-\(style.rawValue).png")
            let expected = try #require(RasterImage(png: [UInt8](try Data(contentsOf: golden))))
            let settings = RenderSettings(formats: ["png"], style: style, scale: 1)
            let bytes = try FigureRenderer().render(landscape.figure(id: "ml-landscape-all")!, of: landscape, settings: settings).files[0].bytes
            let actual = try #require(RasterImage(png: bytes))
            let differing = actual.countDifferences(from: expected, threshold: GoldenTests.threshold)
            #expect(differing > GoldenTests.budget(expected), "\(change) (\(style.rawValue)) differs in only \(differing) pixels; the budget is \(GoldenTests.budget(expected))")
            print("golden sensitivity: \(change), \(style.rawValue): \(differing) pixels differ, budget \(GoldenTests.budget(expected))")
        }
    }
}
