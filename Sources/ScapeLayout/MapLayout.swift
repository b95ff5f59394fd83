import ScapeGeometry
import ScapeModel
import ScapeScene

/// The parts of every map figure: axes with arrowheads and end labels, quadrant titles, and
/// the tools as hollow circles whose labels are placed clear of every other label and marker.
struct MapLayout {
    let landscape: Landscape
    let theme: Theme
    let measurer: any TextMeasurer
    let frame: MapFrame
    /// The width the figure is read at: the floor for its smallest type and the room its
    /// legend may take.
    var publish = PublishWidth()
    /// A detail inset's copy of part of the map: no axes, no titles, no numbers (a name that
    /// finds no room there stays left out, as on the map).
    var isInset = false
    /// An inset's smallest type: the figure's, not one judged by the inset's own width.
    var insetFloor: Double?

    /// The layout of a detail inset, in a frame of its own.
    init(landscape: Landscape, frame: MapFrame, theme: Theme, measurer: any TextMeasurer) {
        self.landscape = landscape
        self.theme = theme
        self.measurer = measurer
        self.frame = frame
        isInset = true
    }

    init(landscape: Landscape, axes: Axes? = nil, window: DataWindow = .full, canvas: Size? = nil, margin: Double? = nil,
         theme: Theme, measurer: any TextMeasurer) {
        self.landscape = landscape
        self.theme = theme
        self.measurer = measurer
        let size = canvas ?? Size(theme.mapWidth, theme.mapHeight)
        frame = MapFrame(axes: axes ?? landscape.axes, window: window, canvas: size, margin: margin, theme: theme, measurer: measurer)
    }

    /// The axis lines inside the window, arrowheads at the outer ends, and the end labels.
    func axes(ink: Color? = nil) -> [SceneNode] {
        let color = ink ?? theme.ink
        let stroke = StrokeStyle(color: ink ?? theme.axisColor ?? color, width: theme.axisStroke)
        let w = frame.window, head = theme.arrowheadLength
        let l = frame.point(x: w.minX, y: 0), r = frame.point(x: w.maxX, y: 0)
        let b = frame.point(x: 0, y: w.minY), t = frame.point(x: 0, y: w.maxY)
        var x = Path.segment(l, r)
        if w.minX < 0 { x.append(ArrowGeometry.head(tip: l, from: r, length: head)) }
        if w.maxX > 0 { x.append(ArrowGeometry.head(tip: r, from: l, length: head)) }
        var y = Path.segment(b, t)
        if w.maxY > 0 { y.append(ArrowGeometry.head(tip: t, from: b, length: head)) }
        if w.minY < 0 { y.append(ArrowGeometry.head(tip: b, from: t, length: head)) }
        var children: [SceneNode] = [
            .path(ScenePath(id: "axis/x", path: x, stroke: stroke)),
            .path(ScenePath(id: "axis/y", path: y, stroke: stroke)),
        ]
        let font = theme.axisLabelFont
        for end in AxisEnd.allCases {
            guard let (text, rect) = frame.endLabels[end] else { continue }
            let alignment = MapFrame.alignment(of: end, theme: theme)
            let name = ["negativeX": "x/negative", "positiveX": "x/positive", "negativeY": "y/negative", "positiveY": "y/positive"][end.rawValue]!
            let labelColor = ink ?? ([.negativeX, .positiveX].contains(end) ? theme.xAxisLabelColor : theme.yAxisLabelColor) ?? color
            children.append(.text(SceneText(id: "axis/\(name)", text: text, font: font, color: labelColor, frame: rect, alignment: alignment)))
        }
        return [.group(SceneGroup(id: "axes", children: children))]
    }

    /// A box round each arrowhead drawn (where the window reaches past zero): no inset covers one.
    func arrowheads() -> [Rect] {
        let w = frame.window, head = theme.arrowheadLength
        let tips = [(w.minX < 0, frame.point(x: w.minX, y: 0)), (w.maxX > 0, frame.point(x: w.maxX, y: 0)),
                    (w.minY < 0, frame.point(x: 0, y: w.minY)), (w.maxY > 0, frame.point(x: 0, y: w.maxY))]
        return tips.filter(\.0).map { Rect(center: $0.1, size: Size(2 * head, 2 * head)) }
    }

    /// The axis lines with their heads: no name may cover them, but a leader may cross them
    /// (to reach the free quadrant beside a crowded one).
    func axisLines() -> [Rect] {
        guard !isInset else { return [] }
        let pad = theme.arrowheadLength * 0.45
        let plot = frame.plotRect
        return [
            Rect(x: plot.minX, y: frame.origin.y - pad, width: plot.width, height: 2 * pad),
            Rect(x: frame.origin.x - pad, y: plot.minY, width: 2 * pad, height: plot.height),
        ]
    }

