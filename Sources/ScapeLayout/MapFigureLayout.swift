import Foundation
import ScapeGeometry
import ScapeModel
import ScapeScene

/// The map figures: every (selected) tool on the axes, or one quadrant zoomed in; greyed
/// tools around a highlighted subset, trend arrows, and category regions.
struct MapFigureLayout {
    let landscape: Landscape
    let theme: Theme
    let measurer: any TextMeasurer
    /// Threads the layout may use: above one, a banded map's borders are fitted on another
    /// core while the tools are placed (they depend on the data alone).
    var threads = 1

    /// The width of a figure's plot before any growth (a zoom's, a banded map's, a map's).
    static func plotWidth(of kind: FigureKind, theme: Theme) -> Double {
        switch kind {
        case .zoom: return theme.zoomWidth
        case .radarLandscape: return theme.mapWidth * 1.16
        default: return theme.mapWidth
        }
    }

    func layout(_ figure: Figure) -> LaidOutFigure {
        // Sorted by id: the picture must not depend on the order the data lists tools in.
        var tools = landscape.tools.filter { figure.only?.contains($0, in: landscape) ?? true }.sorted { $0.id < $1.id }
        if let c = figure.changes { tools = ChangeLayer.shown(tools, c) }
        var removed = figure.changes.map { ChangeLayer.removedTools($0, in: .full) } ?? []
        var window = DataWindow.full
        var canvas = Size(theme.mapWidth, theme.mapHeight)
        var zoomed: Quadrant?
        if figure.kind == .zoom, let q = figure.quadrant.flatMap(landscape.quadrant(id:)) {
            zoomed = q
            let inQuadrant = DataWindow.quadrant(x: q.x, y: q.y)
            tools = tools.filter { inQuadrant.contains(x: $0.x, y: $0.y) }
            removed = removed.filter { inQuadrant.contains(x: $0.x, y: $0.y) }
            let oldSpots = figure.changes.map { ChangeLayer.oldSpots($0).filter { inQuadrant.contains(x: $0.x, y: $0.y) } } ?? []
            window = .fitted(x: q.x, y: q.y, to: (tools + removed).map { ($0.x, $0.y) } + oldSpots)
            canvas = Size(theme.zoomWidth, theme.zoomHeight)
        }
        var margin: Double?
        if figure.kind == .radarLandscape {
            canvas = Size(Self.plotWidth(of: figure.kind, theme: theme), theme.mapHeight * 1.2)
            margin = 118
        }
        let plotCanvas = canvas
        let greyed = Set(figure.highlight.map { h in tools.filter { !h.contains($0, in: landscape, matchingAll: false) }.map(\.id) } ?? [])
            .union(removed.map(\.id))
        let current = tools  // the new edition's tools; the removed ones join them for the placer
        tools = (tools + removed).sorted { $0.id < $1.id }
        // Crowding is met inside the plot (names, leaders, numbers), never by growing it: a
        // figure is read at its publish width, and a larger one shows every name smaller.
        let attempt = build(figure, tools: tools, current: current, greyed: greyed, window: window, canvas: canvas, margin: margin, zoomed: zoomed)
        let (map, changes, layer, arrows) = (attempt.map, attempt.changes, attempt.layer, attempt.arrows)
        var (nodes, warnings) = (attempt.nodes, attempt.warnings)
        var regions: [RegionOutline] = []
        if figure.showsRegions {
            let built = RegionBuilder(landscape: landscape, theme: theme).regions(tools: tools, layer: layer)
            nodes += built.nodes
            regions = built.outlines
            warnings += built.warnings
        }
        nodes += map.axes()
        let drawn = changes?.measuringMarkers(in: Scene(size: canvas, background: nil, nodes: layer.nodes).allNodes)
        nodes += drawn?.trailNodes(tools: current) ?? []
        let insetLayers = DetailInsets.layered(attempt.insets.nodes)
        nodes += insetLayers.under
        nodes += drawn?.annotated(layer.nodes, removed: removed) ?? layer.nodes
        nodes += drawn?.markNodes(removed: removed) ?? []
        for (k, arrow) in figure.arrows.enumerated() { nodes.append(arrows.node(arrow, index: k)) }
        let insets = attempt.insets
        nodes += insetLayers.over
        let insetNumbered = Set(insets.callouts.map(\.toolID))
        let omitted = tools.indices.filter { layer.placements[$0].outcome == .omitted && !insets.named.contains(tools[$0].id) && !insetNumbered.contains(tools[$0].id) }
            .map { tools[$0].name }.sorted(by: NaturalOrder.less)
        // Past what names can do in the plot: numbers at the markers, names in a legend: in
        // framed panels where the plot is empty, then beside the plot and under it, for which
        // the figure grows (at most by the publish width's growth limit, which bounds the
        // legend's room).
        var growth: [String] = []
        let callouts = layer.callouts + insets.callouts
        if !callouts.isEmpty {
            // Not over a radar's bands (they fill the plot), nor in a cloud of thousands of dots.
            let clearance = 1.5 + theme.strokeWobble * 2
            let room = figure.kind == .radarLandscape || tools.count > ToolStacks.limit ? nil
                : LegendRoom.room(in: Rect(origin: .zero, size: canvas).insetBy(theme.margin / 2),
                                  around: nodes, clearance: clearance)
            // The legend's type as large as the growth limit allows, never below the smallest
            // type that reads at the publish width: a long legend takes smaller type, not a
            // taller figure (the plot's own names and numbers keep their size).
            let limit = Size(plotCanvas.width * PublishWidth.growthLimit, plotCanvas.height * PublishWidth.growthLimit)
            let sizes = layer.legend.typeSizes(down: map.smallestType)
            func tried(_ k: Int, estimated: Bool) -> (legend: (nodes: [SceneNode], rightWidth: Double, below: Size, panels: [Rect]), size: Size, fits: Bool) {
                let set = layer.legend.typeSet(at: sizes[k], measuredBy: estimated ? ScaledTextMeasurer(base: measurer, size: sizes[0]) : nil)
                let legend = set.layout(callouts, panelRoom: room, panelClearance: clearance, rightOrigin: Point(canvas.width, theme.margin),
                                        belowOrigin: Point(theme.margin, canvas.height), ink: theme.ink, background: theme.background ?? .white)
                let grown = Size(max(canvas.width + (legend.rightWidth > 0 ? legend.rightWidth + theme.margin * 2 : 0), legend.below.width + theme.margin * 2),
                                 canvas.height + (legend.below.height > 0 ? legend.below.height + theme.margin : 0))
                return (legend, grown, grown.width <= limit.width + 0.5 && grown.height <= limit.height + 0.5)
            }
            // Sizes are tried on estimates (each name measured once), then the first that fits
            // is laid out for real, and the next smaller if the estimate was a little short.
            var k = sizes.indices.first { $0 == 0 || tried($0, estimated: true).fits } ?? sizes.count - 1
            var attempt = tried(k, estimated: false)
            while !attempt.fits, k + 1 < sizes.count {
                k += 1
                attempt = tried(k, estimated: false)
            }
            let legend = attempt.legend
            canvas = attempt.size
            let inPlot = legend.panels.isEmpty ? "" : legend.rightWidth == 0 && legend.below == .zero ? " inside the plot" : " (partly inside the plot)"
            growth.append("\(callouts.count) tool\(callouts.count == 1 ? " is" : "s are") numbered, with \(callouts.count == 1 ? "its name" : "their names") in a legend\(inPlot)")
            nodes += legend.nodes
        }
        if figure.showsKey, let key = RegionKey(landscape: landscape, theme: theme, measurer: measurer).layout(regions, origin: Point(canvas.width, theme.margin)) {
            canvas = Size(canvas.width + key.size.width + theme.margin * 2, max(canvas.height, key.size.height + theme.margin * 2))
            nodes += key.nodes
        }
        var titleBand = 0.0
        // A title goes in a band of its own above everything, so it covers no axis label.
        if let title = figure.title {
            let font = theme.axisLabelFont
            let size = measurer.measure(title, font: font)
            let band = size.height + theme.margin
            nodes = nodes.map { $0.offset(by: Point(0, band)) }
            nodes.append(.text(SceneText(id: "title", text: title, font: font, color: theme.ink,
                                         frame: Rect(origin: Point(theme.margin, theme.margin), size: size))))
            canvas.height += band
            titleBand = band
        }
        // Said once the figure's size is final (title band included), in points, as the
        // SVG's and PDF's size (a PNG has --scale pixels a point).
        if !growth.isEmpty {
            let grew = canvas.width > plotCanvas.width || canvas.height > plotCanvas.height + titleBand
            warnings.append(growth.joined(separator: "; ") + (grew ? "; the figure grew from \(Int(plotCanvas.width))x\(Int((plotCanvas.height + titleBand).rounded())) pt to \(Int(canvas.width))x\(Int(canvas.height.rounded())) pt" : ""))
        }
        if insets.count > 0 {
            warnings.append("\(insets.named.count) tool\(insets.named.count == 1 ? " is" : "s are") named in \(insets.count == 1 ? "a detail inset" : "\(insets.count) detail insets"), their crowded spot drawn again, enlarged")
        }
        if !omitted.isEmpty {
            let shown = omitted.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            warnings.append("\(omitted.count) label\(omitted.count == 1 ? " was" : "s were") left out for lack of room: \(shown)\(omitted.count > 5 ? ", ..." : "")")
        }
        let laid = LaidOutFigure(figure: figure, scene: Scene(size: canvas, background: theme.background, nodes: nodes),
                                 warnings: warnings, omittedLabels: omitted, leaderCount: layer.leaders, regions: regions)
        guard let changes else { return laid }
        let shownIDs = Set(current.map(\.id))
        let counts = (moved: changes.changes.trails.filter { shownIDs.contains($0.toolID) }.count,
                      added: changes.changes.added.filter(shownIDs.contains).count, removed: removed.count)
        return EditionLegend(theme: theme, measurer: measurer).appended(to: laid, changes: changes.changes, counts: counts)
    }

