import ScapeGeometry
import ScapeModel
import ScapeScene

/// The numbered legend of a plot: "12  Name" rows in columns, for tools whose name found
/// no spot next to the marker (the convention of the Thoughtworks and Zalando radars). Each
/// name keeps the id `tool/X/name`, so a reader of the SVG finds it where it is drawn.
///
/// It fills the room beside the plot (on the right) column by column, then a band under the
/// plot: both as wide as the publish width's growth limit allows, so a long legend never
/// shrinks the figure's type on the page. The band grows downwards as far as it must (up to
/// `InputBounds.legendPlotHeights`): a figure taller than its limit reads at the same size, a
/// tool left out is lost to the reader.
/// Only a cloud of thousands of dots (`growsDown` false) keeps its legend to the limit.
struct CalloutLegend {
    struct Entry {
        var number: Int
        var name: String
        /// The scene id prefix of the owner, e.g. `tool/mlflow` or `blip/mlflow`.
        var owner: String
        /// The tool's (or blip's) id: the owner's last part (`inset/2/stack/3/tool/x` -> `x`).
        var toolID: String { owner.split(separator: "/").last.map(String.init) ?? owner }
    }

    /// The most columns a legend may take (the room's width bounds it first, but for
    /// very short names).
    static let maxColumns = 40
    static let columnGap = 18.0

    private(set) var font: FontSpec
    private(set) var measurer: any TextMeasurer
    /// The room beside the plot (its height is the plot's) and under it.
    let right: Size
    let below: Size
    /// The widest row any entry may need: number, gap and the longest name.
    private(set) var columnWidth: Double
    /// Whether the band under the plot takes every entry, growing the figure downwards.
    var growsDown = true

    /// Rows `rowLeading` of the type's size apart (or a line, if the font's is less): set
    /// close, as an index is, since a row is a short name, not running text, and the same
    /// in every font (Comic Neue's own line is 1.15 of its size).
    var rowHeight: Double { min(measurer.measure("0", font: font).height, font.size * Self.rowLeading) }
    /// The leading of a legend's rows, as a share of the type's size: room for a descender
    /// above the next row's capitals.
    static let rowLeading = 1.12
    func rows(in height: Double) -> Int { max(0, Int(height / rowHeight)) }
    /// Columns in a width; beside the plot at least one, however long the names.
    func columns(in width: Double, atLeastOne: Bool) -> Int {
        let n = Int((width + Self.columnGap) / (columnWidth + Self.columnGap))
        return min(Self.maxColumns, max(atLeastOne ? 1 : 0, n))
    }
    /// Names too long for the room beside the plot all go under it; names too long even for
    /// that still get one column there (the figure then grows past its limit, and says so).
    var rightCapacity: Int { max(1, rows(in: right.height)) * columns(in: right.width, atLeastOne: false) }
    var belowCapacity: Int { max(1, rows(in: below.height)) * columns(in: below.width, atLeastOne: rightCapacity == 0) }
    /// What the placer may number: every tool, unless the legend is held to its room.
    var capacity: Int {
        guard growsDown else { return room }
        let rowsBelow = max(1, rows(in: right.height * InputBounds.legendPlotHeights))
        return rightCapacity + rowsBelow * columns(in: below.width, atLeastOne: true)
    }
    /// What fits within the figure's growth limit.
    var room: Int { rightCapacity + belowCapacity }

    /// The same legend set in type of `size` points (its rows and columns scale with it),
    /// measured by `measurer` (an estimate, while sizes are tried) or its own.
    func typeSet(at size: Double, measuredBy measurer: (any TextMeasurer)? = nil) -> CalloutLegend {
        var smaller = self
        smaller.font.size = size
        smaller.columnWidth = columnWidth * size / font.size
        if let measurer { smaller.measurer = measurer }
        return smaller
    }

    /// The sizes a legend's type is tried at, largest first: its own, then down by a
    /// twentieth of it at a time to `floor` (the smallest type that reads at the publish
    /// width). A long legend takes smaller type rather than a taller figure.
    func typeSizes(down floor: Double) -> [Double] {
        guard font.size > floor else { return [font.size] }
        var sizes: [Double] = []
        var size = font.size
        while size > floor { sizes.append(size); size -= font.size * 0.05 }
        return sizes + [floor]
    }

    /// The callout number's size, wide enough for `count` numbers.
    func numberSize(count: Int) -> Size {
        measurer.measure(String(repeating: "8", count: String(max(1, count)).count), font: font)
    }

