import Foundation
import ScapeGeometry
import ScapeModel
import ScapeScene

/// Loops of steps that may share runs, each a closed round path; steps are labels on their
/// loop and arrows run along the loop between them. Two loops nest (the smaller inside the
/// larger, sharing the larger's right-hand arc, both clockwise, as in the blog); longer
/// chains sit side by side, each pair touching only along its shared run.
struct LifecycleLayout {
    let theme: Theme
    let measurer: any TextMeasurer

    /// A loop's geometry: its dense outline and where each of its steps sits on it.
    struct LoopPath {
        var points: [Point]
        var stepIndex: [String: Int]
        var center: Point
        var radius: Double
    }

    /// The laid-out figure plus what tests check: arrow polylines and step label boxes.
    struct Result {
        var figure: LaidOutFigure
        var arrows: [[Point]]
        var labels: [String: Rect]
        var loops: [LoopPath]
    }

    func layout(_ figure: Figure) -> LaidOutFigure { build(figure).figure }

    func build(_ figure: Figure) -> Result {
        guard let spec = figure.lifecycle, !spec.loops.isEmpty else {
            return Result(figure: LaidOutFigure(figure: figure, scene: Scene(size: Size(400, 200), background: theme.background, nodes: []),
                                                warnings: ["lifecycle figure '\(figure.id)' has no loops"]), arrows: [], labels: [:], loops: [])
        }
        let font = FontSpec(family: theme.fontFamily, size: theme.toolFontSize * 1.15)
        var texts: [String: (String, Size)] = [:]
        for loop in spec.loops {
            for step in loop.steps where texts[step] == nil {
                var text = step
                if measurer.measure(text, font: font).width > 210 { text = TitleWrap.balanced(text, minimumLength: 0) }
                texts[step] = (text, measurer.measure(text, font: font))
            }
        }
        let widest = texts.values.map(\.1.width).max() ?? 100
        let tallest = texts.values.map(\.1.height).max() ?? 30
        let (canvas, loops) = spec.arrangement == .nested && spec.loops.count == 2
            ? nested(spec, widest: widest, tallest: tallest)
            : chain(spec, widest: widest, tallest: tallest)
        var labels: [String: Rect] = [:]
        var stepNodes: [SceneNode] = []
        for loop in spec.loops {
            for step in loop.steps where labels[step] == nil {
                let li = spec.loops.firstIndex { $0.steps.contains(step) }!
                let p = loops[li].points[loops[li].stepIndex[step]!]
                let (text, size) = texts[step]!
                let rect = Rect(center: p, size: size)
                labels[step] = rect
                stepNodes.append(.text(SceneText(id: "step/\(Tool.makeID(name: step, subtitle: nil))", text: text, font: font,
                                                 color: theme.ink, frame: rect, alignment: .center)))
            }
        }
        var nodes: [SceneNode] = []
        var arrows: [[Point]] = []
        var drawn = Set<String>()
        let gap = theme.labelGap
        // Arrows of the outer (first laid-out) loop first, so a shared pair is drawn on it once.
        let order = spec.arrangement == .nested && spec.loops.count == 2 ? outerFirst(spec) : Array(spec.loops.indices)
        var loopGroups: [Int: [SceneNode]] = [:]
        for li in order {
            let loop = spec.loops[li], path = loops[li]
            for (k, from) in loop.steps.enumerated() {
                let to = loop.steps[(k + 1) % loop.steps.count]
                let key = "\(from)\u{1f}\(to)"
                guard drawn.insert(key).inserted else { continue }
                let a = path.stepIndex[from]!, b = path.stepIndex[to]!
                var run: [Point] = []
                var i = a
                let n = path.points.count
                while true {
                    run.append(path.points[i])
                    if i == b { break }
                    i = (i + 1) % n
                }
                let startBox = labels[from]!.outsetBy(gap), endBox = labels[to]!.outsetBy(gap * 1.5)
                while let f = run.first, startBox.contains(f) { run.removeFirst() }
                while let l = run.last, endBox.contains(l) { run.removeLast() }
                guard run.count >= 2 else { continue }
                arrows.append(run)
                // A smooth shaft through every few points, so the pen draws it as one curve.
                var sparse = stride(from: 0, to: run.count, by: 4).map { run[$0] }
                if sparse.last != run.last { sparse.append(run.last!) }
                var shaft = sparse.count > 2 ? Path.smoothCurve(through: sparse) : Path.polyline(sparse)
                let tip = run.last!
                let back = run.reversed().first { $0.distance(to: tip) > theme.arrowheadLength * 0.8 } ?? run[0]
                shaft.append(ArrowGeometry.head(tip: tip, from: back, length: theme.arrowheadLength * 0.9))
                loopGroups[li, default: []].append(.path(ScenePath(id: "loop/\(loop.id)/arrow/\(k + 1)", path: shaft,
                                                                   stroke: StrokeStyle(color: theme.ink, width: theme.axisStroke * 0.6))))
            }
        }
        let pictograms = Pictograms(theme: theme)
        let captionFont = FontSpec(family: theme.fontFamily, size: theme.toolFontSize * 0.95)
        for (li, loop) in spec.loops.enumerated() {
            var children = loopGroups[li] ?? []
            let center = pictogramCenter(li, spec: spec, loops: loops)
            let box = Rect(center: center, size: Size(min(150, loops[li].radius * 0.85), min(95, loops[li].radius * 0.55)))
            if let p = loop.pictogram { children.append(pictograms.pictogram(p, in: box, id: "loop/\(loop.id)/pictogram")) }
            if let caption = loop.caption {
                let size = measurer.measure(caption, font: captionFont)
                let top = loop.pictogram == nil ? center.y - size.height / 2 : box.maxY + 8
                children.append(.text(SceneText(id: "loop/\(loop.id)/caption", text: caption, font: captionFont, color: theme.ink,
                                                frame: Rect(x: center.x - size.width / 2, y: top, width: size.width, height: size.height), alignment: .center)))
            }
            nodes.append(.group(SceneGroup(id: "loop/\(loop.id)", title: loop.caption ?? loop.id, children: children)))
        }
        nodes.append(.group(SceneGroup(id: "steps", children: stepNodes)))
        let scene = Scene(size: canvas, background: theme.background, nodes: nodes)
        return Result(figure: LaidOutFigure(figure: figure, scene: scene, warnings: []), arrows: arrows, labels: labels, loops: loops)
    }

