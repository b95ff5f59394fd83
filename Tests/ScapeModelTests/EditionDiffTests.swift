import Foundation
import Testing
import ScapeModel

/// What `mlscape diff` computes between two editions, each kind of change on its own.
@Suite struct EditionDiffTests {
    /// A small landscape: two categories in two rings, and the tools given as YAML lines.
    func landscape(_ tools: [String], file: String = "new.yaml", ringOfB: String = "trial") throws -> Landscape {
        let text = """
        title: Test
        categories:
          - { id: a, name: A, ring: adopt }
          - { id: b, name: B, ring: \(ringOfB) }
        tools:
        \(tools.map { "  - " + $0 }.joined(separator: "\n"))

        """
        return try LandscapeLoader.load(text: text, file: file).get()
    }

    let base = ["{ name: Alpha, x: 0.1, y: 0.1, categories: [a] }",
                "{ name: Beta, x: -0.5, y: 0.5, categories: [b] }",
                "{ name: Gamma, x: 0.5, y: -0.5, categories: [a] }"]

    @Test func identicalEditionsHaveNoChangeAndNoMover() throws {
        let d = EditionDiff(old: try landscape(base), new: try landscape(base))
        #expect(d.isEmpty)
        #expect(d.moved.isEmpty)
        #expect(d.summaryLines.isEmpty)
    }

    @Test func aToolThatMovedPastTheThresholdIsAMoverWithItsOldSpot() throws {
        var next = base
        next[1] = "{ name: Beta, x: -0.3, y: 0.6, categories: [b] }"
        let d = EditionDiff(old: try landscape(base), new: try landscape(next))
        #expect(d.moved.map(\.tool.id) == ["beta"])
        #expect(d.moved[0].fromX == -0.5 && d.moved[0].fromY == 0.5)
        #expect(d.added.isEmpty && d.removed.isEmpty && d.ringChanges.isEmpty)
        #expect(d.summaryLines == ["moved: Beta (-0.50, 0.50) -> (-0.30, 0.60)"])
    }

    @Test func aNudgeBelowTheThresholdIsNoMove() throws {
        var next = base
        next[1] = "{ name: Beta, x: -0.49, y: 0.51, categories: [b] }"
        let d = EditionDiff(old: try landscape(base), new: try landscape(next))
        #expect(d.moved.isEmpty, "a move of \(0.01 * 2.0.squareRoot()) is below \(EditionDiff.defaultThreshold)")
        let strict = EditionDiff(old: try landscape(base), new: try landscape(next), threshold: 0.001)
        #expect(strict.moved.map(\.tool.id) == ["beta"])
    }

    @Test func addedAndRemovedTools() throws {
        let next = [base[0], base[2], "{ name: Delta, x: 0.7, y: 0.7, categories: [b] }"]
        let d = EditionDiff(old: try landscape(base), new: try landscape(next))
        #expect(d.added.map(\.id) == ["delta"])
        #expect(d.removed.map(\.id) == ["beta"])
        #expect(d.removed[0].x == -0.5, "a removed tool keeps its old spot")
        #expect(d.summaryLines == ["added: Delta at (0.70, 0.70)", "removed: Beta (was at (-0.50, 0.50))"])
    }

    @Test func aRenameWithoutWasIsOneRemovedAndOneAdded() throws {
        let next = [base[0], "{ name: Beta Two, x: -0.5, y: 0.5, categories: [b] }", base[2]]
        let d = EditionDiff(old: try landscape(base), new: try landscape(next))
        #expect(d.added.map(\.id) == ["beta-two"])
        #expect(d.removed.map(\.id) == ["beta"])
        #expect(d.renamed.isEmpty)
    }

    @Test func aRenameWithWasIsOneToolThatMayAlsoMove() throws {
        let next = [base[0], "{ name: Beta Two, was: Beta, x: -0.2, y: 0.5, categories: [b] }", base[2]]
        let d = EditionDiff(old: try landscape(base), new: try landscape(next))
        #expect(d.added.isEmpty && d.removed.isEmpty)
        #expect(d.renamed.map { "\($0.old.id)>\($0.new.id)" } == ["beta>beta-two"])
        #expect(d.moved.map(\.tool.id) == ["beta-two"])
        #expect(d.diagnostics.isEmpty)
        #expect(d.summaryLines.first == "renamed: Beta -> Beta Two")
    }

    @Test func wasNamingNoOldToolIsALocatedWarningAndTheToolCountsAsAdded() throws {
        let next = [base[0], base[1], base[2], "{ name: Omega, was: Betta, x: 0.3, y: 0.3 }"]
        let d = EditionDiff(old: try landscape(base), new: try landscape(next, file: "next.yaml"))
        #expect(d.added.map(\.id) == ["omega"])
        let w = try #require(d.diagnostics.first)
        #expect(w.severity == .warning)
        #expect(w.description.hasPrefix("next.yaml:9:"), "\(w)")
        #expect(w.message.contains("'Betta'") && w.message.contains("did you mean 'Beta'"), "\(w)")
    }

