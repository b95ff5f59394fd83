import ScapeGeometry

/// A path cut into what a hand draws in one go: straight runs (corners stay corners) and
/// curved runs (sampled, to be redrawn smooth). A subpath made only of curves and closed is
/// one closed curve.
enum StrokeRuns {
    enum Run {
        case straight([Point])
        case curve([Point], closed: Bool)
    }

    static func of(_ path: Path, curveSteps: Int = 8) -> [Run] {
        var runs: [Run] = []
        var subpath: [Path.Element] = []
        func flush(closed: Bool) {
            defer { subpath = [] }
            guard case .move(let start)? = subpath.first else { return }
            let body = subpath.dropFirst()
            let allCurves = !body.isEmpty && body.allSatisfy { if case .cubic = $0 { return true } else { return false } }
            if allCurves && closed {
                runs.append(.curve(sampled(from: start, body, curveSteps), closed: true))
                return
            }
            var current = start
            var straight: [Point] = []
            var curve: [Point] = []
            func endStraight() { if straight.count > 1 { runs.append(.straight(straight)) }; straight = [] }
            func endCurve() { if curve.count > 1 { runs.append(.curve(curve, closed: false)) }; curve = [] }
            for e in body {
                switch e {
                case .line(let p):
                    endCurve()
                    if straight.isEmpty { straight = [current] }
                    straight.append(p)
                    current = p
                case .cubic(let a, let b, let p):
                    endStraight()
                    if curve.isEmpty { curve = [current] }
                    for i in 1...curveSteps { curve.append(Path.cubicPoint(current, a, b, p, Double(i) / Double(curveSteps))) }
                    current = p
                default: break
                }
            }
            if closed, current != start {
                endCurve()
                if straight.isEmpty { straight = [current] }
                straight.append(start)
            }
            endCurve()
            if straight.count > 1 { runs.append(.straight(straight)) }
        }
        for e in path.elements {
            switch e {
            case .move:
                flush(closed: false)
                subpath = [e]
            case .close:
                flush(closed: true)
            default:
                if subpath.isEmpty { subpath = [.move(.zero)] }
                subpath.append(e)
            }
        }
        flush(closed: false)
        return runs
    }

    private static func sampled(from start: Point, _ body: ArraySlice<Path.Element>, _ steps: Int) -> [Point] {
        var pts = [start]
        var current = start
        for case .cubic(let a, let b, let p) in body {
            for i in 1...steps { pts.append(Path.cubicPoint(current, a, b, p, Double(i) / Double(steps))) }
            current = p
        }
        return pts
    }
}
