import ArgumentParser
import Foundation
import ScapeGeometry
import ScapeModel
import ScapePipeline

extension Bench {
    struct Work: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "work",
            abstract: "Count the expensive loops' work over a fixed catalogue of inputs (deterministic).",
            discussion: """
            Renders each input of a fixed catalogue (the blog set, fixtures/examples, a
            1,000-blip radar, 300- and 1,000-tool maps of each bench point set, a
            100,000-tool CSV and the worst shapes: one radar ring, one spot, names at
            the length limit, a 30000-px raster) in memory, and prints one line per
            input with each work counter: the same numbers on every machine, at any
            load and for any --jobs. CPU and wall seconds are printed beside them,
            to read only. Run from the repository.

            --check FILE compares with a baseline: it fails when a counter grows more
            than 1.3x (plus 64) over it, naming the input and the counter, or when the
            blog set's wall time in zlib units (the time to compress 50 MB at the PNG
            level, measured in the same run) is over 3x the baseline's, or when an
            input's peak memory (peak_mb, started anew for each input) is over the
            bounds table's render budget.
            --write FILE writes the baseline (commit it with the reason).

            Examples:
              mlscape bench work
              mlscape bench work --only blog,radar-1000
              mlscape bench work --check bench/work-baseline.json
            """
        )

        @Option(help: ArgumentHelp("Only these inputs (names or name prefixes, comma-separated).", valueName: "list"))
        var only: String?

        @Option(help: ArgumentHelp("Figures rendered in parallel. Default: the number of cores.", valueName: "n"))
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: ArgumentHelp("Compare with this baseline; exit 1 on a regression.", valueName: "file"))
        var check: String?

        @Option(help: ArgumentHelp("Write the counts (and the time ratio) as a baseline to this file.", valueName: "file"))
        var write: String?

        @Flag(help: "Skip the timing ratio (counts only).")
        var noTiming = false

        func run() throws {
            guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs must be 1 to 256") }
            var entries = try WorkCatalogue.entries(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            if let only {
                let wanted = only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                entries = entries.filter { e in wanted.contains { e.name == $0 || e.name.hasPrefix($0) } }
                guard !entries.isEmpty else { throw ValidationError("--only matches no input") }
            }
            let bench = WorkBenchmark(jobs: jobs)
            var current = WorkBaseline(inputs: [:])
            var overBudget: [String] = []
            for entry in entries {
                let line = try bench.run(entry)
                print(WorkBenchmark.format(line))
                current.inputs[line.name] = Dictionary(uniqueKeysWithValues: line.counts.map { ($0.key.rawValue, $0.value) })
                if let problem = WorkBenchmark.memoryProblem(line) { overBudget.append(problem) }
            }
            let blog = entries.first { $0.name == "blog" }
            if !noTiming, let blog {
                let t = try bench.setOverZlib(blog)
                current.setOverZlib = (t.ratio * 100).rounded() / 100
                print(String(format: "timing set_s=%.3f zlib_50mb_s=%.3f set_over_zlib=%.2f load=%@", t.set, t.zlib, t.ratio, loadAverage()))
            }
            if let write {
                try current.json().write(to: URL(fileURLWithPath: write))
                print("wrote \(write)")
            }
            if let check {
                let baseline = try WorkBaseline.read(URL(fileURLWithPath: check))
                let regressions = baseline.regressions(in: current) + overBudget
                for r in regressions { Console.error("regression: \(r)") }
                guard regressions.isEmpty else {
                    Console.error("bench check failed against \(check): make the work cheaper, or, when the new cost is meant, write a new baseline with --write in the same commit and say why in its message")
                    throw ExitCode(1)
                }
                print("bench check: every counter within \(WorkBaseline.growthLimit)x of \(check), every input's peak memory within \(InputBounds.renderMemoryMegabytes) MB")
            }
        }

        private func loadAverage() -> String {
            (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: ",") ?? "?"
        }
    }
}