    /// Every text's box among `nodes` (titles, watermarks, band names): what an inset may not cover.
    static func textFrames(_ nodes: [SceneNode]) -> [Rect] {
        Scene(size: .zero, background: nil, nodes: nodes).allNodes.compactMap { if case .text(let t) = $0 { return t.frame } else { return nil } }
    }

    /// The plot's backdrop and titles, and the tools placed on it.
    struct Attempt {
        var map: MapLayout
        var changes: ChangeLayer?
        var nodes: [SceneNode]
        var warnings: [String]
        var layer: ToolLayer
        var arrows: TrendArrowLayout
        var insets: DetailInsets.Result
    }

    private func build(_ figure: Figure, tools: [Tool], current: [Tool], greyed: Set<String>, window: DataWindow, canvas: Size, margin: Double?, zoomed: Quadrant?) -> Attempt {
        var map = MapLayout(landscape: landscape, window: window, canvas: canvas, margin: margin, theme: theme, measurer: measurer)
        map.publish = PublishWidth(pixels: figure.fit ?? PublishWidth.defaultPixels)
        let changes = figure.changes.map { ChangeLayer(changes: $0, frame: map.frame, theme: theme) }
        let arrows = TrendArrowLayout(frame: map.frame, theme: theme)
        var soft = figure.arrows.flatMap { arrows.obstacles($0) }
        var nodes: [SceneNode] = QuadrantBackdrop(frame: map.frame, theme: theme).nodes
        var warnings: [String] = []
        var titleFont = theme.quadrantTitleFont
        // A banded map's borders depend on the data alone: fitted meanwhile where a core is idle.
        let bandFit = figure.kind == .radarLandscape ? BandFit(landscape: landscape, given: figure.bandBorders, threads: threads) : nil
        let bandsAt = nodes.count
        if let q = zoomed {
            // The quadrant's title as a watermark in the middle of its tools.
            let text = TitleWrap.balanced(q.title)
            titleFont = theme.watermarkFont
            let size = measurer.measure(text, font: titleFont)
            let points = tools.map { map.frame.point(x: $0.x, y: $0.y) }
            let center = points.isEmpty ? map.frame.plotRect.center
                : points.dropFirst().reduce(Rect(center: points[0], size: .zero)) { $0.union(Rect(center: $1, size: .zero)) }.center
            let rect = Rect(center: center, size: size)
            soft.append(SoftObstacle(rect: rect, weight: 1.2))
            nodes.append(.group(SceneGroup(id: "quadrant-titles", children: [
                .text(SceneText(id: "watermark/\(q.id)", text: text, font: titleFont, color: QuadrantBackdrop.titleColor(q, theme: theme, fallback: theme.quadrantTitleColor, watermark: true), frame: rect, alignment: .center)),
            ])))
        } else {
            nodes += map.quadrantTitles(color: theme.quadrantTitleColor, font: theme.quadrantTitleFont, avoiding: tools.map { map.frame.point(x: $0.x, y: $0.y) })
        }
        let hard = changes?.obstacles(tools: current) ?? []
        let placed = map.place(tools, greyed: greyed, soft: soft, obstacles: hard, titleFont: zoomed == nil ? titleFont : nil)
        if let bandFit {
            // Under the quadrant titles, as the placer never looks at them (the insets do).
            let bands = BandLayer(landscape: landscape, theme: theme, measurer: measurer, frame: map.frame)
                .build(bandFit.result, offBand: figure.offBand)
            nodes.insert(contentsOf: bands.nodes, at: bandsAt)
            warnings = bands.warnings + warnings
        }
        // Knots the plot could not name: drawn again, enlarged, where the figure is empty,
        // before the map numbers them (a name in an inset reads better than a number).
        // An inset may lie over an empty stretch of an axis line, never over its end labels
        // or arrowheads (an axis without its head loses its direction).
        var insets = DetailInsets.Result()
        if placed.tools.indices.contains(where: placed.unnamedOnMap) {
            // Nor over an edition's trails and marks, or a trend arrow.
            let keepOut = Self.textFrames(nodes) + map.frame.endLabels.values.map(\.frame) + map.arrowheads() + hard + soft.map(\.rect)
            insets = DetailInsets(map: map, theme: theme, measurer: measurer)
                .build(placed, keepOut: keepOut, area: Rect(origin: .zero, size: canvas).insetBy(theme.margin / 2))
        }
        let layer = map.draw(placed, namedElsewhere: insets.named)
        let leftOut = Set(tools.indices.filter { layer.placements[$0].outcome == .omitted && !insets.named.contains(tools[$0].id) }.map { tools[$0].id })
        insets = DetailInsets(map: map, theme: theme, measurer: measurer).numbered(insets, greyed: greyed, numbering: InsetNumbering(layer.callouts, fresh: leftOut))
        return Attempt(map: map, changes: changes, nodes: nodes, warnings: warnings, layer: layer, arrows: arrows, insets: insets)
    }

}

