import ScapeGeometry

/// One subpath as the Excalidraw element that draws it best: Excalidraw has real ellipses and
/// rectangles (which it then draws by hand itself), and a `line` of points for everything else.
enum ExcalidrawShape: Equatable {
    case ellipse(Rect)
    case rectangle(Rect)
    /// Absolute points; closed when the last point returns to the first.
    case line([Point], closed: Bool)

    /// Every drawable subpath of `path`, curves sampled into `curveSteps` segments each.
    static func shapes(of path: Path, curveSteps: Int = 8) -> [ExcalidrawShape] {
        var out: [ExcalidrawShape] = []
        for subpath in subpaths(of: path) {
            if let rect = ellipse(subpath) {
                out.append(.ellipse(rect))
                continue
            }
            for polyline in Path(elements: subpath).polylines(curveSteps: curveSteps) {
                var points = polyline.points
                if polyline.isClosed, let first = points.first, let last = points.last, first.distance(to: last) > 1e-9 {
                    points.append(first)
                }
                if polyline.isClosed && !polyline.isSmooth, let rect = rectangle(points) {
                    out.append(.rectangle(rect))
                } else {
                    out.append(.line(points, closed: polyline.isClosed))
                }
            }
        }
        return out
    }

    /// The path split before each `move`.
    static func subpaths(of path: Path) -> [[Path.Element]] {
        var out: [[Path.Element]] = []
        for e in path.elements {
            if case .move = e { out.append([e]) } else if out.isEmpty { out.append([e]) } else { out[out.count - 1].append(e) }
        }
        return out
    }

    /// The box of an axis-aligned ellipse drawn as four quarter cubics (`Path.ellipse`), else nil.
    static func ellipse(_ subpath: [Path.Element]) -> Rect? {
        guard subpath.count == 5 || (subpath.count == 6 && subpath[5] == .close), case .move(let start) = subpath[0] else { return nil }
        var ends = [start]
        var controls: [Point] = []
        for e in subpath[1..<5] {
            guard case .cubic(let c1, let c2, let p) = e else { return nil }
            controls += [c1, c2]
            ends.append(p)
        }
        let xs = ends.map(\.x), ys = ends.map(\.y)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
        let rx = (x1 - x0) / 2, ry = (y1 - y0) / 2
        let tolerance = 1e-6 * max(rx, ry, 1)
        guard rx > tolerance, ry > tolerance, ends[4].distance(to: start) <= tolerance else { return nil }
        let c = Point(x0 + rx, y0 + ry)
        let extremes = [Point(x1, c.y), Point(c.x, y1), Point(x0, c.y), Point(c.x, y0)]
        for p in ends.dropLast() where !extremes.contains(where: { $0.distance(to: p) <= tolerance }) { return nil }
        for p in controls {
            let onEdge = abs(p.x - x0) <= tolerance || abs(p.x - x1) <= tolerance || abs(p.y - y0) <= tolerance || abs(p.y - y1) <= tolerance
            if !onEdge { return nil }
        }
        return Rect(x: x0, y: y0, width: 2 * rx, height: 2 * ry)
    }

    /// The box of a closed four-corner polyline with axis-aligned sides, else nil.
    static func rectangle(_ closedPoints: [Point]) -> Rect? {
        guard closedPoints.count == 5 else { return nil }
        let tolerance = 1e-9
        for k in 0..<4 {
            let a = closedPoints[k], b = closedPoints[k + 1]
            guard abs(a.x - b.x) <= tolerance || abs(a.y - b.y) <= tolerance else { return nil }
        }
        let xs = closedPoints.map(\.x), ys = closedPoints.map(\.y)
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max(), x1 - x0 > tolerance, y1 - y0 > tolerance else { return nil }
        let corners = [Point(x0, y0), Point(x1, y0), Point(x1, y1), Point(x0, y1)]
        let hit = Set(closedPoints.dropLast().compactMap { p in corners.firstIndex { $0.distance(to: p) <= tolerance } })
        guard hit.count == 4 else { return nil }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
