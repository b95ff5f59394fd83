import Foundation
import ScapeGeometry
import ScapeModel
import ScapeScene

/// One category's region: its outline polygons (several blobs when members are far apart).
public struct RegionOutline: Sendable {
    public var category: String
    public var polygons: [[Point]]
}

/// Category regions in the manner of Bubble Sets: members (markers and labels) and short
/// virtual edges between them add energy to a field, other tools' markers take it away, and
/// the region is the iso-contour, smoothed. Unlike the published implementations it checks
/// the result: every member inside, every stranger's marker outside, or a warning says which.
struct RegionLayout {
    /// Field sampling step in figure units.
    var spacing = 4.0
    /// Distance around members where the outline sits (R0), and where their pull ends (R1).
    var memberR0 = 15.0, memberR1 = 48.0
    var edgeR0 = 12.0, edgeR1 = 34.0
    var strangerR0 = 5.0, strangerR1 = 22.0
    var strangerWeight = 0.8
    /// The pull of the convex hull of each group of members: it rounds the blob out the way
    /// a hand draws one, while strangers inside still carve themselves out.
    var hullR0 = 14.0, hullR1 = 42.0
    /// Members further apart than this are drawn as separate blobs.
    var maxEdgeLength = 520.0

    struct Item {
        var rect: Rect
        var isMember: Bool
    }

    /// The region of one category. `memberBoxes` are the members' marker and label boxes,
    /// `memberAnchors` their marker centres, `strangers` the other tools' marker boxes.
    func outline(memberBoxes: [Rect], memberAnchors: [Point], strangers: [Rect]) -> (polygons: [[Point]], missedMembers: [Int], coveredStrangers: [Int]) {
        guard !memberBoxes.isEmpty else { return ([], [], []) }
        let edges = spanningEdges(memberAnchors)
        let hulls = componentHulls(memberBoxes: memberBoxes, anchors: memberAnchors, edges: edges)
        var bounds = memberBoxes.dropFirst().reduce(memberBoxes[0]) { $0.union($1) }
        bounds = bounds.outsetBy(memberR1 + spacing * 3)
        var weight = strangerWeight
        var threshold = 1.0
        var best: (polygons: [[Point]], missed: [Int], covered: [Int])?
        for _ in 0..<20 {
            let field = sample(bounds, members: memberBoxes, edges: edges, hulls: hulls, strangers: strangers, strangerWeight: weight)
            let polygons = field.contours(at: threshold).filter { abs(Polygon.area($0)) > spacing * spacing * 2 }
            let smooth = polygons.map { Polygon.simplify($0, tolerance: 2.5) }
            let missed = memberBoxes.indices.filter { i in !samplePoints(memberBoxes[i]).allSatisfy { inside($0, smooth) } }
            let covered = strangers.indices.filter { inside(strangers[$0].center, smooth) }
            if best == nil || missed.count + covered.count < best!.missed.count + best!.covered.count {
                best = (smooth, missed, covered)
            }
            if missed.isEmpty && covered.isEmpty { break }
            // Bubble Sets' remedy for a member outside: lower the threshold; for a stranger
            // inside: make strangers repel harder.
            if !missed.isEmpty { threshold *= 0.95 }
            if !covered.isEmpty { weight *= 1.5 }
        }
        return (best!.polygons, best!.missed, best!.covered)
    }

    /// Points that must be inside for a box to count as enclosed.
    func samplePoints(_ r: Rect) -> [Point] {
        let i = r.insetBy(min(1, r.width / 4))
        return [i.origin, Point(i.maxX, i.minY), Point(i.maxX, i.maxY), Point(i.minX, i.maxY), i.center]
    }

    func inside(_ p: Point, _ polygons: [[Point]]) -> Bool { ScanlineHatch.contains(p, rings: polygons) }

    /// The convex hull of every group of members joined by spanning edges (groups of one
    /// member need none).
    func componentHulls(memberBoxes: [Rect], anchors: [Point], edges: [(Point, Point)]) -> [[Point]] {
        var parent = Array(anchors.indices)
        func find(_ i: Int) -> Int { var i = i; while parent[i] != i { i = parent[i] }; return i }
        for (a, b) in edges {
            guard let i = anchors.firstIndex(of: a), let j = anchors.firstIndex(of: b) else { continue }
            parent[find(i)] = find(j)
        }
        let groups = Dictionary(grouping: anchors.indices, by: find)
        return groups.keys.sorted().compactMap { key -> [Point]? in
            let members = groups[key]!
            guard members.count > 1 else { return nil }
            let corners = members.flatMap { i -> [Point] in
                let r = memberBoxes[i]
                return [r.origin, Point(r.maxX, r.minY), Point(r.maxX, r.maxY), Point(r.minX, r.maxY)]
            }
            return ConvexHull.of(corners)
        }
    }