    /// The quadrant titles' boxes: centred in their quadrants, or, as labels of the frame on a
    /// map with tools (not watermarks), at the quadrant's outer edge, moved within the quadrant
    /// off every marker (`QuadrantTitleSpot`).
    func quadrantTitleFrames(font: FontSpec, avoiding markers: [Point] = []) -> [QuadrantTitleFrame] {
        let spots = theme.quadrantTitlesAreWatermarks ? [] : markers
        let floor = min(font.size, smallestType * 1.2)
        let fonts = spots.isEmpty ? [font] : [1, 0.8, 0.65, 0.5].map { FontSpec(family: font.family, size: max(floor, font.size * $0)) }
        return landscape.quadrants.sorted { $0.id < $1.id }.map { q in
            let text = TitleWrap.balanced(q.title)
            let home = frame.quadrantRect(x: q.x, y: q.y)
            // With no tools to keep clear of (the quadrants figure, a watermark), centred.
            guard !spots.isEmpty else {
                return QuadrantTitleFrame(quadrant: q, text: text, rect: Rect(center: home.center, size: measurer.measure(text, font: font)), font: font,
                                          isLabel: !theme.quadrantTitlesAreWatermarks || markers.isEmpty)
            }
            let spot = QuadrantTitleSpot(markers: spots, clearance: theme.markerRadius * 1.8 + theme.markerStroke + LabelPlacer.labelSpacing,
                                         keepOut: axisLines(), upper: q.y == .positive)
            let (rect, k, clear) = spot.frame(sizes: fonts.map { measurer.measure(text, font: $0) }, in: home)
            // A quadrant so full of tools that no spot is clear: its title is a watermark behind them.
            return QuadrantTitleFrame(quadrant: q, text: text, rect: rect, font: fonts[k], isLabel: clear)
        }
    }

    /// The quadrant titles: faint behind the tools (`watermark/q`), or labels of the frame
    /// (`quadrant/q`) that nothing covers, moved off `markers`.
    func quadrantTitles(color: Color, font: FontSpec, avoiding markers: [Point] = []) -> [SceneNode] {
        let children: [SceneNode] = quadrantTitleFrames(font: font, avoiding: markers).map { t in
            .text(SceneText(id: "\(t.isLabel ? "quadrant" : "watermark")/\(t.quadrant.id)", text: t.text, font: t.font,
                            color: QuadrantBackdrop.titleColor(t.quadrant, theme: theme, fallback: color), frame: t.rect, alignment: .center))
        }
        return children.isEmpty ? [] : [.group(SceneGroup(id: "quadrant-titles", children: children))]
    }

    /// The tools: markers and placed labels (next to the marker, or with a leader line).
    /// Greyed tools are drawn light and place their labels after the highlighted ones.
    /// `obstacles` are extra boxes no label may cover (a diff's trails and marks).
    /// Tools whose markers would overlap are one stack: a marker with a count and one list.
    /// `numbering`: in an inset, the numbers the map gave (an inset shows those, never its own).
    func tools(_ tools: [Tool], greyed: Set<String> = [], soft extraSoft: [SoftObstacle] = [], obstacles extraHard: [Rect] = [], titleFont: FontSpec? = nil,
               numbering: InsetNumbering? = nil) -> ToolLayer {
        draw(place(tools, greyed: greyed, soft: extraSoft, obstacles: extraHard, titleFont: titleFont, numbering: numbering))
    }

