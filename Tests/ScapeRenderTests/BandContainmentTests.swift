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

    /// For each ringed tool: (name, its ring, the rings whose band outline holds its marker centre).
    static func holders(_ landscape: Landscape, figure: Figure) throws -> (rows: [(String, String, [String])], warnings: [String]) {
        let out = try FigureRenderer().render(figure, of: landscape, settings: RenderSettings(formats: ["svg"], style: .clean))
        let svg = String(decoding: out.files[0].bytes, as: UTF8.self)
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
        return (rows, out.warnings)
    }

    @Test func theBuiltInBandsHoldEveryToolAndWarnOfNothing() throws {
        let landscape = try DataFileLoader.loadDefault().get()
        let (rows, warnings) = try Self.holders(landscape, figure: landscape.figure(id: "tech-radar-landscape")!)
        #expect(rows.count == landscape.tools.count)
        for (name, ring, holders) in rows { #expect(holders == [ring], "\(name) (ring \(ring)) lies in \(holders)") }
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
        #expect(held >= rows.count * 9 / 10, "seed \(seed): only \(held) of \(rows.count) tools held")
    }
}
