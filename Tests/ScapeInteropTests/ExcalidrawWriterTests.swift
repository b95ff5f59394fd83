import Foundation
import Testing
import ScapeGeometry
@testable import ScapeInterop
import ScapeInterop
import ScapeModel
import ScapePipeline
import ScapeRender
import ScapeScene

/// A figure exported to Excalidraw opens as the same picture: valid Excalidraw JSON, every
/// text still editable text, nothing off the canvas, and the same bytes on every run.
@Suite struct ExcalidrawWriterTests {
    let landscape = try! LandscapeLoader.loadDefault().get()

    func scene(_ figure: String = "ml-landscape-all", style: FigureStyle? = nil) -> Scene {
        FigureRenderer().scene(for: landscape.figure(id: figure)!, of: landscape, settings: RenderSettings(style: style)).scene
    }

    func document(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    func elements(_ scene: Scene) throws -> [[String: Any]] {
        try #require(try document(ExcalidrawWriter().document(for: scene))["elements"] as? [[String: Any]])
    }

    /// A JSON number, however JSONSerialization typed it (Int for "20", Double for "20.5").
    func number(_ value: Any?) -> Double? {
        switch value {
        case let v as Int: return Double(v)
        case let v as Double: return v
        case let v as NSNumber: return v.doubleValue
        default: return nil
        }
    }

    func points(_ element: [String: Any]) -> [[Double]] {
        (element["points"] as? [[Any]] ?? []).map { $0.compactMap(number) }
    }

    func sceneTexts(_ scene: Scene) -> [String] {
        scene.allNodes.compactMap { if case .text(let t) = $0 { return t.text } else { return nil } }
    }

    @Test func aRealFigureParsesBackAsAnExcalidrawScene() throws {
        let doc = try document(ExcalidrawWriter().document(for: scene()))
        #expect(doc["type"] as? String == "excalidraw")
        #expect(doc["version"] as? Int == 2)
        #expect(doc["source"] as? String == "mlscape")
        #expect((doc["files"] as? [String: Any])?.isEmpty == true)
        #expect((doc["appState"] as? [String: Any])?["viewBackgroundColor"] is String)
        let elements = try #require(doc["elements"] as? [[String: Any]])
        #expect(elements.count > 100)
        let ids = elements.compactMap { $0["id"] as? String }
        #expect(ids.count == elements.count && Set(ids).count == ids.count, "ids must be unique")
        #expect(ExcalidrawValidator.problems(in: Data(ExcalidrawWriter().document(for: scene()))) == [])
    }

    /// Every figure of the built-in set, in both styles, and the peers' samples pass the validator.
    @Test(arguments: [FigureStyle.sketch, .clean])
    func everyExportedSceneIsValidExcalidraw(style: FigureStyle) throws {
        for figure in landscape.effectiveFigures {
            let bytes = ExcalidrawWriter().document(for: scene(figure.id, style: style), handDrawn: style == .sketch)
            #expect(ExcalidrawValidator.problems(in: Data(bytes)) == [], "\(figure.id)")
            let elements = try #require(try document(bytes)["elements"] as? [[String: Any]])
            #expect(elements.allSatisfy { $0["roughness"] as? Int == (style == .sketch ? 1 : 0) })
        }
        for sample in ["mermaid/01-docs.mmd", "byor/sheet.csv", "zalando/config.json"] {
            let l = try DataFileLoader.load(contentsOf: PeerSampleTests.peers.appendingPathComponent(sample)).get()
            let s = FigureRenderer().scene(for: l.effectiveFigures[0], of: l, settings: RenderSettings(style: style)).scene
            #expect(ExcalidrawValidator.problems(in: Data(ExcalidrawWriter().document(for: s))) == [], "\(sample)")
        }
    }

    @Test func theValidatorCatchesBrokenScenes() throws {
        let good = ##"{"id": "a", "type": "ellipse", "x": 0, "y": 0, "width": 1, "height": 1, "angle": 0, "strokeColor": "#000000", "backgroundColor": "transparent", "fillStyle": "solid", "strokeWidth": 1, "strokeStyle": "solid", "roughness": 0, "opacity": 100, "seed": 1, "version": 1, "versionNonce": 1, "updated": 1, "isDeleted": false, "locked": false, "groupIds": [], "frameId": null, "link": null, "roundness": null, "boundElements": null, "index": "a0"}"##
        func file(_ elements: String) -> Data { Data(#"{"type": "excalidraw", "version": 2, "appState": {}, "files": {}, "elements": [\#(elements)]}"#.utf8) }
        #expect(ExcalidrawValidator.problems(in: file(good)) == [])
        #expect(ExcalidrawValidator.problems(in: file(good.replacingOccurrences(of: "\"solid\", \"strokeWidth", with: "\"dots\", \"strokeWidth"))) == ["a: fillStyle 'dots'"])
        #expect(ExcalidrawValidator.problems(in: file(good + "," + good.replacingOccurrences(of: "\"a\"", with: "\"b\""))) == ["b: index 'a0' does not follow 'a0'"])
        #expect(ExcalidrawValidator.problems(in: file(good.replacingOccurrences(of: "\"boundElements\": null", with: "\"boundElements\": [{\"id\": \"z\", \"type\": \"arrow\"}]"))) == ["a: bound element 'z' does not exist"])
    }

    @Test func arrowsAreArrowsBoundToTheirEnds() throws {
        let ink = StrokeStyle(color: .black, width: 2)
        var shaft = Path.polyline([Point(20, 50), Point(80, 50)])
        shaft.append(.polyline([Point(73, 46), Point(80, 50), Point(73, 54)]))  // an arrowhead: two equal barbs
        let nodes: [SceneNode] = [
            .path(ScenePath(id: "from", path: .circle(center: Point(12, 50), radius: 6), fill: .white, stroke: ink)),
            .path(ScenePath(id: "trend", path: shaft, stroke: ink)),
            .path(ScenePath(id: "loose", path: .polyline([Point(10, 90), Point(40, 90)]), stroke: ink)),
        ]
        let e = try elements(Scene(size: Size(100, 100), background: nil, nodes: nodes))
        #expect(e.map { $0["type"] as? String } == ["ellipse", "arrow", "line"], "the head is part of the arrow, not a loose line")
        #expect(e[1]["endArrowhead"] as? String == "arrow" && e[1]["startArrowhead"] is NSNull)
        #expect(points(e[1]) == [[0, 0], [60, 0]])
        let binding = try #require(e[1]["startBinding"] as? [String: Any])
        #expect(binding["elementId"] as? String == "from" && binding["mode"] as? String == "orbit")
        // The arrow starts 2 units right of the circle's box, level with its centre: the box's right middle.
        #expect((binding["fixedPoint"] as? [Any])?.compactMap(number) == [1, 0.5] && number(binding["gap"]) == 2)
        #expect(e[1]["endBinding"] is NSNull, "nothing at the tip")
        #expect((e[0]["boundElements"] as? [[String: Any]])?.first?["id"] as? String == "trend")
        #expect(ExcalidrawValidator.problems(in: Data(ExcalidrawWriter().document(for: Scene(size: Size(100, 100), background: nil, nodes: nodes)))) == [])
    }

    @Test func aToolsMarkerAndNameShareAGroupAndItsLink() throws {
        var l = landscape
        l.tools[0].url = "https://example.org/tool"
        let s = FigureRenderer().scene(for: Figure(id: "m", kind: .map), of: l, settings: RenderSettings()).scene
        let e = try elements(s)
        let id = l.tools[0].id
        let parts = e.filter { ($0["id"] as? String ?? "").hasPrefix("tool/\(id)/") }
        #expect(parts.count >= 2)
        #expect(parts.allSatisfy { ($0["groupIds"] as? [String]) == ["tool/\(id)"] && $0["link"] as? String == "https://example.org/tool" })
        let other = e.first { ($0["id"] as? String ?? "").hasPrefix("tool/\(l.tools[1].id)/") }
        #expect((other?["groupIds"] as? [String]) == ["tool/\(l.tools[1].id)"] && other?["link"] is NSNull)
    }

    @Test func fontsMapToTheNearestExcalidrawFamily() {
        #expect(ExcalidrawFont(family: "Comic Neue") == .excalifont)
        #expect(ExcalidrawFont(family: "DejaVu Sans") == .nunito)
        #expect(ExcalidrawFont(family: "DejaVu Sans Mono") == .comicShanns)
        #expect(ExcalidrawFont(family: "Liberation Sans") == .liberationSans)
        #expect(ExcalidrawFont(family: "Noto Sans CJK SC").lineHeight == 1.25)
        #expect(FractionalIndex.key(0) == "a0" && FractionalIndex.key(61) == "az" && FractionalIndex.key(62) == "b00" && FractionalIndex.key(62 + 3844) == "c000")
        #expect((0..<5000).map(FractionalIndex.key) == (0..<5000).map(FractionalIndex.key).sorted())
    }

    @Test(arguments: [FigureStyle.sketch, .clean])
    func everySceneTextIsOneTextElementWithTheSameString(style: FigureStyle) throws {
        let s = scene(style: style)
        let texts = try elements(s).filter { $0["type"] as? String == "text" }
        #expect(texts.compactMap { $0["text"] as? String } == sceneTexts(s))
        // The sketch style's Comic Neue is nearest Excalidraw's hand-drawn Excalifont; DejaVu Sans its Nunito.
        #expect(texts.allSatisfy { $0["fontFamily"] as? Int == (style == .sketch ? 5 : 6) && (number($0["fontSize"]) ?? 0) > 0 })
        #expect(sceneTexts(s).contains("Kubeflow"))
    }

    @Test(arguments: [FigureStyle.sketch, .clean])
    func everyElementLiesInsideTheScene(style: FigureStyle) throws {
        let s = scene(style: style)
        let bounds = Rect(x: 0, y: 0, width: s.size.width, height: s.size.height).outsetBy(0.02)  // two-decimal rounding
        for e in try elements(s) {
            let x = number(e["x"]) ?? .nan, y = number(e["y"]) ?? .nan
            let id = e["id"] as? String ?? "?"
            if e["points"] != nil {
                let points = self.points(e)
                #expect(points.first == [0, 0])
                for p in points { #expect(bounds.contains(Point(x + p[0], y + p[1])), "\(id) point \(p)") }
            } else {
                let box = Rect(x: x, y: y, width: number(e["width"]) ?? .nan, height: number(e["height"]) ?? .nan)
                #expect(bounds.contains(box), "\(id) at \(box)")
            }
        }
    }

    @Test func theSameFigureGivesIdenticalBytesTwice() throws {
        let a = ExcalidrawWriter().document(for: scene())
        let b = ExcalidrawWriter().document(for: scene())
        #expect(a == b)
        // Through the registry and the pipeline, as `--format excalidraw` runs it.
        let settings = RenderSettings(formats: ["excalidraw"])
        let figure = landscape.figure(id: "ml-landscape-all")!
        let first = try FigureRenderer().render(figure, of: landscape, settings: settings).files
        let second = try FigureRenderer().render(figure, of: landscape, settings: settings).files
        #expect(first.map(\.fileName) == ["ml-landscape-all.excalidraw"])
        #expect(first.map(\.bytes) == second.map(\.bytes))
        #expect(FormatRegistry.standard.names == ["excalidraw", "html", "pdf", "png", "svg"])
    }

    @Test func shapesMapToTheirExcalidrawCounterparts() throws {
        let ink = StrokeStyle(color: Color(red: 1, green: 0, blue: 0), width: 2)
        let nodes: [SceneNode] = [
            .path(ScenePath(id: "dot", path: .circle(center: Point(50, 40), radius: 10), fill: .white, stroke: ink)),
            .path(ScenePath(id: "box", path: .rect(Rect(x: 10, y: 10, width: 30, height: 20)),
                            pattern: FillPattern(color: Color(red: 0, green: 0, blue: 1)), stroke: ink)),
            .path(ScenePath(id: "axis", path: .polyline([Point(10, 90), Point(90, 90), Point(90, 60)]),
                            stroke: StrokeStyle(color: .black, width: 1, dash: [4, 2]))),
            .group(SceneGroup(id: "faint", opacity: 0.5, children: [
                .path(ScenePath(id: "axis", path: .smoothCurve(through: [Point(10, 10), Point(50, 50), Point(90, 10)]), stroke: ink)),
            ])),
            .text(SceneText(id: "label", text: "Two\nlines", font: FontSpec(family: "DejaVu Sans", size: 10),
                            color: .black, frame: Rect(x: 60, y: 60, width: 30, height: 25), alignment: .center)),
        ]
        let e = try elements(Scene(size: Size(100, 100), background: .white, nodes: nodes))
        #expect(e.map { $0["type"] as? String } == ["ellipse", "rectangle", "line", "line", "text"])
        #expect(e.map { $0["index"] as? String } == ["a0", "a1", "a2", "a3", "a4"])
        #expect(e.map { $0["id"] as? String } == ["dot", "box", "axis", "axis-2", "label"])
        #expect([e[0]["x"], e[0]["y"], e[0]["width"], e[0]["height"]].map(number) == [40, 30, 20, 20])
        #expect(e[0]["backgroundColor"] as? String == "#ffffff" && e[0]["strokeColor"] as? String == "#ff0000")
        #expect(e[0]["fillStyle"] as? String == "solid" && number(e[0]["strokeWidth"]) == 2)
        #expect(e[1]["fillStyle"] as? String == "hachure" && e[1]["backgroundColor"] as? String == "#0000ff")
        #expect(points(e[2]) == [[0, 0], [80, 0], [80, -30]])
        #expect(e[2]["backgroundColor"] as? String == "transparent" && e[2]["strokeStyle"] as? String == "dashed")
        #expect(points(e[3]).count > 3, "a curve is sampled")
        #expect(e[3]["opacity"] as? Int == 50)
        #expect(e[4]["text"] as? String == "Two\nlines" && e[4]["textAlign"] as? String == "center" && number(e[4]["fontSize"]) == 10)
        // Seeds depend on the id only, so re-exporting an edited figure keeps the others' strokes.
        let again = try elements(Scene(size: Size(100, 100), background: nil, nodes: [nodes[0]]))
        #expect(again[0]["seed"] as? Int == e[0]["seed"] as? Int)
    }
}
