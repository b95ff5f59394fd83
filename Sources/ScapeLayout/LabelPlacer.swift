import ScapeGeometry

/// A label to place next to its anchor (a round marker).
public struct LabelRequest: Sendable {
    public var anchor: Point
    public var anchorRadius: Double
    public var size: Size

    public init(anchor: Point, anchorRadius: Double, size: Size) {
        self.anchor = anchor
        self.anchorRadius = anchorRadius
        self.size = size
    }
}

/// Where a label went, relative to its anchor.
public enum LabelSide: String, Sendable, CaseIterable {
    case right, left, aboveRight, belowRight, above, below, aboveLeft, belowLeft

    /// How the lines of a label on this side align: towards the marker.
    public var alignment: (horizontal: Double, isCentered: Bool) {
        switch self {
        case .right, .aboveRight, .belowRight: return (0, false)
        case .left, .aboveLeft, .belowLeft: return (1, false)
        case .above, .below: return (0.5, true)
        }
    }
}

public struct LabelPlacement: Sendable {
    public var rect: Rect
    public var side: LabelSide
    /// False when every candidate collided and the least bad one was taken.
    public var isFree: Bool
}

/// Candidate-position label placement: eight positions around each marker in the order the
/// blog's figures prefer (right first), then the same eight further out. Labels never cover
/// each other, any marker or an obstacle, and stay inside the bounds when a free spot exists.
/// Most-constrained labels go first; a spatial grid keeps each test near O(1).
public struct LabelPlacer: Sendable {
    public var gap: Double
    /// How many rings of candidates (each one gap-and-radius further out) to try.
    public var rings: Int

    public init(gap: Double, rings: Int = 3) {
        self.gap = gap
        self.rings = rings
    }

    /// The candidate rectangles of one label in preference order.
    public func candidates(for request: LabelRequest) -> [(Rect, LabelSide)] {
        var out: [(Rect, LabelSide)] = []
        let w = request.size.width, h = request.size.height
        let c = request.anchor
        for ring in 0..<rings {
            let d = request.anchorRadius + gap + Double(ring) * (gap + request.anchorRadius)
            let diag = request.anchorRadius * 0.7 + Double(ring) * (gap + request.anchorRadius) * 0.7
            for side in LabelSide.allCases {
                let origin: Point
                switch side {
                case .right: origin = Point(c.x + d, c.y - h / 2)
                case .left: origin = Point(c.x - d - w, c.y - h / 2)
                case .aboveRight: origin = Point(c.x + diag, c.y - diag - h)
                case .belowRight: origin = Point(c.x + diag, c.y + diag)
                case .above: origin = Point(c.x - w / 2, c.y - d + gap / 2 - h)
                case .below: origin = Point(c.x - w / 2, c.y + d - gap / 2)
                case .aboveLeft: origin = Point(c.x - diag - w, c.y - diag - h)
                case .belowLeft: origin = Point(c.x - diag - w, c.y + diag)
                }
                out.append((Rect(origin: origin, size: request.size), side))
            }
        }
        return out
    }

    /// Places every label. `obstacles` are boxes no label may cover (axes, end labels, ...).
    public func place(_ requests: [LabelRequest], obstacles: [Rect], bounds: Rect) -> [LabelPlacement] {
        let cell = max(20, requests.map { max($0.size.width, $0.size.height) }.max() ?? 40)
        var fixed = SpatialGrid<Int>(cellSize: cell)
        for r in obstacles { fixed.insert(r, -1) }
        for (i, r) in requests.enumerated() {
            fixed.insert(Rect(center: r.anchor, size: Size(2 * r.anchorRadius, 2 * r.anchorRadius)).outsetBy(1), i)
        }
        let candidateLists = requests.map { candidates(for: $0) }
        func staticallyFree(_ rect: Rect, _ owner: Int) -> Bool {
            bounds.contains(rect) && !fixed.anyIntersects(rect, where: { $0 != owner })
        }
        // Most constrained first: fewest free candidates against markers and obstacles.
        let freeCounts = candidateLists.enumerated().map { i, list in list.filter { staticallyFree($0.0, i) }.count }
        let order = requests.indices.sorted { freeCounts[$0] != freeCounts[$1] ? freeCounts[$0] < freeCounts[$1] : $0 < $1 }

        var placedGrid = SpatialGrid<Int>(cellSize: cell)
        var result = [LabelPlacement?](repeating: nil, count: requests.count)
        for i in order {
            let list = candidateLists[i]
            if let (rect, side) = list.first(where: { staticallyFree($0.0, i) && !placedGrid.anyIntersects($0.0) }) {
                result[i] = LabelPlacement(rect: rect, side: side, isFree: true)
                placedGrid.insert(rect, i)
                continue
            }
            // No free spot: take the candidate that covers the least, so the picture stays readable.
            var best = list[0]
            var bestCost = Double.infinity
            for (rect, side) in list {
                var cost = 0.0
                for j in placedGrid.indicesIntersecting(rect) { cost += rect.overlapArea(with: placedGrid.items[j].rect) }
                for j in fixed.indicesIntersecting(rect) where fixed.items[j].payload != i {
                    cost += rect.overlapArea(with: fixed.items[j].rect) * 2
                }
                if !bounds.contains(rect) { cost += 1e6 }
                if cost < bestCost { bestCost = cost; best = (rect, side) }
            }
            result[i] = LabelPlacement(rect: best.0, side: best.1, isFree: false)
            placedGrid.insert(best.0, i)
        }
        return result.map { $0! }
    }
}
