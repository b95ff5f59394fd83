import Foundation
import ScapeGeometry
import ScapeScene

/// The reader's rules beyond "nearest marker": what makes a correctly placed name still read
/// wrongly at the width a figure is published at. Each is judged from the drawn geometry.
extension LabelAudit {
    /// A name (or number) at a leader's end keeps at least this far, in points, from every
    /// other tool's marker: nearer, a reader pairs it with that marker and never follows the line.
    public static let leaderEndClearance = 6.0
    /// No leader is longer than this share of the plot's diagonal: a long line is lost among
    /// the markers it passes.
    public static let leaderShare = 0.15
    /// Two names on one line closer than this share of the smaller one's box height read as
    /// one name. A box is a line of text (about 1.2 em, in the scene) or its glyphs (about
    /// 0.9 em, in an SVG), so half of it is 0.45 to 0.6 em.
    public static let runOnShare = 0.5

    /// The smallest type a reader must read to identify a tool (names, numbers, legend
    /// entries, stack lists), in pixels once the figure is scaled to `publishWidth`.
    public static func smallestNamePixels(_ scene: Scene, publishWidth: Double) -> Double {
        var smallest = Double.infinity
        for node in scene.allNodes {
            guard case .text(let t) = node, t.id.hasPrefix("tool/") || t.id.hasPrefix("blip/") || t.id.hasPrefix("stack/") || t.id.hasPrefix("inset/") else { continue }
            let part = t.id.split(separator: "/").last ?? ""
            guard ["name", "callout", "legend-number", "count"].contains(part) else { continue }
            smallest = min(smallest, t.font.size)
        }
        return smallest.isFinite ? smallest * publishWidth / max(1, scene.size.width) : 0
    }

    /// Ids that belong to the figure's frame: nothing may be drawn over them.
    static func isFrameLabel(_ id: String) -> Bool {
        id == "title" || id.hasPrefix("axis.x.") || id.hasPrefix("axis.y.") || id.hasPrefix("quadrant.")
    }

    /// The plot's axes as drawn: where they cross, and the plot's diagonal.
    struct PlotAxes {
        var horizontal: Rect
        var vertical: Rect
        var origin: Point { Point(vertical.midX, horizontal.midY) }
        var diagonal: Double { (horizontal.width * horizontal.width + vertical.height * vertical.height).squareRoot() }

        /// Whether the segment a -> b crosses an axis line from one quadrant into another.
        /// A marker within `slack` of an axis sits on it and may reach either side.
        func crossesQuadrant(_ a: Point, _ b: Point, slack: Double) -> Bool {
            let o = origin
            if abs(a.x - o.x) > slack, (a.x - o.x) * (b.x - o.x) < 0, vertical.minY <= max(a.y, b.y), min(a.y, b.y) <= vertical.maxY { return true }
            if abs(a.y - o.y) > slack, (a.y - o.y) * (b.y - o.y) < 0, horizontal.minX <= max(a.x, b.x), min(a.x, b.x) <= horizontal.maxX { return true }
            return false
        }

        /// Whether `box` lies wholly on the other side of an axis from `marker`, a marker
        /// clear of that axis (one on it may be named on either side).
        func across(_ marker: Rect, _ box: Rect) -> Bool {
            let o = origin, r = max(marker.width, marker.height) / 2
            if marker.midX - r > o.x, box.maxX <= o.x { return true }
            if marker.midX + r < o.x, box.minX >= o.x { return true }
            if marker.midY - r > o.y, box.maxY <= o.y { return true }
            if marker.midY + r < o.y, box.minY >= o.y { return true }
            return false
        }
    }

    /// The axes of a map (`axis.x`, `axis.y` lines), or nil for figures without them.
    static func plotAxes(_ items: [Item]) -> PlotAxes? {
        func line(_ name: String) -> Rect? {
            let boxes = items.filter { $0.id == name || $0.id.hasPrefix(name + "-") }.map(\.box)
            guard let first = boxes.first else { return nil }
            return boxes.dropFirst().reduce(first) { $0.union($1) }
        }
        guard let h = line("axis.x"), let v = line("axis.y"), h.width > 0, v.height > 0 else { return nil }
        return PlotAxes(horizontal: h, vertical: v)
    }

    /// Pairs of names on one line (their boxes share over half the smaller height) whose
    /// horizontal gap is under `runOnShare` of that height. Overlapping pairs are counted as
    /// overlaps, not here.
    static func countRunOns(_ names: [Rect]) -> Int {
        let sorted = names.sorted { $0.minX < $1.minX }
        let reach = (names.map(\.height).max() ?? 0) * runOnShare
        var count = 0
        for (k, a) in sorted.enumerated() {
            for b in sorted[(k + 1)...] {
                if b.minX - a.maxX >= reach { break }
                let h = min(a.height, b.height)
                let shared = min(a.maxY, b.maxY) - max(a.minY, b.minY)
                guard shared > h * 0.5 else { continue }
                let gap = max(b.minX - a.maxX, a.minX - b.maxX)
                if gap >= 0, gap < h * runOnShare { count += 1 }
            }
        }
        return count
    }

    /// How far two markers' discs may run into each other before one hides the other: a
    /// hand-drawn circle's wobble, no more.
    public static let markerOverlapTolerance = 1.5

    /// Pairs of markers (tools alone and stacks) whose discs overlap: one covers part of the
    /// other, so the covered one (or the number on it) is hard to find. Each disc is its
    /// drawn box's inscribed circle.
    public static func countOverlappingMarkers(_ boxes: [Rect]) -> Int {
        let sorted = boxes.sorted { $0.minX < $1.minX }
        var count = 0
        for (k, a) in sorted.enumerated() {
            let ra = min(a.width, a.height) / 2
            for b in sorted[(k + 1)...] {
                if b.minX >= a.maxX { break }
                let rb = min(b.width, b.height) / 2
                if a.center.distance(to: b.center) < ra + rb - markerOverlapTolerance { count += 1 }
            }
        }
        return count
    }
}