/// The adoption bands drawn behind a map: dashed outline, hatched fill and the ring's name at
/// both ends, in the ring's colour.
struct BandLayer {
    let landscape: Landscape
    let theme: Theme
    let measurer: any TextMeasurer
    let frame: MapFrame

    /// `offBand`: the tools the data says lie outside their band (no warning for them, but
    /// one for each that lies in its band after all, so the list stays true).
    func build(_ fit: (bands: AdoptionBands, borders: [BandBorder]), offBand: [String] = []) -> (nodes: [SceneNode], warnings: [String]) {
        let (bands, borders) = fit
        var warnings: [String] = []
        let misplaced = bands.misplaced(borders)
        for id in offBand where !misplaced.contains(where: { $0.0.id == id }) {
            let name = landscape.tools.first { $0.id == id }?.name ?? id
            warnings.append("tool '\(name)' is listed in 'off-band' but lies in its ring's band; take it off the list")
        }
        for (tool, ring, band) in misplaced where !offBand.contains(tool.id) {
            let place = band.map { "in the \(landscape.rings[$0]) band" } ?? "on the border between two bands"
            warnings.append("tool '\(tool.name)' (ring \(landscape.rings[ring])) lies \(place)")
        }
        var children: [SceneNode] = []
        let font = FontSpec(family: theme.fontFamily, size: theme.axisLabelFontSize * 1.05)
        let canvas = Rect(origin: .zero, size: frame.canvas).insetBy(theme.margin / 2)
        // What a ring's name may not cover: the axis labels, and the names placed before it.
        var taken = frame.endLabels.values.map { $0.frame.outsetBy(3) }
        for (k, ring) in landscape.rings.enumerated() {
            let color = RadarLayout.ringColors[k % RadarLayout.ringColors.count]
            let polygon = bands.polygon(band: k, borders: borders).map { frame.point(x: $0.x, y: $0.y) }
            guard polygon.count > 2 else { continue }
            let outline = AdoptionBands.rounded(polygon)
            children.append(.path(ScenePath(id: "band/\(ring)", path: .polyline(outline, closed: true),
                                            pattern: FillPattern(kind: theme.regionFill, color: color.withAlpha(0.32), angle: theme.hatchAngle, gap: theme.regionHatchGap, weight: theme.hatchWeight),
                                            stroke: StrokeStyle(color: theme.ink.withAlpha(0.55), width: 1.1, dash: [6, 5]))))
            // The ring's name beyond both ends of its band (top left and bottom right).
            let name = ring.prefix(1).uppercased() + ring.dropFirst()
            let size = measurer.measure(name, font: font)
            let perpendicular = { (p: Point) -> Double in
                let d = frame.data(at: p)
                return -d.x * sin(bands.angle) + d.y * cos(bands.angle)
            }
            for e in 0..<2 {
                // From the band's very end inwards along its outline, the first spot clear of the
                // axis labels and of the ring names already placed (on a narrow band an end may
                // sit under an axis label).
                let fromEnd = outline.sorted { e == 0 ? perpendicular($0) > perpendicular($1) : perpendicular($0) < perpendicular($1) }
                // Beyond the end, leaning outwards first (top left, bottom right), then the other way.
                let (w, h) = (size.width * 0.55, size.height * 0.55)
                let offsets = e == 0 ? [Point(-w, -h), Point(w, -h)] : [Point(w, h), Point(-w, h)]
                let spots = fromEnd.prefix(max(1, fromEnd.count / 3)).flatMap { end in offsets.map { end + $0 } }.map { center -> Rect in
                    var rect = Rect(center: center, size: size)
                    rect.origin.x = min(max(rect.minX, canvas.minX), canvas.maxX - rect.width)
                    rect.origin.y = min(max(rect.minY, canvas.minY), canvas.maxY - rect.height)
                    return rect
                }
                let rect = spots.first { spot in !taken.contains { $0.intersects(spot) } } ?? spots[0]
                taken.append(rect.outsetBy(3))
                children.append(.text(SceneText(id: "band/\(ring)/name/\(e + 1)", text: name, font: font, color: color, frame: rect, alignment: .center)))
            }
        }
        return ([.group(SceneGroup(id: "bands", children: children))], warnings)
    }
}