    /// A minimum spanning tree over the anchors, without edges longer than `maxEdgeLength`.
    func spanningEdges(_ anchors: [Point]) -> [(Point, Point)] {
        guard anchors.count > 1 else { return [] }
        var inTree = [Bool](repeating: false, count: anchors.count)
        var best = [Double](repeating: .infinity, count: anchors.count)
        var parent = [Int](repeating: -1, count: anchors.count)
        best[0] = 0
        var edges: [(Point, Point)] = []
        for _ in anchors.indices {
            var u = -1
            for v in anchors.indices where !inTree[v] && (u < 0 || best[v] < best[u]) { u = v }
            inTree[u] = true
            if parent[u] >= 0, best[u] <= maxEdgeLength { edges.append((anchors[parent[u]], anchors[u])) }
            for v in anchors.indices where !inTree[v] {
                let d = anchors[u].distance(to: anchors[v])
                if d < best[v] { best[v] = d; parent[v] = u }
            }
        }
        return edges
    }

    private func falloff(_ d: Double, _ r0: Double, _ r1: Double) -> Double {
        d >= r1 ? 0 : ((r1 - d) / (r1 - r0)) * ((r1 - d) / (r1 - r0))
    }

    private func distance(_ p: Point, _ r: Rect) -> Double {
        let dx = max(r.minX - p.x, 0, p.x - r.maxX), dy = max(r.minY - p.y, 0, p.y - r.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    private func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let d = b - a
        let len2 = d.dot(d)
        let t = len2 == 0 ? 0 : max(0, min(1, (p - a).dot(d) / len2))
        return p.distance(to: a + d * t)
    }

    /// The energy field over `bounds`; its border samples stay at zero so contours close.
    func sample(_ bounds: Rect, members: [Rect], edges: [(Point, Point)], hulls: [[Point]], strangers: [Rect], strangerWeight: Double) -> ScalarGrid {
        let columns = Int((bounds.width / spacing).rounded(.up)) + 3
        let rows = Int((bounds.height / spacing).rounded(.up)) + 3
        var grid = ScalarGrid(origin: bounds.origin - Point(spacing, spacing), spacing: spacing, columns: columns, rows: rows)
        func add(_ area: Rect, _ value: (Point) -> Double) {
            let x0 = max(1, Int(((area.minX - grid.origin.x) / spacing).rounded(.down)))
            let x1 = min(columns - 2, Int(((area.maxX - grid.origin.x) / spacing).rounded(.up)))
            let y0 = max(1, Int(((area.minY - grid.origin.y) / spacing).rounded(.down)))
            let y1 = min(rows - 2, Int(((area.maxY - grid.origin.y) / spacing).rounded(.up)))
            guard x0 <= x1, y0 <= y1 else { return }
            for y in y0...y1 { for x in x0...x1 { grid[x, y] += value(grid.position(x, y)) } }
        }
        for r in members { add(r.outsetBy(memberR1)) { falloff(distance($0, r), memberR0, memberR1) } }
        for (a, b) in edges {
            let box = Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x), height: abs(a.y - b.y)).outsetBy(edgeR1)
            add(box) { falloff(distance($0, a, b), edgeR0, edgeR1) }
        }
        for hull in hulls {
            let box = hull.dropFirst().reduce(Rect(center: hull[0], size: .zero)) { $0.union(Rect(center: $1, size: .zero)) }.outsetBy(hullR1)
            add(box) { p in
                let d = ScanlineHatch.contains(p, rings: [hull]) ? 0 : hull.indices.map { distance(p, hull[$0], hull[($0 + 1) % hull.count]) }.min()!
                return falloff(d, hullR0, hullR1)
            }
        }
        for r in strangers { add(r.outsetBy(strangerR1)) { -strangerWeight * falloff(distance($0, r), strangerR0, strangerR1) } }
        return grid
    }
}
