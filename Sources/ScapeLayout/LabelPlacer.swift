import Foundation
import ScapeGeometry

/// A label to place next to its anchor (a round marker).
public struct LabelRequest: Sendable, Equatable {
    public var anchor: Point
    public var anchorRadius: Double
    /// The label's possible shapes, preferred first (e.g. one line, then wrapped onto two).
    public var variants: [Size]
    /// Higher goes first: highlighted tools win over greyed ones.
    public var priority: Int
    /// The size of a callout number drawn at the marker when the name finds no spot (the
    /// name then goes to a legend); nil: no callout, the name is left out instead.
    public var calloutSize: Size?
    /// The size of the number when drawn on the marker itself (a smaller font, so numbers fit
    /// a tight cluster); nil: `calloutSize`.
    public var onMarkerCalloutSize: Size?
    /// Where the label must lie, if anywhere in particular: on a map, its marker's side of
    /// each axis, so no name or number reads as belonging to the next quadrant.
    public var keepIn: Rect?

    public init(anchor: Point, anchorRadius: Double, variants: [Size], priority: Int = 0, calloutSize: Size? = nil) {
        precondition(!variants.isEmpty, "a label needs at least one shape")
        self.anchor = anchor
        self.anchorRadius = anchorRadius
        self.variants = variants
        self.priority = priority
        self.calloutSize = calloutSize
    }

    public init(anchor: Point, anchorRadius: Double, size: Size, priority: Int = 0, calloutSize: Size? = nil) {
        self.init(anchor: anchor, anchorRadius: anchorRadius, variants: [size], priority: priority, calloutSize: calloutSize)
    }
}

/// Where a label sits relative to its marker. `Low`/`High` slide the label down or up
/// along its side, as hand-placed labels often do.
public enum LabelSide: String, Sendable, CaseIterable {
    case right, rightLow, rightHigh, left, leftLow, leftHigh
    case aboveRight, belowRight, above, below, aboveLeft, belowLeft

    /// How the label's lines align: towards the marker.
    public var textAlignment: (fraction: Double, centered: Bool) {
        switch self {
        case .right, .rightLow, .rightHigh, .aboveRight, .belowRight: return (0, false)
        case .left, .leftLow, .leftHigh, .aboveLeft, .belowLeft: return (1, false)
        case .above, .below: return (0.5, true)
        }
    }
}

/// What became of a label.
public enum LabelOutcome: String, Sendable {
    /// Next to its marker.
    case adjacent
    /// Further away, joined to its marker by a leader line.
    case leader
    /// A number next to the marker (`rect` is the number's box); the name goes to a legend.
    case callout
    /// No room anywhere: left out, counted and reported.
    case omitted
}

public struct LabelPlacement: Sendable {
    public var rect: Rect
    public var side: LabelSide
    /// Index into the request's variants.
    public var variant: Int
    public var outcome: LabelOutcome
    /// Joined to the marker by a leader line (a leader's name, or a callout number set apart).
    public var hasLeader = false

    /// The name is drawn next to its marker or at the end of a leader (not in a legend).
    public var isPlaced: Bool { outcome == .adjacent || outcome == .leader }
}

/// Something labels may cover at a price (a quadrant title, a region outline).
public struct SoftObstacle: Sendable {
    public var rect: Rect
    public var weight: Double

    public init(rect: Rect, weight: Double) {
        self.rect = rect
        self.weight = weight
    }
}

/// Point-feature label placement: candidate positions around each marker in the blog's order
/// of preference (right first), scored by preference, soft obstacles covered and ambiguity
/// (a label nearer another marker than its own); greedy in order of priority and constraint,
/// then a deterministic conflict-driven repair (move one blocking label aside), then leader
/// lines to a nearby free spot, and as a last resort omission. Uniform grids keep each test
/// near O(1), so the whole is near-linear. Placed labels never overlap each other, any
/// marker or a hard obstacle, and stay inside the bounds.
public struct LabelPlacer: Sendable {
    /// The least space between two labels, so neighbours never read as one word.
    public static let labelSpacing = 4.0
    /// How far outside its marker's stroke a leader starts: close enough that the hand-drawn
    /// style's wobble still leaves it touching its own marker.
    public static let leaderGap = 0.5

    public var gap: Double
    /// Rings of candidates, each a marker-and-gap further out.
    public var rings: Int
    public var allowLeaders: Bool
    /// How far a leader may reach, in label heights.
    public var leaderReach: Double
    public var repairPasses: Int

