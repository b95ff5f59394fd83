/// Straight segments, as leader lines are drawn: how near one passes a point, and whether two
/// cross. The placer and the audit that checks it from outside ask the same questions.
public enum Segment {
    /// Whether segment ab comes nearer than r to c.
    @inlinable
    public static func passes(_ a: Point, _ b: Point, within r: Double, of c: Point) -> Bool {
        distance(from: c, to: a, b) < r
    }

    /// How near segment ab comes to c.
    @inlinable
    public static func distance(from c: Point, to a: Point, _ b: Point) -> Double {
        let ab = b - a
        let len2 = ab.dot(ab)
        let t = len2 == 0 ? 0 : max(0, min(1, (c - a).dot(ab) / len2))
        return (a + ab * t).distance(to: c)
    }

    /// Whether segments pq and rs cross (touching ends do not count).
    @inlinable
    public static func cross(_ p: Point, _ q: Point, _ r: Point, _ s: Point) -> Bool {
        func orient(_ a: Point, _ b: Point, _ c: Point) -> Double { (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) }
        let d1 = orient(r, s, p), d2 = orient(r, s, q), d3 = orient(p, q, r), d4 = orient(p, q, s)
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
    }
}
