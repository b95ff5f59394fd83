import Foundation
import Testing
import ScapeGeometry
@testable import ScapeLayout

/// The band outlines are drawn dashed and by hand, one stroke per segment: they keep their
/// shape with a few hundred points instead of thousands.
@Suite struct BandOutlineTests {
    /// A band-like strip: a straight edge, a gently curved border, two corners.
    var strip: [Point] {
        var pts = [Point(0, 0), Point(800, 0)]
        for i in 0...76 { let t = Double(i) / 76; pts.append(Point(800 - 800 * t, 300 + 40 * sin(t * .pi * 3))) }
        return pts
    }

    @Test func theRoundedOutlineStaysWithinATenthOfAPointOfTheCornerCutOne() {
        let full = AdoptionBands.rounded(strip, tolerance: 0)
        let kept = AdoptionBands.rounded(strip)
        #expect(full.count == strip.count * 16)
        // Far fewer segments to stroke, dash and draw by hand.
        #expect(kept.count * 4 < full.count, "\(kept.count) of \(full.count) points kept")
        // Every dropped point lies within the tolerance of the kept outline.
        for p in full {
            let nearest = kept.indices.map { Segment.distance(from: p, to: kept[$0], kept[($0 + 1) % kept.count]) }.min()!
            #expect(nearest <= 0.1 + 1e-9)
        }
    }

    @Test func keptPointsAreInTheirOriginalOrder() {
        let full = AdoptionBands.rounded(strip, tolerance: 0)
        let kept = AdoptionBands.rounded(strip)
        var at = 0
        for p in kept {
            guard let i = full[at...].firstIndex(of: p) else { Issue.record("a kept point is out of order"); return }
            at = i
        }
    }
}
