import Foundation
import ScapeGeometry
import ScapeInterop
import ScapeModel
import ScapePipeline
import Testing

/// The adoption bands of a radar-landscape hold their tools, checked from the SVG: each
/// tool's marker centre lies inside the outline of its ring's band and of no other.
@Suite struct BandContainmentTests {
    /// Every number pair of a path's `d`, as its vertices (clean style: straight segments).
    static func points(ofPath id: String, in svg: String) -> [(Double, Double)]? {
        guard let start = svg.range(of: "<path id=\"\(id)\" d=\""),
              let end = svg[start.upperBound...].firstIndex(of: "\"") else { return nil }
        let numbers = svg[start.upperBound..<end].split(whereSeparator: { " MLCZ".contains($0) }).compactMap { Double($0) }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }

    static func inside(_ p: (Double, Double), _ polygon: [(Double, Double)]) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in polygon.indices {
            let a = polygon[i], b = polygon[j]
            if (a.1 > p.1) != (b.1 > p.1), p.0 < (b.0 - a.0) * (p.1 - a.1) / (b.1 - a.1) + a.0 { inside.toggle() }
            j = i
        }
        return inside
    }

    static func svg(_ landscape: Landscape, figure: Figure) throws -> (svg: String, warnings: [String]) {
        let out = try FigureRenderer().render(figure, of: landscape, settings: RenderSettings(formats: ["svg"], style: .clean))
        return (String(decoding: out.files[0].bytes, as: UTF8.self), out.warnings)
    }

    /// For each ringed tool: (name, its ring, the rings whose band outline holds its marker centre).
    static func holders(_ landscape: Landscape, figure: Figure) throws -> (rows: [(String, String, [String])], warnings: [String]) {
        let (svg, warnings) = try Self.svg(landscape, figure: figure)
        let bands = landscape.rings.map { (ring: $0, outline: points(ofPath: "band.\($0)", in: svg) ?? []) }
        var rows: [(String, String, [String])] = []
        for tool in landscape.tools {
            guard let ring = tool.categories.lazy.compactMap({ landscape.category(id: $0)?.ring }).first else { continue }
            // A tool stacked with others at one spot has its own dot under the stack's marker.
            let stacked = svg.range(of: "\\.tool\\.\(NSRegularExpression.escapedPattern(for: tool.id))\\.marker\"", options: .regularExpression)
                .flatMap { r in svg[..<r.lowerBound].range(of: "<path id=\"stack.", options: .backwards).map { String(svg[$0.lowerBound..<r.upperBound].dropFirst(10).dropLast()) } }
            let marker = try #require(points(ofPath: "tool.\(tool.id).marker", in: svg) ?? stacked.flatMap { points(ofPath: $0, in: svg) }, "no marker for \(tool.id)")
            let xs = marker.map(\.0), ys = marker.map(\.1)
            let centre = ((xs.min()! + xs.max()!) / 2, (ys.min()! + ys.max()!) / 2)
            rows.append((tool.name, ring, bands.filter { inside(centre, $0.outline) }.map(\.ring)))
        }
        return (rows, warnings)
    }

    static func distance(_ p: (Double, Double), toOutline outline: [(Double, Double)]) -> Double {
        outline.indices.map { i in
            let a = Point(outline[i].0, outline[i].1), b = Point(outline[(i + 1) % outline.count].0, outline[(i + 1) % outline.count].1)
            return Segment.distance(from: Point(p.0, p.1), to: a, b)
        }.min() ?? .infinity
    }

    /// How the drawn border between two bands bends: the total left and right turning (in
    /// degrees) along the stretch of `outline` that faces `neighbour` across the white gap,
    /// its ends (where it rounds into the frame) left out. An S turns both ways.
    static func turning(of outline: [(Double, Double)], facing neighbour: [(Double, Double)]) -> (left: Double, right: Double) {
        let d = outline.map { distance($0, toOutline: neighbour) }
        guard let nearest = d.min() else { return (0, 0) }
        // The facing stretch: the longest cyclic run of points within reach of the neighbour
        // (the gap is narrowest where the border is steepest, at most about twice as wide elsewhere).
        let near = d.map { $0 <= 2.2 * nearest + 1 }
        var best: [Int] = [], run: [Int] = []
        for i in 0..<(2 * outline.count) {
            let k = i % outline.count
            if near[k] && run.count < outline.count { run.append(k) } else { if run.count > best.count { best = run }; run = near[k] ? [k] : [] }
        }
        if run.count > best.count { best = run }
        let pts = best.map { outline[$0] }
        guard pts.count > 4 else { return (0, 0) }
        // Leave out the tenth at each end by length: where the border rounds into the frame.
        var length = [0.0]
        for (a, b) in zip(pts, pts.dropFirst()) { length.append(length.last! + hypot(b.0 - a.0, b.1 - a.1)) }
        let total = length.last!
        let inner = pts.indices.filter { length[$0] >= 0.1 * total && length[$0] <= 0.9 * total }.map { pts[$0] }
        var left = 0.0, right = 0.0
        for i in inner.indices.dropFirst().dropLast() {
            let a = inner[i - 1], b = inner[i], c = inner[i + 1]
            let turn = atan2((b.0 - a.0) * (c.1 - b.1) - (b.1 - a.1) * (c.0 - b.0), (b.0 - a.0) * (c.0 - b.0) + (b.1 - a.1) * (c.1 - b.1)) * 180 / .pi
            if turn > 0.05 { left += turn } else if turn < -0.05 { right -= turn }
        }
        return (left, right)
    }

    /// Each border as drawn, read back from the SVG, bends one way only: no S.
    static func expectCalmBorders(_ landscape: Landscape, figure: Figure, _ what: String) throws {
        let (svg, _) = try Self.svg(landscape, figure: figure)
        let outlines = landscape.rings.compactMap { points(ofPath: "band.\($0)", in: svg) }
        #expect(outlines.count == landscape.rings.count, "\(what): a band is missing")
        for k in outlines.indices.dropLast() {
            for (outline, neighbour) in [(outlines[k], outlines[k + 1]), (outlines[k + 1], outlines[k])] {
                let t = turning(of: outline, facing: neighbour)
                #expect(min(t.left, t.right) < 2, "\(what): the border between \(landscape.rings[k]) and \(landscape.rings[k + 1]) bends both ways (an S): \(t)")
            }
        }
    }

    /// A ring's name at the end of a narrow band moves along the band's end off the axis
    /// labels and the other rings' names (a user's twelve tools, as `mlscape init` starts them).
    @Test func ringNamesCoverNoAxisLabelAndNoOtherRingName() throws {
        let text = """
        axes:
          x: { name: maturity, negative: Experimental, positive: Proven }
          y: { name: scope, negative: Single task, positive: Platform }
        rings: [adopt, trial, assess, hold]
        quadrants:
          - { id: platforms, title: "Proven Platforms", x: positive, y: positive }
          - { id: new-platforms, title: "New Platforms", x: negative, y: positive }
          - { id: tools, title: "Proven Tools", x: positive, y: negative }
          - { id: new-tools, title: "New Tools", x: negative, y: negative }
        categories:
          - { id: warehouses, name: Warehouses, quadrant: platforms, ring: adopt }
          - { id: notebooks, name: Notebooks, quadrant: tools, ring: trial }
        tools:
          - { name: BigQuery, x: 0.7, y: 0.6, categories: [warehouses] }
          - { name: Snowflake, x: 0.5, y: 0.75, categories: [warehouses] }
          - { name: Redshift, x: 0.8, y: 0.3, categories: [warehouses] }
          - { name: DuckDB, x: -0.4, y: 0.35 }
          - { name: Jupyter, x: 0.6, y: -0.4, categories: [notebooks] }
          - { name: Hex, x: 0.2, y: -0.3, categories: [notebooks] }
          - { name: Marimo, x: -0.35, y: -0.8 }
          - { name: Polars, x: -0.6, y: -0.3 }
          - { name: dbt, x: 0.3, y: 0.2 }
          - { name: Dagster, x: -0.1, y: 0.5 }
          - { name: Evidence, x: -0.8, y: 0.7 }
          - { name: Airbyte, x: -0.7, y: -0.7 }
        figures:
          - { id: bands, kind: radar-landscape }
        """
        let l = try DataFileLoader.load(text: text, file: "stack.yaml").get()
        // In the hand-drawn style, whose wider type brought the names onto the axis labels.
        let out = try FigureRenderer().render(l.figures[0], of: l, settings: RenderSettings(formats: ["svg"], style: .sketch))
        let items = LabelAudit(svg: String(decoding: out.files[0].bytes, as: UTF8.self)).items
        let names = items.filter { $0.id.hasPrefix("band.") && $0.id.contains(".name.") }
        let axes = items.filter { $0.id.hasPrefix("axis.") && !["axis.x", "axis.y"].contains($0.id) }
        #expect(names.count == 8 && axes.count == 4, "\(names.map(\.id)) \(axes.map(\.id))")
        for (k, n) in names.enumerated() {
            for a in axes { #expect(!n.box.intersects(a.box), "\(n.id) covers \(a.id)") }
            for m in names[(k + 1)...] { #expect(!n.box.intersects(m.box), "\(n.id) covers \(m.id)") }
        }
    }

    @Test func theBuiltInBordersAsDrawnBendOneWayOnly() throws {
        let landscape = try DataFileLoader.loadDefault().get()
        try Self.expectCalmBorders(landscape, figure: landscape.figure(id: "tech-radar-landscape")!, "the blog's figure")
    }

    /// The test itself sees an S: a drawn S-shaped strip between two bands turns both ways.
    @Test func anSShapedBorderIsSeenAsOne() {
        let wave = (0...80).map { i -> (Double, Double) in let x = Double(i) * 10; return (x, 200 + 60 * sin(x / 800 * 2 * .pi)) }
        let lower = wave + wave.reversed().map { ($0.0, $0.1 + 300) }
        let upper = wave.map { ($0.0, $0.1 - 20) } + wave.reversed().map { ($0.0, $0.1 - 300) }
        let t = Self.turning(of: lower, facing: upper)
        #expect(t.left > 10 && t.right > 10, "\(t)")
        let arc = (0...80).map { i -> (Double, Double) in let x = Double(i) * 10; return (x, 200 + 0.0004 * (x - 400) * (x - 400)) }
        let a = Self.turning(of: arc + arc.reversed().map { ($0.0, $0.1 + 300) }, facing: arc.map { ($0.0, $0.1 - 20) } + arc.reversed().map { ($0.0, $0.1 - 300) })
        #expect(min(a.left, a.right) < 2 && max(a.left, a.right) > 10, "\(a)")
    }

    /// Every tool in its ring's band but those the data lists as drawn off their band (the
    /// blog's orchestrators among the trial platforms), which are indeed off it; no warning.
    @Test func theBuiltInBandsHoldEveryToolButTheListedOnesAndWarnOfNothing() throws {
        let landscape = try DataFileLoader.loadDefault().get()
        let figure = landscape.figure(id: "tech-radar-landscape")!
        #expect(figure.offBand == ["kubeflow", "spell", "metaflow", "flyte", "pachyderm"])
        let (rows, warnings) = try Self.holders(landscape, figure: figure)
        #expect(rows.count == landscape.tools.count)
        for (name, ring, holders) in rows {
            let listed = figure.offBand.contains(Tool.makeID(name: name, subtitle: nil))
            #expect((holders == [ring]) != listed, "\(name) (ring \(ring)) lies in \(holders)\(listed ? ", yet the data lists it as off its band" : "")")
            #expect(holders.count <= 1, "\(name) lies in two bands \(holders)")
        }
        #expect(warnings.isEmpty, "\(warnings)")
    }

    /// Random landscapes whose rings grow, with noise, towards the top right: a tool the
    /// bands hold is in its own band only; one they cannot hold is named in a warning.
    @Test(arguments: [11, 12, 13, 14, 15] as [UInt64])
    func bandsHoldRandomLandscapesOrSayWhichToolTheyCannot(seed: UInt64) throws {
        var rng = SplitMix64(state: seed)
        let rings = Landscape.defaultRings
        let categories = rings.map { Category(id: "in-\($0)", name: "In \($0)", ring: $0) }
        var tools: [Tool] = []
        for i in 0..<40 {
            let x = Double.random(in: -0.95...0.95, using: &rng), y = Double.random(in: -0.95...0.95, using: &rng)
            let level = (x + y + 2) / 4 * 3.2 + Double.random(in: -0.3...0.3, using: &rng)
            let ring = rings[min(max(Int(level.rounded(.down)), 0), rings.count - 1)]
            tools.append(Tool(name: "T\(i)", x: x, y: y, categories: ["in-\(ring)"]))
        }
        let figure = Figure(id: "bands", kind: .radarLandscape)
        let landscape = Landscape(categories: categories, tools: tools, figures: [figure])
        let (rows, warnings) = try Self.holders(landscape, figure: figure)
        var held = 0
        for (name, ring, holders) in rows {
            let reported = warnings.contains { $0.contains("tool '\(name)' ") }
            if holders == [ring] { held += 1 } else {
                #expect(reported, "seed \(seed): \(name) (ring \(ring)) lies in \(holders) and no warning says so")
            }
            #expect(holders.count <= 1, "seed \(seed): \(name) lies in two bands \(holders)")
        }
        print("seed \(seed): \(held) of \(rows.count) tools held")
        #expect(held >= rows.count * 8 / 10, "seed \(seed): only \(held) of \(rows.count) tools held")
        try Self.expectCalmBorders(landscape, figure: figure, "seed \(seed)")
    }
}
