import ScapeGeometry
import ScapeScene

/// The plot's free room for a legend's panels: everything drawn on it blocks its cells,
/// read from the scene itself (not from the placer's bookkeeping), so a panel covers no
/// marker, name, number, leader, axis, title, region, inset, trail or arrow.
/// The quadrants' backdrop is not drawn content and blocks nothing.
enum LegendRoom {
    /// Cells this many points a side: finer than a row of type, coarse enough to be cheap.
    static let cell = 4.0

    /// `area`: where panels may go (the plot); `clearance`: the room kept round each thing
    /// drawn (a hand-drawn stroke wanders off its course).
    static func room(in area: Rect, around nodes: [SceneNode], clearance: Double) -> FreeRoom {
        var room = FreeRoom(area: area, cell: cell)
        func visit(_ node: SceneNode) {
            switch node {
            case .group(let g):
                guard g.id != "backdrop" else { return }
                g.children.forEach(visit)
            case .text(let t):
                room.block(t.frame.outsetBy(clearance))
            case .path(let p):
                let width = (p.stroke?.width ?? 0) + 2 * clearance
                let filled = p.fill != nil || p.pattern != nil
                for line in p.path.polylines(curveSteps: 6) {
                    if line.isClosed || filled {
                        room.block(Rect(enclosing: line.points).outsetBy(width / 2))
                    } else {
                        for (a, b) in zip(line.points, line.points.dropFirst()) { room.block(from: a, to: b, width: width) }
                    }
                }
            }
        }
        nodes.forEach(visit)
        return room
    }
}
