import Foundation
import Testing
import ScapePipeline
import ScapeGeometry

/// The reader's rules, each built by hand so the audit must say it: what reads wrongly at the
/// width a figure is published at, though every name is nearest its own marker.
@Suite struct ReaderRulesAuditTests {
    typealias Item = LabelAudit.Item

    static func marker(_ id: String, _ x: Double, _ y: Double, r: Double = 7) -> Item {
        Item(id: "tool.\(id).marker", box: Rect(x: x - r, y: y - r, width: 2 * r, height: 2 * r), points: [])
    }
    static func name(_ id: String, _ x: Double, _ y: Double, w: Double = 60, h: Double = 18) -> Item {
        Item(id: "tool.\(id).name", box: Rect(x: x, y: y, width: w, height: h), points: [])
    }
    static func leader(_ id: String, _ a: Point, _ b: Point) -> Item {
        Item(id: "tool.\(id).leader", box: Rect(center: a, size: .zero).union(Rect(center: b, size: .zero)), points: [a, b])
    }
    /// A plot's axes crossing at (500, 400), 1000 x 800: their diagonal is 1281.
    static let axes = [
        Item(id: "axis.x", box: Rect(x: 0, y: 395, width: 1000, height: 10), points: [Point(0, 400), Point(1000, 400)]),
        Item(id: "axis.y", box: Rect(x: 495, y: 0, width: 10, height: 800), points: [Point(500, 0), Point(500, 800)]),
    ]

    @Test func aNameAtALeadersEndBesideAnotherMarkerReadsAsThatMarkers() {
        // a's leader runs 80 pt right; its name ends 2 pt above b's marker: a reader pairs it with b.
        var items = Self.axes + [Self.marker("a", 100, 100), Self.marker("b", 200, 118), Self.name("b", 212, 113)]
        items += [Self.leader("a", Point(107.5, 100), Point(180, 100)), Self.name("a", 180, 91, w: 60)]
        let near = LabelAudit(items: items)
        #expect(near.verdicts["tool:a"] == .ambiguous, "\(near.failures)")
        // The same name 20 pt further from b reads as a's.
        items[items.count - 2] = Self.leader("a", Point(107.5, 100), Point(180, 90))
        items[items.count - 1] = Self.name("a", 180, 71, w: 60)
        #expect(LabelAudit(items: items).verdicts["tool:a"] == .leader)
    }

    @Test func twoNamesOnOneLineCloseTogetherReadAsOne() {
        let base = Self.axes + [Self.marker("a", 100, 100), Self.marker("b", 240, 100)]
        // "Weights & Biases Weave" and "DSPy" 3 pt apart on one line.
        let runOn = LabelAudit(items: base + [Self.name("a", 112, 91, w: 100), Self.name("b", 215, 91, w: 40)])
        #expect(runOn.runOns == 1)
        #expect(!runOn.allIdentifiable)
        // 12 pt apart (two thirds of the line) they read as two.
        let apart = LabelAudit(items: base + [Self.name("a", 112, 91, w: 100), Self.name("b", 224, 91, w: 40)])
        #expect(apart.runOns == 0)
        // Stacked one above the other, however close, they are two lines.
        let stacked = LabelAudit(items: base + [Self.name("a", 112, 91, w: 100), Self.name("b", 112, 110, w: 40)])
        #expect(stacked.runOns == 0)
    }

    @Test func aQuadrantTitleIsALabelOfTheFrameAndAWatermarkIsNot() {
        let title = Item(id: "quadrant.q1", box: Rect(x: 150, y: 80, width: 120, height: 40), points: [])
        let tool = [Self.marker("a", 100, 100), Self.name("a", 112, 91)]
        #expect(LabelAudit(items: Self.axes + tool + [title]).coveredLabels == 1)
        let watermark = Item(id: "watermark.q1", box: title.box, points: [])
        #expect(LabelAudit(items: Self.axes + tool + [watermark]).coveredLabels == 0)
    }