    /// Where each tool's name (or number, or stack list) goes, before anything is drawn: a
    /// detail inset is chosen from this, and the map numbers only what no inset names.
    func place(_ tools: [Tool], greyed: Set<String> = [], soft extraSoft: [SoftObstacle] = [], obstacles extraHard: [Rect] = [], titleFont: FontSpec? = nil,
               numbering: InsetNumbering? = nil) -> PlacedTools {
        let numbers = !isInset || numbering != nil
        let nameFont = theme.toolFont, subFont = theme.subtitleFont
        let names = tools.map { ToolLabelText(tool: $0) }
        let legend = calloutLegend(names: tools.map(\.name))
        let anchors = tools.map { frame.point(x: $0.x, y: $0.y) }
        // Tools whose markers would overlap, before stacks grow for crowding (they only merge
        // and join from here, so the units only get fewer).
        let touching = ToolStacks(anchors: tools.count > ToolStacks.limit ? [] : anchors, diameter: 2 * theme.markerRadius)
        // Room for the widest number drawn: one a unit at most (an inset shows the map's).
        let highest = max(tools.count - touching.groups.reduce(0) { $0 + $1.count - 1 }, numbering?.highest ?? 0)
        let numberSize = legend.numberSize(count: highest)
        let onMarkerSize = measurer.measure(String(repeating: "8", count: String(max(1, highest)).count), font: onMarkerNumberFont)
        let stackLook = StackLook(theme: theme, measurer: measurer, nameFont: nameFont, countFont: onMarkerNumberFont)
        /// Whether a unit may be numbered: on the map, any; in an inset, those the map numbered.
        func mayNumber(_ unit: [Int]) -> Bool {
            guard numbers else { return false }
            return numbering.map { $0.mayNumber(unit.map { tools[$0].id }) } ?? true
        }
        // Watermarks may be crossed at a price; titles are labels of the frame, never covered.
        // (Where they go depends on the markers only: worked out once for every attempt.)
        let titleFrames = isInset ? [] : quadrantTitleFrames(font: titleFont ?? theme.quadrantTitleFont, avoiding: anchors)
        let titles = titleFrames.filter { !$0.isLabel || titleFont == nil }.map { SoftObstacle(rect: $0.rect, weight: 1.2) }
        let hardTitles = titleFont == nil ? [] : titleFrames.filter(\.isLabel).map { $0.rect.outsetBy(LabelPlacer.labelSpacing) }
        /// Names for the tools grouped as `stacks`: each unit's request and the placer's answer.
        /// `numberedBefore`: tools a previous attempt numbered (a unit holding one starts as a number).
        func attempt(_ stacks: ToolStacks, numberedBefore: Set<Int> = []) -> (units: [[Int]], requests: [LabelRequest], placements: [LabelPlacement]) {
            // What the placer names: a tool alone, or a stack (its members in legend order).
            let units: [[Int]] = tools.indices.compactMap { i in
                guard let g = stacks.stackOf[i] else { return [i] }
                return stacks.groups[g][0] == i ? CalloutLegend.ordered(stacks.groups[g], name: { tools[$0].name }, id: { tools[$0].id }) : nil
            }
            var requests = units.map { unit -> LabelRequest in
                let priority = unit.allSatisfy { greyed.contains(tools[$0].id) } ? 0 : 1
                if unit.count > 1 {
                    let center = ToolStacks.center(of: unit, anchors: anchors)
                    // A stack's list beside it, or (too long for a box) its number and a legend.
                    let variants = unit.count > StackLook.longestList && !isInset ? [numberSize] : [stackLook.listSize(unit.map { tools[$0].name })]
                    // Wide enough for its count, or for any number that may go on it.
                    var request = LabelRequest(anchor: center, anchorRadius: stackLook.radius(count: max(unit.count, numbers ? highest : 0)) + theme.markerStroke / 2,
                                               variants: variants, priority: priority, calloutSize: mayNumber(unit) ? numberSize : nil)
                    // The count fills the marker: a number never goes on it.
                    request.onMarkerCalloutSize = frame.canvas
                    return request
                }
                let i = unit[0]
                let sub = tools[i].subtitle.map { measurer.measure($0, font: subFont) }
                let variants = names[i].variants.map { name -> Size in
                    let n = measurer.measure(name, font: nameFont)
                    return Size(max(n.width, sub?.width ?? 0), n.height + (sub?.height ?? 0))
                }
                // Past 2,000 tools unstyled markers are small dots: labels and leaders go to the dot.
                let radius = tools.count > 2000 && tools[i].style == nil ? dotRadius(count: tools.count)
                    : (tools[i].style?.radius ?? theme.markerRadius) + (tools[i].style?.strokeWidth ?? theme.markerStroke) / 2
                var request = LabelRequest(anchor: anchors[i], anchorRadius: radius, variants: variants, priority: priority, calloutSize: mayNumber(unit) ? numberSize : nil)
                request.onMarkerCalloutSize = onMarkerSize
                return request
            }
            // Two stacks' discs that would lie over each other are moved apart (a marker's
            // radius at most), each within its own quadrant.
            let homes = requests.map { (anchor: $0.anchor, radius: $0.anchorRadius) }
            StackSpacing.spread(&requests, stacks: units.indices.filter { units[$0].count > 1 }, most: theme.markerRadius) { u, p in
                isInset || axisSide(p, clear: homes[u].radius) == axisSide(homes[u].anchor, clear: homes[u].radius)
            }
            let bounds = Rect(origin: .zero, size: frame.canvas).insetBy(theme.margin / 2)
            if !isInset { for u in requests.indices { requests[u].keepIn = sideOfAxes(requests[u].anchor, radius: requests[u].anchorRadius, within: bounds) } }
            // Numbers up to the legend's room; a stack's members past it are left out (below).
            var placer = LabelPlacer(gap: theme.labelGap, calloutLimit: numbering.map { $0.known.count + $0.fresh.count } ?? legend.capacity)
            placer.leaderClearance = 1 + theme.strokeWobble
            let plot = frame.plotRect
            placer.longestLeader = (plot.width * plot.width + plot.height * plot.height).squareRoot() * Self.leaderShare
            // Leaders keep to their marker's quadrant: the axis lines are obstacles to them too.
            let numberedFirst = Set(units.indices.filter { units[$0].contains(where: numberedBefore.contains) })
            var placements = placer.place(requests, obstacles: frame.endLabels.values.map { $0.frame.outsetBy(LabelPlacer.labelSpacing) } + axisLines() + hardTitles + extraHard,
                                          soft: titles + extraSoft, bounds: bounds, numberedFirst: numberedFirst)
            // A stack with no room for its list or a number beside it: its number goes on its own
            // marker, in place of the count (the legend lists its members). The marker's disc is
            // kept clear of every label, so nothing is covered and no stack is lost.
            // (Unless two stacks' discs overlap: then only the first takes its number there.)
            if numbers {
                var taken = placements.filter { $0.outcome != .omitted }.map(\.rect)
                // Sized for the widest number this placement can give: one a unit at most.
                let most = max(units.count, numbering?.highest ?? 0)
                let size = measurer.measure(String(repeating: "8", count: String(max(1, most)).count), font: onMarkerNumberFont)
                for (u, unit) in units.enumerated() where unit.count > 1 && placements[u].outcome == .omitted && requests[u].calloutSize != nil {
                    let box = Rect(center: requests[u].anchor, size: size)
                    guard !taken.contains(where: { $0.intersects(box) }) else { continue }
                    placements[u] = LabelPlacement(rect: box, side: .above, variant: 0, outcome: .callout)
                    taken.append(box)
                }
            }
            return (units, requests, placements)
        }
        /// How wide a stack's marker and rim are drawn, and a tool's marker.
        func stackRadius(_ count: Int) -> Double { stackLook.radius(count: max(count, numbers ? highest : 0)) + theme.markerStroke + StackLook.rimOffset / 2 }
        func toolRadius(_ i: Int) -> Double { (tools[i].style?.radius ?? theme.markerRadius) + (tools[i].style?.strokeWidth ?? theme.markerStroke) / 2 }
        /// A tool's side of each axis (0: on it, within its marker): stacks grown for crowding
        /// keep to one quadrant. An inset has no axes.
        func side(_ i: Int) -> (x: Int, y: Int) {
            isInset ? (0, 0) : axisSide(anchors[i], clear: toolRadius(i))
        }
        var stacks = touching
            .mergingOverlaps(anchors: anchors, toolRadius: toolRadius, stackRadius: stackRadius, spread: Self.overlapSpread * 2 * theme.markerRadius, side: side)
        var (units, requests, placements) = attempt(stacks)
        // A tool (or stack) with no room for its name or a number is joined to its nearest
        // neighbour's stack and the map placed again: named in a list or the legend with it,
        // never left out. Joins only add up; rounds go on while none leaves more out, and
        // the one that leaves fewest is kept.
        if numbers, !isInset, tools.count <= ToolStacks.limit {
            func lost(_ units: [[Int]], _ requests: [LabelRequest], _ placements: [LabelPlacement]) -> [[Int]] {
                units.indices.filter { placements[$0].outcome == .omitted && requests[$0].calloutSize != nil }.map { units[$0] }
            }
            var left = lost(units, requests, placements)
            var best = (stacks, units, requests, placements, left.count)
            var joined = stacks
            /// The tools `placements` numbered: the next attempt, with a few more tools in stacks,
            /// starts them as numbers instead of trying (and failing) to name the crowd again.
            func numberedTools(_ units: [[Int]], _ placements: [LabelPlacement]) -> Set<Int> {
                Set(units.indices.filter { placements[$0].outcome == .callout }.flatMap { units[$0] })
            }
            var numberedBefore = numberedTools(units, placements)
            /// The stacks with `left` joined to their neighbours, in stacks up to `spread` wide, placed
            /// (starting with the tools in `numberedBefore` as numbers).
            func join(_ left: [[Int]], into stacks: ToolStacks, spread: Double, numberedBefore: Set<Int>) -> (ToolStacks, [[Int]], [LabelRequest], [LabelPlacement], [[Int]]) {
                var joined = stacks.joining(left, anchors: anchors, reach: Self.joinReach * 2 * theme.markerRadius, spread: spread * 2 * theme.markerRadius,
                                            touching: 2 * stackLook.radius(count: highest) + theme.markerStroke, side: side)
                joined = joined.mergingOverlaps(anchors: anchors, toolRadius: toolRadius, stackRadius: stackRadius, spread: max(spread, Self.overlapSpread) * 2 * theme.markerRadius,
                                                side: side)
                let next = attempt(joined, numberedBefore: numberedBefore)
                return (joined, next.units, next.requests, next.placements, lost(next.units, next.requests, next.placements))
            }
            for _ in 0..<Self.joinRounds where !left.isEmpty {
                let next = join(left, into: joined, spread: Self.joinSpread, numberedBefore: numberedBefore)
                numberedBefore = numberedTools(next.1, next.3)
                joined = next.0
                left = next.4
                // A round that leaves more out (a legend too full, names too long) ends them;
                // as many (others this time) may still be joined.
                guard left.count <= best.4 else { break }
                if left.count < best.4 { best = (joined, next.1, next.2, next.3, left.count) }
            }
            // The few still left out (on an axis, their own quadrant's neighbours already in
            // full stacks) may join a wider stack: a long list beats a tool named nowhere. This
            // rare try places the crowd afresh, names first, as the numbers it started from may
            // be what left them out.
            if best.4 > 0 {
                let next = join(lost(best.1, best.2, best.3), into: best.0, spread: Self.rescueSpread, numberedBefore: [])
                if next.4.count < best.4 { best = (next.0, next.1, next.2, next.3, next.4.count) }
            }
            (stacks, units, requests, placements, _) = best
        }
        // Each member of a stack shares its stack's placement (regions enclose the list).
        var perTool = [LabelPlacement?](repeating: nil, count: tools.count)
        for (u, unit) in units.enumerated() { for i in unit { perTool[i] = placements[u] } }
        return PlacedTools(tools: tools, greyed: greyed, names: names, anchors: anchors, stacks: stacks, units: units, requests: requests,
                           placements: placements, perTool: perTool.map { $0! }, legend: legend, stackLook: stackLook, numbering: numbering)
    }

