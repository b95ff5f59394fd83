import Foundation
import ScapeGeometry
import ScapeInterop
import ScapeModel
import ScapeRender

/// The fixed inputs `mlscape bench work` renders and counts: the blog's set, the dense
/// examples, large radars and maps, and the worst shape we can build for each expensive loop.
/// Every input is made from fixed seeds, so its counts are the same on every machine.
public struct WorkCatalogue {
    /// One input: what to load and how to render it. Loaded only when run (the largest is big).
    public struct Entry {
        public var name: String
        public var load: () throws -> (landscape: Landscape, figures: [Figure], settings: RenderSettings)

        public init(name: String, load: @escaping () throws -> (landscape: Landscape, figures: [Figure], settings: RenderSettings)) {
            self.name = name
            self.load = load
        }
    }

    /// `root` is the repository (for fixtures/examples and the tools-80 shape).
    public static func entries(root: URL) throws -> [Entry] {
        let defaults = RenderSettings(formats: ["png", "svg"], creationDate: RenderOptions.defaultCreationDate)
        func all(_ result: LoadResult, _ name: String) throws -> (Landscape, [Figure], RenderSettings) {
            guard let landscape = result.landscape else { throw WorkCatalogueError("cannot load \(name): \(result.diagnostics.first.map { "\($0)" } ?? "")") }
            return (landscape, landscape.effectiveFigures, defaults)
        }
        var out: [Entry] = [Entry(name: "blog") { try all(DataFileLoader.loadDefault(), "the blog's data") }]

        let examples = root.appendingPathComponent("fixtures/examples")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: examples.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw WorkCatalogueError("the work catalogue reads fixtures/examples, and \(root.path) has none: run it from the repository's top folder")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { !$0.hasPrefix(".") }.sorted()
        for file in files {
            let url = examples.appendingPathComponent(file)
            out.append(Entry(name: "examples/\(file)") { try all(DataFileLoader.load(contentsOf: url), file) })
        }

        out.append(Entry(name: "radar-1000") { try all(DataFileLoader.load(text: radarCSV(n: 1000, oneRing: false), file: "radar-1000.csv"), "radar-1000") })

        let maps = try MapBenchmark(shapeFile: root.appendingPathComponent("fixtures/examples/tools-80.csv"))
        for set in MapBenchmark.PointSet.allCases {
            for n in [300, 1000] {
                let name = "map-\(set.rawValue)-\(n)"
                out.append(Entry(name: name) {
                    try all(DataFileLoader.load(text: mapCSV(maps.tools(set, n: n).map { ($0.name, $0.x, $0.y) }), file: name + ".csv"), name)
                })
            }
        }
        out.append(Entry(name: "tools-100000") {
            try all(DataFileLoader.load(text: mapCSV(maps.tools(.uniform, n: 100_000).map { ($0.name, $0.x, $0.y) }), file: "tools-100000.csv"), "tools-100000")
        })

        // The worst shapes: each loop's crowd.
        out.append(Entry(name: "worst/radar-one-ring-1000") {
            try all(DataFileLoader.load(text: radarCSV(n: 1000, oneRing: true), file: "one-ring.csv"), "one-ring")
        })
        out.append(Entry(name: "worst/map-one-spot-1000") {
            try all(DataFileLoader.load(text: mapCSV((0..<1000).map { ("Tool \($0)", 0.3, 0.3) }), file: "one-spot.csv"), "one-spot")
        })
        out.append(Entry(name: "worst/map-knot-10000") {
            // 10,000 tools in one tight knot (past the 2,000 where stacks stop): every leader
            // out of it passes thousands of markers (7.8 s before a leader's check stopped at
            // the first that blocks it).
            var rng = SplitMix64(state: 3)
            let tools = (0..<10_000).map { i -> (String, Double, Double) in
                ("Knot tool \(i)", 0.5 + (rng.nextUnit() - 0.5) * 0.12, 0.5 + (rng.nextUnit() - 0.5) * 0.12)
            }
            return try all(DataFileLoader.load(text: mapCSV(tools), file: "knot-10000.csv"), "knot-10000")
        })
        out.append(Entry(name: "worst/map-long-names-300") {
            let limit = InputBounds.label.maxCharacters
            let tools = maps.tools(.uniform, n: 300).enumerated().map { i, t in
                let stem = "Tool \(i) "
                return (stem + String(repeating: "x", count: limit - stem.count), t.x, t.y)
            }
            return try all(DataFileLoader.load(text: mapCSV(tools), file: "long-names.csv"), "long-names")
        })
        out.append(Entry(name: "worst/bands-2000") {
            // A banded map of 2,000 tools whose rings stray across each other: no calm border
            // holds them all, so the fit tries every curve for every border (it turned
            // quadratic in the tools once, sorting them by insertion from one tilt to the next).
            try all(DataFileLoader.load(text: bandedYAML(n: 2000), file: "bands-2000.yaml"), "bands-2000")
        })
        out.append(Entry(name: "worst/raster-30000px") {
            // The widest raster the bounds allow, of the banded map: one PNG drawn in bands.
            let landscape = try DataFileLoader.loadDefault().get()
            var settings = RenderSettings(formats: ["png"], creationDate: RenderOptions.defaultCreationDate)
            settings.width = InputBounds.width.upper
            return (landscape, Array(landscape.effectiveFigures.filter { $0.kind == .radarLandscape }.prefix(1)), settings)
        })
        return out
    }

