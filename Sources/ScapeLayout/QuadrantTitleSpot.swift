import ScapeGeometry

/// Where a quadrant title goes when it is a label of the frame: at its quadrant's outer edge
/// (as Mermaid puts it above a quadrant's points), leaving the middle to tools and insets; if
/// that covers a marker, the nearest spot in the quadrant that covers none (a title is
/// never covered, and never covers a tool). Where no spot is free its type shrinks, as a
/// map's names do in a crowded area, down to the smallest that reads.
struct QuadrantTitleSpot {
    /// Marker centres, and how far from each a title keeps (radius, stroke and spacing).
    let markers: [Point]
    let clearance: Double
    /// Boxes a title must stay off (the axis lines).
    let keepOut: [Rect]

    /// The title's quadrant is above the x axis (its title at the top), or below (at the bottom).
    let upper: Bool

    /// Spots tried per side of a quadrant: enough to slide a title by about a third of its height.
    static let steps = 24

    /// The spot for a title of one of `sizes` (largest first, the type shrinking with each):
    /// the largest that finds a free spot, else the smallest at its least crowded spot.
    /// `clear`: false when even the smallest covers a marker (a quadrant full of tools).
    func frame(sizes: [Size], in quadrant: Rect) -> (rect: Rect, size: Int, clear: Bool) {
        var fallback: (rect: Rect, covered: Int)?
        for (k, size) in sizes.enumerated() {
            let (rect, covered) = frame(size: size, in: quadrant)
            if covered == 0 { return (rect, k, true) }
            if k == sizes.count - 1 { fallback = (rect, covered) }
        }
        return (fallback?.rect ?? Rect(center: quadrant.center, size: sizes[0]), sizes.count - 1, false)
    }

    /// The spot nearest the quadrant's centre covering the fewest markers, and how many.
    func frame(size: Size, in quadrant: Rect) -> (Rect, Int) {
        let room = quadrant.insetBy(4)
        let home = Point(quadrant.midX, upper ? room.minY + size.height / 2 : room.maxY - size.height / 2)
        let centred = Rect(center: home, size: size)
        guard !markers.isEmpty else { return (centred, 0) }
        let zone = quadrant.outsetBy(clearance)
        let boxes = markers.filter { zone.contains($0) }.map { Rect(center: $0, size: Size(2 * clearance, 2 * clearance)) }
        func covered(_ r: Rect) -> Int { boxes.reduce(0) { $0 + ($1.intersects(r) ? 1 : 0) } }
        if covered(centred) == 0 { return (centred, 0) }
        guard room.width > size.width, room.height > size.height else { return (centred, covered(centred)) }
        var best = (rect: centred, covered: covered(centred), distance: 0.0)
        let dx = (room.width - size.width) / Double(Self.steps), dy = (room.height - size.height) / Double(Self.steps)
        for i in 0...Self.steps {
            let x = room.minX + Double(i) * dx
            let top = Rect(x: x, y: room.minY, width: size.width, height: size.height)
            // The markers level with this column of spots, by their top and bottom edges: a
            // spot covers those whose top is above its bottom, less those whose bottom is
            // above its top (one sort a column, two binary searches a spot).
            let level = boxes.filter { $0.minX < top.maxX && top.minX < $0.maxX }
            let tops = level.map(\.minY).sorted(), bottoms = level.map(\.maxY).sorted()
            for j in 0...Self.steps {
                let r = Rect(x: x, y: room.minY + Double(j) * dy, width: size.width, height: size.height)
                guard !keepOut.contains(where: { $0.intersects(r) }) else { continue }
                let n = tops.countSorted(below: r.maxY) - bottoms.countSorted(atMost: r.minY), d = r.center.distance(to: home)
                if n < best.covered || (n == best.covered && d < best.distance) { best = (r, n, d) }
            }
        }
        return (best.rect, best.covered)
    }
}