    /// The placed tools drawn: markers, names, leaders, stacks and numbers. Tools in
    /// `namedElsewhere` (named in a detail inset) keep their marker on the map, unlabelled.
    func draw(_ placed: PlacedTools, namedElsewhere: Set<String> = []) -> ToolLayer {
        let (tools, greyed, names, anchors, stacks, units, requests, legend, stackLook, numbering) =
            (placed.tools, placed.greyed, placed.names, placed.anchors, placed.stacks, placed.units, placed.requests, placed.legend, placed.stackLook, placed.numbering)
        let nameFont = theme.toolFont, subFont = theme.subtitleFont
        var placements = placed.placements
        // A unit the map could only number (or not name at all) and an inset names: no number here.
        for (u, unit) in units.enumerated() where [.callout, .omitted].contains(placements[u].outcome) && unit.allSatisfy({ namedElsewhere.contains(tools[$0].id) }) {
            placements[u].outcome = .omitted
        }
        var perTool = placed.perTool
        for (u, unit) in units.enumerated() { for i in unit { perTool[i] = placements[u] } }
        var layer = ToolLayer(placements: perTool, anchors: anchors, legend: legend)
        layer.stacks = stacks.groups.count
        // A unit is numbered when its name went to the legend (a stack's list too long for a box
        // is numbered wherever its number went).
        func numbered(_ u: Int) -> Bool {
            placements[u].outcome == .callout || (units[u].count > StackLook.longestList && !isInset && placements[u].outcome != .omitted)
        }
        // A numbered stack's legend entry lists the members no inset names (an inset names the
        // rest where the reader finds the knot, enlarged): each tool is read by name once.
        let listed = units.map { unit in unit.count > 1 && unit.contains { !namedElsewhere.contains(tools[$0].id) } ? unit.filter { !namedElsewhere.contains(tools[$0].id) } : unit }
        // Callout numbers follow the legend, which is sorted by name.
        let order = CalloutLegend.ordered(units.indices.filter(numbered), name: { tools[listed[$0][0]].name }, id: { tools[listed[$0][0]].id })
        var numberOf: [Int: Int] = [:]
        var next = (numbering?.after ?? 0) + 1
        for u in order {
            let unit = units[u]
            // An inset's numbers are the map's, whose legend entries are the map's too.
            if let known = numbering?.number(of: unit.map { tools[$0].id }) {
                numberOf[u] = known
                continue
            }
            numberOf[u] = next
            for i in listed[u] {
                let owner = unit.count > 1 ? "stack/\(stacks.stackOf[i]! + 1)/tool/\(tools[i].id)" : "tool/\(tools[i].id)"
                layer.callouts.append(CalloutLegend.Entry(number: next, name: tools[i].name, owner: owner))
            }
            next += 1
        }
        // The legend holds what its room allows (a cloud of thousands of dots keeps to the
        // publish width's limit): a stack's members past it are left out, each warned of.
        var unlisted = Set<String>()
        if !isInset {
            let room = legend.capacity
            if layer.callouts.count > room {
                for e in layer.callouts[room...] { unlisted.insert(e.owner) }
                layer.callouts.removeLast(layer.callouts.count - room)
            }
            // A tool alone whose name the legend cannot hold is left out, number and all.
            for (u, unit) in units.enumerated() where unit.count == 1 && unlisted.contains("tool/\(tools[unit[0]].id)") {
                layer.placements[unit[0]].outcome = .omitted
                numberOf[u] = nil
            }
        }
        for (u, unit) in units.enumerated() where unit.count > 1 {
            let p = placements[u]
            let s = stacks.stackOf[unit[0]]! + 1
            let ink = unit.allSatisfy { greyed.contains(tools[$0].id) } ? theme.greyedInk : theme.ink
            let s0 = stacks.stackOf[unit[0]]! + 1
            if p.outcome == .omitted {
                layer.omitted += unit.filter { !namedElsewhere.contains(tools[$0].id) }.map { tools[$0].name }
            } else {
                let left = unit.filter { unlisted.contains("stack/\(s0)/tool/\(tools[$0].id)") }
                layer.omitted += left.map { tools[$0].name }
                for i in left { layer.placements[i].outcome = .omitted }
            }
            layer.nodes.append(stackLook.nodes(stack: s, members: unit.map { tools[$0] }, memberSpots: unit.map { anchors[$0] }, request: requests[u], placement: p,
                                               number: numberOf[u], legendFont: legend.font, ink: ink, leader: leader))
        }
        for (u, unit) in units.enumerated() where unit.count == 1 {
            let i = unit[0], tool = tools[i]
            let p = layer.placements[i]
            let isGrey = greyed.contains(tool.id)
            let ink = isGrey ? theme.greyedInk : theme.ink
            // Thousands of markers are dots in a cloud: hatching them would cost much and show nothing.
            var pattern = tools.count > 2000 ? nil : theme.markerPattern
            if isGrey { pattern?.color = theme.greyedInk.withAlpha(0.7) }
            // A tool's own style (from a Mermaid chart) wins over the theme, unless greyed.
            let style = isGrey ? nil : tool.style
            let fill = style?.color.flatMap(Color.init(hex:))
            if fill != nil { pattern = nil }
            let markerInk = style?.strokeColor.flatMap(Color.init(hex:)) ?? ink
            var marker = ScenePath(id: "tool/\(tool.id)/marker", path: .circle(center: anchors[i], radius: style?.radius ?? theme.markerRadius),
                                   fill: fill, pattern: pattern, stroke: StrokeStyle(color: markerInk, width: style?.strokeWidth ?? theme.markerLineWidth))
            if tools.count > 2000 && style == nil {
                // A cloud of thousands: each tool a small solid dot, cheap to draw in every style.
                // The dot shrinks with density, so the cloud still shows where tools gather.
                marker.path = .circle(center: anchors[i], radius: dotRadius(count: tools.count))
                marker.fill = ink
                marker.stroke = nil
            }
            var children: [SceneNode] = [.path(marker)]
            switch p.outcome {
            case .omitted:
                if !namedElsewhere.contains(tool.id) { layer.omitted.append(tool.name) }
            case .callout:
                let number = "\(numberOf[u]!)"
                // Aligned towards the marker inside the reserved box, so the drawn number is no
                // nearer any other marker than the box the placer judged.
                let onMarker = p.rect.contains(anchors[i])
                let numberFont = onMarker ? onMarkerNumberFont : legend.font
                let size = measurer.measure(number, font: numberFont)
                var box = Rect(x: p.rect.minX + (p.rect.width - size.width) * p.side.textAlignment.fraction, y: p.rect.midY - size.height / 2,
                               width: size.width, height: size.height)
                if p.hasLeader {
                    // The leader the placer cleared runs to the reserved box; the number sits
                    // in that box where the leader ends, so the drawn line is the one checked.
                    let end = p.rect.nearestPoint(to: anchors[i])
                    box.origin.x = min(max(end.x - size.width / 2, p.rect.minX), p.rect.maxX - size.width)
                    children.append(leader(from: requests[u], to: p.rect, id: "tool/\(tool.id)/leader", ink: ink))
                }
                if onMarker {
                    // The number on its marker, reversed out of a solid disc as a stack's number
                    // is: a number in an open ring is a stack's count, never a key number.
                    let r = max(box.width, box.height) / 2 + 1
                    children.append(.path(ScenePath(id: "tool/\(tool.id)/callout-disc", path: .circle(center: anchors[i], radius: r),
                                                    fill: ink, stroke: StrokeStyle(color: ink, width: theme.markerLineWidth * 0.6))))
                }
                children.append(.text(SceneText(id: "tool/\(tool.id)/callout", text: number, font: numberFont, color: onMarker ? theme.background ?? .white : ink,
                                                frame: box, alignment: .center, towards: anchors[i])))
            case .leader:
                layer.leaders += 1
                children.append(leader(from: requests[u], to: p.rect, id: "tool/\(tool.id)/leader", ink: ink))
                fallthrough
            case .adjacent:
                children += labelTexts(tool, name: names[i].variants[p.variant], placement: p, marker: anchors[i], ink: ink, nameFont: nameFont, subFont: subFont)
            }
            let title = ([tool.subtitle.map { "\(tool.name) (\($0))" } ?? tool.name] + tool.categories.compactMap { landscape.category(id: $0)?.name })
                .joined(separator: " · ")
            layer.nodes.append(.group(SceneGroup(id: "tool/\(tool.id)", title: title, link: tool.url, children: children)))
        }
        layer.nodes = [.group(SceneGroup(id: "tools", children: layer.nodes))]
        return layer
    }