    @Test func aLeaderIntoAnotherQuadrantOrTooLongFails() {
        let base = Self.axes + [Self.marker("a", 450, 350)]
        // Across the y axis at x = 500: the name stands among another quadrant's tools.
        let across = LabelAudit(items: base + [Self.leader("a", Point(457.5, 350), Point(540, 350)), Self.name("a", 540, 341)])
        #expect(across.verdicts["tool:a"] == .crossed)
        // 220 pt inside its own quadrant: more than 15% of the 1281 pt diagonal (192 pt).
        let long = LabelAudit(items: base + [Self.leader("a", Point(442.5, 350), Point(222, 350)), Self.name("a", 162, 341)])
        #expect(long.verdicts["tool:a"] == .far)
        #expect(long.longestLeader > 192)
        // 120 pt is fine.
        let short = LabelAudit(items: base + [Self.leader("a", Point(442.5, 350), Point(322, 350)), Self.name("a", 262, 341)])
        #expect(short.verdicts["tool:a"] == .leader)
    }

    /// A hand-drawn leader is two strokes: the jump from the first's end back to the second's
    /// start is not drawn, and is not a line into another quadrant. A marker on the x axis
    /// (within its radius of it) may send its leader down across it; the jump back up from
    /// the name's end would have read as crossing the axis from the far side.
    @Test func aLeaderIsReadStrokeByStrokeNotAcrossTheJumpBetweenThem() {
        let base = Self.axes + [Self.marker("a", 300, 396)]
        let strokes = [[Point(301, 398), Point(280, 425), Point(262, 438)], [Point(302, 399), Point(281, 424), Point(263, 439)]]
        let twoStrokes = Item(id: "tool.a.leader", box: Rect(x: 262, y: 398, width: 40, height: 41), points: strokes.flatMap { $0 }, strokes: strokes)
        let audit = LabelAudit(items: base + [twoStrokes, Self.name("a", 200, 436)])
        #expect(audit.verdicts["tool:a"] == .leader, "\(audit.failures)")
        // Drawn as one line through the same points, it does cross back up over the axis.
        let oneStroke = Item(id: "tool.a.leader", box: twoStrokes.box, points: strokes.flatMap { $0 })
        #expect(LabelAudit(items: base + [oneStroke, Self.name("a", 200, 436)]).verdicts["tool:a"] == .crossed)
    }

    /// An SVG path's curves are read along their course, not through their control points (a
    /// hand-drawn line's controls stray further than the line), and each M starts a stroke.
    @Test func pathDataIsReadAlongItsCurvesStrokeByStroke() {
        let strokes = LabelAudit.strokes(inPathData: "M0 0 C0 30 30 30 30 0 M5 5 L10 10 Z"[...])
        #expect(strokes.count == 2)
        #expect(strokes[1] == [Point(5, 5), Point(10, 10)])
        // The curve peaks at y = 22.5 (three quarters of its controls' 30) at its middle.
        let peak = strokes[0].map(\.y).max() ?? 0
        #expect(abs(peak - 22.5) < 1e-9 && strokes[0].first == Point(0, 0) && strokes[0].last == Point(30, 0))
    }

    @Test func aStackIsJudgedAsOneMarkerAndEachMemberGetsItsVerdict() {
        let stack = Item(id: "stack.1.marker", box: Rect(x: 88, y: 88, width: 24, height: 24), points: [])
        let lines = ["x", "y", "z"].enumerated().map { k, id in
            Item(id: "stack.1.tool.\(id).name", box: Rect(x: 120, y: 80 + Double(k) * 18, width: 70, height: 18), points: [])
        }
        let audit = LabelAudit(items: Self.axes + [stack] + lines)
        #expect(audit.stacks == 1)
        #expect(audit.verdicts == ["tool:x": .adjacent, "tool:y": .adjacent, "tool:z": .adjacent])
        // The same list far off with no leader names nothing.
        let far = lines.map { Item(id: $0.id, box: $0.box.offsetBy(Point(300, 200)), points: []) }
        #expect(LabelAudit(items: Self.axes + [stack] + far).verdicts["tool:y"] == .far)
    }

