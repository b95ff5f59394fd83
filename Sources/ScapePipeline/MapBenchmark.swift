import Foundation
import ScapeGeometry
import ScapeLayout
import ScapeInterop
import ScapeModel
import ScapeScene

/// `mlscape bench labels` on the real map figure: the built-in landscape's axes, axis labels,
/// quadrant titles and margins, with n tools "Tool i" from one of four seeded point sets.
/// Every tool is then judged from the drawn scene by `LabelAudit`, not by the placer.
public struct MapBenchmark {
    /// The shapes of data users bring.
    public enum PointSet: String, CaseIterable, Sendable {
        /// Spread evenly over the whole plot.
        case uniform
        /// Five tight Gaussian clusters.
        case clusters
        /// All in one quadrant (a crowded Mermaid chart).
        case quadrant
        /// The shape of fixtures/examples/tools-80.csv, repeated with a little jitter.
        case tools80 = "tools-80"
        /// Spread evenly, but in fives at one spot (a chart that lists the same point again and
        /// again): stacks.
        case stacked
    }

    public struct Line {
        public var set: PointSet
        public var n: Int
        public var counts: [LabelAudit.Verdict: Int]
        public var overlaps: Int
        public var covered: Int
        public var runOns = 0
        /// The longest leader as a share of the plot's diagonal.
        public var longestLeader = 0.0
        /// The smallest name, number or legend entry, in pixels at the publish width.
        public var smallestNamePixels = 0.0
        public var stacks = 0
        public var insets = 0
        /// Pairs of markers drawn over each other.
        public var hiddenMarkers = 0
        public var canvas: Size
        public var milliseconds: Double
        public var peakMegabytes: Double
        /// The tools that fail the rule, with their verdict ("tool:t12 crossed").
        public var failures: [String] = []
    }

    /// Data points (-1 ... 1) of a set; SplitMix64 from `seed`. `shape` is the tools-80 points.
    public static func points(_ set: PointSet, n: Int, seed: UInt64 = 42, shape: [(Double, Double)] = []) -> [(Double, Double)] {
        var rng = SplitMix64(state: seed)
        func gauss() -> Double {
            let u = max(rng.nextUnit(), 1e-12), v = rng.nextUnit()
            return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
        }
        func clamp(_ v: Double) -> Double { min(0.97, max(-0.97, v)) }
        switch set {
        case .uniform:
            return (0..<n).map { _ in (rng.nextUnit() * 1.9 - 0.95, rng.nextUnit() * 1.9 - 0.95) }
        case .quadrant:
            return (0..<n).map { _ in (0.05 + rng.nextUnit() * 0.9, 0.05 + rng.nextUnit() * 0.9) }
        case .clusters:
            let centers = (0..<5).map { _ in (rng.nextUnit() * 1.4 - 0.7, rng.nextUnit() * 1.4 - 0.7) }
            return (0..<n).map { i in
                let c = centers[i % 5]
                return (clamp(c.0 + gauss() * 0.12), clamp(c.1 + gauss() * 0.12))
            }
        case .stacked:
            let spots = (0..<max(1, (n + 4) / 5)).map { _ in (rng.nextUnit() * 1.9 - 0.95, rng.nextUnit() * 1.9 - 0.95) }
            return (0..<n).map { i in spots[i / 5] }
        case .tools80:
            guard !shape.isEmpty else { return points(.uniform, n: n, seed: seed) }
            return (0..<n).map { i in
                let p = shape[i % shape.count]
                return i < shape.count ? p : (clamp(p.0 + gauss() * 0.04), clamp(p.1 + gauss() * 0.04))
            }
        }
    }

    let renderer = FigureRenderer()
    let base: Landscape
    let shape: [(Double, Double)]

    /// `shapeFile`: the tools-80 CSV (its points give the set its shape); uniform if absent.
    public init(shapeFile: URL? = nil) throws {
        base = try DataFileLoader.loadDefault().get()
        if let shapeFile, let l = DataFileLoader.load(contentsOf: shapeFile).landscape {
            shape = l.tools.map { ($0.x, $0.y) }
        } else {
            shape = []
        }
    }

    public var hasShape: Bool { !shape.isEmpty }

    /// The n tools "Tool i" of a set.
    public func tools(_ set: PointSet, n: Int, seed: UInt64 = 42) -> [Tool] {
        Self.points(set, n: n, seed: seed, shape: shape).enumerated().map { i, p in
            Tool(id: "t\(i)", name: "Tool \(i)", x: p.0, y: p.1)
        }
    }

    /// The SVG of the map of n tools of a set, to look at a bench line.
    public func svg(_ set: PointSet, n: Int, seed: UInt64 = 42) throws -> [UInt8] {
        let landscape = Landscape(title: "bench", style: base.style, axes: base.axes, quadrants: base.quadrants, tools: tools(set, n: n, seed: seed))
        let out = try renderer.render(Figure(id: "map", kind: .map), of: landscape, settings: RenderSettings(formats: ["svg"]))
        return out.files[0].bytes
    }

    /// Lays out the map of n tools of a set and audits the scene.
    public func run(_ set: PointSet, n: Int, seed: UInt64 = 42) -> Line {
        let tools = tools(set, n: n, seed: seed)
        let landscape = Landscape(title: "bench", style: base.style, axes: base.axes, quadrants: base.quadrants, tools: tools)
        let figure = Figure(id: "map", kind: .map)
        let start = DispatchTime.now().uptimeNanoseconds
        let laid = renderer.layout(figure, of: landscape)
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let audit = LabelAudit(scene: laid.scene)
        var line = Line(set: set, n: n, counts: audit.counts, overlaps: audit.overlaps, covered: audit.coveredLabels,
                        canvas: laid.scene.size, milliseconds: ms, peakMegabytes: ProcessMemory.peakMegabytes, failures: audit.failures)
        line.runOns = audit.runOns
        line.longestLeader = audit.plotDiagonal.map { audit.longestLeader / $0 } ?? 0
        line.smallestNamePixels = LabelAudit.smallestNamePixels(laid.scene, publishWidth: PublishWidth.defaultPixels)
        line.stacks = audit.stacks
        line.insets = audit.insets
        line.hiddenMarkers = audit.overlappingMarkers
        return line
    }

    public static func format(_ l: Line) -> String {
        let c = l.counts
        let identified = "adjacent=\(c[.adjacent] ?? 0) leaders=\(c[.leader] ?? 0) callouts=\(c[.callout] ?? 0)"
        let failed = "omitted=\(c[.omitted] ?? 0) ambiguous=\(c[.ambiguous] ?? 0) far=\(c[.far] ?? 0) crossed=\(c[.crossed] ?? 0)"
        return "map set=\(l.set.rawValue) n=\(l.n) \(identified) \(failed) overlaps=\(l.overlaps) covered=\(l.covered) runon=\(l.runOns) stacks=\(l.stacks) insets=\(l.insets) hidden=\(l.hiddenMarkers) max_leader=\(Int((l.longestLeader * 100).rounded()))% min_name_px=\(String(format: "%.1f", l.smallestNamePixels)) canvas=\(Int(l.canvas.width))x\(Int(l.canvas.height)) ms=\(String(format: "%.1f", l.milliseconds)) peak_mb=\(Int(l.peakMegabytes.rounded()))"
    }
}