    /// A Thoughtworks radar CSV of n blips, seeded; `oneRing`: every blip in Adopt / Tools.
    static func radarCSV(n: Int, oneRing: Bool) -> String {
        var rng = SplitMix64(state: 15)
        let rings = ["Adopt", "Trial", "Assess", "Hold"], quadrants = ["Tools", "Techniques", "Platforms", "Languages"]
        var out = "name,ring,quadrant,isNew,description\n"
        for i in 0..<n {
            let ring = oneRing ? 0 : Int(rng.next() % 4), quadrant = oneRing ? 0 : Int(rng.next() % 4)
            out += "Blip \(i),\(rings[ring]),\(quadrants[quadrant]),\(rng.next() % 2 == 0 ? "TRUE" : "FALSE"),\n"
        }
        return out
    }

    /// A landscape of n tools in four rings along the diagonal, a tenth of the way astray,
    /// drawn as a banded map (seeded).
    static func bandedYAML(n: Int) -> String {
        var rng = SplitMix64(state: 25)
        let rings = ["adopt", "trial", "assess", "hold"]
        var out = """
        title: Bands
        axes:
          x: { name: a, negative: Left, positive: Right }
          y: { name: b, negative: Bottom, positive: Top }
        rings: [adopt, trial, assess, hold]
        quadrants:
          - { id: q1, title: One, x: positive, y: positive }
          - { id: q2, title: Two, x: negative, y: positive }
          - { id: q3, title: Three, x: negative, y: negative }
          - { id: q4, title: Four, x: positive, y: negative }
        categories:

        """
        for ring in rings { out += "  - { id: c-\(ring), name: \(ring), quadrant: q1, ring: \(ring) }\n" }
        out += "tools:\n"
        for i in 0..<n {
            let x = (rng.nextUnit() - 0.5) * 1.9, y = (rng.nextUnit() - 0.5) * 1.9
            let along = (x + y) / 2.0.squareRoot() + (rng.nextUnit() - 0.5) * 0.35
            let ring = min(3, max(0, Int((along + 1.35) / 2.7 * 4)))
            out += "  - { name: Tool \(i), x: \(String(format: "%.3f", x)), y: \(String(format: "%.3f", y)), categories: [c-\(rings[ring])] }\n"
        }
        return out + "figures:\n  - { id: banded, kind: radar-landscape }\n"
    }

    /// A landscape CSV (what `mlscape bench points --set` prints).
    static func mapCSV(_ tools: [(String, Double, Double)]) -> String {
        var out = "name,x,y\n"
        for t in tools { out += "\(t.0),\(t.1),\(t.2)\n" }
        return out
    }
}

struct WorkCatalogueError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
