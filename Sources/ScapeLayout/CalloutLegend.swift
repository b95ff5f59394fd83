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

    let font: FontSpec
    let measurer: any TextMeasurer
    /// The room beside the plot (its height is the plot's) and under it.
    let right: Size
    let below: Size
    /// The widest row any entry may need: number, gap and the longest name.
    let columnWidth: Double
    /// Whether the band under the plot takes every entry, growing the figure downwards.
    var growsDown = true

    /// Rows one line apart: a list read down a column, as an index is.
    var rowHeight: Double { measurer.measure("0", font: font).height }
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

    /// The callout number's size, wide enough for `count` numbers.
    func numberSize(count: Int) -> Size {
        measurer.measure(String(repeating: "8", count: String(max(1, count)).count), font: font)
    }

    /// The legend's nodes: beside the plot from `rightOrigin`, the rest under it from
    /// `belowOrigin`; and the width and height it took in each.
    /// Columns are as wide as their own longest row: beside the plot, as many as the room's
    /// width holds, each as tall as the plot; under it, the fewest rows whose columns fit the
    /// band's width (one long name no longer sets every column's width).
    func layout(_ entries: [Entry], rightOrigin: Point, belowOrigin: Point, ink: Color) -> (nodes: [SceneNode], rightWidth: Double, below: Size) {
        guard !entries.isEmpty else { return ([], 0, .zero) }
        let numberWidth = numberSize(count: entries.count).width
        let rowWidths = entries.map { numberWidth + 6 + measurer.measure($0.name, font: font).width }
        /// How many of the entries from `start` fit in columns of `rows` rows within `width`
        /// (under the plot at least one column, however long its names).
        func fitting(from start: Int, rows: Int, width: Double, atLeastOne: Bool) -> Int {
            var k = start, used = 0.0
            while k < entries.count {
                let end = min(entries.count, k + rows)
                let widest = rowWidths[k..<end].max() ?? 0
                if k > start || !atLeastOne, used + (k > start ? Self.columnGap : 0) + widest > width { break }
                used += (k > start ? Self.columnGap : 0) + widest
                k = end
            }
            return k - start
        }
        let besideRows = max(1, rows(in: right.height))
        let besideCount = fitting(from: 0, rows: besideRows, width: right.width, atLeastOne: false)
        let belowEntries = entries.count - besideCount
        // The fewest rows under the plot whose columns fit its width: a binary search, as
        // fewer rows only ever need more columns.
        var belowRows = 0
        if belowEntries > 0 {
            var low = 1, high = belowEntries
            while low < high {
                let mid = (low + high) / 2
                if fitting(from: besideCount, rows: mid, width: below.width, atLeastOne: true) >= belowEntries { high = mid } else { low = mid + 1 }
            }
            belowRows = low
        }
        var children: [SceneNode] = []
        func block(_ slice: ArraySlice<Entry>, origin: Point, rows: Int) -> (width: Double, height: Double) {
            var x = origin.x, k = slice.startIndex, height = 0.0
            while k < slice.endIndex {
                let column = slice[k..<min(slice.endIndex, k + rows)]
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
                                                        frame: Rect(x: x + numberWidth - ns.width, y: y, width: ns.width, height: ns.height), alignment: .right)))
                    }
                    let size = measurer.measure(e.name, font: font)
                    children.append(.text(SceneText(id: "\(e.owner)/name", text: e.name, font: font, color: ink,
                                                    frame: Rect(x: x + numberWidth + 6, y: y, width: size.width, height: size.height))))
                    widest = max(widest, numberWidth + 6 + size.width)
                    height = max(height, Double(row + 1) * rowHeight)
                }
                x += widest + Self.columnGap
                k += rows
            }
            return (x - Self.columnGap - origin.x, height)
        }
        let beside = besideCount > 0 ? block(entries[..<besideCount], origin: rightOrigin, rows: besideRows) : (width: 0, height: 0)
        let under = belowEntries > 0 ? block(entries[besideCount...], origin: belowOrigin, rows: belowRows) : (width: 0, height: 0)
        return ([.group(SceneGroup(id: "legend", children: children))], max(0, beside.width), Size(under.width, under.height))
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
