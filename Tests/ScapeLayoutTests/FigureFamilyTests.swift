import Foundation
import Testing
import ScapeGeometry
@testable import ScapeLayout
import ScapeModel
import ScapeScene

/// The blog's figure family on fixed text metrics: regions, zooms, highlights, banners.
@Suite struct FigureFamilyTests {
    let landscape = try! LandscapeLoader.loadDefault().get()

    func laid(_ id: String, theme: Theme = .sketch) -> LaidOutFigure {
        FigureLayout(theme: theme, measurer: FixedTextMeasurer()).layout(landscape.figure(id: id)!, of: landscape)
    }

    /// Marker centre and label box of every tool drawn, read back from the scene.
    func toolBoxes(_ scene: Scene) -> [String: (marker: Rect, label: Rect?)] {
        var out: [String: (Rect, Rect?)] = [:]
        for node in scene.allNodes {
            guard case .group(let g) = node, g.id.hasPrefix("tool/"), g.id.split(separator: "/").count == 2 else { continue }
            var marker: Rect?, label: Rect?
            for child in g.children {
                switch child {
                case .path(let p) where p.id.hasSuffix("/marker"): marker = p.path.controlBounds
                case .text(let t): label = label.map { $0.union(t.frame) } ?? t.frame
                default: break
                }
            }
            out[String(g.id.dropFirst(5))] = (marker!, label)
        }
        return out
    }

    static let zooms = ["ml-landscape-cloud-platforms", "ml-landscape-ml-platforms", "ml-landscape-specialized-ml", "ml-landscape-specialized-swe"]

