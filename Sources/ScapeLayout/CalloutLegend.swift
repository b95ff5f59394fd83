import ScapeGeometry
import ScapeScene

/// The numbered legend beside a plot: "12  Name" rows in columns, for tools whose name found
/// no spot next to the marker (the convention of the Thoughtworks and Zalando radars). Each
/// name keeps the id `tool/X/name`, so a reader of the SVG finds it where it is drawn.
struct CalloutLegend {
    struct Entry {
        var number: Int
        var name: String
        /// The scene id prefix of the owner, e.g. `tool/mlflow` or `blip/mlflow`.
        var owner: String
    }

    /// The most columns a legend may take; past that, names are left out.
    static let maxColumns = 12

    let font: FontSpec
    let measurer: any TextMeasurer
    let height: Double

    var rowHeight: Double { measurer.measure("0", font: font).height * 1.12 }
    var rowsPerColumn: Int { max(1, Int(height / rowHeight)) }
    var capacity: Int { rowsPerColumn * Self.maxColumns }

    /// The callout number's size, wide enough for `count` numbers.
    func numberSize(count: Int) -> Size {
        measurer.measure(String(repeating: "8", count: String(max(1, count)).count), font: font)
    }

    /// The legend's nodes with its top left at `origin`, and its width.
    func layout(_ entries: [Entry], origin: Point, ink: Color) -> (nodes: [SceneNode], width: Double) {
        guard !entries.isEmpty else { return ([], 0) }
        let numberWidth = numberSize(count: entries.count).width
        let rows = rowsPerColumn
        var children: [SceneNode] = []
        var x = origin.x
        var k = 0
        while k < entries.count {
            let column = entries[k..<min(entries.count, k + rows)]
            var widest = 0.0
            for (row, e) in column.enumerated() {
                let y = origin.y + Double(row) * rowHeight
                let number = "\(e.number)"
                let ns = measurer.measure(number, font: font)
                children.append(.text(SceneText(id: "\(e.owner)/legend-number", text: number, font: font, color: ink,
                                                frame: Rect(x: x + numberWidth - ns.width, y: y, width: ns.width, height: ns.height), alignment: .right)))
                let size = measurer.measure(e.name, font: font)
                children.append(.text(SceneText(id: "\(e.owner)/name", text: e.name, font: font, color: ink,
                                                frame: Rect(x: x + numberWidth + 6, y: y, width: size.width, height: size.height))))
                widest = max(widest, numberWidth + 6 + size.width)
            }
            x += widest + 18
            k += rows
        }
        return ([.group(SceneGroup(id: "legend", children: children))], x - 18 - origin.x)
    }
}
