import Foundation
import ScapeGeometry
import ScapeModel
import ScapeScene

/// mlscape's own small drawings, as scene nodes fitted into a box: the application window
/// with a globe, the hatched model cube, the two-loop glyph, the cross of axes and the
/// quarter radar. Shared by the setup figure, the banners and the lifecycle.
struct Pictograms {
    let theme: Theme

    func pictogram(_ kind: Pictogram, in box: Rect, id: String, ink: Color? = nil) -> SceneNode {
        switch kind {
        case .application: return application(in: box, id: id, ink: ink ?? theme.ink)
        case .model: return model(in: box, id: id, ink: ink ?? theme.ink)
        }
    }

    /// A browser window: frame, title bar with three coloured dots, a globe in the middle.
    func application(in box: Rect, id: String, ink: Color) -> SceneNode {
        let w = min(box.width, box.height * 1.7), h = w / 1.7
        let r = Rect(center: box.center, size: Size(w, h))
        let bar = h * 0.13
        let stroke = StrokeStyle(color: ink, width: max(1, w / 110))
        let dotR = bar * 0.22
        let dots: [(Double, Color)] = [(0.06, Color(red: 0.9, green: 0.32, blue: 0.29)), (0.115, Color(red: 0.95, green: 0.68, blue: 0.18)),
                                       (0.17, Color(red: 0.27, green: 0.7, blue: 0.33))]
        var children: [SceneNode] = [
            .path(ScenePath(id: "\(id)/window", path: .rect(r), fill: theme.background ?? .white, stroke: stroke)),
            .path(ScenePath(id: "\(id)/bar", path: .segment(Point(r.minX, r.minY + bar), Point(r.maxX, r.minY + bar)), stroke: stroke)),
        ]
        for (k, (fx, color)) in dots.enumerated() {
            children.append(.path(ScenePath(id: "\(id)/dot\(k)", path: .circle(center: Point(r.minX + w * fx, r.minY + bar / 2), radius: dotR),
                                            fill: color, stroke: StrokeStyle(color: ink, width: stroke.width * 0.6))))
        }
        let gc = Point(r.midX, r.minY + bar + (h - bar) / 2)
        let gr = (h - bar) * 0.34
        children.append(.path(ScenePath(id: "\(id)/globe", path: .circle(center: gc, radius: gr),
                                        fill: Color(red: 0.24, green: 0.6, blue: 0.88), stroke: stroke)))
        // Continents: two blobs, clipped to the globe by construction (inside radius 0.8).
        let land1 = [Point(-0.35, -0.55), Point(0.15, -0.6), Point(0.35, -0.2), Point(0.05, 0.1), Point(0.2, 0.45), Point(-0.1, 0.6), Point(-0.4, 0.2), Point(-0.25, -0.1)]
        let land2 = [Point(0.45, 0.05), Point(0.7, 0.2), Point(0.55, 0.5), Point(0.4, 0.3)]
        for (k, land) in [land1, land2].enumerated() {
            let pts = land.map { gc + $0 * gr }
            children.append(.path(ScenePath(id: "\(id)/land\(k)", path: .smoothCurve(through: pts, closed: true), fill: Color(red: 0.3, green: 0.72, blue: 0.35))))
        }
        var grid = Path.ellipse(center: gc, rx: gr * 0.45, ry: gr)
        grid.append(.segment(Point(gc.x - gr, gc.y), Point(gc.x + gr, gc.y)))
        grid.append(.segment(Point(gc.x, gc.y - gr), Point(gc.x, gc.y + gr)))
        children.append(.path(ScenePath(id: "\(id)/meridians", path: grid, stroke: StrokeStyle(color: ink, width: stroke.width * 0.8))))
        return .group(SceneGroup(id: id, title: "Application", children: children))
    }