    func outerFirst(_ spec: LifecycleSpec) -> [Int] {
        spec.loops[0].steps.count >= spec.loops[1].steps.count ? [0, 1] : [1, 0]
    }

    /// Where a loop's pictogram goes: its centre; for the outer of two nested loops, the middle
    /// of the part the inner loop leaves free.
    func pictogramCenter(_ li: Int, spec: LifecycleSpec, loops: [LoopPath]) -> Point {
        if spec.arrangement == .nested, spec.loops.count == 2, li == outerFirst(spec)[0] {
            let inner = loops[outerFirst(spec)[1]]
            let left = loops[li].points.map(\.x).min()!
            return Point((left + inner.center.x - inner.radius) / 2, loops[li].center.y)
        }
        return loops[li].center
    }

    /// A dense closed outline through guide points (Catmull-Rom), remembering where anchors fall.
    func outline(_ guides: [(Point, String?)]) -> (points: [Point], index: [String: Int]) {
        let n = guides.count
        var points: [Point] = []
        var index: [String: Int] = [:]
        for i in 0..<n {
            if let name = guides[i].1 { index[name] = points.count }
            let p0 = guides[(i - 1 + n) % n].0, p1 = guides[i].0, p2 = guides[(i + 1) % n].0, p3 = guides[(i + 2) % n].0
            let c1 = p1 + (p2 - p0) / 6, c2 = p2 - (p3 - p1) / 6
            for s in 0..<12 { points.append(Path.cubicPoint(p1, c1, c2, p2, Double(s) / 12)) }
        }
        return (points, index)
    }

    /// Guide points on an ellipse at the given angles (anchors), with extra points between
    /// them so the outline stays round. Angles increase clockwise on the page.
    func ellipseGuides(center c: Point, rx: Double, ry: Double, anchors: [(Double, String)], clockwise: Bool) -> [(Point, String?)] {
        var out: [(Point, String?)] = []
        let n = anchors.count
        for i in 0..<n {
            let (a, name) = anchors[i]
            var b = anchors[(i + 1) % n].0
            if clockwise { while b <= a { b += 2 * .pi } } else { while b >= a { b -= 2 * .pi } }
            out.append((Point(c.x + rx * cos(a), c.y + ry * sin(a)), name))
            let extra = max(1, Int(abs(b - a) / 0.45))
            for e in 1..<extra {
                let t = a + (b - a) * Double(e) / Double(extra)
                out.append((Point(c.x + rx * cos(t), c.y + ry * sin(t)), nil))
            }
        }
        return out
    }

