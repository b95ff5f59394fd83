import Foundation

/// Parallel hatch lines clipped to a polygon: rotate the polygon so the hatch runs
/// horizontally, cut it with scan lines `gap` apart, pair the crossings even-odd, rotate back.
/// Polygons with holes or several rings work, since crossings of every ring are paired together.
public enum ScanlineHatch {
    /// The hatch segments inside `rings` at `angle` radians (0 = horizontal), `gap` apart.
    /// The most scan lines one polygon gets; the input bounds keep real hatches far below it.
    public static let maxLines = 20_000

    public static func segments(rings: [[Point]], angle: Double, gap: Double) -> [(Point, Point)] {
        guard gap > 0, !rings.isEmpty else { return [] }
        let rotated = rings.map { $0.map { $0.rotated(by: -angle) } }
        let ys = rotated.flatMap { $0.map(\.y) }
        guard let minY = ys.min(), let maxY = ys.max(), maxY > minY, maxY - minY < .infinity else { return [] }
        // At most `maxLines` scan lines: a gap far below the polygon's size (or below the
        // spacing of doubles, where `y += gap` stops moving) is widened, never looped on.
        let gap = max(gap, (maxY - minY) / Double(Self.maxLines))
        var out: [(Point, Point)] = []
        var y = minY + gap / 2 + (maxY - minY).truncatingRemainder(dividingBy: gap) / 2
        while y < maxY {
            var xs: [Double] = []
            for ring in rotated where ring.count > 1 {
                for i in ring.indices {
                    let a = ring[i], b = ring[(i + 1) % ring.count]
                    // Half-open rule so a vertex on the scan line counts once.
                    if (a.y <= y && b.y > y) || (b.y <= y && a.y > y) {
                        xs.append(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x))
                    }
                }
            }
            xs.sort()
            var i = 0
            while i + 1 < xs.count {
                if xs[i + 1] - xs[i] > 1e-9 {
                    out.append((Point(xs[i], y).rotated(by: angle), Point(xs[i + 1], y).rotated(by: angle)))
                }
                i += 2
            }
            y += gap
        }
        WorkCounters.add(.hatchSegments, out.count)
        return out
    }

    /// True when `p` lies inside the rings by the even-odd rule.
    public static func contains(_ p: Point, rings: [[Point]]) -> Bool {
        var inside = false
        for ring in rings where ring.count > 2 {
            var j = ring.count - 1
            for i in ring.indices {
                let a = ring[i], b = ring[j]
                if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
                j = i
            }
        }
        return inside
    }
}
