import Foundation
import Testing
import ScapeGeometry
import ScapeScene
@testable import ScapeSketch

/// Distance from `p` to the segment a-b.
func distance(_ p: Point, toSegment a: Point, _ b: Point) -> Double {
    let d = b - a
    let len2 = d.dot(d)
    let t = len2 == 0 ? 0 : max(0, min(1, (p - a).dot(d) / len2))
    return p.distance(to: a + d * t)
}

/// Points along every curve of a path (for checking where a stroke actually goes).
func samples(_ path: Path) -> [Point] {
    path.polylines(curveSteps: 16).flatMap(\.points)
}

@Suite struct RoughStrokerTests {
    func stroker(seed: UInt64 = 7, id: String = "shape", roughness: Double = 1) -> RoughStroker {
        RoughStroker(style: SketchStyle(roughness: roughness, seed: seed), random: SketchRandom(seed: seed, id: id))
    }

    @Test(arguments: [(Point(0, 0), Point(100, 0)), (Point(10, 10), Point(400, 300)), (Point(0, 0), Point(0, 900)), (Point(5, 5), Point(12, 9))])
    func aSketchedSegmentStaysNearTheOriginal(a: Point, b: Point) {
        for seed in 1...20 as ClosedRange<UInt64> {
            var s = stroker(seed: seed)
            let path = s.line(a, b)
            let length = a.distance(to: b)
            // Endpoint jitter (at most maxOffset, capped at a tenth of the length) plus the bow.
            let offset = min(2, length / 10)
            let bound = offset * 2 + 2 * length / 200 + 0.01
            for p in samples(path) {
                #expect(distance(p, toSegment: a, b) <= bound, "seed \(seed): \(p) strays \(distance(p, toSegment: a, b)) > \(bound)")
            }
            // Both passes start and end within the endpoint offset.
            let starts = path.elements.compactMap { e -> Point? in if case .move(let p) = e { return p } else { return nil } }
            #expect(starts.count == 2)
            for p in starts { #expect(p.distance(to: a) <= offset * 1.5) }
            let ends = path.elements.compactMap { e -> Point? in if case .cubic(_, _, let p) = e { return p } else { return nil } }
            for p in ends { #expect(p.distance(to: b) <= offset * 1.5) }
        }
    }

    @Test func roughnessZeroDrawsAlmostStraight() {
        var s = stroker(roughness: 0)
        let path = s.line(Point(0, 0), Point(300, 0))
        for p in samples(path) { #expect(abs(p.y) < 1e-9) }
    }

    @Test func sameSeedSameStrokesOtherSeedOtherStrokes() {
        var a = stroker(seed: 1), b = stroker(seed: 1), c = stroker(seed: 2), d = stroker(seed: 1, id: "other")
        let circle = Path.circle(center: Point(50, 50), radius: 20).polylines().first!.points
        let pa = a.smooth(circle, closed: true), pb = b.smooth(circle, closed: true)
        let pc = c.smooth(circle, closed: true), pd = d.smooth(circle, closed: true)
        #expect(pa == pb)
        #expect(pa != pc)
        #expect(pa != pd)
    }

    @Test func aSketchedCircleStaysRoundAndClosesWithANotch() {
        let center = Point(100, 100)
        let circle = Path.circle(center: center, radius: 30).polylines().first!.points
        for seed in 1...10 as ClosedRange<UInt64> {
            var s = stroker(seed: seed)
            let path = s.smooth(circle, closed: true)
            for p in samples(path) {
                let r = p.distance(to: center)
                #expect(r > 30 - 4.5 && r < 30 + 4.5, "seed \(seed): radius \(r)")
            }
            // Each pass overshoots its start: it ends past the point where it began.
            let passes = path.polylines(curveSteps: 4)
            #expect(passes.count == 2)
            for pass in passes {
                let turn = (atan2(pass.points.last!.y - 100, pass.points.last!.x - 100) - atan2(pass.points[0].y - 100, pass.points[0].x - 100))
                #expect(abs(turn) > 0.05, "the pen lifts exactly where it started")
            }
        }
    }

    @Test func resamplingSpacesPointsEvenly() {
        let pts = RoughStroker.resample([Point(0, 0), Point(100, 0), Point(100, 100)], closed: false)
        let gaps = zip(pts, pts.dropFirst()).map { $0.0.distance(to: $0.1) }
        #expect(pts.first == Point(0, 0) && pts.last == Point(100, 100))
        #expect(gaps.max()! - gaps.min()! < 0.5)
    }
}

@Suite struct HatchTests {
    /// A random star-shaped (so simple) polygon around a centre.
    func polygon(_ rng: inout SplitMix64) -> [Point] {
        let n = Int.random(in: 3...14, using: &rng)
        let angles = (0..<n).map { _ in Double.random(in: 0..<(2 * .pi), using: &rng) }.sorted()
        return angles.map { a in Point(200 + cos(a) * .random(in: 20...150, using: &rng), 200 + sin(a) * .random(in: 20...150, using: &rng)) }
    }

    @Test func everyHatchLineLiesInsideItsPolygon() {
        var rng = SplitMix64(state: 3)
        for _ in 0..<60 {
            let ring = polygon(&rng)
            let angle = Double.random(in: -Double.pi...Double.pi, using: &rng)
            let segments = ScanlineHatch.segments(rings: [ring], angle: angle, gap: .random(in: 3...15, using: &rng))
            for (a, b) in segments {
                for t in stride(from: 0.02, through: 0.98, by: 0.08) {
                    #expect(ScanlineHatch.contains(a.lerp(to: b, t), rings: [ring]), "hatch point outside its polygon")
                }
            }
        }
    }

    @Test func hatchLinesAreParallelAndGapApart() {
        let square = [Point(0, 0), Point(100, 0), Point(100, 100), Point(0, 100)]
        let segs = ScanlineHatch.segments(rings: [square], angle: 0, gap: 10)
        #expect(segs.count == 10)
        for (i, s) in segs.enumerated() {
            #expect(abs(s.0.y - s.1.y) < 1e-9)
            if i > 0 { #expect(abs(s.0.y - segs[i - 1].0.y - 10) < 1e-9) }
        }
    }

    @Test func holesStayEmpty() {
        let outer = [Point(0, 0), Point(100, 0), Point(100, 100), Point(0, 100)]
        let hole = [Point(30, 30), Point(70, 30), Point(70, 70), Point(30, 70)]
        for (a, b) in ScanlineHatch.segments(rings: [outer, hole], angle: 0.3, gap: 5) {
            let mid = a.lerp(to: b, 0.5)
            #expect(!(mid.x > 31 && mid.x < 69 && mid.y > 31 && mid.y < 69))
        }
    }

    @Test(arguments: FillPattern.Kind.allCases)
    func everyPatternKindStaysInsideItsShape(kind: FillPattern.Kind) {
        let shape = Path.circle(center: Point(100, 100), radius: 50)
        let ring = shape.polylines(curveSteps: 6).map(\.points)
        let (lines, dots) = FillPattern(kind: kind, color: .black, gap: 6).geometry(inside: shape)
        if kind == .solid { #expect(lines.isEmpty && dots.isEmpty) } else { #expect(!lines.isEmpty || !dots.isEmpty) }
        for line in lines {
            for p in line { #expect(p.distance(to: Point(100, 100)) <= 50.01) }
        }
        for d in dots { #expect(ScanlineHatch.contains(d, rings: ring)) }
    }
}