    func nested(_ spec: LifecycleSpec, widest: Double, tallest: Double) -> (Size, [LoopPath]) {
        let canvas = Size(920, 540)
        let m = theme.margin
        let (outerIndex, innerIndex) = (outerFirst(spec)[0], outerFirst(spec)[1])
        let outer = spec.loops[outerIndex], inner = spec.loops[innerIndex]
        let c = Point(canvas.width / 2, canvas.height / 2)
        let rx = canvas.width / 2 - m - widest / 2, ry = canvas.height / 2 - m - tallest / 2
        let shared = spec.sharedRun(outerIndex, innerIndex)
        let k = shared.count
        let step = 2 * Double.pi / Double(outer.steps.count)
        // The shared run is centred on the right-hand side; the outer loop's own steps share the rest.
        var angles: [String: Double] = [:]
        for (j, s) in shared.enumerated() { angles[s] = (Double(j) - Double(k - 1) / 2) * step }
        let first = shared.first.flatMap { outer.steps.firstIndex(of: $0) } ?? 0
        let rotated = Array(outer.steps[first...] + outer.steps[..<first])
        let own = rotated.filter { angles[$0] == nil }
        let lastShared = k > 0 ? Double(k - 1) / 2 * step : -Double.pi / 2
        let span = 2 * Double.pi - Double(max(0, k - 1)) * step
        for (j, s) in own.enumerated() { angles[s] = lastShared + span * Double(j + 1) / Double(own.count + 1) }
        let outerAnchors = rotated.map { (angles[$0]!, $0) }
        let (op, oi) = outline(ellipseGuides(center: c, rx: rx, ry: ry, anchors: outerAnchors, clockwise: true))
        let outerPath = LoopPath(points: op, stepIndex: oi, center: c, radius: min(rx, ry))
        // The inner loop: the circle through the shared run's ends and middle.
        func onOuter(_ s: String) -> Point { Point(c.x + rx * cos(angles[s]!), c.y + ry * sin(angles[s]!)) }
        let ic: Point, ir: Double
        if k >= 3 {
            (ic, ir) = circumcircle(onOuter(shared[0]), onOuter(shared[k / 2]), onOuter(shared[k - 1]))
        } else if k >= 1 {
            ir = ry * 0.62
            let p = onOuter(shared[0])
            ic = p - (p - c).normalized * ir
        } else {
            ir = ry * 0.55
            ic = Point(c.x + rx * 0.4, c.y)
        }
        var innerAngles: [String: Double] = [:]
        for s in shared { let p = onOuter(s); innerAngles[s] = atan2(p.y - ic.y, p.x - ic.x) }
        let innerFirst = shared.first.flatMap { inner.steps.firstIndex(of: $0) } ?? 0
        let innerRotated = Array(inner.steps[innerFirst...] + inner.steps[..<innerFirst])
        let innerOwn = innerRotated.filter { innerAngles[$0] == nil }
        let start = shared.last.map { innerAngles[$0]! } ?? -Double.pi / 2
        var end = shared.first.map { innerAngles[$0]! } ?? start + 2 * .pi
        while end <= start { end += 2 * .pi }
        for (j, s) in innerOwn.enumerated() { innerAngles[s] = start + (end - start) * Double(j + 1) / Double(innerOwn.count + 1) }
        let (ip, ii) = outline(ellipseGuides(center: ic, rx: ir, ry: ir, anchors: innerRotated.map { (innerAngles[$0]!, $0) }, clockwise: true))
        var loops = [LoopPath](repeating: outerPath, count: 2)
        loops[outerIndex] = outerPath
        loops[innerIndex] = LoopPath(points: ip, stepIndex: ii, center: ic, radius: ir)
        return (canvas, loops)
    }

