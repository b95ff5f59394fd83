import Foundation
import ScapeGeometry
import ScapeModel
import ScapeScene

/// Technology radars: a quarter radar (two axes, ring borders as rounded quarter curves,
/// ring names along the diagonal) and a full radar (concentric rings, four named sectors).
/// Blips are placed inside their ring and sector at deterministic spots, apart from each
/// other; their labels go through the label placer, so none overlap.
struct RadarLayout {
    let landscape: Landscape
    let theme: Theme
    let measurer: any TextMeasurer
    /// Threads the layout may use (its labels' two passes at once; see `RadarBlipLabels`).
    var threads = 1

    /// Ring colours: adopt green, trial blue, assess orange, hold red, then more.
    static let ringColors: [Color] = [
        Color(red: 0.16, green: 0.55, blue: 0.36), Color(red: 0.13, green: 0.38, blue: 0.72),
        Color(red: 0.88, green: 0.48, blue: 0.0), Color(red: 0.8, green: 0.18, blue: 0.18),
        Color(red: 0.5, green: 0.3, blue: 0.7), Color(red: 0.3, green: 0.6, blue: 0.6),
        Color(red: 0.6, green: 0.45, blue: 0.2), Color(red: 0.4, green: 0.4, blue: 0.4),
    ]
    static let sectorColors: [Color] = [
        Color(red: 0.24, green: 0.55, blue: 0.75), Color(red: 0.35, green: 0.65, blue: 0.35),
        Color(red: 0.85, green: 0.5, blue: 0.2), Color(red: 0.7, green: 0.3, blue: 0.5),
    ]

    struct Result {
        var figure: LaidOutFigure
        /// Blip centres and the ring/sector cells they must stay in, for tests.
        var blips: [(name: String, center: Point, ring: Int, sector: Int)]
        var ringRadii: [Double]
        var center: Point
        var labelRects: [Rect]
        /// Blips placed closer than the spacing, for want of room in their ring and sector.
        var crowdedBlips = 0
        /// The numbered legends' width at the smallest type tried (both sides, margins included).
        var smallestLegends = 0.0
        /// Whether the numbered legends (if any) stand beside the rings; else they are under them.
        var legendsBeside = true
    }

    func spec(for figure: Figure) -> RadarSpec {
        if var spec = figure.radar {
            if let q = figure.quarter { spec.quarter = q }
            return spec
        }
        // A radar of the landscape's own tools, unless the figure asks for the bare quarter.
        if figure.quarter != true, let own = LandscapeRadar.spec(of: landscape) { return own }
        let names = landscape.rings.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return RadarSpec(rings: names, sectors: [], blips: [], quarter: figure.quarter ?? true)
    }

    func layout(_ figure: Figure) -> LaidOutFigure { build(figure).figure }

    func build(_ figure: Figure) -> Result {
        let spec = spec(for: figure)
        return spec.quarter ? quarter(figure, spec) : full(figure, spec)
    }

