import Foundation
import ScapeGeometry

/// Open arrowheads: two short strokes back from the tip, the blog's hand-drawn kind.
public enum ArrowGeometry {
    /// The two barbs of an arrowhead at `tip` for a shaft arriving from `from`.
    public static func head(tip: Point, from: Point, length: Double, spread: Double = 25 * .pi / 180) -> Path {
        let back = (from - tip).normalized
        let a = tip + back.rotated(by: spread) * length
        let b = tip + back.rotated(by: -spread) * length
        return Path.polyline([a, tip, b])
    }
}
