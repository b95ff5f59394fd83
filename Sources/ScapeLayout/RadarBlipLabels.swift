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
    /// Threads the labels may use: with more than one, a crowded radar's numbers pass is made
    /// on another core while its names pass runs (the same labels either way).
    var threads = 1
    /// From how many blips the numbers pass is made ahead: a radar of fewer mostly keeps its
    /// names, and the pass would be made for nothing.
    static let numbersAheadFrom = 200

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
        fileprivate(set) var source: LegendSource?
    }

    /// The numbered blips in legend order, with their numbers and names' sizes (in the
    /// blips' own type), and where and in what ink their legends go.
    struct LegendSource {
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
        // Every quadrant in numbers, made ahead on another core where one is free, with a
        // memo of its own, from before the names are measured (it needs none of them). It is
        // taken where the names pass leaves every quadrant crowded; the runs it made that the
        // names pass's memo holds count as not made (they would have been taken from it), so
        // the labels and the work counts are those made in turn.
        let everySector = Set(blips.map(\.sector))
        let aheadMemo = PlacementMemo()
        var ahead: WorkAhead<[LabelPlacement]>?
        if mode == .auto, threads > 1, blips.count >= Self.numbersAheadFrom {
            let numbers = blips.map { LabelRequest(anchor: $0.center, anchorRadius: blipRadius, size: numberSize, calloutSize: numberSize) }
            ahead = WorkAhead(threads: threads) { Self.place(numbers, obstacles: obstacles, bounds: bounds, memo: aheadMemo) }
        }
        let nameSizes = blips.map { measurer.measure($0.name, font: font) }
        // The names pass and the numbers pass share the runs they both make.
        let memo = PlacementMemo()
        func requests(_ numberedSectors: Set<Int>, callouts: Bool) -> [LabelRequest] {
            blips.indices.map { i in
                LabelRequest(anchor: blips[i].center, anchorRadius: blipRadius,
                             size: numberedSectors.contains(blips[i].sector) ? numberSize : nameSizes[i],
                             calloutSize: callouts ? numberSize : nil)
            }
        }
        func run(_ numberedSectors: Set<Int>, callouts: Bool) -> [LabelPlacement] {
            Self.place(requests(numberedSectors, callouts: callouts), obstacles: obstacles, bounds: bounds, memo: memo)
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
                if numberedSectors == everySector, let numbersPass = ahead {
                    numbersPass.wait()
                    ahead = nil
                    placements = numbersPass.take(less: memo.runsAlsoIn(aheadMemo).map(\.work))
                    memo.adopt(aheadMemo)
                } else {
                    placements = run(numberedSectors, callouts: true)
                }
            }
            ahead?.wait()
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

    /// One placement of the blips' labels: a blip's spot and its label's size set, the rest is
    /// the placer's.
    private static func place(_ requests: [LabelRequest], obstacles: [Rect], bounds: Rect, memo: PlacementMemo) -> [LabelPlacement] {
        var placer = LabelPlacer(gap: 4)
        placer.memo = memo
        return placer.place(requests, obstacles: obstacles, bounds: bounds)
    }

    /// Sets the numbered legends of `out` (its `legend`, `left` and `right`), in type of `size`
    /// points (never below `floor`, never above the blips' own) or the blips' own type.
    func setLegends(_ out: inout Output, size legendSize: Double?) {
        guard let source = out.source else { return }
        let set = RadarLegendColumns(labeller: self, source: source, size: legendSize)
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
            let set = RadarLegendColumns(labeller: self, source: source, size: size)
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
