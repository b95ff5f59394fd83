import Testing
import ScapeGeometry
@testable import ScapeLayout

/// A title in a quadrant full of tools goes where it covers the fewest markers: its count is
/// the markers its box meets, each once, and no spot tried covers fewer.
@Suite struct QuadrantTitleSpotTests {
    @Test func aCrowdedQuadrantsTitleCoversTheFewestMarkersEachCountedOnce() {
        var rng = SplitMix64(state: 21)
        let quadrant = Rect(x: 40, y: 30, width: 520, height: 360)
        for upper in [true, false] {
            for _ in 0..<10 {
                let markers = (0..<140).map { _ in Point(quadrant.minX + rng.nextUnit() * quadrant.width, quadrant.minY + rng.nextUnit() * quadrant.height) }
                let clearance = 14.0
                let spot = QuadrantTitleSpot(markers: markers, clearance: clearance, keepOut: [], upper: upper)
                let size = Size(150, 30)
                let (rect, count) = spot.frame(size: size, in: quadrant)
                func meets(_ r: Rect) -> Int {
                    markers.filter { quadrant.outsetBy(clearance).contains($0) && Rect(center: $0, size: Size(2 * clearance, 2 * clearance)).intersects(r) }.count
                }
                #expect(count == meets(rect), "the count is the markers the title's box meets")
                let room = quadrant.insetBy(4)
                let dx = (room.width - size.width) / Double(QuadrantTitleSpot.steps), dy = (room.height - size.height) / Double(QuadrantTitleSpot.steps)
                let fewest = (0...QuadrantTitleSpot.steps).flatMap { i in
                    (0...QuadrantTitleSpot.steps).map { j in meets(Rect(x: room.minX + Double(i) * dx, y: room.minY + Double(j) * dy, width: size.width, height: size.height)) }
                }.min()!
                #expect(count == fewest, "no spot tried covers fewer: \(count) against \(fewest)")
            }
        }
    }
}