    func quarter(_ figure: Figure, _ spec: RadarSpec) -> Result {
        let canvas = Size(840, 720)
        let m = theme.margin
        let o = Point(m + 6, canvas.height - m - 6)
        let lx = canvas.width - 2 * m - 12, ly = canvas.height - 2 * m - 12
        let n = spec.rings.count
        let stroke = StrokeStyle(color: theme.ink, width: theme.axisStroke * 0.8)
        var axes = Path.segment(o, Point(o.x, o.y - ly))
        axes.append(.segment(o, Point(o.x + lx, o.y)))
        axes.append(ArrowGeometry.head(tip: Point(o.x, o.y - ly), from: o, length: theme.arrowheadLength))
        axes.append(ArrowGeometry.head(tip: Point(o.x + lx, o.y), from: o, length: theme.arrowheadLength))
        var nodes: [SceneNode] = [.path(ScenePath(id: "radar/axes", path: axes, stroke: stroke))]
        // Border k sits at 0.24 (k + 1) of the axes for four rings; the last ring is open.
        let fractions = (0..<max(0, n - 1)).map { 0.72 * Double($0 + 1) / Double(max(1, n - 1)) }
        func border(_ f: Double) -> Path {
            let pts = (0...24).map { i -> Point in
                let t = Double(i) / 24 * .pi / 2
                let c = cos(t), s = sin(t)
                return Point(o.x + f * lx * pow(c, 2.0 / 3.0), o.y - f * ly * pow(s, 2.0 / 3.0))
            }
            return .smoothCurve(through: pts)
        }
        for (k, f) in fractions.enumerated() {
            nodes.append(.path(ScenePath(id: "radar/border/\(k + 1)", path: border(f), stroke: stroke)))
        }
        let font = FontSpec(family: theme.fontFamily, size: theme.axisLabelFontSize * 1.1)
        var rects: [Rect] = []
        for (k, ring) in spec.rings.enumerated() {
            let inner = k == 0 ? 0 : fractions[k - 1]
            // Mid-band on the diagonal; the open outer ring's name just past its border.
            let t = Double.pi / 4
            let diagonal = Point(lx * pow(cos(t), 2.0 / 3.0), -ly * pow(sin(t), 2.0 / 3.0))
            let size = measurer.measure(ring, font: font)
            // The open outer ring's name goes just past its border, clear of the line: its
            // half-extent along the diagonal plus a gap.
            let unit = diagonal.normalized
            let extent = (size.width * abs(unit.x) + size.height * abs(unit.y)) / 2 + theme.labelGap * 2
            let f = k < fractions.count ? (inner + fractions[k]) / 2 * 0.9 : inner + extent / diagonal.length
            let p = o + diagonal * f
            let rect = Rect(center: p, size: size)
            rects.append(rect)
            nodes.append(.text(SceneText(id: "radar/ring/\(k + 1)", text: ring, font: font, color: theme.ink, frame: rect, alignment: .center)))
        }
        let scene = Scene(size: canvas, background: theme.background, nodes: nodes)
        return Result(figure: LaidOutFigure(figure: figure, scene: scene, warnings: []), blips: [], ringRadii: fractions, center: o, labelRects: rects)
    }

    /// A full radar's own canvas (square) and its outer ring's radius on it.
    static let side = 1000.0
    static let outerRadius = 390.0
    /// The narrowest a full radar's canvas is drawn, as a share of `side`, to leave its
    /// numbered legends room within the publish width's growth limit.
    static let narrowestShare = 0.75

    /// A full radar whose numbered legends, beside it, keep the figure within the publish
    /// width's growth limit, so its names keep their size on the page rather than the whole
    /// figure shrinking there. Where the legends need more room, their type is set smaller,
    /// down to the smallest that reads at the publish width; then the rings are drawn smaller
    /// (the canvas narrower, its height and the blips' type the same), down to
    /// `narrowestShare`, while they crowd or leave out no more blips than at full size (the
    /// blips spaced as at full size, else in proportion to the rings). Where even that does
    /// not fit, the radar is drawn at full size with its legend under the rings.
    func full(_ figure: Figure, _ spec: RadarSpec) -> Result {
        let publish = PublishWidth(pixels: figure.fit ?? PublishWidth.defaultPixels)
        let wide = full(figure, spec, width: Self.side, publish: publish)
        let limit = Self.side * PublishWidth.growthLimit
        func fits(_ r: Result) -> Bool { r.legendsBeside && r.figure.scene.size.width <= limit + 0.5 }
        /// No blip crowded and no label left out that the full-size rings had room for.
        func clear(_ r: Result) -> Bool { r.crowdedBlips <= wide.crowdedBlips && r.figure.omittedLabels.count <= wide.figure.omittedLabels.count }
        // No second try for legends too long even at their smallest type beside the narrowest
        // rings, or for a radar that leaves labels out at full size: smaller rings would only
        // leave out more (the bench's 1,000 blips, laid out once).
        guard !fits(wide), wide.figure.omittedLabels.isEmpty, limit - wide.smallestLegends >= Self.side * Self.narrowestShare else { return wide }
        // The blips keep their full-size spacing on the smaller rings; where that crowds one,
        // a spacing in proportion to the rings (still well over a blip's width apart). Rings
        // crowded at full size take the proportional spacing at once.
        for proportional in wide.crowdedBlips > 0 ? [true] : [false, true] {
            var width = Self.side, tried = wide
            for _ in 0..<3 where !fits(tried) {
                // The rings' room: what the legends, at their smallest type, leave of the limit.
                let next = min(width - 0.5, limit - tried.smallestLegends)
                guard next >= Self.side * Self.narrowestShare else { return wide }
                width = next
                tried = full(figure, spec, width: width, publish: publish, proportionalSpacing: proportional)
                guard clear(tried) else { break }
            }
            if fits(tried) && clear(tried) { return tried }
        }
        return wide
    }

