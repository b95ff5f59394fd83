import ScapeGeometry
import ScapeModel
import ScapeScene

/// Names or numbers for a full radar's blips, and a numbered legend per quadrant (the
/// Thoughtworks and Zalando convention). `auto` names blips where the names identify them
/// and switches a crowded quadrant to numbers, so no blip goes unnamed.
struct RadarBlipLabels {
    let theme: Theme
    let measurer: any TextMeasurer
    /// The smallest type that reads at the publish width (`PublishWidth.smallestType`).
    var floor = 0.0

    struct Blip {
        var name: String
        /// The scene id prefix, e.g. `blip/mlflow`.
        var owner: String
        var center: Point
        var ring: Int
        var sector: Int
    }

    struct Output {
        /// Per blip: its name or number (and leader), in radar coordinates.
        var children: [[SceneNode]]
        /// The legends, with the left one starting at x = 0 (the caller shifts the radar right by `left`).
        var legend: [SceneNode] = []
        var left = 0.0
        var right = 0.0
        /// The height of the legend set under the rings instead (`setLegendsBelow`), else 0.
        var below = 0.0
        var omitted: [String] = []
        var numbered = 0
        /// What the legends are set from, again in smaller type if they need it (`setLegends`).
        fileprivate var source: LegendSource?
    }

    /// The numbered blips in legend order, with their numbers and names' sizes (in the
    /// blips' own type), and where and in what ink their legends go.
    fileprivate struct LegendSource {
        var order: [Int]
        var numbers: [Int: Int]
        var blips: [Blip]
        var nameSizes: [Size]
        var sectors: [String]
        var bounds: Rect
        var ink: Color
    }

    var font: FontSpec { FontSpec(family: theme.fontFamily, size: max(floor, theme.toolFontSize * 0.8)) }

    func label(_ blips: [Blip], mode: BlipLabels, sectors: [String], blipRadius: Double, obstacles: [Rect], bounds: Rect, ink: Color) -> Output {
        let digits = String(max(1, blips.count)).count
        let numberSize = measurer.measure(String(repeating: "8", count: digits), font: font)
        let nameSizes = blips.map { measurer.measure($0.name, font: font) }
        // The names pass and the numbers pass share the runs they both make.
        let memo = PlacementMemo()
        func run(_ numberedSectors: Set<Int>, callouts: Bool) -> [LabelPlacement] {
            let requests = blips.indices.map { i in
                LabelRequest(anchor: blips[i].center, anchorRadius: blipRadius,
                             size: numberedSectors.contains(blips[i].sector) ? numberSize : nameSizes[i],
                             calloutSize: callouts ? numberSize : nil)
            }
            var placer = LabelPlacer(gap: 4)
            placer.memo = memo
            return placer.place(requests, obstacles: obstacles, bounds: bounds)
        }
        var numberedSectors = Set<Int>()
        var placements: [LabelPlacement]
        switch mode {
        case .names:
            placements = run([], callouts: false)
        case .numbers:
            numberedSectors = Set(blips.map(\.sector))
            placements = run(numberedSectors, callouts: true)
        case .auto:
            placements = run([], callouts: true)
            // A quadrant where any name needed a number goes to numbers whole; repeat while
            // the new layout pushes another quadrant's name out.
            for _ in 0..<4 {
                let crowded = Set(blips.indices.filter { !placements[$0].isPlaced }.map { blips[$0].sector })
                guard !crowded.isSubset(of: numberedSectors) else { break }
                numberedSectors.formUnion(crowded)
                placements = run(numberedSectors, callouts: true)
            }
        }
        let isNumbered = blips.indices.map { i in
            placements[i].outcome != .omitted && (numberedSectors.contains(blips[i].sector) || placements[i].outcome == .callout)
        }
        // Numbers run by quadrant, ring and name, as on the Thoughtworks radar.
        let order = blips.indices.filter { isNumbered[$0] }.sorted {
            (blips[$0].sector, blips[$0].ring, blips[$0].name) < (blips[$1].sector, blips[$1].ring, blips[$1].name)
        }
        var number: [Int: Int] = [:]
        for (k, i) in order.enumerated() { number[i] = k + 1 }
        var out = Output(children: [], numbered: order.count)
        for (i, b) in blips.enumerated() {
            let p = placements[i]
            var children: [SceneNode] = []
            if p.outcome == .omitted {
                out.omitted.append(b.name)
                out.children.append(children)
                continue
            }
            let text = number[i].map { "\($0)" } ?? b.name
            // A number is aligned towards its blip inside the reserved box (see MapLayout).
            let size = measurer.measure(text, font: font)
            var box = number[i] != nil ? Rect(x: p.rect.minX + (p.rect.width - size.width) * p.side.textAlignment.fraction, y: p.rect.midY - size.height / 2,
                                              width: size.width, height: size.height) : p.rect
            if p.hasLeader {
                // The leader the placer cleared runs to the reserved box; a number sits in that
                // box where the leader ends, so the drawn line is the one checked.
                let end = p.rect.nearestPoint(to: b.center)
                if number[i] != nil { box.origin.x = min(max(end.x - size.width / 2, p.rect.minX), p.rect.maxX - size.width) }
                let start = b.center + (end - b.center).normalized * (blipRadius + LabelPlacer.leaderGap)
                children.append(.path(ScenePath(id: "\(b.owner)/leader", path: .segment(start, end), stroke: StrokeStyle(color: ink, width: 0.8))))
            }
            if number[i] != nil {
                children.append(.text(SceneText(id: "\(b.owner)/callout", text: text, font: font, color: ink, frame: box, alignment: .center)))
            } else {
                let (fraction, centered) = p.side.textAlignment
                children.append(.text(SceneText(id: "\(b.owner)/name", text: text, font: font, color: ink, frame: box,
                                                alignment: centered ? .center : fraction == 0 ? .left : .right)))
            }
            out.children.append(children)
        }
        guard !order.isEmpty else { return out }
        out.source = LegendSource(order: order, numbers: number, blips: blips, nameSizes: nameSizes, sectors: sectors, bounds: bounds, ink: ink)
        setLegends(&out, size: nil)
        return out
    }

