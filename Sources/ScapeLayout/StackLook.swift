import ScapeGeometry
import ScapeModel
import ScapeScene

/// How a stack is drawn: one marker a little larger than a tool's with the count inside it,
/// and its members' names in one framed list beside it (or on a leader), or, for a list too
/// long for a box, a number whose names are in the legend. Ids let a reader of the SVG pair
/// every name with the stack: `stack/S/marker`, `stack/S/count`, `stack/S/list`,
/// `stack/S/leader`, `stack/S/callout`, and each member's line `stack/S/tool/X/name`.
struct StackLook {
    let theme: Theme
    let measurer: any TextMeasurer
    let nameFont: FontSpec
    let countFont: FontSpec

    /// Past this many members a list is no longer read at a glance: it goes to the legend.
    static let longestList = 12
    /// How far the second rim behind the marker is drawn off it (right and up).
    static let rimOffset = 2.5
    /// Room between the list's frame and its lines.
    static let padding = 3.0

    /// The marker's radius: a tool's and a half, or more for a long count.
    func radius(count: Int) -> Double {
        let size = measurer.measure("\(count)", font: countFont)
        return max(theme.markerRadius * 1.8, max(size.width, size.height) / 2 + 3)
    }

    /// The framed list of names, one a line.
    func listSize(_ names: [String]) -> Size {
        let lines = names.map { measurer.measure($0, font: nameFont) }
        return Size((lines.map(\.width).max() ?? 0) + 2 * Self.padding, lines.reduce(0) { $0 + $1.height } + 2 * Self.padding)
    }

    func nodes(stack s: Int, members: [Tool], memberSpots: [Point], request: LabelRequest, placement p: LabelPlacement, number: Int?, legendFont: FontSpec,
               ink: Color, leader: (LabelRequest, Rect, String, Color) -> SceneNode) -> SceneNode {
        let id = "stack/\(s)"
        let center = request.anchor
        let r = request.anchorRadius - theme.markerStroke / 2
        // Each member's true spot as a dot under the marker (where it peeks out, the pile's
        // spread shows): a reader of the SVG finds every member here, named or not.
        var children: [SceneNode] = zip(members, memberSpots).map { tool, spot in
            .path(ScenePath(id: "\(id)/tool/\(tool.id)/marker", path: .circle(center: spot, radius: 0.75), stroke: StrokeStyle(color: ink, width: 1.5)))
        }
        children += [
            // A second rim behind the marker: a pile, not one tool.
            .path(ScenePath(id: "\(id)/rim", path: .circle(center: center + Point(Self.rimOffset, -Self.rimOffset), radius: r),
                            fill: theme.background ?? .white, stroke: StrokeStyle(color: ink, width: theme.markerLineWidth))),
        ]
        // Its number on the marker (no room beside it), or the count. A number is drawn
        // reversed out of a solid disc, so it never reads as a count.
        let onMarker = number != nil && p.rect.contains(center) && !p.hasLeader
        children.append(.path(ScenePath(id: "\(id)/marker", path: .circle(center: center, radius: r),
                                        fill: onMarker ? ink : theme.background ?? .white, stroke: StrokeStyle(color: ink, width: theme.markerLineWidth * 1.2))))
        let count = onMarker ? "\(number!)" : "\(members.count)"
        let countSize = measurer.measure(count, font: countFont)
        children.append(.text(SceneText(id: onMarker ? "\(id)/callout" : "\(id)/count", text: count, font: countFont, color: onMarker ? theme.background ?? .white : ink,
                                        frame: Rect(center: center, size: countSize), alignment: .center)))
        if p.outcome != .omitted, p.hasLeader { children.append(leader(request, p.rect, "\(id)/leader", ink)) }
        if let number, !onMarker {
            let size = measurer.measure("\(number)", font: legendFont)
            var box = Rect(x: p.rect.minX + (p.rect.width - size.width) * p.side.textAlignment.fraction, y: p.rect.midY - size.height / 2,
                           width: size.width, height: size.height)
            if p.hasLeader {
                let end = p.rect.nearestPoint(to: center)
                box.origin.x = min(max(end.x - size.width / 2, p.rect.minX), p.rect.maxX - size.width)
            }
            children.append(.text(SceneText(id: "\(id)/callout", text: "\(number)", font: legendFont, color: ink, frame: box, alignment: .center, towards: center)))
        } else if p.isPlaced {
            let frame = p.rect
            children.append(.path(ScenePath(id: "\(id)/list", path: .rect(frame),
                                            stroke: StrokeStyle(color: ink.withAlpha(0.45), width: 0.8))))
            let (fraction, _) = p.side.textAlignment
            var y = frame.minY + Self.padding
            for tool in members {
                let size = measurer.measure(tool.name, font: nameFont)
                let x = frame.minX + Self.padding + (frame.width - 2 * Self.padding - size.width) * (fraction == 0.5 ? 0 : fraction)
                children.append(.group(SceneGroup(id: "\(id)/tool/\(tool.id)", title: tool.name, link: tool.url, children: [
                    .text(SceneText(id: "\(id)/tool/\(tool.id)/name", text: tool.name, font: nameFont, color: ink,
                                    frame: Rect(x: x, y: y, width: size.width, height: size.height), alignment: .left, towards: center)),
                ])))
                y += size.height
            }
        }
        let title = "\(members.count) tools at one spot: " + members.map(\.name).joined(separator: ", ")
        return .group(SceneGroup(id: id, title: title, children: children))
    }
}
