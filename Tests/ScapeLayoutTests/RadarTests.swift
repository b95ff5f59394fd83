import Foundation
import Testing
import ScapeGeometry
import ScapeInterop
@testable import ScapeLayout
import ScapeModel
import ScapeScene

@Suite struct RadarTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let landscape = try! LandscapeLoader.loadDefault().get()

    func radarFigure(_ csv: String) throws -> (Landscape, Figure) {
        let path = Self.root.appendingPathComponent(csv).path
        let loaded = RadarCSVParser.parse(text: try String(contentsOfFile: path, encoding: .utf8), file: path)
        let l = try loaded.get()
        return (l, l.figures[0])
    }

    @Test func blipsStayInTheirRingAndSectorApartAndLabelled() throws {
        let (l, figure) = try radarFigure("fixtures/examples/radar.csv")
        #expect(figure.radar?.blips.count == 25)
        let r = RadarLayout(landscape: l, theme: .sketch, measurer: FixedTextMeasurer()).build(figure)
        #expect(r.blips.count == 25)
        for b in r.blips {
            let d = b.center.distance(to: r.center)
            let inner = b.ring == 0 ? 0 : r.ringRadii[b.ring - 1]
            #expect(d > inner && d < r.ringRadii[b.ring], "\(b.name) is outside its ring")
            var angle = atan2(r.center.y - b.center.y, b.center.x - r.center.x)
            if angle < 0 { angle += 2 * .pi }
            #expect(angle > Double(b.sector) * .pi / 2 && angle < Double(b.sector + 1) * .pi / 2, "\(b.name) is outside its sector")
        }
        for (i, a) in r.blips.enumerated() {
            for b in r.blips[(i + 1)...] { #expect(a.center.distance(to: b.center) > 13, "\(a.name) and \(b.name) overlap") }
        }
        #expect(r.labelRects.count == 25, "every blip keeps its label")
        guard r.labelRects.count == r.blips.count else { return }
        func distance(_ rect: Rect, _ p: Point) -> Double {
            let dx = max(rect.minX - p.x, 0, p.x - rect.maxX), dy = max(rect.minY - p.y, 0, p.y - rect.maxY)
            return (dx * dx + dy * dy).squareRoot()
        }
        for (i, a) in r.labelRects.enumerated() {
            let name = r.blips[i].name
            for b in r.labelRects[(i + 1)...] { #expect(!a.intersects(b), "the label of \(name) overlaps another") }
            let own = distance(a, r.blips[i].center)
            for (j, blip) in r.blips.enumerated() where j != i {
                #expect(!a.insetBy(0.5).intersects(Rect(center: blip.center, size: Size(10, 10))), "the label of \(name) covers the blip \(blip.name)")
                #expect(distance(a, blip.center) >= own - 0.5, "the label of \(name) is nearer to the blip \(blip.name) than to its own")
            }
        }
    }

    /// A radar whose numbered legends need more than the publish width's growth limit is
    /// drawn on smaller rings (the figure then within 1.25 times its 1000 pt), and every blip
    /// still keeps to its own ring and sector there, apart from the others.
    @Test func smallerRingsForTheLegendsStillHoldEachBlipInItsCell() throws {
        let rings = ["Adopt", "Trial", "Assess", "Hold"], sectors = ["Tools", "Techniques", "Platforms", "Languages"]
        var csv = "name,ring,quadrant,isNew,description\n"
        for k in 0..<80 { csv += "A blip with a long name \(k),\(rings[k % 4]),\(sectors[(k / 4) % 4]),FALSE,\n" }
        let l = try RadarCSVParser.parse(text: csv, file: "long.csv").get()
        var figure = l.figures[0]
        figure.blipLabels = .numbers
        let r = RadarLayout(landscape: l, theme: .sketch, measurer: FixedTextMeasurer()).build(figure)
        #expect(r.ringRadii.last! < RadarLayout.outerRadius - 1, "the rings are drawn smaller: \(r.ringRadii) \(r.figure.warnings)")
        #expect(r.figure.scene.size.width <= RadarLayout.side * PublishWidth.growthLimit + 0.5, "\(r.figure.scene.size)")
        #expect(r.blips.count == 80 && r.crowdedBlips == 0 && r.figure.omittedLabels.isEmpty)
        for b in r.blips {
            let d = b.center.distance(to: r.center)
            #expect(d > (b.ring == 0 ? 0 : r.ringRadii[b.ring - 1]) && d < r.ringRadii[b.ring], "\(b.name) is outside its ring")
            var angle = atan2(r.center.y - b.center.y, b.center.x - r.center.x)
            if angle < 0 { angle += 2 * .pi }
            #expect(angle > Double(b.sector) * .pi / 2 && angle < Double(b.sector + 1) * .pi / 2, "\(b.name) is outside its sector")
        }
        for (i, a) in r.blips.enumerated() {
            for b in r.blips[(i + 1)...] { #expect(a.center.distance(to: b.center) > 13, "\(a.name) and \(b.name) overlap") }
        }
    }

    /// A radar that leaves labels out at full size is laid out once: smaller rings would
    /// only leave out more, and trying them cost a 1,000-blip radar three times its work.
    @Test func aRadarLeavingLabelsOutAtFullSizeIsLaidOutOnce() throws {
        let rings = ["Adopt", "Trial", "Assess", "Hold"], sectors = ["Tools", "Techniques", "Platforms", "Languages"]
        var csv = "name,ring,quadrant,isNew,description\n"
        for k in 0..<300 { csv += "B\(k),\(rings[k % 4]),\(sectors[(k / 4) % 4]),FALSE,\n" }
        let l = try RadarCSVParser.parse(text: csv, file: "many.csv").get()
        let layout = RadarLayout(landscape: l, theme: .sketch, measurer: FixedTextMeasurer())
        let spec = layout.spec(for: l.figures[0])
        let once = WorkCounters.measure { layout.full(l.figures[0], spec, width: RadarLayout.side, publish: PublishWidth()) }
        #expect(!once.result.figure.omittedLabels.isEmpty && !once.result.legendsBeside, "the case: labels left out, the legends too wide to stand beside the rings")
        #expect(once.result.smallestLegends + RadarLayout.side * RadarLayout.narrowestShare <= 1250, "the case: legends that would fit beside smaller rings")
        let chosen = WorkCounters.measure { layout.build(l.figures[0]) }
        #expect(chosen.counts[.blipSpacingChecks] == once.counts[.blipSpacingChecks], "\(chosen.counts) against \(once.counts)")
    }

    /// With two threads, a crowded radar's numbers pass is made while its names pass runs:
    /// the figure and the work counts must be those made in turn, on one thread, whether the
    /// pass made ahead is taken (every quadrant crowded; at 600 blips it makes a run the names
    /// pass made too, which counts once) or not (names that fit).
    @Test(arguments: [("Blip", 600), ("A much longer blip name", 400), ("B", 220)])
    func aRadarMadeOnTwoThreadsIsTheOneMadeOnOne(prefix: String, blips: Int) throws {
        let rings = ["Adopt", "Trial", "Assess", "Hold"], sectors = ["Tools", "Techniques", "Platforms", "Languages"]
        var csv = "name,ring,quadrant,isNew,description\n"
        for k in 0..<blips { csv += "\(prefix) \(k),\(rings[(k * 7) % 4]),\(sectors[(k / 3) % 4]),FALSE,\n" }
        let l = try RadarCSVParser.parse(text: csv, file: "crowd.csv").get()
        #expect(blips >= RadarBlipLabels.numbersAheadFrom, "the case: enough blips for the numbers pass to be made ahead")
        func made(threads: Int) -> (scene: String, counts: [WorkCounter: Int]) {
            let m = WorkCounters.measure { RadarLayout(landscape: l, theme: .sketch, measurer: FixedTextMeasurer(), threads: threads).build(l.figures[0]) }
            return (SceneDump.dump(m.result.figure.scene), m.counts)
        }
        let one = made(threads: 1), two = made(threads: 2)
        #expect(one.scene == two.scene, "the labels differ on two threads")
        #expect(one.counts == two.counts, "the work counts differ: \(one.counts) on one thread, \(two.counts) on two")
        #expect((one.counts[.placerCandidates] ?? 0) > 0)
    }

    @Test func blipPlacementDoesNotDependOnTheInputOrder() throws {
        let (l, figure) = try radarFigure("fixtures/examples/radar.csv")
        var shuffled = figure
        shuffled.radar!.blips.reverse()
        let a = RadarLayout(landscape: l, theme: .clean, measurer: FixedTextMeasurer()).build(figure).blips
        let b = RadarLayout(landscape: l, theme: .clean, measurer: FixedTextMeasurer()).build(shuffled).blips
        let key = { (x: [(name: String, center: Point, ring: Int, sector: Int)]) in x.sorted { $0.name < $1.name }.map { "\($0.name)@\($0.center.x),\($0.center.y)" } }
        #expect(key(a) == key(b))
    }

    @Test func quarterRadarHasTheLandscapesRingsInOrder() {
        let figure = landscape.figure(id: "tech-radar")!
        let scene = RadarLayout(landscape: landscape, theme: .sketch, measurer: FixedTextMeasurer()).build(figure).figure.scene
        let names = (1...4).compactMap { k -> String? in
            if case .text(let t)? = scene.node(id: "radar/ring/\(k)") { return t.text } else { return nil }
        }
        #expect(names == ["Adopt", "Trial", "Assess", "Hold"])
        #expect((1...3).allSatisfy { scene.node(id: "radar/border/\($0)") != nil })
    }

    @Test func bandsSeparateTheRingsAndReportEveryMisplacedTool() {
        let bands = AdoptionBands(landscape: landscape)
        let straight = bands.borders()
        #expect(straight.count == 3)
        #expect(zip(straight, straight.dropFirst()).allSatisfy { $0.0 < $0.1 })
        let borders = bands.curvedBorders(from: straight)
        // Calm, the borders stay ordered wherever they are drawn (inside the bands' box).
        for (k, (low, high)) in zip(borders, borders.dropFirst()).enumerated() {
            for (j, t) in BandBorder.across.enumerated() {
                let p = bands.point(along: low.along[j], across: t)
                guard abs(p.x) <= AdoptionBands.box && abs(p.y) <= AdoptionBands.box else { continue }
                #expect(low.along[j] < high.along[j], "borders \(k + 1) and \(k + 2) cross at (\(p.x), \(p.y))")
            }
        }
        // The blog's data puts a few assess tools (orchestrators) among trial platforms: no
        // calm border holds them all, and the few left out are each reported below.
        let misplaced = bands.misplaced(borders)
        #expect(misplaced.count <= 5, "\(misplaced.map { $0.0.name })")
        for tool in landscape.tools {
            guard let ring = bands.ring(of: tool) else { continue }
            let band = bands.band(ofX: tool.x, y: tool.y, borders: borders)
            #expect((band == ring) != misplaced.contains { $0.0.id == tool.id }, "\(tool.name) is misreported")
        }
        // Without the data's 'off-band' list every one is reported; with it none, and a listed
        // tool that lies in its band is.
        var figure = landscape.figure(id: "tech-radar-landscape")!
        #expect(Set(figure.offBand) == Set(misplaced.map { $0.0.id }), "the built-in list names the tools the bands leave out")
        #expect(FigureLayout(theme: .sketch, measurer: FixedTextMeasurer()).layout(figure, of: landscape).warnings.isEmpty)
        figure.offBand += ["airflow"]
        let stale = FigureLayout(theme: .sketch, measurer: FixedTextMeasurer()).layout(figure, of: landscape).warnings
        #expect(stale == ["tool 'Airflow' is listed in 'off-band' but lies in its ring's band; take it off the list"], "\(stale)")
        figure.offBand = []
        let laid = FigureLayout(theme: .sketch, measurer: FixedTextMeasurer()).layout(figure, of: landscape)
        for (tool, _, _) in misplaced { #expect(laid.warnings.contains { $0.contains("'\(tool.name)'") }, "\(tool.name) is not reported") }
        for ring in landscape.rings {
            #expect(laid.scene.node(id: "band/\(ring)") != nil)
            #expect(laid.scene.node(id: "band/\(ring)/name/1") != nil && laid.scene.node(id: "band/\(ring)/name/2") != nil)
        }
    }

    /// A radar figure of a landscape file shows the landscape's own tools: each ringed tool a
    /// blip in its category's ring and in its corner's sector, named after the quadrant there;
    /// `quarter: true` keeps the bare quarter of the blog.
    @Test func aRadarOfALandscapeShowsItsOwnTools() throws {
        let yaml = """
            rings: [adopt, trial, assess, hold]
            quadrants:
              - { id: p, title: "Proven\\nPlatforms", x: positive, y: positive }
              - { id: t, title: Tools, x: negative, y: negative }
            categories:
              - { id: a, name: A, ring: adopt }
              - { id: h, name: H, ring: hold }
            tools:
              - { name: BigQuery, x: 0.7, y: 0.6, categories: [a], description: "Fast & cheap" }
              - { name: Polars, x: -0.7, y: -0.6, categories: [h] }
              - { name: Hex, x: 0.3, y: -0.6, categories: [h, a] }
              - { name: Unringed, x: -0.3, y: 0.6 }
            figures:
              - { id: radar, kind: radar }
              - { id: bare, kind: radar, quarter: true }
            """
        let l = try LandscapeLoader.load(text: yaml, file: "r.yaml").get()
        let layout = RadarLayout(landscape: l, theme: .clean, measurer: FixedTextMeasurer())
        let spec = layout.spec(for: l.figure(id: "radar")!)
        #expect(!spec.quarter && spec.sectors == ["Proven Platforms", "", "Tools", ""])
        #expect(spec.blips.map { "\($0.id) \(spec.rings[$0.ring]) \($0.sector)" } == ["bigquery Adopt 0", "polars Hold 2", "hex Hold 3"])
        #expect(spec.blips[0].plainDescription == "Fast & cheap")
        let built = layout.build(l.figure(id: "radar")!)
        #expect(built.blips.count == 3 && built.figure.warnings.isEmpty, "\(built.figure.warnings)")
        #expect(layout.build(l.figure(id: "bare")!).blips.isEmpty, "quarter: true is the bare quarter")
    }

    @Test func givenBordersAreUsedAsTheyAre() {
        var figure = landscape.figure(id: "tech-radar-landscape")!
        figure.bandBorders = [-0.9, -0.2, 0.5]
        let laid = FigureLayout(theme: .clean, measurer: FixedTextMeasurer()).layout(figure, of: landscape)
        #expect(laid.warnings.count > 4, "arbitrary borders misplace many tools, and say so")
    }

    @Test(arguments: [
        ("radar-missing-column.csv", "1:31: error: the radar has neither an 'isNew' nor a 'status' column"),
        ("radar-nine-rings.csv", "10:3: error: a 9th ring 'Gone'; a radar has 1 to 8 rings"),
        ("radar-five-quadrants.csv", "6:9: error: a fifth quadrant 'Five'; a radar has at most 4"),
    ])
    func badRadarCSVsGetLocatedErrors(file: String, expected: String) throws {
        let path = "fixtures/bad/\(file)"
        let loaded = RadarCSVParser.parse(text: try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8), file: path)
        #expect(loaded.landscape == nil)
        #expect(loaded.diagnostics.contains { $0.description.hasPrefix("\(path):\(expected)") }, "\(loaded.diagnostics)")
    }
}
