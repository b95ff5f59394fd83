import ScapeGeometry
import ScapeModel
import ScapeScene

/// What a theme draws behind a map's tools: a tint per quadrant and a frame around the plot
/// (both only when the theme asks, as a Mermaid chart's colours do), and each quadrant's
/// title colour. Kept apart from the map's layout so it adds to any map figure in one line.
struct QuadrantBackdrop {
    let frame: MapFrame
    let theme: Theme

    /// The tints (ids `quadrant-fill/<corner>`) and the frame (id `frame`), in drawing order.
    var nodes: [SceneNode] {
        let plot = frame.plotRect
        var children: [SceneNode] = []
        for corner in QuadrantCorner.allCases {
            guard let color = theme.quadrantFills[corner.rawValue] else { continue }
            let side = Self.sides(of: corner)
            let q = frame.quadrantRect(x: side.x, y: side.y)
            // A zoom's window shows part of the data square: tint only what it shows.
            let minX = max(q.minX, plot.minX), maxX = min(q.maxX, plot.maxX)
            let minY = max(q.minY, plot.minY), maxY = min(q.maxY, plot.maxY)
            guard maxX > minX, maxY > minY else { continue }
            children.append(.path(ScenePath(id: "quadrant-fill/\(corner.rawValue)", path: .rect(Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)),
                                            fill: color)))
        }
        if let color = theme.frameColor {
            children.append(.path(ScenePath(id: "frame", path: .rect(plot), stroke: StrokeStyle(color: color, width: theme.axisStroke))))
        }
        return children.isEmpty ? [] : [.group(SceneGroup(id: "backdrop", children: children))]
    }

    /// A quadrant's title colour: its own when the theme gives one (faded for a watermark
    /// behind a zoom's tools, which must not outshout their names), else `fallback`.
    static func titleColor(_ quadrant: Quadrant, theme: Theme, fallback: Color, watermark: Bool = false) -> Color {
        guard let own = theme.quadrantTitleColors[QuadrantCorner(x: quadrant.x, y: quadrant.y).rawValue] else { return fallback }
        return watermark ? own.withAlpha(0.4) : own
    }

    static func sides(of corner: QuadrantCorner) -> (x: AxisSide, y: AxisSide) {
        switch corner {
        case .topRight: (.positive, .positive)
        case .topLeft: (.negative, .positive)
        case .bottomLeft: (.negative, .negative)
        case .bottomRight: (.positive, .negative)
        }
    }
}