    /// A full radar on a canvas `width` wide (rings in proportion). Its legends take smaller
    /// type, down to the publish width's floor, where they would widen the figure past the limit.
    func full(_ figure: Figure, _ spec: RadarSpec, width: Double, publish: PublishWidth, proportionalSpacing: Bool = false) -> Result {
        let canvas = Size(width, Self.side)
        let c = Point(canvas.width / 2, canvas.height / 2 + 10)
        let radius = Self.outerRadius * width / Self.side
        let n = max(1, spec.rings.count)
        let radii = (0..<n).map { radius * (Double($0 + 1) / Double(n)).squareRoot() }
        let ink = theme.ink
        var nodes: [SceneNode] = []
        for (k, r) in radii.enumerated() {
            nodes.append(.path(ScenePath(id: "radar/ring/\(k + 1)/border", path: .circle(center: c, radius: r),
                                         fill: k == 0 ? Color(red: 0.95, green: 0.95, blue: 0.95) : nil,
                                         stroke: StrokeStyle(color: ink.withAlpha(0.7), width: 1.2))))
        }
        var axes = Path.segment(Point(c.x - radius, c.y), Point(c.x + radius, c.y))
        axes.append(.segment(Point(c.x, c.y - radius), Point(c.x, c.y + radius)))
        nodes.append(.path(ScenePath(id: "radar/axes", path: axes, stroke: StrokeStyle(color: ink, width: theme.axisStroke * 0.7))))
        let ringFont = FontSpec(family: theme.fontFamily, size: theme.toolFontSize * 0.9, weight: .bold)
        var obstacles: [Rect] = [Rect(x: c.x - radius, y: c.y - 2, width: 2 * radius, height: 4), Rect(x: c.x - 2, y: c.y - radius, width: 4, height: 2 * radius)]
        for (k, ring) in spec.rings.enumerated() {
            let inner = k == 0 ? 0 : radii[k - 1]
            let size = measurer.measure(ring, font: ringFont)
            let rect = Rect(center: Point(c.x + (inner + radii[k]) / 2, c.y - size.height / 2 - 3), size: size)
            obstacles.append(rect)
            nodes.append(.text(SceneText(id: "radar/ring/\(k + 1)", text: ring, font: ringFont, color: ink.withAlpha(0.75), frame: rect, alignment: .center)))
        }
        // Sectors: 1 top right, 2 top left, 3 bottom left, 4 bottom right (counter-clockwise).
        let sectorFont = FontSpec(family: theme.fontFamily, size: theme.axisLabelFontSize)
        let corners = [Point(canvas.width - theme.margin, theme.margin), Point(theme.margin, theme.margin),
                       Point(theme.margin, canvas.height - theme.margin), Point(canvas.width - theme.margin, canvas.height - theme.margin)]
        for (s, name) in spec.sectors.prefix(4).enumerated() {
            let size = measurer.measure(name, font: sectorFont)
            let corner = corners[s]
            let origin = Point(s == 0 || s == 3 ? corner.x - size.width : corner.x, s < 2 ? corner.y : corner.y - size.height)
            let rect = Rect(origin: origin, size: size)
            obstacles.append(rect)
            nodes.append(.text(SceneText(id: "radar/sector/\(s + 1)", text: name, font: sectorFont, color: Self.sectorColors[s],
                                         frame: rect, alignment: s == 0 || s == 3 ? .right : .left)))
        }
        // Blips: a deterministic low-discrepancy sequence inside each cell, first spot far enough from the others.
        let sorted = spec.blips.enumerated().sorted { a, b in
            (a.element.sector, a.element.ring, a.element.name) < (b.element.sector, b.element.ring, b.element.name)
        }
        let blipRadius = 6.5
        let markers = BlipMarkers(style: spec.markers, ink: ink, greyed: theme.greyedInk, radius: blipRadius)
        var centers = BlipSpacingGrid(spacing: blipRadius * 4.5 * (proportionalSpacing ? width / Self.side : 1), bounds: Rect(x: c.x - radius, y: c.y - radius, width: 2 * radius, height: 2 * radius))
        var placed: [(name: String, center: Point, ring: Int, sector: Int)] = []
        var placedBlips: [RadarBlip] = []
        var warnings: [String] = []
        var crowded = 0
        // The candidate spots of a ring and sector are the same for each of its blips: computed
        // once, and the grid keeps each one's nearest blip as blips are placed.
        var spotsOfCell: [Int: Range<Int>] = [:]
        for (_, blip) in sorted {
            let spots = spotsOfCell[blip.ring * 8 + blip.sector] ?? centers.addSpots({
                let r0 = (blip.ring == 0 ? 0 : radii[blip.ring - 1]) + blipRadius * 2, r1 = radii[blip.ring] - blipRadius * 2
                let a0 = Double(blip.sector) * .pi / 2 + 0.12, a1 = Double(blip.sector + 1) * .pi / 2 - 0.12
                return (1...400).map { i in
                    let u = Self.halton(i, 2), v = Self.halton(i, 3)
                    let r = (r0 * r0 + (r1 * r1 - r0 * r0) * u).squareRoot()
                    let a = a0 + (a1 - a0) * v
                    return Point(c.x + r * cos(a), c.y - r * sin(a))
                }
            }())
            spotsOfCell[blip.ring * 8 + blip.sector] = spots
            var chosen: Point?
            var best: (Point, Double)?
            for k in spots {
                // No blip within the spacing: take the spot. Else keep the spot farthest from its nearest blip.
                guard let nearest = centers.nearestWithinSpacing(spot: k) else { chosen = centers.spot(k); break }
                if best == nil || nearest > best!.1 { best = (centers.spot(k), nearest) }
            }
            let p = chosen ?? best!.0
            if chosen == nil { crowded += 1; warnings.append("the blip '\(blip.name)' is crowded in its ring and sector") }
            centers.insert(p)
            placed.append((blip.name, p, blip.ring, blip.sector))
            placedBlips.append(blip)
        }
        var labeller = RadarBlipLabels(theme: theme, measurer: measurer, floor: publish.smallestType(plotWidth: Self.side))
        labeller.threads = threads
        var labels = labeller.label(placed.indices.map { i in
                                        .init(name: placed[i].name, owner: "blip/\(placedBlips[i].id)", center: placed[i].center, ring: placed[i].ring, sector: placed[i].sector)
                                    },
                                    mode: figure.blipLabels ?? .auto, sectors: spec.sectors, blipRadius: blipRadius, obstacles: obstacles,
                                    bounds: Rect(origin: .zero, size: canvas).insetBy(theme.margin / 2), ink: ink)
        var blipNodes: [SceneNode] = []
        var labelRects: [Rect] = []
        for (i, b) in placed.enumerated() {
            let blip = placedBlips[i]
            let color = spec.ringColors.indices.contains(b.ring) ? Color(hex: spec.ringColors[b.ring]) ?? Self.sectorColors[b.sector % 4] : Self.sectorColors[b.sector % 4]
            var children = markers.mark(blip.status, active: blip.active, at: b.center, centre: c, fill: color, id: "blip/\(blip.id)")
            children += labels.children[i]
            for case .text(let t) in labels.children[i] { labelRects.append(t.frame) }
            let title = [b.name, blip.plainDescription].compactMap { $0 }.joined(separator: ": ")
            blipNodes.append(.group(SceneGroup(id: "blip/\(blip.id)", title: title, link: blip.url, children: children)))
        }
        if !blipNodes.isEmpty {
            nodes.append(.group(SceneGroup(id: "blips", children: blipNodes)))
            let legendFont = FontSpec(family: theme.fontFamily, size: theme.toolFontSize * 0.75)
            if let legend = markers.legend(statuses: Set(placedBlips.map(\.status)), inactive: placedBlips.contains { !$0.active },
                                           at: Point(c.x, canvas.height - theme.margin - 10), font: legendFont, measurer: measurer) {
                nodes.append(legend)
            }
        }
        // Legends wider than the growth limit leaves them: smaller type, down to the floor,
        // kept only where the figure then fits (else they keep the blips' type, which shows
        // larger on the wider page). Their width shrinks about as their type does.
        let room = Self.side * PublishWidth.growthLimit - canvas.width
        var smallestLegends = labels.left + labels.right
        if smallestLegends > room + 0.5 {
            var smaller = labels, size = labeller.font.size
            for _ in 0..<4 where smallestLegends > room + 0.5 && size > labeller.floor {
                size = max(labeller.floor, size * room / smallestLegends)
                labeller.setLegends(&smaller, size: size)
                smallestLegends = smaller.left + smaller.right
            }
            if smallestLegends <= room + 0.5 { labels = smaller }
        }
        for name in labels.omitted { warnings.append("the label of blip '\(name)' was left out for lack of room") }
        var size = canvas
        // Legends too wide to stand beside the rings even at their smallest type (a radar read
        // in a narrow column, whose type is large): under the rings, across their width.
        let beside = labels.left + labels.right <= room + 0.5
        if labels.numbered > 0, !beside {
            labeller.setLegendsBelow(&labels, width: canvas.width - theme.margin, room: Self.side * (PublishWidth.growthLimit - 1))
            nodes.append(labels.legend[0].offset(by: Point(0, canvas.height)))
            size.height += labels.below
            warnings.append("\(labels.numbered) blip\(labels.numbered == 1 ? " is" : "s are") numbered, with the names in a legend under the rings, too long to stand beside them in the publish width; the figure is \(Int(size.width))x\(Int(size.height.rounded())) pt")
        } else if labels.numbered > 0 {
            // Room for the numbered legends: the radar moves right by the left one's width.
            let shift = Point(labels.left, 0)
            nodes = nodes.map { $0.offset(by: shift) }
            nodes.append(labels.legend[0])
            nodes.append(labels.legend[1].offset(by: Point(canvas.width + labels.left, 0)))
            size.width += labels.left + labels.right
            let how = " beside the rings; the figure is \(Int(size.width))x\(Int(size.height)) pt" + (width < Self.side ? ", its rings drawn at \(Int((width / Self.side * 100).rounded())) % of their size" : "")
            warnings.append("\(labels.numbered) blip\(labels.numbered == 1 ? " is" : "s are") numbered, with the names in a legend" + how)
        }
        let scene = Scene(size: size, background: theme.background, nodes: nodes)
        return Result(figure: LaidOutFigure(figure: figure, scene: scene, warnings: warnings, omittedLabels: labels.omitted),
                      blips: placed, ringRadii: radii, center: c, labelRects: labelRects, crowdedBlips: crowded, smallestLegends: smallestLegends,
                      legendsBeside: labels.numbered == 0 || beside)
    }

    /// The van der Corput / Halton sequence: evenly spread fractions, the same every run.
    static func halton(_ index: Int, _ base: Int) -> Double {
        var f = 1.0, r = 0.0, i = index
        while i > 0 {
            f /= Double(base)
            r += f * Double(i % base)
            i /= base
        }
        return r
    }
}