    /// Sets the numbered legends of `out` (its `legend`, `left` and `right`), in type of `size`
    /// points (never below `floor`, never above the blips' own) or the blips' own type.
    func setLegends(_ out: inout Output, size legendSize: Double?) {
        guard let source = out.source else { return }
        let set = LegendSetter(labeller: self, source: source, size: legendSize)
        let leftColumn = set.columns([1, 2], x0: theme.margin, top: source.bounds.minY, bottom: source.bounds.maxY)
        out.left = leftColumn.width > 0 ? leftColumn.width + theme.margin : 0
        let rightColumn = set.columns([0, 3], x0: 0, top: source.bounds.minY, bottom: source.bounds.maxY)
        out.right = rightColumn.width > 0 ? rightColumn.width + theme.margin : 0
        out.below = 0
        out.legend = [.group(SceneGroup(id: "blip-legend-left", children: leftColumn.nodes)),
                      .group(SceneGroup(id: "blip-legend-right", children: rightColumn.nodes))]
    }

    /// Sets the numbered legends of `out` under the rings, in one run of columns across
    /// `width` (from y = 0; the caller moves it under the rings): for a radar read in a column
    /// too narrow for legends beside it. The quadrants follow one another in their numbers'
    /// order, each column as short as lets them all fit the width. In the blips' own type where
    /// the legend then stays within the growth limit's height, else at `floor`.
    func setLegendsBelow(_ out: inout Output, width: Double, room: Double) {
        guard let source = out.source else { return }
        let sectorsInOrder = source.order.reduce(into: [Int]()) { if !$0.contains(source.blips[$1].sector) { $0.append(source.blips[$1].sector) } }
        var best: (nodes: [SceneNode], height: Double)?
        for size in [nil, floor] as [Double?] {
            let set = LegendSetter(labeller: self, source: source, size: size)
            // Columns as short as fit the width: from the height of one even share, a row more
            // at a time (no more rows than the legend has).
            let rows = Double(source.order.count + 2 * sectorsInOrder.count)
            let estimate = rows * set.rowHeight * set.widestRow() / max(1, width)
            var height = max(set.rowHeight * 4, estimate)
            var laid = set.columns(sectorsInOrder, x0: theme.margin, top: 0, bottom: height)
            while laid.width > width - theme.margin && height < rows * set.rowHeight * 1.5 {
                height += set.rowHeight
                laid = set.columns(sectorsInOrder, x0: theme.margin, top: 0, bottom: height)
            }
            best = (laid.nodes, laid.height)
            if laid.height <= room { break }
        }
        out.left = 0
        out.right = 0
        out.below = best.map { $0.height + theme.margin } ?? 0
        out.legend = [.group(SceneGroup(id: "blip-legend-below", children: best?.nodes ?? []))]
    }
}

