import ScapeGeometry
import ScapeScene

/// The hand-drawn look as a Scene -> Scene transform: every stroked path is redrawn by a
/// rough stroker seeded from the figure seed and the node's id, and fill patterns become
/// hand-drawn hatches. Text and layout are untouched; the backend is the same as for clean.
public struct RoughPen: ScenePen {
    public var style: SketchStyle

    public init(style: SketchStyle = SketchStyle()) {
        self.style = style
    }

    public func apply(to scene: Scene) -> Scene {
        scene.mapPaths(sketch)
    }

    /// Each path is drawn from its own seed, so many are drawn at once on `threads` threads.
    public func apply(to scene: Scene, threads: Int) -> Scene {
        let pen = self
        return scene.mapPaths(threads: threads) { pen.sketch($0) }
    }

    /// One path: fill (as is, or a hatch), then its outline by hand; all from the node's seed.
    func sketch(_ p: ScenePath) -> SceneNode {
        var stroker = RoughStroker(style: style, random: SketchRandom(seed: style.seed, id: p.id))
        defer { WorkCounters.add(.roughPenSegments, stroker.passes) }
        var children: [SceneNode] = []
        // Outline first, then the fill, as rough.js draws: the fill's jitter then does not
        // depend on the outline's, but the outline's random draws come first in the sequence.
        var outline: ScenePath?
        if let stroke = p.stroke {
            outline = ScenePath(id: p.id, path: roughOutline(p.path, &stroker), stroke: stroke)
        }
        if let fill = p.fill {
            children.append(.path(ScenePath(id: p.id + "/fill", path: p.path, fill: fill)))
        }
        if let pattern = p.pattern {
            children += patternNodes(pattern, inside: p.path, id: p.id, &stroker)
        }
        if let outline {
            if children.isEmpty { return .path(outline) }
            children.append(.path(outline))
        }
        return children.count == 1 ? children[0] : .group(SceneGroup(id: p.id + "/sketch", children: children))
    }

    /// Each subpath by hand: all-curve closed subpaths (circles, blobs) as one loop with a
    /// notch; otherwise straight runs as rough lines and curved runs as rough curves, so a
    /// rounded box keeps straight sides.
    func roughOutline(_ path: Path, _ stroker: inout RoughStroker) -> Path {
        var out = Path()
        for run in StrokeRuns.of(path) {
            switch run {
            case .straight(let points): out.append(stroker.polyline(points))
            case .curve(let points, let closed): out.append(stroker.smooth(points, closed: closed))
            }
        }
        return out
    }

    private func patternNodes(_ pattern: FillPattern, inside path: Path, id: String, _ stroker: inout RoughStroker) -> [SceneNode] {
        if pattern.kind == .solid {
            // A solid fill by hand: the shape's own outline, jittered, filled.
            return [.path(ScenePath(id: id + "/pattern", path: roughFillShape(path, &stroker), fill: pattern.color))]
        }
        let (lines, dots) = pattern.geometry(inside: path)
        var strokes = Path()
        for line in lines { strokes.append(stroker.polyline(line, roughnessScale: 0.6)) }
        var nodes: [SceneNode] = []
        if !strokes.isEmpty {
            nodes.append(.path(ScenePath(id: id + "/pattern", path: strokes, stroke: pattern.stroke)))
        }
        if !dots.isEmpty {
            var dotPath = Path()
            for d in dots {
                let (dx, dy) = stroker.random.jitter(pattern.gap * 0.15 * style.roughness)
                dotPath.append(.circle(center: Point(d.x + dx, d.y + dy), radius: pattern.weight / 2))
            }
            nodes.append(.path(ScenePath(id: id + "/dots", path: dotPath, fill: pattern.color)))
        }
        return nodes
    }

    private func roughFillShape(_ path: Path, _ stroker: inout RoughStroker) -> Path {
        var out = Path()
        for line in path.polylines(curveSteps: 8) {
            let pts = line.points.map { p -> Point in
                let (dx, dy) = stroker.random.jitter(style.maxOffset * 0.5 * style.roughness)
                return Point(p.x + dx, p.y + dy)
            }
            out.append(line.isSmooth ? Path.smoothCurve(through: pts, closed: true) : Path.polyline(pts, closed: true))
        }
        return out
    }
}