    /// The line from a marker's edge to the nearest point of its name's (or number's) box.
    /// A marker's side of each axis, as far as `bounds`: where its name or number goes, so it
    /// never reads as the next quadrant's. A marker across an axis (by more than a point:
    /// one that only touches it reads as on its own side) may be named on either side.
    func sideOfAxes(_ anchor: Point, radius: Double, within bounds: Rect) -> Rect {
        let o = frame.origin, side = axisSide(anchor, clear: radius - 1)
        let (minX, maxX) = side.x > 0 ? (o.x, bounds.maxX) : side.x < 0 ? (bounds.minX, o.x) : (bounds.minX, bounds.maxX)
        let (minY, maxY) = side.y > 0 ? (o.y, bounds.maxY) : side.y < 0 ? (bounds.minY, o.y) : (bounds.minY, bounds.maxY)
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// A point's side of each axis (-1 or 1), or 0 within `clear` of that axis.
    func axisSide(_ p: Point, clear: Double) -> (x: Int, y: Int) {
        let d = p - frame.origin
        return (abs(d.x) <= clear ? 0 : d.x < 0 ? -1 : 1, abs(d.y) <= clear ? 0 : d.y < 0 ? -1 : 1)
    }

    /// How far (in marker diameters) a tool with no room of its own may be from the
    /// neighbour whose stack it joins: a knot's spacing, not a distant marker.
    static let joinReach = 3.0
    /// How wide (in marker diameters) a stack made by joining may grow: a knot's spot.
    static let joinSpread = 3.0
    /// How wide (in marker diameters) a stack may grow by taking in the markers its disc would
    /// cover: a little wider than a join, as a hidden marker is worse than a wide stack.
    static let overlapSpread = 3.5
    /// At most this many placements more, each joining what the last left out.
    static let joinRounds = 3
    /// How wide (in marker diameters) a stack may grow to take in a tool still left out after
    /// the rounds: the last resort, once, for the few whose knot has no narrower stack to join.
    static let rescueSpread = 6.0

    func leader(from request: LabelRequest, to rect: Rect, id: String, ink: Color) -> SceneNode {
        let a = request.anchor
        let end = rect.nearestPoint(to: a)
        let start = a + (end - a).normalized * (request.anchorRadius + LabelPlacer.leaderGap)
        return .path(ScenePath(id: id, path: .segment(start, end), stroke: StrokeStyle(color: ink, width: theme.markerLineWidth * 0.6)))
    }

    /// The dot of a tool among thousands: it shrinks with density, so the cloud still shows
    /// where tools gather.
    func dotRadius(count: Int) -> Double {
        let share = (frame.canvas.width * frame.canvas.height / Double(max(1, count))).squareRoot()
        return min(theme.markerRadius * 0.5, max(0.6, share * 0.25))
    }

    /// No leader longer than this share of the plot's diagonal (the audit allows 15%).
    static let leaderShare = 0.145

    /// The smallest type that reads at the publish width once the figure has grown for its legend.
    var smallestType: Double { insetFloor ?? publish.smallestType(plotWidth: frame.canvas.width) }

    /// The legend for callout numbers: the tool font a little smaller (never below the
    /// smallest type), beside the plot and under it, within the publish width's growth limit.
    func calloutLegend(names: [String]) -> CalloutLegend {
        let spare = PublishWidth.growthLimit - 1
        let roomBeside = frame.canvas.width * spare - theme.margin * 2
        // Long names take a smaller type (never below the smallest) so a column fits beside the plot.
        var font = FontSpec(family: theme.fontFamily, size: max(theme.toolFontSize * 0.85, smallestType))
        /// A row's width: the widest number, a gap and the longest name.
        func widest(_ f: FontSpec) -> Double {
            measurer.measure(String(repeating: "8", count: String(max(1, names.count)).count), font: f).width + 6 + (names.map { measurer.measure($0, font: f).width }.max() ?? 0)
        }
        let natural = widest(font)
        if natural > roomBeside { font.size = max(smallestType, font.size * roomBeside / natural) }
        var legend = CalloutLegend(font: font, measurer: measurer,
                                   right: Size(roomBeside, frame.canvas.height - 2 * theme.margin),
                                   below: Size(frame.canvas.width * PublishWidth.growthLimit - theme.margin * 2, frame.canvas.height * spare - theme.margin),
                                   columnWidth: widest(font))
        // A cloud of thousands of dots is no list of names: its legend keeps to its room.
        legend.growsDown = names.count <= ToolStacks.limit
        return legend
    }

    /// A number drawn on its own marker: smaller than the legend's, as the numbers inside
    /// radar blips are, so a tight cluster's markers can each carry one; never below the
    /// smallest type.
    var onMarkerNumberFont: FontSpec {
        FontSpec(family: theme.fontFamily, size: max(theme.toolFontSize * 0.85 * 0.72, smallestType))
    }

    /// The name (and subtitle below it) inside the placed box, aligned towards the marker.
    private func labelTexts(_ tool: Tool, name: String, placement p: LabelPlacement, marker: Point, ink: Color, nameFont: FontSpec, subFont: FontSpec) -> [SceneNode] {
        let box = p.rect
        let (fraction, centered) = p.side.textAlignment
        let alignment: TextAlignment = centered ? .center : (fraction == 0 ? .left : .right)
        func lineFrame(_ size: Size, top: Double) -> Rect {
            Rect(x: box.minX + (box.width - size.width) * fraction, y: top, width: size.width, height: size.height)
        }
        let nameSize = measurer.measure(name, font: nameFont)
        var out: [SceneNode] = [
            .text(SceneText(id: "tool/\(tool.id)/name", text: name, font: nameFont, color: ink,
                            frame: lineFrame(nameSize, top: box.minY), alignment: alignment, towards: marker)),
        ]
        if let subtitle = tool.subtitle {
            let s = measurer.measure(subtitle, font: subFont)
            out.append(.text(SceneText(id: "tool/\(tool.id)/subtitle", text: subtitle, font: subFont, color: ink,
                                       frame: lineFrame(s, top: box.minY + nameSize.height), alignment: alignment, towards: marker)))
        }
        return out
    }
}

/// A quadrant title's place and type: a label of the frame (never covered), or a watermark
/// behind the tools (the blog's look, or a quadrant too full for a clear spot).
struct QuadrantTitleFrame {
    var quadrant: Quadrant
    var text: String
    var rect: Rect
    var font: FontSpec
    var isLabel: Bool
}

/// The numbers a detail inset shows: the map's, so a tool the inset cannot name reads the
/// same number on the map, in the inset and in the legend; and for a tool the map could not
/// even number (`fresh`), a new one after the figure's last, in the same legend.
struct InsetNumbering {
    /// By tool id: the number the map gave it (alone, or as a member of a numbered stack).
    var known: [String: Int]
    /// Tools the map left out: they may take a new number, after `after`.
    var fresh: Set<String> = []
    var after = 0