    @Test func aToolUnnamedOnTheMapIsIdentifiedByAnInsetWhoseOutlineHoldsIt() {
        // b has no name on the map; inset 1 draws the knot around it again, enlarged, and names it.
        let map = Self.axes + [Self.marker("a", 100, 100), Self.name("a", 112, 91), Self.marker("b", 300, 300)]
        let inset = [
            Item(id: "inset.1.frame", box: Rect(x: 600, y: 500, width: 300, height: 200), points: []),
            Item(id: "inset.1.tool.b.marker", box: Rect(x: 693, y: 593, width: 14, height: 14), points: []),
            Item(id: "inset.1.tool.b.name", box: Rect(x: 712, y: 591, width: 60, height: 18), points: []),
        ]
        let holds = Item(id: "inset.1.source", box: Rect(x: 280, y: 280, width: 40, height: 40), points: [])
        let audit = LabelAudit(items: map + inset + [holds])
        #expect(audit.verdicts["tool:b"] == .inset)
        #expect(audit.insets == 1)
        // An outline elsewhere does not identify b.
        let misses = Item(id: "inset.1.source", box: Rect(x: 80, y: 80, width: 40, height: 40), points: [])
        #expect(LabelAudit(items: map + inset + [misses]).verdicts["tool:b"] == .omitted)
        // An inset over a name of the map covers it.
        let over = Item(id: "inset.1.frame", box: Rect(x: 100, y: 80, width: 300, height: 200), points: [])
        #expect(LabelAudit(items: map + [over] + inset.dropFirst() + [holds]).coveredLabels > 0)
    }
}

/// The ways a leader fails, built by hand: through another tool's marker, through another
/// name, across another leader, and over a label of the frame.
@Suite struct CrossedLeaderAuditTests {
    typealias Item = LabelAudit.Item
    static let a = ReaderRulesAuditTests.marker("a", 100, 100)
    static let aName = ReaderRulesAuditTests.name("a", 240, 91, w: 60)
    static let aLeader = ReaderRulesAuditTests.leader("a", Point(107.5, 100), Point(240, 100))

    @Test func aLeaderThroughAnotherMarkerIsCrossed() {
        let audit = LabelAudit(items: ReaderRulesAuditTests.axes + [Self.a, Self.aName, Self.aLeader, ReaderRulesAuditTests.marker("b", 170, 100)])
        #expect(audit.verdicts["tool:a"] == .crossed)
    }

    @Test func aLeaderThroughAnotherNameIsCrossed() {
        let b = [ReaderRulesAuditTests.marker("b", 150, 160), ReaderRulesAuditTests.name("b", 160, 92, w: 40, h: 16)]
        #expect(LabelAudit(items: ReaderRulesAuditTests.axes + [Self.a, Self.aName, Self.aLeader] + b).verdicts["tool:a"] == .crossed)
    }

    @Test func twoCrossingLeadersAreBothCrossed() {
        let b = [ReaderRulesAuditTests.marker("b", 170, 40), ReaderRulesAuditTests.name("b", 170, 150, w: 50),
                 ReaderRulesAuditTests.leader("b", Point(170, 47.5), Point(180, 150))]
        let audit = LabelAudit(items: ReaderRulesAuditTests.axes + [Self.a, Self.aName, Self.aLeader] + b)
        #expect(audit.verdicts["tool:a"] == .crossed && audit.verdicts["tool:b"] == .crossed, "\(audit.verdicts)")
    }

    @Test func aLeaderOverATitleIsCrossedAndCovers() {
        let title = Item(id: "title", box: Rect(x: 150, y: 90, width: 40, height: 20), points: [])
        let audit = LabelAudit(items: ReaderRulesAuditTests.axes + [Self.a, Self.aName, Self.aLeader, title])
        #expect(audit.verdicts["tool:a"] == .crossed)
        #expect(audit.coveredLabels == 1)
    }

    @Test func theSameLeaderInTheClearIsALeader() {
        #expect(LabelAudit(items: ReaderRulesAuditTests.axes + [Self.a, Self.aName, Self.aLeader]).verdicts["tool:a"] == .leader)
    }
}