    /// How many callout numbers a legend can hold; past it, names are left out.
    public var calloutLimit: Int
    /// How far a leader keeps from any other name and marker (and a name from any leader): a
    /// line that grazes a name reads as joined to it. More for a hand-drawn style's wobble.
    public var leaderClearance = 1.0
    /// The longest leader drawn (a map: a share of its plot's diagonal), so no name is carried
    /// far from its marker among others.
    public var longestLeader = Double.infinity
    /// How far a name or number at a leader's end keeps from every other marker (the audit's
    /// rule, with half a point to spare).
    public static let leaderEndClearance = 6.5
    /// Runs already made by placers of these settings for the same figure (a radar's two
    /// passes): an escalation round asked for again is taken from here. Only rounds without
    /// soft obstacles are kept.
    var memo: PlacementMemo?

    public init(gap: Double, rings: Int = 2, allowLeaders: Bool = true, leaderReach: Double = 14, repairPasses: Int = 2, calloutLimit: Int = Int.max) {
        self.calloutLimit = calloutLimit
        self.gap = gap
        self.rings = rings
        self.allowLeaders = allowLeaders
        self.leaderReach = leaderReach
        self.repairPasses = repairPasses
    }

    struct Candidate {
        var rect: Rect
        var side: LabelSide
        var variant: Int
        var cost: Double
    }

    /// The adjacent candidates of one label, cheapest first.
    func candidates(for request: LabelRequest) -> [Candidate] {
        candidates(around: request.anchor, radius: request.anchorRadius, variants: request.variants)
    }

    func candidates(around c: Point, radius r: Double, variants: [Size]) -> [Candidate] {
        var out: [Candidate] = []
        for (v, size) in variants.enumerated() {
            let w = size.width, h = size.height
            for ring in 0..<rings {
                let step = Double(ring) * (gap + r)
                let d = r + gap + step
                let diag = r * 0.7 + step * 0.7
                for (rank, side) in LabelSide.allCases.enumerated() {
                    let origin: Point
                    switch side {
                    case .right: origin = Point(c.x + d, c.y - h / 2)
                    case .rightLow: origin = Point(c.x + d, c.y - r)
                    case .rightHigh: origin = Point(c.x + d, c.y + r - h)
                    case .left: origin = Point(c.x - d - w, c.y - h / 2)
                    case .leftLow: origin = Point(c.x - d - w, c.y - r)
                    case .leftHigh: origin = Point(c.x - d - w, c.y + r - h)
                    case .aboveRight: origin = Point(c.x + diag, c.y - diag - h)
                    case .belowRight: origin = Point(c.x + diag, c.y + diag)
                    case .above: origin = Point(c.x - w / 2, c.y - d + gap / 2 - h)
                    case .below: origin = Point(c.x - w / 2, c.y + d - gap / 2)
                    case .aboveLeft: origin = Point(c.x - diag - w, c.y - diag - h)
                    case .belowLeft: origin = Point(c.x - diag - w, c.y + diag)
                    }
                    let cost = Double(ring) * 4 + Double(rank) * 0.35 + Double(v) * 2.5
                    out.append(Candidate(rect: Rect(origin: origin, size: size), side: side, variant: v, cost: cost))
                }
            }
        }
        return out.sorted { $0.cost < $1.cost }
    }