    init(_ entries: [CalloutLegend.Entry], fresh: Set<String> = []) {
        var known: [String: Int] = [:]
        for e in entries { known[e.toolID] = known[e.toolID] ?? e.number }
        self.known = known
        self.fresh = fresh
        after = entries.map(\.number).max() ?? 0
    }

    /// The widest number drawn.
    var highest: Int { max(known.values.max() ?? 0, after + fresh.count) }

    /// Whether the unit may take a number: the map's, or a new one.
    func mayNumber(_ ids: [String]) -> Bool { number(of: ids) != nil || ids.allSatisfy(fresh.contains) }

    /// The number of a tool, or of a stack in the inset whose members share one map number.
    func number(of ids: [String]) -> Int? {
        let numbers = Set(ids.map { known[$0] })
        guard numbers.count == 1, let n = numbers.first else { return nil }
        return n
    }
}

/// The placer's answer for a map's tools, not yet drawn (`MapLayout.place`).
struct PlacedTools {
    var tools: [Tool]
    var greyed: Set<String>
    var names: [ToolLabelText]
    var anchors: [Point]
    var stacks: ToolStacks
    /// What the placer named: a tool alone, or a stack's members in legend order.
    var units: [[Int]]
    var requests: [LabelRequest]
    /// By unit, and by tool (a stack's members share its placement).
    var placements: [LabelPlacement]
    var perTool: [LabelPlacement]
    var legend: CalloutLegend
    var stackLook: StackLook
    var numbering: InsetNumbering?

