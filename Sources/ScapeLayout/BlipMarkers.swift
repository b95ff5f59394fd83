import Foundation
import ScapeGeometry
import ScapeModel
import ScapeScene

/// The marks of a radar blip's status and their legend, in the radar's own idiom.
/// Thoughtworks: new is a circle with an outer ring, moved in / out a quarter arc on the side
/// facing / away from the radar's centre, no change a plain circle. Zalando: new is a star,
/// moved up (in) a triangle pointing up, moved down (out) one pointing down, no change a
/// circle; inactive entries are greyed.
struct BlipMarkers {
    let style: BlipMarkerStyle
    let ink: Color
    let greyed: Color
    let radius: Double

    /// How far a mark reaches from its blip's centre, status rings and arcs included: labels keep outside it.
    var extent: Double { style == .thoughtworks ? radius * 1.8 + 1.2 : radius * 1.45 }

    /// The mark of one blip at `p`; `centre` is the radar's, which tells inner from outer.
    func mark(_ status: BlipStatus, active: Bool, at p: Point, centre: Point, fill: Color, id: String) -> [SceneNode] {
        let fill = active ? fill : greyed
        let outline = StrokeStyle(color: active ? ink : greyed, width: 0.8)
        switch style {
        case .thoughtworks:
            var nodes: [SceneNode] = [.path(ScenePath(id: "\(id)/mark", path: .circle(center: p, radius: radius), fill: fill, stroke: outline))]
            let ring = StrokeStyle(color: fill, width: 2.4)
            let outward = atan2(p.y - centre.y, p.x - centre.x)
            switch status {
            case .new:
                nodes.append(.path(ScenePath(id: "\(id)/status-new", path: .circle(center: p, radius: radius * 1.6), stroke: ring)))
            case .movedIn:
                nodes.append(.path(ScenePath(id: "\(id)/status-moved-in", path: arc(p, facing: outward + .pi), stroke: ring)))
            case .movedOut:
                nodes.append(.path(ScenePath(id: "\(id)/status-moved-out", path: arc(p, facing: outward), stroke: ring)))
            case .noChange:
                break
            }
            return nodes
        case .zalando:
            let shape: Path
            switch status {
            case .new: shape = star(p)
            case .movedIn: shape = triangle(p, up: true)
            case .movedOut: shape = triangle(p, up: false)
            case .noChange: shape = .circle(center: p, radius: radius)
            }
            return [.path(ScenePath(id: "\(id)/mark", path: shape, fill: fill, stroke: outline))]
        }
    }

    /// What each mark means, for the statuses the radar uses: one row of mark and words.
    func legend(statuses: Set<BlipStatus>, inactive: Bool, at start: Point, font: FontSpec, measurer: any TextMeasurer) -> SceneNode? {
        var items: [(String, BlipStatus, Bool)] = BlipStatus.allCases.filter(statuses.contains).map { (Self.words(style)[$0]!, $0, true) }
        if inactive { items.append(("inactive", .noChange, false)) }
        guard !items.isEmpty else { return nil }
        let sizes = items.map { measurer.measure($0.0, font: font) }
        let total = sizes.reduce(0) { $0 + $1.width + radius * 4 + 24 } - 24
        var x = start.x - total / 2
        var nodes: [SceneNode] = []
        for (k, (text, status, active)) in items.enumerated() {
            let id = "legend/status/\(text.replacingOccurrences(of: " ", with: "-"))"
            let p = Point(x + radius * 1.6, start.y)
            nodes += mark(status, active: active, at: p, centre: Point(p.x, p.y + 1000), fill: Color(red: 0.55, green: 0.55, blue: 0.55), id: id)
            let size = sizes[k]
            nodes.append(.text(SceneText(id: id, text: text, font: font, color: ink,
                                         frame: Rect(x: x + radius * 4, y: start.y - size.height / 2, width: size.width, height: size.height))))
            x += size.width + radius * 4 + 24
        }
        return .group(SceneGroup(id: "legend", children: nodes))
    }

    /// The legend's words for each status, in the radar's own terms.
    static func words(_ style: BlipMarkerStyle) -> [BlipStatus: String] {
        switch style {
        case .thoughtworks: return [.new: "new", .movedIn: "moved in", .movedOut: "moved out", .noChange: "no change"]
        case .zalando: return [.new: "new", .movedIn: "moved up", .movedOut: "moved down", .noChange: "no change"]
        }
    }

    /// A quarter arc around the blip, a little outside it, centred on the direction `facing` (radians, y down).
    private func arc(_ p: Point, facing: Double) -> Path {
        .arc(center: p, rx: radius * 1.8, ry: radius * 1.8, from: facing - .pi / 4, to: facing + .pi / 4, steps: 8)
    }

    private func triangle(_ p: Point, up: Bool) -> Path {
        let s: Double = up ? 1 : -1, r = radius * 1.25
        return .polyline([Point(p.x, p.y - s * r), Point(p.x + r * 0.95, p.y + s * r * 0.7), Point(p.x - r * 0.95, p.y + s * r * 0.7)], closed: true)
    }

    private func star(_ p: Point) -> Path {
        let outer = radius * 1.45, inner = outer * 0.45
        let points = (0..<10).map { k -> Point in
            let a = -Double.pi / 2 + Double(k) * .pi / 5, r = k % 2 == 0 ? outer : inner
            return Point(p.x + r * cos(a), p.y + r * sin(a))
        }
        return .polyline(points, closed: true)
    }
}
