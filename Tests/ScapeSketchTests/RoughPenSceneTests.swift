import Foundation
import Testing
import ScapeGeometry
import ScapeLayout
import ScapeModel
import ScapeScene
@testable import ScapeSketch

@Suite struct RoughPenSceneTests {
    let landscape = try! LandscapeLoader.loadDefault().get()

    func sketched(_ landscape: Landscape, figure: String = "ml-landscape-all", seed: UInt64 = SketchStyle.defaultSeed) -> Scene {
        let laid = FigureLayout(theme: .sketch, measurer: FixedTextMeasurer()).layout(landscape.figure(id: figure)!, of: landscape)
        return RoughPen(style: SketchStyle(seed: seed)).apply(to: laid.scene)
    }

    func toolGroups(_ scene: Scene) -> [String: SceneNode] {
        var out: [String: SceneNode] = [:]
        for n in scene.allNodes { if case .group(let g) = n, g.id.hasPrefix("tool/"), g.id.split(separator: "/").count == 2 { out[g.id] = n } }
        return out
    }

    /// The pen draws many paths at once on the cores a render leaves idle: each from its own
    /// seed, so the scene and the work counted are those drawn on one thread.
    @Test func aSceneDrawnOnTwoThreadsIsTheOneDrawnOnOne() {
        // The blog's map with tools scattered in rings of their own: over 256 paths.
        var many = landscape
        for k in 0..<150 {
            let a = Double(k) * 0.7, r = 0.2 + Double(k % 7) * 0.1
            many.tools.append(Tool(name: "Extra \(k)", x: r * cos(a), y: r * sin(a), categories: k % 3 == 0 ? ["data-orchestrators"] : []))
        }
        let laid = FigureLayout(theme: .sketch, measurer: FixedTextMeasurer()).layout(many.figure(id: "ml-landscape-all")!, of: many)
        let paths = laid.scene.allNodes.filter { if case .path = $0 { return true } else { return false } }.count
        #expect(paths >= Scene.parallelPathsFrom, "the case: enough paths to be drawn in runs (\(paths))")
        let pen = RoughPen(style: SketchStyle())
        let one = WorkCounters.measure { pen.apply(to: laid.scene) }
        let two = WorkCounters.measure { pen.apply(to: laid.scene, threads: 2) }
        #expect(one.result == two.result, "the scene differs on two threads")
        #expect(one.counts == two.counts, "\(one.counts) on one thread, \(two.counts) on two")
        #expect((one.counts[.roughPenSegments] ?? 0) > 0)
    }

    @Test func addingAToolLeavesEveryOtherShapeUnchanged() {
        var bigger = landscape
        // An empty spot, far from every other tool and label.
        bigger.tools.append(Tool(name: "Newcomer", x: -0.75, y: 0.02 - 0.2, categories: []))
        let before = sketched(landscape), after = sketched(bigger)
        let a = toolGroups(before), b = toolGroups(after)
        #expect(b.count == a.count + 1)
        for (id, node) in a { #expect(b[id] == node, "\(id) changed when another tool was added") }
        #expect(before.node(id: "axis/x") == after.node(id: "axis/x"))
        #expect(before.node(id: "axis/y") == after.node(id: "axis/y"))
    }

    @Test func theSeedChangesTheStrokesButNotTheLayout() {
        let a = sketched(landscape, seed: 1), b = sketched(landscape, seed: 1), c = sketched(landscape, seed: 2)
        #expect(a == b)
        #expect(a.node(id: "axis/x") != c.node(id: "axis/x"))
        let texts = { (s: Scene) in s.allNodes.filter { if case .text = $0 { return true } else { return false } } }
        #expect(texts(a) == texts(c))
    }

    @Test func everyStrokeIsDoubledAndMarkersAreHatched() throws {
        let scene = sketched(landscape)
        guard case .path(let axis)? = scene.node(id: "axis/x") else { Issue.record("no x axis"); return }
        let moves = axis.path.elements.filter { if case .move = $0 { return true } else { return false } }.count
        #expect(moves == 2 * 5, "the axis line and its four arrowhead strokes, each drawn twice")
        #expect(scene.node(id: "tool/kubeflow/marker/pattern") != nil)
    }

    @Test func sketchedQuadrantsSnapshot() throws {
        let dump = SceneDump.dump(sketched(landscape, figure: "ml-landscape-quads"))
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/ml-landscape-quads-sketch.txt")
        if ProcessInfo.processInfo.environment["MLSCAPE_RECORD_SNAPSHOTS"] == "1" || !FileManager.default.fileExists(atPath: file.path) {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try dump.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(file.path); run again without MLSCAPE_RECORD_SNAPSHOTS")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        let a = expected.split(separator: "\n"), b = dump.split(separator: "\n")
        #expect(a.count == b.count)
        for (i, (x, y)) in zip(a, b).enumerated() where x != y {
            Issue.record("snapshot differs at line \(i + 1):\n- \(x)\n+ \(y)")
            break
        }
    }
}
