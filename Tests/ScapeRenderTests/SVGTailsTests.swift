import Foundation
import ScapeInterop
import ScapeModel
import ScapePipeline
@testable import ScapeRender
import ScapeScene
import Testing

/// A large SVG's path data and glyph outlines are made on the cores a render leaves idle
/// (`SVGWriter.tails`), each thread with its own Pango engine. The file must be the one made
/// on one thread, byte for byte: every element in its place, with its own id and outline.
@Suite struct SVGTailsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func svg(_ scene: Scene, threads: Int) throws -> [UInt8] {
        var options = RenderOptions(scale: 1)
        options.threads = threads
        return try SVGWriter().write(scene, options: options, text: PangoTextEngine())
    }

    @Test func aLargeSVGMadeOnTwoThreadsIsTheOneMadeOnOne() throws {
        // A crowded radar drawn by hand: rings, blips, names, numbers and legends, in groups.
        let path = Self.root.appendingPathComponent("fixtures/examples/radar-dense.csv").path
        let landscape = try RadarCSVParser.parse(text: try String(contentsOfFile: path, encoding: .utf8), file: path).get()
        let settings = RenderSettings(formats: ["svg"])
        let laid = FigureRenderer().layout(landscape.figures[0], of: landscape, settings: settings)
        let scene = settings.pen(for: landscape).apply(to: laid.scene)
        let leaves = SVGWriter.leaves(of: scene.nodes)
        #expect(leaves.count >= SVGWriter.parallelTailsFrom, "the case: enough leaves to be cut in runs (\(leaves.count))")
        #expect(leaves.contains { if case .text = $0 { return true } else { return false } }, "the case: names among the leaves")
        let one = try svg(scene, threads: 1), two = try svg(scene, threads: 2), four = try svg(scene, threads: 4)
        #expect(one == two, "the SVG differs on two threads")
        #expect(one == four, "the SVG differs on four threads")
        // Every leaf is written once, in document order: one element per leaf.
        let text = String(decoding: one, as: UTF8.self)
        #expect(text.components(separatedBy: "<path id=").count - 1 == leaves.count)
    }
}