/// Category regions of the tools on a figure, drawn as hatched pastel blobs.
struct RegionBuilder {
    let landscape: Landscape
    let theme: Theme

    func regions(tools: [Tool], layer: ToolLayer) -> (nodes: [SceneNode], outlines: [RegionOutline], warnings: [String]) {
        let colors = CategoryPalette.colors(for: landscape)
        let markerBoxes = layer.anchors.map { Rect(center: $0, size: Size(2 * theme.markerRadius, 2 * theme.markerRadius)).outsetBy(theme.markerStroke) }
        var children: [SceneNode] = []
        var outlines: [RegionOutline] = []
        var warnings: [String] = []
        let shownCategories = landscape.categories.filter { c in tools.contains { $0.categories.contains(c.id) } }.sorted { $0.id < $1.id }
        for category in shownCategories {
            let members = tools.indices.filter { tools[$0].categories.contains(category.id) }
            let strangers = tools.indices.filter { !tools[$0].categories.contains(category.id) }
            var boxes: [Rect] = [], anchors: [Point] = [], owner: [Int] = []
            for i in members {
                boxes.append(markerBoxes[i]); anchors.append(layer.anchors[i]); owner.append(i)
                if layer.placements[i].isPlaced { boxes.append(layer.placements[i].rect); anchors.append(layer.placements[i].rect.center); owner.append(i) }
            }
            let result = RegionLayout().outline(memberBoxes: boxes, memberAnchors: anchors, strangers: strangers.map { markerBoxes[$0] })
            for m in Set(result.missedMembers.map { owner[$0] }).sorted() {
                warnings.append("the region of '\(category.name)' could not enclose its member '\(tools[m].name)'")
            }
            for s in result.coveredStrangers {
                warnings.append("the region of '\(category.name)' covers '\(tools[strangers[s]].name)', which is not in it")
            }
            outlines.append(RegionOutline(category: category.id, polygons: result.polygons))
            let color = colors[category.id] ?? CategoryPalette.pastels[0]
            var path = Path()
            for polygon in result.polygons { path.append(.smoothCurve(through: polygon, closed: true)) }
            guard !path.isEmpty else { continue }
            children.append(.path(ScenePath(
                id: "region/\(category.id)", path: path,
                pattern: FillPattern(kind: theme.regionFill, color: color.withAlpha(0.5), angle: theme.hatchAngle, gap: theme.regionHatchGap, weight: theme.hatchWeight),
                stroke: StrokeStyle(color: color.withAlpha(0.6), width: theme.regionStroke))))
        }
        return (children.isEmpty ? [] : [.group(SceneGroup(id: "regions", children: children))], outlines, warnings)
    }
}

