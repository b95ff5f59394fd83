import ScapeGeometry
import ScapeScene

/// The numbered legend's columns in one type: a quadrant's head, then its rows, running on
/// into a new column (headed "continued") at `bottom`.
struct RadarLegendColumns {
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