    @Test func wasNamingAToolStillPresentIsAWarning() throws {
        let next = base + ["{ name: Beta Copy, was: Beta, x: 0.3, y: 0.3 }"]
        let d = EditionDiff(old: try landscape(base), new: try landscape(next))
        #expect(d.added.map(\.id) == ["beta-copy"])
        #expect(d.diagnostics.first?.message.contains("still in the new edition") == true)
    }

    @Test func aRingChangeIsReported() throws {
        let d = EditionDiff(old: try landscape(base), new: try landscape(base, ringOfB: "adopt"))
        #expect(d.ringChanges.map { "\($0.tool.id) \($0.old ?? "-") \($0.new ?? "-")" } == ["beta trial adopt"])
        #expect(d.summaryLines == ["ring: Beta trial -> adopt"])
    }

    @Test func figureChangesHoldTrailsMarksAndOnlyTheRemovedToolsTheFigureSelects() throws {
        let next = [base[0], "{ name: Beta, x: -0.3, y: 0.6, categories: [b] }", "{ name: Delta, x: 0.7, y: 0.7, categories: [a] }"]
        let old = try landscape(base)
        let d = EditionDiff(old: old, new: try landscape(next))
        let all = d.figureChanges(for: Figure(id: "m", kind: .map), old: old, oldLabel: "v1", newLabel: "v2", movedOnly: false)
        #expect(all.trails == [FigureChanges.Trail(toolID: "beta", fromX: -0.5, fromY: 0.5)])
        #expect(all.added == ["delta"])
        #expect(all.removed.map(\.id) == ["gamma"])
        let onlyB = d.figureChanges(for: Figure(id: "m", kind: .map, only: ToolSelection(categories: ["b"])), old: old, oldLabel: "v1", newLabel: "v2", movedOnly: false)
        #expect(onlyB.removed.isEmpty, "Gamma was in category a, which this figure does not show")
        let movers = d.figureChanges(for: Figure(id: "m", kind: .map), old: old, oldLabel: "v1", newLabel: "v2", movedOnly: true)
        #expect(movers.added.isEmpty && movers.removed.isEmpty && movers.trails.count == 1)
    }
}

/// Blip statuses from two editions of a radar.
@Suite struct RadarEditionDiffTests {
    func radar(_ blips: [RadarBlip], id: String = "radar") -> Landscape {
        var f = Figure(id: id, kind: .radar)
        f.radar = RadarSpec(rings: ["Adopt", "Trial", "Assess", "Hold"], sectors: ["Tools"], blips: blips)
        return Landscape(title: id, figures: [f])
    }

    @Test func eachBlipGetsItsStatusFromTheTwoEditions() {
        let old = radar([RadarBlip(name: "Stays", ring: 1, sector: 0), RadarBlip(name: "Rises", ring: 2, sector: 0),
                         RadarBlip(name: "Sinks", ring: 1, sector: 0), RadarBlip(name: "Goes", ring: 0, sector: 0)], id: "radar-2024")
        let new = radar([RadarBlip(name: "stays", ring: 1, sector: 0), RadarBlip(name: "Rises", ring: 0, sector: 0),
                         RadarBlip(name: "Sinks", ring: 3, sector: 0), RadarBlip(name: "Arrives", ring: 2, sector: 0)], id: "radar-2025")
        let d = RadarEditionDiff(old: old, new: new)
        #expect(d.figures == ["radar-2025"], "radars named by date pair up when each edition has one")
        let status = Dictionary(uniqueKeysWithValues: d.blips.map { ($0.name, $0.status) })
        #expect(status == ["stays": .noChange, "Rises": .movedIn, "Sinks": .movedOut, "Arrives": .new])
        #expect(d.removed.map(\.name) == ["Goes"])
        let applied = d.applied(to: new).figures[0].radar!.blips
        #expect(applied.map(\.status) == [.noChange, .movedIn, .movedOut, .new])
        #expect(d.summaryLines == ["blip new: Arrives in Assess", "blip moved in: Rises (Assess -> Adopt)",
                                   "blip moved out: Sinks (Trial -> Hold)", "blip removed: Goes (was in Adopt)"])
    }

    @Test func aStatusWrittenInTheDataWins() {
        let old = radar([RadarBlip(name: "Kept", ring: 1, sector: 0), RadarBlip(name: "Flagged", ring: 1, sector: 0)])
        let new = radar([RadarBlip(name: "Kept", ring: 1, sector: 0, status: .new), RadarBlip(name: "Flagged", ring: 2, sector: 0, status: .movedIn)])
        let d = RadarEditionDiff(old: old, new: new)
        #expect(d.blips.map(\.status) == [.movedIn, .new])
        #expect(d.blips.allSatisfy { $0.handWritten })
    }

    @Test func landscapesWithoutRadarBlipsHaveNoBlipDiff() throws {
        let l = try LandscapeLoader.loadDefault().get()
        #expect(EditionDiff(old: l, new: l).blips == nil)
    }
}