    @Test(arguments: zooms)
    func regionsHoldEveryMemberAndNoStranger(id: String) throws {
        let figure = laid(id)
        #expect(figure.warnings.isEmpty, "\(figure.warnings)")
        let boxes = toolBoxes(figure.scene)
        #expect(!figure.regions.isEmpty)
        for region in figure.regions {
            #expect(!region.polygons.isEmpty, "\(region.category) has no outline")
            for tool in landscape.tools where boxes[tool.id] != nil {
                let (marker, label) = boxes[tool.id]!
                let inside = ScanlineHatch.contains(marker.center, rings: region.polygons)
                if tool.categories.contains(region.category) {
                    #expect(inside, "\(tool.name) is outside its region \(region.category)")
                    if let label {
                        for corner in [label.origin, Point(label.maxX, label.maxY)] {
                            #expect(ScanlineHatch.contains(corner.lerp(to: label.center, 0.05), rings: region.polygons),
                                    "the label of \(tool.name) leaves its region \(region.category)")
                        }
                    }
                } else {
                    #expect(!inside, "\(tool.name) is inside the region of \(region.category)")
                }
            }
        }
    }

    @Test(arguments: zooms)
    func aZoomShowsOnlyItsQuadrantWithTwoHalfAxes(id: String) throws {
        let figure = laid(id)
        let quadrant = landscape.quadrant(id: landscape.figure(id: id)!.quadrant!)!
        let shown = Set(toolBoxes(figure.scene).keys)
        let expected = Set(landscape.tools.filter { quadrant.contains(x: $0.x, y: $0.y) }.map(\.id))
        #expect(shown == expected)
        let endLabels = figure.scene.allNodes.filter { $0.id.hasPrefix("axis/") && $0.id.split(separator: "/").count == 3 }
        #expect(endLabels.count == 2)
        #expect(figure.scene.node(id: "watermark/\(quadrant.id)") != nil, "the watermark title")
        #expect(figure.omittedLabels.isEmpty && figure.leaderCount == 0)
    }

    @Test func categoryColoursAreStableAndDistinctWithinAQuadrant() {
        let a = CategoryPalette.colors(for: landscape)
        var more = landscape
        more.categories.append(Category(id: "zzz-new", name: "New", quadrant: "ml-platforms"))
        let b = CategoryPalette.colors(for: more)
        for c in landscape.categories where c.quadrant != "ml-platforms" { #expect(a[c.id] == b[c.id], "\(c.id) changed colour") }
        for q in landscape.quadrants {
            let colours = landscape.categories.filter { $0.quadrant == q.id }.map { a[$0.id]! }
            #expect(Set(colours.map(\.hexRGB)).count == colours.count, "two categories of \(q.id) share a colour")
        }
        var custom = landscape
        custom.categories[0].color = "#123456"
        #expect(CategoryPalette.colors(for: custom)[custom.categories[0].id]?.hexRGB == "#123456")
    }

    /// Tools drawn in ink (not greyed), from the marker's stroke colour.
    func inked(_ scene: Scene) -> Set<String> {
        var out = Set<String>()
        for node in scene.allNodes {
            if case .path(let p) = node, p.id.hasSuffix("/marker"), p.stroke?.color == Theme.sketch.ink {
                out.insert(String(p.id.split(separator: "/")[1]))
            }
        }
        return out
    }

    @Test func orchestratorsHighlightExactlyTheirSet() {
        let names = ["Kubeflow", "Valohai", "ClearML", "Polyaxon", "Metaflow", "Flyte", "Spell", "DVC", "Pachyderm", "Dagster",
                     "Prefect", "Airflow", "Luigi", "Tekton", "Argo", "Jenkins X", "K8s"]
        let expected = Set(landscape.tools.filter { names.contains($0.name) }.map(\.id))
        let figure = laid("orchestrators")
        #expect(inked(figure.scene) == expected)
        #expect(toolBoxes(figure.scene).count == 45, "every tool is drawn, the rest greyed")
        #expect(figure.scene.node(id: "arrow/0") != nil)
    }

    @Test func buildersHighlightCloudPlatformsExperimentTrackersAndSingleComponentTools() {
        let expected = Set(landscape.tools.filter { t in
            landscape.quadrant(at: t.x, t.y)?.id == "cloud-platforms" || ["Weights & Biases", "Comet"].contains(t.name)
                || t.categories.contains("single-component-ml-tools")
        }.map(\.id))
        #expect(inked(laid("builders").scene) == expected)
    }

    @Test func bannersInkOneBoxAndGreyTheOthers() {
        for step in 0...3 {
            let scene = laid("banner-0\(step)").scene
            for box in 1...3 {
                guard case .text(let t)? = scene.node(id: "box/\(box)/text") else { Issue.record("no text in box \(box)"); continue }
                let inked = t.color == Theme.sketch.ink
                #expect(inked == (step == 0 || step == box), "banner-0\(step) box \(box)")
            }
        }
    }

    @Test func setupHasLongLabelsPictogramsGlyphsAndTheNote() {
        let scene = laid("ml-landscape-setup").scene
        for id in ["pictogram/negative", "pictogram/positive", "glyph/ml-platforms", "glyph/standard-swe-tools", "note"] {
            #expect(scene.node(id: id) != nil, "setup lacks \(id)")
        }
        guard case .text(let t)? = scene.node(id: "axis/x/negative") else { Issue.record("no x label"); return }
        #expect(t.text == "Software-Focused")
    }

    @Test(arguments: ["ml-landscape-cloud-platforms", "banner-02"])
    func snapshot(id: String) throws {
        let dump = SceneDump.dump(laid(id, theme: .clean).scene)
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(id).txt")
        if ProcessInfo.processInfo.environment["MLSCAPE_RECORD_SNAPSHOTS"] == "1" || !FileManager.default.fileExists(atPath: file.path) {
            try dump.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(file.path); run again without MLSCAPE_RECORD_SNAPSHOTS")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        let actual = dump.split(separator: "\n")
        #expect(expected.count == actual.count)
        if let i = zip(expected, actual).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("snapshot \(id) differs at line \(i + 1):\n- \(expected[i])\n+ \(actual[i])")
        }
    }
}
