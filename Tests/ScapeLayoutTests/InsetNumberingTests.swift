import Foundation
import Testing
import ScapeGeometry
@testable import ScapeLayout
import ScapeModel
import ScapeScene

/// Detail insets number a tool only the map could not, and only once: two insets whose
/// outlines overlap may both show a tool they cannot name, under one number in the legend.
@Suite struct InsetNumberingTests {
    @Test func aToolInTwoInsetsTakesOneNumber() {
        let tool = Tool(id: "knot", name: "A tool whose name finds no room in either inset", x: 0.5, y: 0.5)
        let landscape = Landscape(tools: [tool])
        let map = MapLayout(landscape: landscape, theme: .clean, measurer: FixedTextMeasurer())
        let insets = DetailInsets(map: map, theme: .clean, measurer: FixedTextMeasurer())
        let anchor = map.frame.point(x: 0.5, y: 0.5)
        let source = Rect(center: anchor, size: Size(20, 20))
        // Two small boxes: the long name fits neither, a number on the marker does.
        let plans = [Rect(x: 40, y: 40, width: 60, height: 60), Rect(x: 140, y: 40, width: 60, height: 60)].enumerated().map { k, spot in
            DetailInsets.Plan(n: k + 1, members: [tool], source: source, spot: spot, scale: 2, pad: 4, named: [])
        }
        let result = DetailInsets.Result(nodes: [SceneNode](repeating: .group(SceneGroup(id: "x", children: [])), count: 2), named: [], count: 2, plans: plans)
        let numbered = insets.numbered(result, greyed: [], numbering: InsetNumbering([], fresh: ["knot"]))
        #expect(numbered.callouts.map(\.toolID) == ["knot"], "\(numbered.callouts.map(\.owner))")
        #expect(numbered.callouts.first?.number == 1)
    }
}
