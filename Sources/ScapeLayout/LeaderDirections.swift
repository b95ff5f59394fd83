import Foundation
import ScapeGeometry

/// The unit directions a leader search tries around a marker, `count` evenly spaced from
/// angle 0, computed once: the search asks for the same few circles (16 to 48 directions)
/// millions of times on a crowded radar, and cos and sin were a tenth of its time. Each
/// direction is computed by the same expression the search used, so the points are the same.
enum LeaderDirections {
    static let counts = 16...48

    private static let table: [[Point]] = counts.map { directions in
        (0..<directions).map { k in
            let angle = Double(k) * 2 * .pi / Double(directions)
            return Point(cos(angle), sin(angle))
        }
    }

    /// The k-th of `directions` unit vectors (`directions` in `counts`).
    static func unit(_ k: Int, of directions: Int) -> Point {
        guard counts.contains(directions) else {
            let angle = Double(k) * 2 * .pi / Double(directions)
            return Point(cos(angle), sin(angle))
        }
        return table[directions - counts.lowerBound][k]
    }
}
