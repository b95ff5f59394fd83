import Foundation
import Testing
import ScapeGeometry
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
        for e in elements {
            #expect(["ellipse", "rectangle", "line", "text"].contains(e["type"] as? String ?? ""))
            #expect(e["angle"] as? Int == 0 && e["roughness"] as? Int == 1 && e["version"] as? Int == 1 && e["updated"] as? Int == 1)
            #expect(e["isDeleted"] as? Bool == false && e["locked"] as? Bool == false)
            #expect((e["groupIds"] as? [Any])?.isEmpty == true)
            #expect(e["boundElements"] is NSNull && e["link"] is NSNull)
            #expect(e["strokeStyle"] as? String == "solid" || e["strokeStyle"] as? String == "dashed")
            #expect((0...100).contains(e["opacity"] as? Int ?? -1))
            #expect((e["seed"] as? Int ?? 0) > 0 && (e["versionNonce"] as? Int ?? 0) > 0)
            for key in ["x", "y", "width", "height", "strokeWidth", "fontSize"] where e[key] != nil { #expect(number(e[key]) != nil, "\(key)") }
            for key in ["strokeColor", "backgroundColor", "fillStyle"] { #expect(e[key] is String) }
        }
    }

    @Test(arguments: [FigureStyle.sketch, .clean])
    func everySceneTextIsOneTextElementWithTheSameString(style: FigureStyle) throws {
        let s = scene(style: style)
        let texts = try elements(s).filter { $0["type"] as? String == "text" }
        #expect(texts.compactMap { $0["text"] as? String } == sceneTexts(s))
        #expect(texts.allSatisfy { $0["fontFamily"] as? Int == 1 && (number($0["fontSize"]) ?? 0) > 0 })
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