    func circumcircle(_ a: Point, _ b: Point, _ c: Point) -> (Point, Double) {
        let d = 2 * (a.x * (b.y - c.y) + b.x * (c.y - a.y) + c.x * (a.y - b.y))
        guard abs(d) > 1e-9 else { return (a.lerp(to: c, 0.5), a.distance(to: c) / 2) }
        let a2 = a.dot(a), b2 = b.dot(b), c2 = c.dot(c)
        let center = Point((a2 * (b.y - c.y) + b2 * (c.y - a.y) + c2 * (a.y - b.y)) / d,
                           (a2 * (c.x - b.x) + b2 * (a.x - c.x) + c2 * (b.x - a.x)) / d)
        return (center, center.distance(to: a))
    }

    /// Loops side by side; neighbours overlap and their shared run stands on the vertical
    /// line between their centres. Directions alternate, as meshing gears do.
    func chain(_ spec: LifecycleSpec, widest: Double, tallest: Double) -> (Size, [LoopPath]) {
        let n = spec.loops.count
        let m = theme.margin
        let height = 540.0
        let radius = min((height - 2 * m - tallest) / 2, 230)
        let spacing = radius * 1.3
        let width = 2 * m + widest + 2 * radius + Double(n - 1) * spacing
        let canvas = Size(width, height)
        let cy = height / 2
        let centers = (0..<n).map { Point(m + widest / 2 + radius + Double($0) * spacing, cy) }
        let lensHalf = (radius * radius - spacing * spacing / 4).squareRoot()
        // Positions of shared steps, on the line between neighbours, in the left loop's order.
        var sharedPoint: [String: Point] = [:]
        for i in 0..<(n - 1) {
            let run = spec.sharedRun(i, i + 1)
            let x = (centers[i].x + centers[i + 1].x) / 2
            let clockwise = i % 2 == 0
            for (j, s) in run.enumerated() {
                let t = run.count == 1 ? 0.5 : Double(j) / Double(run.count - 1)
                let y = cy - lensHalf * 0.75 + 2 * lensHalf * 0.75 * (clockwise ? t : 1 - t)
                sharedPoint[s] = Point(x, y)
            }
        }
        var loops: [LoopPath] = []
        for (i, loop) in spec.loops.enumerated() {
            let c = centers[i]
            let clockwise = i % 2 == 0
            let known = loop.steps.indices.filter { sharedPoint[loop.steps[$0]] != nil }
            var angle: [Int: Double] = [:]
            for j in known { let p = sharedPoint[loop.steps[j]]!; angle[j] = atan2(p.y - c.y, p.x - c.x) }
            let count = loop.steps.count
            if known.isEmpty {
                for j in 0..<count { angle[j] = -Double.pi / 2 + (clockwise ? 1 : -1) * 2 * .pi * Double(j) / Double(count) }
            } else {
                // Own steps share the arc between the known anchors around them, evenly.
                for (ki, j) in known.enumerated() {
                    let next = known[(ki + 1) % known.count]
                    let between = (next - j + count) % count == 0 ? count - 1 : (next - j + count) % count - 1
                    guard between > 0 else { continue }
                    let a = angle[j]!
                    var b = angle[next]!
                    if clockwise { while b <= a + 0.2 { b += 2 * .pi } } else { while b >= a - 0.2 { b -= 2 * .pi } }
                    for e in 1...between { angle[(j + e) % count] = a + (b - a) * Double(e) / Double(between + 1) }
                }
            }
            var guides: [(Point, String?)] = []
            for j in 0..<count {
                let step = loop.steps[j]
                let a = angle[j]!
                guides.append((sharedPoint[step] ?? Point(c.x + radius * cos(a), c.y + radius * sin(a)), step))
                // Round guides between two own steps keep the loop circular there.
                let nextStep = loop.steps[(j + 1) % count]
                if sharedPoint[step] == nil && sharedPoint[nextStep] == nil {
                    var b = angle[(j + 1) % count]!
                    if clockwise { while b <= a { b += 2 * .pi } } else { while b >= a { b -= 2 * .pi } }
                    guides.append((Point(c.x + radius * cos((a + b) / 2), c.y + radius * sin((a + b) / 2)), nil))
                }
            }
            let (points, index) = outline(guides)
            loops.append(LoopPath(points: points, stepIndex: index, center: c, radius: radius))
        }
        return (canvas, loops)
    }
}
