import Foundation
import Testing
import ScapeGeometry
@testable import ScapeLayout
import ScapeModel
import ScapeScene

/// Do two segments cross (touching ends excluded)?
func segmentsCross(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Bool {
    func orient(_ p: Point, _ q: Point, _ r: Point) -> Double { (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x) }
    let o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b)
    return o1 * o2 < 0 && o3 * o4 < 0
}

@Suite struct LifecycleLayoutTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func spec(_ path: String) -> LifecycleSpec {
        let text = try! String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let loaded = LifecycleLoader.load(text: text, file: path)
        return loaded.spec!
    }

    static let specs = ["fixtures/lifecycle.yaml", "fixtures/examples/lifecycle-single.yaml", "fixtures/examples/lifecycle-three.yaml"]

    func build(_ path: String, theme: Theme = .sketch) -> LifecycleLayout.Result {
        var figure = Figure(id: "lc", kind: .lifecycle)
        figure.lifecycle = Self.spec(path)
        return LifecycleLayout(theme: theme, measurer: FixedTextMeasurer()).build(figure)
    }

    @Test(arguments: specs)
    func noArrowCrossesAnotherArrowOrALabel(path: String) {
        let r = build(path)
        #expect(!r.arrows.isEmpty)
        for (i, a) in r.arrows.enumerated() {
            for (j, b) in r.arrows.enumerated() where j > i {
                for (p, q) in zip(a, a.dropFirst()) {
                    for (s, t) in zip(b, b.dropFirst()) { #expect(!segmentsCross(p, q, s, t), "arrows \(i) and \(j) cross") }
                }
            }
            for (step, box) in r.labels {
                for (p, q) in zip(a, a.dropFirst()) { #expect(!box.intersectsSegment(p, q), "arrow \(i) crosses the label '\(step)'") }
            }
        }
    }

    @Test(arguments: specs)
    func everyStepSitsOnItsLoopAndSharedStepsOnBoth(path: String) {
        let spec = Self.spec(path)
        let r = build(path)
        for (li, loop) in spec.loops.enumerated() {
            for step in loop.steps {
                let index = r.loops[li].stepIndex[step]
                #expect(index != nil, "\(step) is not on loop \(loop.id)")
                if let index { #expect(r.loops[li].points[index].distance(to: r.labels[step]!.center) < 0.5, "\(step) is off its label") }
            }
        }
        // Each step is drawn once, whatever the number of loops it is on.
        #expect(r.labels.count == Set(spec.loops.flatMap(\.steps)).count)
    }

    @Test(arguments: specs)
    func labelsStayInsideTheCanvasAndApart(path: String) {
        let r = build(path)
        let canvas = Rect(origin: .zero, size: r.figure.scene.size)
        let boxes = Array(r.labels.values)
        for (i, a) in boxes.enumerated() {
            #expect(canvas.contains(a))
            for b in boxes[(i + 1)...] { #expect(!a.intersects(b)) }
        }
    }

    @Test func theBlogLoopsReadClockwiseWithTheModelInside() {
        let r = build("fixtures/lifecycle.yaml")
        let outer = r.loops[0], inner = r.loops[1]
        #expect(inner.radius < outer.radius)
        // Clockwise on the page (y down): the signed area of the outline is positive.
        for loop in [outer, inner] { #expect(Polygon.area(loop.points) > 0) }
        #expect(ScanlineHatch.contains(inner.center, rings: [outer.points]))
        #expect(r.figure.scene.node(id: "loop/model/pictogram") != nil && r.figure.scene.node(id: "loop/application/pictogram") != nil)
    }

    @Test func snapshot() throws {
        let dump = SceneDump.dump(build("fixtures/lifecycle.yaml", theme: .clean).figure.scene)
        let file = Self.root.appendingPathComponent("Tests/ScapeLayoutTests/Snapshots/ml-lifecycle.txt")
        if ProcessInfo.processInfo.environment["MLSCAPE_RECORD_SNAPSHOTS"] == "1" || !FileManager.default.fileExists(atPath: file.path) {
            try dump.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(file.path); run again without MLSCAPE_RECORD_SNAPSHOTS")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(expected == dump, "the lifecycle scene changed; re-record with MLSCAPE_RECORD_SNAPSHOTS=1 if intended")
    }

    @Test(arguments: [
        ("lifecycle-short-loop.yaml", "3:12: error: loop 'solo' has 1 step; a loop needs at least 2"),
        ("lifecycle-split-run.yaml", "5:12: error: loops 'a' and 'b' share 'Two', 'Four', which is not one contiguous run in both"),
        ("lifecycle-opposite.yaml", "5:12: error: loops 'a' and 'b' go through their shared steps in opposite directions"),
        ("lifecycle-pictogram.yaml", "4:16: error: unknown pictogram 'rocket'; the pictograms are application, model, none"),
        ("lifecycle-repeated-step.yaml", "3:23: error: step 'One' is used twice in loop 'a'"),
    ])
    func badSpecsGetLocatedErrors(file: String, expected: String) throws {
        let path = "fixtures/bad/\(file)"
        let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
        let loaded = LifecycleLoader.load(text: text, file: path)
        #expect(loaded.spec == nil)
        #expect(loaded.diagnostics.map(\.description).contains("\(path):\(expected)"), "\(loaded.diagnostics)")
    }
}