    /// Panels in the plot's free room: at most this many, each with at least this many rows
    /// of room and this many entries (fewer only for the last entries of all).
    static let mostPanels = 6
    static let panelRowsAtLeast = 3
    static let panelEntriesAtLeast = 6
    /// The room inside a panel's frame, round its columns.
    static let panelPad = 6.0
    /// Each panel's first row: what it is, so a framed list in the plot is not read as a
    /// stack's list beside the nearest marker.
    static let panelHeading = "Key"

    /// The legend's nodes: first in framed panels where the plot is empty (`panelRoom`, the
    /// free room among everything drawn on it; a key in the map's open sea grows nothing),
    /// then beside the plot from `rightOrigin`, the rest under it from `belowOrigin`; and the
    /// width and height it took beside and under the plot.
    /// Columns are as wide as their own longest row: in a panel, the fewest rows whose
    /// columns fit its room; beside the plot, as many as the room's width holds, each as tall
    /// as the plot; under it, the fewest rows whose columns fit the band's width (one long
    /// name no longer sets every column's width).
    func layout(_ entries: [Entry], panelRoom: FreeRoom? = nil, panelClearance: Double = 4, rightOrigin: Point, belowOrigin: Point,
                ink: Color, background: Color = .white) -> (nodes: [SceneNode], rightWidth: Double, below: Size, panels: [Rect]) {
        guard !entries.isEmpty else { return ([], 0, .zero, []) }
        let numberWidth = numberSize(count: entries.count).width
        let rowWidths = entries.map { numberWidth + 6 + measurer.measure($0.name, font: font).width }
        /// Where a column of up to `rows` rows from `k` ends (before `end`): a stack's entry
        /// is kept in one column, moved whole to the next where it would break (its number
        /// again at the next column's top read as a second entry), unless it starts the
        /// column and is longer than one.
        func columnEnd(from k: Int, rows: Int, before end: Int) -> Int {
            var e = min(end, k + rows)
            guard e < end, entries[e].number == entries[e - 1].number else { return e }
            var first = e - 1
            while first > k && entries[first - 1].number == entries[first].number { first -= 1 }
            if first > k { e = first }
            return e
        }
        /// How many of the entries from `start` fit in columns of `rows` rows within `width`
        /// (under the plot at least one column, however long its names).
        func fitting(from start: Int, rows: Int, width: Double, atLeastOne: Bool) -> Int {
            var k = start, used = 0.0
            while k < entries.count {
                let end = columnEnd(from: k, rows: rows, before: entries.count)
                let widest = rowWidths[k..<end].max() ?? 0
                if k > start || !atLeastOne, used + (k > start ? Self.columnGap : 0) + widest > width { break }
                used += (k > start ? Self.columnGap : 0) + widest
                k = end
            }
            return k - start
        }
        /// The fewest rows (up to `most`) whose columns hold `count` entries from `start` in `width`:
        /// a binary search, as fewer rows only ever need more columns.
        func fewestRows(from start: Int, count: Int, width: Double, most: Int, atLeastOne: Bool) -> Int {
            var low = 1, high = max(1, most)
            while low < high {
                let mid = (low + high) / 2
                if fitting(from: start, rows: mid, width: width, atLeastOne: atLeastOne) >= count { high = mid } else { low = mid + 1 }
            }
            return low
        }
        /// The size of `count` entries from `start` in columns of `rows`.
        func blockSize(from start: Int, count: Int, rows: Int) -> Size {
            var width = 0.0, k = start
            while k < start + count {
                let end = columnEnd(from: k, rows: rows, before: start + count)
                width += (k > start ? Self.columnGap : 0) + (rowWidths[k..<end].max() ?? 0)
                k = end
            }
            return Size(width, Double(min(rows, count)) * rowHeight)
        }
        var children: [SceneNode] = []
        func block(_ slice: ArraySlice<Entry>, origin: Point, rows: Int) -> (width: Double, height: Double) {
            var x = origin.x, k = slice.startIndex, height = 0.0
            while k < slice.endIndex {
                let column = slice[k..<columnEnd(from: k, rows: rows, before: slice.endIndex)]
                var widest = 0.0
                for (row, e) in column.enumerated() {
                    let y = origin.y + Double(row) * rowHeight
                    // A stack's members share its number: it is written on the first of them,
                    // and again at the top of a column.
                    let index = k + row
                    if row == 0 || index == entries.startIndex || entries[index - 1].number != e.number {
                        let number = "\(e.number)"
                        let ns = measurer.measure(number, font: font)
                        children.append(.text(SceneText(id: "\(e.owner)/legend-number", text: number, font: font, color: ink,
                                                        frame: Rect(x: x + numberWidth - ns.width, y: y, width: ns.width, height: min(ns.height, rowHeight)), alignment: .right)))
                    }
                    // The box a row's type takes: its line, cut to the row (the ink keeps within it).
                    let size = measurer.measure(e.name, font: font)
                    children.append(.text(SceneText(id: "\(e.owner)/name", text: e.name, font: font, color: ink,
                                                    frame: Rect(x: x + numberWidth + 6, y: y, width: size.width, height: min(size.height, rowHeight)))))
                    widest = max(widest, numberWidth + 6 + size.width)
                    height = max(height, Double(row + 1) * rowHeight)
                }
                x += widest + Self.columnGap
                k = column.endIndex
            }
            return (x - Self.columnGap - origin.x, height)
        }
        let headingFont = FontSpec(family: font.family, size: font.size, weight: .bold)
        let headingWidth = measurer.measure(Self.panelHeading, font: headingFont).width
        /// A panel's heading and columns.
        func panelContent(from start: Int, count: Int, rows: Int) -> Size {
            let block = blockSize(from: start, count: count, rows: rows)
            return Size(max(block.width, headingWidth), block.height + rowHeight)
        }
        /// The entries from `start` a panel inside `inner` holds under its heading: how many,
        /// in columns of how many rows, and the frame's size (with its padding). Inner sizes
        /// are a whole number of rows tall when dealt again, so a hair of slack is allowed.
        func panelFill(_ inner: Rect, from start: Int) -> (count: Int, rows: Int, frame: Size)? {
            let rowsHere = min(rows(in: inner.height + 1e-6) - 1, entries.count - start)
            guard rowsHere > 0, headingWidth <= inner.width + 1e-6 else { return nil }
            let count = fitting(from: start, rows: rowsHere, width: inner.width + 1e-6, atLeastOne: false)
            guard count > 0 else { return nil }
            let rowsUsed = fewestRows(from: start, count: count, width: inner.width + 1e-6, most: rowsHere, atLeastOne: false)
            let content = panelContent(from: start, count: count, rows: rowsUsed)
            return (count, rowsUsed, Size(content.width + 2 * Self.panelPad, content.height + 2 * Self.panelPad))
        }
        // Panels in the plot's emptiest rooms, largest first, while one holds enough entries.
        var panels: [Rect] = []
        var room = panelRoom
        func fillPanels(from first: Int) -> Int {
            guard var free = room else { return first }
            let pad = Self.panelPad
            // Where the panels go: the largest free room first, each frame as large as its
            // columns need, while a room holds enough entries.
            var found: [(frame: Rect, count: Int, rows: Int, room: Rect)] = []
            var start = first
            while start < entries.count, panels.count + found.count < Self.mostPanels {
                let narrowest = rowWidths[start...].min() ?? 0
                let fewest = min(Self.panelRowsAtLeast, entries.count - start)
                let minimum = Size(max(narrowest, headingWidth) + 2 * (pad + panelClearance), Double(fewest + 1) * rowHeight + 2 * (pad + panelClearance))
                guard let spot = free.largest(atLeast: minimum) else { break }
                let inner = spot.insetBy(pad + panelClearance)
                guard let fill = panelFill(inner, from: start), fill.count >= min(Self.panelEntriesAtLeast, entries.count - start) else { break }
                // In the middle of its room: as far from its neighbours as it can be.
                let frame = Rect(center: inner.center, size: fill.frame)
                found.append((frame, fill.count, fill.rows, spot.insetBy(panelClearance)))
                free.block(frame.outsetBy(panelClearance))
                start += fill.count
            }
            room = free
            // Numbers read in order as the legend's columns do: the panels left to right by
            // their middles, and top to bottom where they stand one above another. The
            // entries are dealt again in that order, each panel within its own room clear of
            // the others' frames, unless that holds fewer.
            var plan = found.map { (frame: $0.frame, count: $0.count, rows: $0.rows) }
            let ordered = found.indices.sorted { (found[$0].frame.midX, found[$0].frame.midY) < (found[$1].frame.midX, found[$1].frame.midY) }
            if ordered != Array(found.indices) {
                var k = first
                var frames = found.map(\.frame)
                var dealt: [(frame: Rect, count: Int, rows: Int)] = []
                for i in ordered where k < entries.count {
                    let others = frames.indices.filter { $0 != i }.map { frames[$0].outsetBy(panelClearance) }
                    let room = Self.room(found[i].room, keeping: found[i].frame, clearOf: others)
                    guard let fill = panelFill(room.insetBy(pad), from: k) else { continue }
                    // Where it stood (so the order holds), moved inside its room if it grew.
                    var frame = Rect(center: found[i].frame.center, size: fill.frame)
                    frame.origin.x = min(max(frame.minX, room.minX), room.maxX - frame.width)
                    frame.origin.y = min(max(frame.minY, room.minY), room.maxY - frame.height)
                    dealt.append((frame, fill.count, fill.rows))
                    frames[i] = frame
                    k += fill.count
                }
                if k >= start { plan = dealt }
            }
            var k = first
            for p in plan {
                panels.append(p.frame)
                let id = "legend/panel/\(panels.count)"
                children.append(.path(ScenePath(id: id, path: .rect(p.frame), fill: background, stroke: StrokeStyle(color: ink.withAlpha(0.7), width: 1.2))))
                // A heading, so a panel in the plot never reads as a stack's list beside a marker.
                children.append(.text(SceneText(id: "\(id)/heading", text: Self.panelHeading, font: headingFont, color: ink,
                                                frame: Rect(origin: Point(p.frame.minX + pad, p.frame.minY + pad), size: Size(headingWidth, rowHeight)))))
                _ = block(entries[k..<(k + p.count)], origin: Point(p.frame.minX + pad, p.frame.minY + pad + rowHeight), rows: p.rows)
                k += p.count
            }
            return k
        }
        let start = fillPanels(from: 0)
        let besideRows = max(1, rows(in: right.height))
        let besideCount = start < entries.count ? fitting(from: start, rows: besideRows, width: right.width, atLeastOne: false) : 0
        let beside = besideCount > 0 ? block(entries[start..<(start + besideCount)], origin: rightOrigin, rows: besideRows) : (width: 0, height: 0)
        // What the room beside the plot could not take: in panels again if they hold it (the
        // last few rows need no band under the plot), else under it.
        let belowStart = fillPanels(from: start + besideCount)
        let belowEntries = entries.count - belowStart
        let belowRows = belowEntries > 0 ? fewestRows(from: belowStart, count: belowEntries, width: below.width, most: belowEntries, atLeastOne: true) : 0
        let under = belowEntries > 0 ? block(entries[belowStart...], origin: belowOrigin, rows: belowRows) : (width: 0, height: 0)
        return ([.group(SceneGroup(id: "legend", children: children))], max(0, beside.width), Size(under.width, under.height), panels)
    }

