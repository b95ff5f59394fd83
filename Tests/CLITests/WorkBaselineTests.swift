import Foundation
import ScapeGeometry
import ScapePipeline
import Testing

/// The CI cost check: a counter grown past its limit fails, naming the input and the counter;
/// the counts do not depend on the number of jobs.
@Suite struct WorkBaselineTests {
    let baseline = WorkBaseline(inputs: ["radar-1000": ["leader_probes": 10_000, "placer_candidates": 50_000],
                                         "blog": ["leader_probes": 5, "pixels_filled": 1_000_000]],
                                setOverZlib: 1.0)

    @Test func aCounterOneAndAHalfTimesItsBaselineFailsNamingInputAndCounter() {
        var now = baseline
        now.inputs["radar-1000"]!["leader_probes"] = 15_000
        let found = baseline.regressions(in: now)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("radar-1000: leader_probes grew from 10000 to 15000") == true, "\(found)")
    }

    @Test func growthWithinTheLimitPasses() {
        var now = baseline
        now.inputs["radar-1000"]!["leader_probes"] = 12_900
        now.inputs["blog"]!["leader_probes"] = 40  // tiny counts have a little slack
        now.inputs["blog"]!["pixels_filled"] = 500_000  // cheaper is always fine
        #expect(baseline.regressions(in: now).isEmpty)
        #expect(baseline.regressions(in: baseline).isEmpty)
    }

    @Test func theTimeRatioFailsOnlyBeyondThreeTimesTheBaseline() {
        var now = baseline
        now.setOverZlib = 2.9
        #expect(baseline.regressions(in: now).isEmpty)
        now.setOverZlib = 3.2
        #expect(baseline.regressions(in: now).first?.hasPrefix("set_over_zlib") == true)
    }

    @Test func theBaselineRoundTripsThroughItsJSON() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("work-baseline-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try baseline.json().write(to: url)
        #expect(try WorkBaseline.read(url) == baseline)
    }

    /// The committed baseline covers every input of the catalogue, so the check compares them all.
    @Test func theCommittedBaselineCoversTheCatalogue() throws {
        let committed = try WorkBaseline.read(CLI.root.appendingPathComponent("bench/work-baseline.json"))
        let names = try WorkCatalogue.entries(root: CLI.root).map(\.name)
        #expect(Set(committed.inputs.keys) == Set(names))
        #expect(committed.setOverZlib != nil)
    }

    @Test func theCountsAreTheSameWhateverTheJobs() throws {
        let blog = try #require(try WorkCatalogue.entries(root: CLI.root).first { $0.name == "blog" })
        let one = try WorkBenchmark(jobs: 1).run(blog), two = try WorkBenchmark(jobs: 2).run(blog)
        #expect(one.counts == two.counts)
        for counter in WorkCounter.allCases where counter != .leaderProbes && counter != .blipSpacingChecks {
            #expect((one.counts[counter] ?? 0) > 0, "the blog set counts no \(counter.rawValue)")
        }
    }

    /// A planted extra loop around a real input's render trips the check through the real
    /// counters (the quadratic case is in ScapeLayoutTests' WorkCountTests).
    @Test func aPlantedExtraLoopTripsTheCheck() throws {
        let entry = try #require(try WorkCatalogue.entries(root: CLI.root).first { $0.name == "examples/tools-80.csv" })
        let clean = try WorkBenchmark(jobs: 2).run(entry)
        let (landscape, figures, settings) = try entry.load()
        let planted = try WorkCounters.measure {
            try FigureSetRenderer(jobs: 2).render(figures, of: landscape, settings: settings)
            // The planted bug: the figures drawn three more times.
            for _ in 0..<3 { _ = try FigureSetRenderer(jobs: 2).render(figures, of: landscape, settings: settings) }
        }.counts
        func asBaseline(_ c: [WorkCounter: Int]) -> WorkBaseline {
            WorkBaseline(inputs: [entry.name: Dictionary(uniqueKeysWithValues: c.map { ($0.key.rawValue, $0.value) })])
        }
        let found = asBaseline(clean.counts).regressions(in: asBaseline(planted))
        #expect(found.contains { $0.hasPrefix("examples/tools-80.csv: placer_candidates") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("examples/tools-80.csv: bytes_compressed") }, "\(found)")
    }
}