    /// Whether the map cannot name tool i where it stands: it was numbered (alone, or with
    /// its stack; a stack too long for a list is numbered wherever its number goes) or left
    /// out. An inset may name such a tool instead, and the legend then does not list it.
    func unnamedOnMap(_ i: Int) -> Bool {
        let outcome = perTool[i].outcome
        if outcome == .omitted || outcome == .callout { return true }
        guard numbering == nil, let s = stacks.stackOf[i] else { return false }
        return stacks.groups[s].count > StackLook.longestList
    }
}

/// The laid-out tools: their scene nodes and how their labels fared.
struct ToolLayer {
    var nodes: [SceneNode] = []
    var placements: [LabelPlacement]
    var anchors: [Point]
    var leaders = 0
    /// Stacks drawn (tools at one spot: one marker, a count, one list).
    var stacks = 0
    var omitted: [String] = []
    var legend: CalloutLegend
    /// Tools drawn with a number at the marker and their name in the legend, in legend order.
    var callouts: [CalloutLegend.Entry] = []
}

/// A tool's label text: on one line, or (for long names of several words) wrapped onto two.
struct ToolLabelText {
    var variants: [String]

    init(tool: Tool) {
        variants = [tool.name]
        if tool.name.count >= 10, tool.name.contains(" ") {
            let wrapped = TitleWrap.balanced(tool.name, minimumLength: 0)
            if wrapped != tool.name { variants.append(wrapped) }
        }
    }
}

/// Splits a title into two balanced lines when it has no line break of its own.
enum TitleWrap {
    static func balanced(_ title: String, minimumLength: Int = 13) -> String {
        if title.contains("\n") { return title }
        let words = title.split(separator: " ")
        guard words.count > 1, title.count >= minimumLength else { return title }
        var best = title
        var bestDiff = Int.max
        for cut in 1..<words.count {
            let a = words[..<cut].joined(separator: " "), b = words[cut...].joined(separator: " ")
            let diff = abs(a.count - b.count)
            if diff < bestDiff { bestDiff = diff; best = a + "\n" + b }
        }
        return best
    }
}
