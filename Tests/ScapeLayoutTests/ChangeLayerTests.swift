import Testing
import ScapeGeometry
@testable import ScapeLayout
import ScapeModel
import ScapeScene

/// The diff layer on fixed text metrics: trails only for movers, clipped to the figure.
@Suite struct ChangeLayerTests {
    let landscape = try! LandscapeLoader.loadDefault().get()

    func scene(_ changes: FigureChanges, figure: Figure = Figure(id: "m", kind: .map)) -> Scene {
        var f = figure
        f.changes = changes
        return FigureLayout(theme: .clean, measurer: FixedTextMeasurer()).layout(f, of: landscape).scene
    }

    func ids(_ scene: Scene) -> Set<String> { Set(scene.allNodes.map(\.id)) }

    @Test func aTrailOnlyForEachMoverAndTheLegendBelowTheMap() {
        let plain = FigureLayout(theme: .clean, measurer: FixedTextMeasurer()).layout(Figure(id: "m", kind: .map), of: landscape).scene
        let s = scene(FigureChanges(trails: [.init(toolID: "kubeflow", fromX: -0.5, fromY: -0.5)], oldLabel: "a", newLabel: "b"))
        #expect(ids(s).filter { $0.hasSuffix("/trail") } == ["tool/kubeflow/trail"])
        #expect(s.size.height > plain.size.height, "the legend gets a strip of its own")
        let unchanged = scene(FigureChanges(oldLabel: "a", newLabel: "a"))
        #expect(ids(unchanged).filter { $0.hasPrefix("tool/") }.filter { $0.hasSuffix("/trail") || $0.hasSuffix("/added") || $0.hasSuffix("/removed") }.isEmpty)
    }

    @Test func aTrailFromOutsideAZoomStartsAtItsEdge() throws {
        let zoom = landscape.figure(id: "ml-landscape-ml-platforms")!
        let s = scene(FigureChanges(trails: [.init(toolID: "kubeflow", fromX: -0.9, fromY: -0.9)], oldLabel: "a", newLabel: "b"), figure: zoom)
        let trail = try #require(s.allNodes.first { $0.id == "tool/kubeflow/trail" })
        guard case .path(let p) = trail else { Issue.record("not a path"); return }
        let start = try #require(p.path.polylines(curveSteps: 1).first?.points.first)
        let canvas = Rect(origin: .zero, size: s.size)
        #expect(canvas.contains(start), "the trail starts inside the figure, at \(start)")
    }

    @Test func clippingKeepsThePartOfASegmentInsideARect() throws {
        let r = Rect(x: 0, y: 0, width: 10, height: 10)
        let (a, b) = try #require(ChangeLayer.clip(Point(-10, 5), Point(5, 5), to: r))
        #expect(a == Point(0, 5) && b == Point(5, 5))
        #expect(ChangeLayer.clip(Point(-10, -5), Point(20, -5), to: r) == nil)
    }
}
