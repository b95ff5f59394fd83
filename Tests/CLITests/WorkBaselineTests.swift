import Foundation
import ScapeGeometry
import ScapeInterop
import ScapeModel
import ScapePipeline
import ScapeRender
import Testing

/// The CI cost check: a counter grown past its limit fails, naming the input and the counter;
/// the counts do not depend on the number of jobs; an input over the memory budget fails.
/// Serialized: each run starts the process's memory peak anew, which would cut short the
/// peak of a run beside it.
@Suite(.serialized) struct WorkBaselineTests {
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

    /// Run from another folder, the check says where to run it, not Foundation's error code.
    @Test func outsideTheRepositoryTheCheckSaysWhereToRunIt() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["bench", "work", "--only", "blog"], in: dir)
        #expect(r.status != 0)
        #expect(r.stderr.contains("run it from the repository's top folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("NSCocoaErrorDomain"), "\(r.stderr)")
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

    /// A real render whose raster alone is 96 MB: a map 6,000 px wide (drawn in one piece,
    /// or in bands of at most 24 million pixels).
    static func wideMap() -> WorkCatalogue.Entry {
        let data = CLI.root.appendingPathComponent("fixtures/examples/tools-80.csv")
        return WorkCatalogue.Entry(name: "planted/map-6000px") {
            let landscape = try DataFileLoader.load(contentsOf: data).get()
            var settings = RenderSettings(formats: ["png"], creationDate: RenderOptions.defaultCreationDate)
            settings.width = 6000
            return (landscape, Array(landscape.effectiveFigures.prefix(1)), settings)
        }
    }

    /// An input whose render takes more memory than the budget fails the check, naming the
    /// input and the budget (the wide map held to 128 MB); the same measured line passes a
    /// budget above its peak.
    @Test func anInputOverTheMemoryBudgetFailsTheCheck() throws {
        let line = try WorkBenchmark(jobs: 1).run(Self.wideMap())
        let peak = try #require(line.peakMegabytes, "this kernel cannot reset the peak; the check cannot measure memory")
        #expect(peak > 128, "the 6000-px render peaked at \(peak) MB")
        let problem = WorkBenchmark.memoryProblem(line, budgetMegabytes: 128)
        #expect(problem?.hasPrefix("planted/map-6000px: peak memory") == true, "\(problem ?? "no problem")")
        #expect(problem?.contains("over the budget of 128 MB") == true)
        #expect(WorkBenchmark.memoryProblem(line, budgetMegabytes: Int(peak) + 1) == nil)
    }

    /// Each input's peak is its own, not the largest before it: a small input measured right
    /// after the wide map peaks far below it, and inside the bounds table's budget.
    @Test func thePeakIsEachInputsOwn() throws {
        let small = try #require(try WorkCatalogue.entries(root: CLI.root).first { $0.name == "examples/lifecycle-single.yaml" })
        let large = try WorkBenchmark(jobs: 1).run(Self.wideMap())
        let after = try WorkBenchmark(jobs: 1).run(small)
        let largePeak = try #require(large.peakMegabytes), smallPeak = try #require(after.peakMegabytes)
        #expect(smallPeak < largePeak - 64, "the small input after the 6000-px render peaked at \(smallPeak) MB, the render at \(largePeak) MB")
        #expect(WorkBenchmark.memoryProblem(after) == nil)
    }
}
