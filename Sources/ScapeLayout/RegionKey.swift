import ScapeGeometry
import ScapeModel
import ScapeScene

/// The key to a map's category regions: a swatch in each region's colour and fill beside its
/// category's name, in a column placed like the callout legend, in the right-hand margin. It
/// is its own piece so the map's layout only asks it for nodes and the room they take.
/// Ids: `key` (the group), `key/ID/swatch` and `key/ID/name` for category ID.
struct RegionKey {
    let landscape: Landscape
    let theme: Theme
    let measurer: any TextMeasurer

    struct Laid {
        var nodes: [SceneNode]
        var size: Size
    }

    var font: FontSpec { FontSpec(family: theme.fontFamily, size: theme.toolFontSize * 0.85) }

    /// The key's nodes with its top left at `origin`, and its size; nil when no region is drawn.
    func layout(_ regions: [RegionOutline], origin: Point) -> Laid? {
        let drawn = Set(regions.filter { !$0.polygons.isEmpty }.map(\.category))
        let categories = landscape.categories.filter { drawn.contains($0.id) }.sorted { $0.name.lowercased() < $1.name.lowercased() }
        guard !categories.isEmpty else { return nil }
        let colors = CategoryPalette.colors(for: landscape)
        let rowHeight = measurer.measure("Mg", font: font).height
        let swatch = Size(rowHeight * 1.6, rowHeight * 0.8)
        let gap = rowHeight * 0.5
        var children: [SceneNode] = []
        var y = origin.y, widest = 0.0
        for category in categories {
            let color = colors[category.id] ?? CategoryPalette.pastels[0]
            let box = Rect(x: origin.x, y: y + (rowHeight - swatch.height) / 2, width: swatch.width, height: swatch.height)
            children.append(.path(ScenePath(
                id: "key/\(category.id)/swatch", path: .rect(box),
                pattern: FillPattern(kind: theme.regionFill, color: color.withAlpha(0.5), angle: theme.hatchAngle, gap: theme.regionHatchGap, weight: theme.hatchWeight),
                stroke: StrokeStyle(color: color.withAlpha(0.6), width: theme.regionStroke))))
            let size = measurer.measure(category.name, font: font)
            children.append(.text(SceneText(id: "key/\(category.id)/name", text: category.name, font: font, color: theme.ink,
                                            frame: Rect(x: origin.x + swatch.width + gap, y: y, width: size.width, height: size.height))))
            widest = max(widest, swatch.width + gap + size.width)
            y += rowHeight * 1.3
        }
        return Laid(nodes: [.group(SceneGroup(id: "key", children: children))], size: Size(widest, y - origin.y))
    }
}