    /// `room` cut back, side by side, until it meets none of `others`, always keeping `frame`
    /// (which meets none of them): of the four cuts past each, the one leaving most room.
    static func room(_ room: Rect, keeping frame: Rect, clearOf others: [Rect]) -> Rect {
        var r = room
        for o in others where o.intersects(r) {
            var cuts: [Rect] = []
            if o.minX >= frame.maxX { cuts.append(Rect(x: r.minX, y: r.minY, width: o.minX - r.minX, height: r.height)) }
            if o.maxX <= frame.minX { cuts.append(Rect(x: o.maxX, y: r.minY, width: r.maxX - o.maxX, height: r.height)) }
            if o.minY >= frame.maxY { cuts.append(Rect(x: r.minX, y: r.minY, width: r.width, height: o.minY - r.minY)) }
            if o.maxY <= frame.minY { cuts.append(Rect(x: r.minX, y: o.maxY, width: r.width, height: r.maxY - o.maxY)) }
            guard let best = cuts.max(by: { $0.area < $1.area }) else { return frame }
            r = best
        }
        return r
    }

    /// Legend order: by name, numbers inside names by their value ("Tool 4" before "Tool 10").
    static func ordered<T>(_ items: [T], name: (T) -> String, id: (T) -> String) -> [T] {
        items.sorted {
            let a = name($0), b = name($1)
            switch NaturalOrder.compare(a, b) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            case .orderedSame: return id($0) < id($1)
            }
        }
    }
}
