import ArgumentParser
import Foundation
import ScapePipeline

struct Fuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Fuzz the input decoders with seeded mutations of a corpus (for developers and CI).",
        discussion: """
        Splits the time between the decoders (yaml, mermaid, csv, lifecycle, radar), each seeded
        from fuzz/corpus/<decoder>/. Prints the executions per decoder. Exit status 1 when an
        input takes longer than --slow seconds (it is saved to fuzz/slow-<decoder>-N); a crash
        ends the process.

        Example:
          mlscape fuzz --seconds 60 --corpus fuzz/corpus
        """
    )

    @Option(help: "Total time in seconds, shared by the decoders.")
    var seconds: Double = 60

    @Option(help: "Seed of the mutations; the same seed replays the same inputs.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The corpus folder, one subfolder per decoder.", valueName: "dir"))
    var corpus: String = "fuzz/corpus"

    @Option(help: "Seconds after which one input counts as a hang.")
    var slow: Double = 2

    func run() throws {
        let fuzzer = MutationFuzzer(seed: seed, slowLimit: slow)
        let targets = MutationFuzzer.Target.allCases
        var failed = false
        var total = 0
        for target in targets {
            let dir = URL(fileURLWithPath: corpus).appendingPathComponent(target.rawValue)
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
            let inputs = files.compactMap { try? [UInt8](Data(contentsOf: dir.appendingPathComponent($0))) }
            let report = fuzzer.run(target, corpus: inputs, seconds: seconds / Double(targets.count))
            total += report.executions
            print("fuzz \(target.rawValue): \(report.executions) executions, \(report.accepted) accepted, \(inputs.count) seeds, slowest \(String(format: "%.3f", report.slowest)) s, \(report.slowInputs.count) slow")
            for (k, input) in report.slowInputs.prefix(5).enumerated() {
                failed = true
                try? Data(input).write(to: URL(fileURLWithPath: "fuzz/slow-\(target.rawValue)-\(k)"))
            }
        }
        print("fuzz: \(total) executions in all, no crash\(failed ? ", but slow inputs (saved under fuzz/)" : "")")
        if failed { throw ExitCode.failure }
    }
}