    /// A cube in a three-quarter view, its faces hatched grey.
    func model(in box: Rect, id: String, ink: Color) -> SceneNode {
        let s = min(box.width, box.height) * 0.62
        let c = box.center
        let depth = s * 0.45
        let front = Rect(x: c.x - s / 2 - depth / 4, y: c.y - s / 2 + depth / 4, width: s, height: s)
        let dx = depth * 0.75, dy = -depth * 0.45
        let top = [front.origin, Point(front.minX + dx, front.minY + dy), Point(front.maxX + dx, front.minY + dy), Point(front.maxX, front.minY)]
        let side = [Point(front.maxX, front.minY), Point(front.maxX + dx, front.minY + dy), Point(front.maxX + dx, front.maxY + dy), Point(front.maxX, front.maxY)]
        let stroke = StrokeStyle(color: ink, width: max(1, s / 60))
        let hatch = FillPattern(kind: .hachure, color: Color(red: 0.45, green: 0.45, blue: 0.45), angle: -41, gap: max(2.5, s / 16), weight: 0.8)
        var lighter = hatch
        lighter.angle = 50
        let faces: [(String, Path, FillPattern, Color)] = [
            ("front", .rect(front), hatch, Color(red: 0.86, green: 0.86, blue: 0.86)),
            ("top", .polyline(top, closed: true), lighter, Color(red: 0.93, green: 0.93, blue: 0.93)),
            ("side", .polyline(side, closed: true), hatch, Color(red: 0.8, green: 0.8, blue: 0.8)),
        ]
        return .group(SceneGroup(id: id, title: "Model", children: faces.map { name, path, pattern, fill in
            .path(ScenePath(id: "\(id)/\(name)", path: path, fill: fill, pattern: pattern, stroke: stroke))
        }))
    }

    /// Two interlocked loops with direction ticks; `bold` picks which are drawn heavy.
    func loops(in box: Rect, id: String, bold: LoopGlyph.Bold, ink: Color) -> SceneNode {
        let r = min(box.width / 3.4, box.height / 2.2)
        let left = Point(box.midX - r * 0.7, box.midY + r * 0.08), right = Point(box.midX + r * 0.7, box.midY - r * 0.08)
        var children: [SceneNode] = []
        for (name, center, isBold, clockwise) in [("left", left, bold == .left || bold == .both, false), ("right", right, bold == .right || bold == .both, true)] {
            let width = isBold ? max(1.6, r / 14) : max(0.8, r / 40)
            var p = Path.ellipse(center: center, rx: r, ry: r * 0.9)
            for a in [-Double.pi / 3, Double.pi * 2 / 3] {
                // A tick: an open arrowhead on the loop, pointing along the direction of travel.
                let at = Point(center.x + r * cos(a), center.y + r * 0.9 * sin(a))
                let tangent = Point(-sin(a), 0.9 * cos(a)).normalized * (clockwise ? 1 : -1)
                p.append(ArrowGeometry.head(tip: at, from: at - tangent * 10, length: max(5, r / 4)))
            }
            children.append(.path(ScenePath(id: "\(id)/\(name)", path: p, stroke: StrokeStyle(color: ink, width: width))))
        }
        return .group(SceneGroup(id: id, children: children))
    }

    /// A cross of double-headed arrows: the two axes.
    func axesCross(in box: Rect, id: String, ink: Color) -> SceneNode {
        let s = min(box.width, box.height) * 0.45
        let c = box.center
        let head = s * 0.28
        var p = Path.segment(Point(c.x - s, c.y), Point(c.x + s, c.y))
        p.append(.segment(Point(c.x, c.y - s), Point(c.x, c.y + s)))
        for (tip, from) in [(Point(c.x - s, c.y), c), (Point(c.x + s, c.y), c), (Point(c.x, c.y - s), c), (Point(c.x, c.y + s), c)] {
            p.append(ArrowGeometry.head(tip: tip, from: from, length: head))
        }
        return .path(ScenePath(id: id, path: p, stroke: StrokeStyle(color: ink, width: max(1.5, s / 30))))
    }

    /// Two axes from a corner with three dotted quarter rings: the radar.
    func quarterRadar(in box: Rect, id: String, ink: Color) -> SceneNode {
        let s = min(box.width, box.height) * 0.85
        let o = Point(box.midX - s / 2, box.midY + s / 2)
        var axes = Path.segment(o, Point(o.x, o.y - s))
        axes.append(.segment(o, Point(o.x + s, o.y)))
        axes.append(ArrowGeometry.head(tip: Point(o.x, o.y - s), from: o, length: s * 0.14))
        axes.append(ArrowGeometry.head(tip: Point(o.x + s, o.y), from: o, length: s * 0.14))
        var rings = Path()
        for f in [0.38, 0.66, 0.94] { rings.append(.arc(center: o, rx: s * f, ry: s * f, from: -Double.pi / 2, to: 0)) }
        let w = max(1.5, s / 55)
        return .group(SceneGroup(id: id, children: [
            .path(ScenePath(id: "\(id)/axes", path: axes, stroke: StrokeStyle(color: ink, width: w))),
            .path(ScenePath(id: "\(id)/rings", path: rings, stroke: StrokeStyle(color: ink, width: w, dash: [w * 0.6, w * 3.2]))),
        ]))
    }
}
