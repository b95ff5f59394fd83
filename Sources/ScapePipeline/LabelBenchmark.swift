import Foundation
import ScapeGeometry
import ScapeLayout
import ScapeInterop
import ScapeModel
import ScapeRender
import ScapeScene

/// `mlscape bench labels`: the placer on seeded uniform points labelled "Tool i" on a
/// 2251x1521 canvas with a 25 px font, against a plain greedy placer. Overlaps are counted
/// from the drawn boxes by a sweep, independently of the placer's own bookkeeping.
public struct LabelBenchmark {
    public static let canvas = Rect(x: 0, y: 0, width: 2251, height: 1521)
    public static let fontSize = 25.0
    public static let markerRadius = 4.0

    public struct Line {
        public var n: Int
        public var placed: Int
        public var leaders: Int
        public var omitted: Int
        /// Names without leader whose nearest marker is another's, or far from their own (by `LabelAudit`).
        public var ambiguous = 0
        public var far = 0
        public var overlaps: Int
        public var milliseconds: Double
        public var peakMegabytes: Double
    }

    /// The benchmark's points: SplitMix64 from `seed`, 53-bit fractions of the canvas.
    /// `mlscape bench points` prints them so peers run on exactly the same input.
    public static func points(n: Int, seed: UInt64 = 42) -> [Point] {
        var rng = SplitMix64(state: seed)
        return (0..<n).map { _ in Point(rng.nextUnit() * canvas.width, rng.nextUnit() * canvas.height) }
    }

    let text = PangoTextEngine()
    let font = FontSpec(family: "DejaVu Sans", size: LabelBenchmark.fontSize)

    public init() {}

    func requests(n: Int) -> [LabelRequest] {
        let pts = Self.points(n: n)
        // "Tool i" widths depend only on the digit count (DejaVu's digits share one advance).
        var widths: [Int: Size] = [:]
        return pts.enumerated().map { i, p in
            let digits = String(i).count
            let size = widths[digits] ?? text.measure("Tool " + String(repeating: "0", count: digits), font: font)
            widths[digits] = size
            return LabelRequest(anchor: p, anchorRadius: Self.markerRadius, size: size)
        }
    }

    /// Runs the placer (or the plain greedy baseline) on n points and measures it.
    public func run(n: Int, baseline: Bool = false) -> Line {
        let reqs = requests(n: n)
        let placer = LabelPlacer(gap: 4)
        let start = DispatchTime.now().uptimeNanoseconds
        let placed = baseline ? placer.placeGreedyBaseline(reqs, obstacles: [], bounds: Self.canvas)
                              : placer.place(reqs, obstacles: [], bounds: Self.canvas)
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let drawn = placed.filter(\.isPlaced).map(\.rect)
        var line = Line(n: n, placed: drawn.count, leaders: placed.filter { $0.outcome == .leader }.count,
                        omitted: placed.filter { $0.outcome == .omitted }.count, overlaps: LabelAudit.countOverlaps(drawn),
                        milliseconds: ms, peakMegabytes: ProcessMemory.peakMegabytes)
        // Judged from the drawn boxes and lines alone, as a reader would.
        var items: [LabelAudit.Item] = []
        for (i, p) in placed.enumerated() {
            let r = reqs[i]
            items.append(LabelAudit.Item(id: "tool.\(i).marker", box: Rect(center: r.anchor, size: Size(2 * r.anchorRadius, 2 * r.anchorRadius)), points: []))
            guard p.isPlaced else { continue }
            items.append(LabelAudit.Item(id: "tool.\(i).name", box: p.rect, points: []))
            if p.hasLeader {
                let end = p.rect.nearestPoint(to: r.anchor)
                let start = r.anchor + (end - r.anchor).normalized * (r.anchorRadius + 1)
                items.append(LabelAudit.Item(id: "tool.\(i).leader", box: Rect(center: start, size: .zero).union(Rect(center: end, size: .zero)), points: [start, end]))
            }
        }
        let audit = LabelAudit(items: items)
        line.ambiguous = audit.count(.ambiguous)
        line.far = audit.count(.far)
        return line
    }

    /// The blog's map: its 45 tools laid out as `ml-landscape-all` (text measured beforehand).
    /// ms covers the whole layout of the figure, label placement included.
    public static func blog() throws -> Line {
        let landscape = try DataFileLoader.loadDefault().get()
        let figure = landscape.figure(id: "ml-landscape-all") ?? Figure(id: "map", kind: .map)
        let renderer = FigureRenderer()
        _ = renderer.layout(figure, of: landscape)
        let start = DispatchTime.now().uptimeNanoseconds
        let laid = renderer.layout(figure, of: landscape)
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        var boxes: [String: Rect] = [:]
        for node in laid.scene.allNodes {
            guard case .text(let t) = node, t.id.hasPrefix("tool/") else { continue }
            let owner = String(t.id.split(separator: "/")[1])
            boxes[owner] = boxes[owner].map { $0.union(t.frame) } ?? t.frame
        }
        return Line(n: landscape.tools.count, placed: boxes.count, leaders: laid.leaderCount, omitted: laid.omittedLabels.count,
                    overlaps: LabelAudit.countOverlaps(Array(boxes.values)), milliseconds: ms, peakMegabytes: ProcessMemory.peakMegabytes)
    }

    public static func format(_ l: Line, name: String = "labels") -> String {
        "\(name) n=\(l.n) placed=\(l.placed) leaders=\(l.leaders) omitted=\(l.omitted) ambiguous=\(l.ambiguous) far=\(l.far) overlaps=\(l.overlaps) ms=\(String(format: "%.1f", l.milliseconds)) peak_mb=\(Int(l.peakMegabytes.rounded()))"
    }
}
