import Foundation
import ScapeGeometry

/// A fill drawn with lines or dots (the hand-drawn look's hachure and relatives).
/// Its geometry is computed here once; the clean pen draws it straight, the sketch pen by hand.
public struct FillPattern: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case hachure, crossHatch = "cross-hatch", zigzag, dots, solid
    }

    public var kind: Kind
    public var color: Color
    /// Degrees, counter-clockwise from the x axis as seen on the page (rough.js: -41).
    public var angle: Double
    /// Distance between hatch lines (or dots).
    public var gap: Double
    /// Stroke width of the hatch lines, or dot diameter.
    public var weight: Double

    public init(kind: Kind = .hachure, color: Color, angle: Double = -41, gap: Double = 8, weight: Double = 1) {
        self.kind = kind
        self.color = color
        self.angle = angle
        self.gap = gap
        self.weight = weight
    }

    /// How the pattern's lines are stroked, by either pen.
    public var stroke: StrokeStyle {
        StrokeStyle(color: color, width: weight, hatching: true)
    }

    /// What to draw for this pattern inside `path`: hatch polylines, and dot centres.
    public func geometry(inside path: Path) -> (lines: [[Point]], dots: [Point]) {
        let rings = path.polylines(curveSteps: 6).map(\.points)
        // Page angles are counter-clockwise with y up; the canvas has y down.
        let radians = -angle * .pi / 180
        switch kind {
        case .solid:
            return ([], [])
        case .hachure:
            return (ScanlineHatch.segments(rings: rings, angle: radians, gap: gap).map { [$0.0, $0.1] }, [])
        case .crossHatch:
            let a = ScanlineHatch.segments(rings: rings, angle: radians, gap: gap)
            let b = ScanlineHatch.segments(rings: rings, angle: radians + .pi / 2, gap: gap)
            return ((a + b).map { [$0.0, $0.1] }, [])
        case .zigzag:
            let segs = ScanlineHatch.segments(rings: rings, angle: radians, gap: gap)
            var lines: [[Point]] = []
            for (i, s) in segs.enumerated() {
                // Join each hatch to the next one's start, so the pen never lifts: a zigzag.
                let next = i + 1 < segs.count ? segs[i + 1] : nil
                var line = i % 2 == 0 ? [s.0, s.1] : [s.1, s.0]
                if let n = next, n.0.distance(to: s.1) < gap * 3 { line.append(i % 2 == 0 ? n.1 : n.0) }
                lines.append(line)
            }
            return (lines, [])
        case .dots:
            let segs = ScanlineHatch.segments(rings: rings, angle: radians, gap: gap)
            var dots: [Point] = []
            for s in segs {
                let length = s.0.distance(to: s.1)
                var t = gap / 2
                while t < length {
                    dots.append(s.0.lerp(to: s.1, t / length))
                    t += gap
                }
            }
            return ([], dots)
        }
    }
}
