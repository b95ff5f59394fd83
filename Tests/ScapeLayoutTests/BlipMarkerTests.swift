import Foundation
import Testing
import ScapeGeometry
@testable import ScapeLayout
import ScapeModel
import ScapeScene

/// Blip status marks, read back from the laid-out scene: where the arcs sit, which shapes
/// Zalando's marks are, and a legend naming exactly the marks used.
@Suite struct BlipMarkerTests {
    func layout(_ blips: [RadarBlip], markers: BlipMarkerStyle) -> RadarLayout.Result {
        var figure = Figure(id: "r", kind: .radar)
        figure.radar = RadarSpec(rings: ["Adopt", "Trial", "Assess", "Hold"], sectors: ["A", "B", "C", "D"], blips: blips, markers: markers)
        let l = Landscape(title: "r", figures: [figure])
        return RadarLayout(landscape: l, theme: .clean, measurer: FixedTextMeasurer()).build(figure)
    }

    func points(_ node: SceneNode?) -> [Point] {
        guard case .path(let p)? = node else { return [] }
        return p.path.elements.compactMap { e -> Point? in
            switch e {
            case .move(let q), .line(let q), .cubic(_, _, let q): return q
            case .close: return nil
            }
        }
    }

    let statuses: [RadarBlip] = [
        RadarBlip(name: "N", ring: 1, sector: 0, status: .new), RadarBlip(name: "I", ring: 2, sector: 1, status: .movedIn),
        RadarBlip(name: "O", ring: 1, sector: 2, status: .movedOut), RadarBlip(name: "S", ring: 2, sector: 3, status: .noChange),
    ]

    @Test func thoughtworksArcsSitOnTheInnerOrOuterSide() throws {
        let r = layout(statuses, markers: .thoughtworks)
        let scene = r.figure.scene
        func centre(_ name: String) -> Point { r.blips.first { $0.name == name }!.center }
        let inArc = points(scene.node(id: "blip/i/status-moved-in")), outArc = points(scene.node(id: "blip/o/status-moved-out"))
        #expect(!inArc.isEmpty && !outArc.isEmpty)
        let dIn = centre("I").distance(to: r.center), dOut = centre("O").distance(to: r.center)
        #expect(inArc.allSatisfy { $0.distance(to: r.center) < dIn }, "moved in: the arc faces the centre")
        #expect(outArc.allSatisfy { $0.distance(to: r.center) > dOut }, "moved out: the arc faces away")
        let ring = points(scene.node(id: "blip/n/status-new"))
        #expect(ring.map { $0.distance(to: centre("N")) }.min()! > 7, "new: a ring around the circle")
        #expect(scene.node(id: "blip/s/status-new") == nil && scene.node(id: "blip/s/status-moved-in") == nil)
        let words = scene.allNodes.compactMap { n -> String? in if case .text(let t) = n, t.id.hasPrefix("legend/status/") { return t.text }; return nil }
        #expect(words == ["new", "moved in", "moved out", "no change"])
    }

    @Test func theLegendNamesOnlyTheMarksUsed() {
        let scene = layout([RadarBlip(name: "S", ring: 0, sector: 0)], markers: .thoughtworks).figure.scene
        let words = scene.allNodes.compactMap { n -> String? in if case .text(let t) = n, t.id.hasPrefix("legend/status/") { return t.text }; return nil }
        #expect(words == ["no change"])
    }

    @Test func zalandoStarTrianglesAndGreyedInactive() {
        var blips = statuses
        blips[3].active = false
        let r = layout(blips, markers: .zalando)
        let scene = r.figure.scene
        func centre(_ name: String) -> Point { r.blips.first { $0.name == name }!.center }
        #expect(points(scene.node(id: "blip/n/mark")).count == 10, "new: a five-pointed star")
        let up = points(scene.node(id: "blip/i/mark")), down = points(scene.node(id: "blip/o/mark"))
        #expect(up.count == 3 && up[0].y < centre("I").y, "moved up: the apex above")
        #expect(down.count == 3 && down[0].y > centre("O").y, "moved down: the apex below")
        if case .path(let p)? = scene.node(id: "blip/s/mark") { #expect(p.fill == Theme.clean.greyedInk) } else { Issue.record("no mark") }
        let words = scene.allNodes.compactMap { n -> String? in if case .text(let t) = n, t.id.hasPrefix("legend/status/") { return t.text }; return nil }
        #expect(words == ["new", "moved up", "moved down", "no change", "inactive"])
    }

    @Test func titlesAreTextAndLinksArekept() {
        var blip = RadarBlip(name: "K", ring: 0, sector: 0, description: "<p>Use <a href=\"x\">it</a></p>")
        blip.url = "https://k.example"
        let scene = layout([blip], markers: .thoughtworks).figure.scene
        guard case .group(let g)? = scene.node(id: "blip/k") else {
            Issue.record("no blip group")
            return
        }
        #expect(g.title == "K: Use it")
        #expect(g.link == "https://k.example")
    }
}