/// Trend arrows over a map: a straight line or a smooth curve through data points, one head.
struct TrendArrowLayout {
    let frame: MapFrame
    let theme: Theme

    func path(_ arrow: TrendArrow) -> (shaft: Path, tip: Point, from: Point) {
        let pts = arrow.points.map { frame.point(x: $0.x, y: $0.y) }
        let shaft = arrow.smooth ? Path.smoothCurve(through: pts) : Path.polyline(pts)
        let samples = shaft.polylines(curveSteps: 12).first?.points ?? pts
        let tip = samples.last!
        // The head follows the curve's direction over its last few units.
        let from = samples.reversed().first { $0.distance(to: tip) > theme.arrowheadLength } ?? samples[samples.count - 2]
        return (shaft, tip, from)
    }

    func node(_ arrow: TrendArrow, index: Int) -> SceneNode {
        let (shaft, tip, from) = path(arrow)
        var p = shaft
        p.append(ArrowGeometry.head(tip: tip, from: from, length: theme.arrowheadLength * 1.1))
        let color = Color(hex: arrow.color) ?? Color(red: 0.78, green: 0.22, blue: 0.22)
        return .path(ScenePath(id: "arrow/\(index)", path: p, stroke: StrokeStyle(color: color, width: theme.trendStroke)))
    }

    /// Small boxes along the arrow, which labels avoid when they can.
    func obstacles(_ arrow: TrendArrow) -> [SoftObstacle] {
        let samples = path(arrow).shaft.polylines(curveSteps: 24).first?.points ?? []
        var out: [SoftObstacle] = []
        var last: Point?
        for p in samples where last == nil || p.distance(to: last!) >= 8 {
            out.append(SoftObstacle(rect: Rect(center: p, size: Size(8, 8)), weight: 2))
            last = p
        }
        return out
    }
}