    /// Places every label. `obstacles` may not be covered; `soft` ones cost their weight per
    /// share of the label they cover.
    /// `crossable` ones (axis lines) may not be covered either, but leaders may cross them.
    /// `numberedFirst` starts the placement from a crowd already known to need numbers (the
    /// previous try of the same map, before a few tools joined stacks): those labels are numbers
    /// from the first run, which skips the run that would try (and fail) to name them all.
    public func place(_ requests: [LabelRequest], obstacles: [Rect], crossable: [Rect] = [], soft: [SoftObstacle] = [], bounds: Rect,
                      numberedFirst: Set<Int> = []) -> [LabelPlacement] {
        let escalates = requests.count <= Self.escalationLimit && requests.contains(where: { $0.calloutSize != nil })
        let hint: Set<Int> = escalates ? numberedFirst.filter { requests[$0].calloutSize != nil } : []
        // What the last run was given: a round with the same numbers and the same names placed
        // first runs the same placement again, whose result was already weighed (a crowd
        // numbered whole in its first round repeated it three times: 60% of a 1,000-blip
        // radar). Only a wider radius in a later round can change anything.
        var lastRun: (numbered: Set<Int>, placeFirst: Set<Int>)?
        var result: [LabelPlacement]
        if hint.isEmpty || hint.count > calloutLimit {
            var state = PlacementState(placer: self, requests: requests, obstacles: obstacles, crossable: crossable, soft: soft, bounds: bounds)
            state.run()
            result = state.result()
        } else {
            result = numberedRun(requests, numbered: hint, placeFirst: [], obstacles: obstacles, crossable: crossable, soft: soft, bounds: bounds)
            lastRun = (hint, [])
        }
        // Crowded spots: names left out there are escalated, with their neighbours, to numbers
        // from the start, so small numbers share the crowd's room instead of long names taking
        // it all. Each round widens the neighbourhood. Skipped for huge inputs, where omission
        // is allowed and time is short.
        guard escalates else { return result }
        var numbered = lastRun?.numbered ?? []
        var radius = (requests.lazy.map { $0.variants[0].height }.max() ?? 16) * 2
        for _ in 0..<Self.escalationRounds {
            let left = result.indices.filter { result[$0].outcome == .omitted && requests[$0].calloutSize != nil }
            guard !left.isEmpty else { break }
            var grid = SpatialGrid(bounds: bounds.union(requests.reduce(bounds) { $0.union(Rect(center: $1.anchor, size: Size(1, 1))) }), cellSize: radius)
            for (i, r) in requests.enumerated() { grid.insert(Rect(center: r.anchor, size: .zero), i) }
            var grown = numbered
            for i in left {
                grown.insert(i)
                let a = requests[i].anchor
                grid.forEachCandidate(near: Rect(center: a, size: Size(2 * radius, 2 * radius))) { k in
                    let j = grid.items[k].payload
                    if requests[j].calloutSize != nil, requests[j].anchor.distance(to: a) <= radius { grown.insert(j) }
                }
            }
            guard grown.count <= calloutLimit else { break }
            numbered = grown
            let placeFirst = left.count <= Self.placeFirstLimit ? Set(left) : []
            if let lastRun, lastRun.numbered == numbered, lastRun.placeFirst == placeFirst {
                radius *= 1.6
                continue
            }
            lastRun = (numbered, placeFirst)
            let candidate = numberedRun(requests, numbered: numbered, placeFirst: placeFirst, obstacles: obstacles, crossable: crossable, soft: soft, bounds: bounds)
            let omittedBefore = result.filter { $0.outcome == .omitted }.count
            if candidate.filter({ $0.outcome == .omitted }).count < omittedBefore { result = candidate }
            radius *= 1.6
        }
        return result
    }

    /// One run with the `numbered` labels as numbers from the start (placed first on their
    /// markers where that is their only room), and `placeFirst` choosing before the rest. A
    /// numbered label standing far enough apart gets its name back.
    private func numberedRun(_ requests: [LabelRequest], numbered: Set<Int>, placeFirst: Set<Int>, obstacles: [Rect], crossable: [Rect], soft: [SoftObstacle],
                             bounds: Rect) -> [LabelPlacement] {
        var asNumbers = requests
        for i in numbered { asNumbers[i].variants = [requests[i].calloutSize!] }
        var next: PlacementState
        let remembered = soft.isEmpty ? memo : nil
        if let done = remembered?.state(requests: asNumbers, numbered: numbered, placeFirst: placeFirst, obstacles: obstacles, crossable: crossable, bounds: bounds) {
            next = done
        } else {
            next = PlacementState(placer: self, requests: asNumbers, obstacles: obstacles, crossable: crossable, soft: soft, bounds: bounds)
            next.callouts = numbered.count
            next.numberedOnMarkerFirst = numbered
            next.placeFirst = placeFirst
            next.run()
            remembered?.remember(PlacementMemo.Run(requests: asNumbers, numbered: numbered, placeFirst: placeFirst, obstacles: obstacles,
                                                   crossable: crossable, bounds: bounds, state: next, work: next.work.counts))
        }
        let renamed = next.restoreNames(requests, numbered: numbered)
        var candidate = next.result()
        for i in numbered where !renamed.contains(i) && (candidate[i].outcome == .adjacent || candidate[i].outcome == .leader) {
            candidate[i].outcome = .callout
            candidate[i].variant = 0
        }
        return candidate
    }

    /// Up to how many labels crowded names are escalated to numbers.
    public static let escalationLimit = 3000
    static let escalationRounds = 4
    /// Up to how many left-out names choose first in the next round (more: a hopeless crowd).
    static let placeFirstLimit = 60

    /// The plain baseline: eight positions, input order, first free one or nothing. For benchmarks.
    public func placeGreedyBaseline(_ requests: [LabelRequest], obstacles: [Rect], bounds: Rect) -> [LabelPlacement] {
        var baseline = self
        baseline.rings = 1
        var state = PlacementState(placer: baseline, requests: requests, obstacles: obstacles, soft: [], bounds: bounds)
        return state.baseline()
    }
}