/// The numbered legend's columns in one type: a quadrant's head, then its rows, running on
/// into a new column (headed "continued") at `bottom`.
private struct LegendSetter {
    let labeller: RadarBlipLabels
    let source: RadarBlipLabels.LegendSource
    let legendFont: FontSpec
    let headFont: FontSpec
    let rowHeight: Double
    let numberWidth: Double

    init(labeller: RadarBlipLabels, source: RadarBlipLabels.LegendSource, size legendSize: Double?) {
        self.labeller = labeller
        self.source = source
        let font = labeller.font, measurer = labeller.measurer
        // Rows set as a map's legend sets them (`CalloutLegend.rowLeading`): a line and a
        // tenth apart (1.29 of Comic Neue's size) ran a quadrant's list onto a second column.
        legendFont = legendSize.map { FontSpec(family: font.family, size: max(labeller.floor, min($0, font.size))) } ?? font
        rowHeight = min(measurer.measure("0", font: legendFont).height, legendFont.size * CalloutLegend.rowLeading)
        headFont = FontSpec(family: labeller.theme.fontFamily, size: max(labeller.floor, legendFont.size * 0.85 / 0.8), weight: .bold)
        numberWidth = measurer.measure(String(repeating: "8", count: String(max(1, source.blips.count)).count), font: legendFont).width
    }

    /// The widest row (number and name) in this type, with the gap to the next column.
    func widestRow() -> Double {
        let names = source.order.map { legendFont == labeller.font ? source.nameSizes[$0].width : labeller.measurer.measure(source.blips[$0].name, font: legendFont).width }
        return numberWidth + 6 + (names.max() ?? 0) + 18
    }

    func columns(_ sectorsOnSide: [Int], x0: Double, top: Double, bottom: Double) -> (nodes: [SceneNode], width: Double, height: Double) {
        let (order, number, blips, nameSizes, sectors, ink) = (source.order, source.numbers, source.blips, source.nameSizes, source.sectors, source.ink)
        let measurer = labeller.measurer, font = labeller.font
        var nodes: [SceneNode] = []
        var x = x0, y = top, widest = 0.0, lowest = top
        for s in sectorsOnSide {
            let entries = order.filter { blips[$0].sector == s }
            guard !entries.isEmpty else { continue }
            let head = s < sectors.count ? sectors[s] : "Quadrant \(s + 1)"
            let hs = measurer.measure(head, font: headFont)
            if y + hs.height + rowHeight > bottom && y > top { x += widest + 18; y = top; widest = 0 }
            nodes.append(.text(SceneText(id: "legend/sector/\(s + 1)", text: head, font: headFont, color: RadarLayout.sectorColors[s % 4],
                                         frame: Rect(origin: Point(x, y), size: hs))))
            widest = max(widest, hs.width)
            y += hs.height + 2
            for i in entries {
                if y + rowHeight > bottom {
                    // A quadrant that runs on into a new column says so at its top, so no
                    // name there reads as the first quadrant's.
                    lowest = max(lowest, y)
                    x += widest + 18; y = top; widest = 0
                    let more = "\(head) (continued)"
                    let ms = measurer.measure(more, font: headFont)
                    nodes.append(.text(SceneText(id: "legend/sector/\(s + 1)/continued", text: more, font: headFont, color: RadarLayout.sectorColors[s % 4],
                                                 frame: Rect(origin: Point(x, y), size: ms))))
                    widest = ms.width
                    y += ms.height + 2
                }
                let n = "\(number[i]!)"
                let ns = measurer.measure(n, font: legendFont)
                let nameSize = legendFont == font ? nameSizes[i] : measurer.measure(blips[i].name, font: legendFont)
                // Each row's box cut to the row (the ink keeps within it).
                nodes.append(.text(SceneText(id: "\(blips[i].owner)/legend-number", text: n, font: legendFont, color: ink,
                                             frame: Rect(x: x + numberWidth - ns.width, y: y, width: ns.width, height: min(ns.height, rowHeight)), alignment: .right)))
                nodes.append(.text(SceneText(id: "\(blips[i].owner)/name", text: blips[i].name, font: legendFont, color: ink,
                                             frame: Rect(x: x + numberWidth + 6, y: y, width: nameSize.width, height: min(nameSize.height, rowHeight)))))
                widest = max(widest, numberWidth + 6 + nameSize.width)
                y += rowHeight
            }
            lowest = max(lowest, y)
            y += rowHeight * 0.6
        }
        return (nodes, nodes.isEmpty ? 0 : x + widest - x0, lowest - top)
    }
}
