import ArgumentParser
import Foundation
import ScapeServe

extension Bench {
    /// `mlscape bench serve`: save -> event latency of the live preview.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Time a save of the blog's data file to the change event at an /events client.",
            discussion: """
            Starts the live preview of the built-in landscape (a copy in a temporary
            folder) on 127.0.0.1, connects to /events, then saves the file N times,
            each time moving one tool of the map, as editors save (a temporary file
            renamed over the data file). Prints each latency and
            serve saves=N figures=F min_ms= median_ms= p90_ms= max_ms=.
            Build with -c release for meaningful times.
            """
        )

        @Option(help: "How many saves.")
        var n: Int = 20

        func run() throws {
            guard (1...1000).contains(n) else { throw ValidationError("--n must be 1 to 1000") }
            // The root command is synchronous: run the async benchmark on the task pool and wait.
            let saves = n
            let box = ResultBox()
            let done = DispatchSemaphore(value: 0)
            Task.detached {
                do { box.set(.success(try await ServeBenchmark.run(saves: saves))) } catch { box.set(.failure(error)) }
                done.signal()
            }
            done.wait()
            let r = try box.get()
            for (k, ms) in r.latencies.enumerated() { print(String(format: "save %d: %.1f ms", k + 1, ms)) }
            print(String(format: "serve saves=%d figures=%d min_ms=%.1f median_ms=%.1f p90_ms=%.1f max_ms=%.1f",
                         r.latencies.count, r.figures, r.percentile(0), r.percentile(0.5), r.percentile(0.9), r.percentile(1)))
        }
    }
}

/// The benchmark's result, handed from its task to the waiting thread.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<ServeBenchmark.Result, any Error>?
    func set(_ r: Result<ServeBenchmark.Result, any Error>) { lock.withLock { result = r } }
    func get() throws -> ServeBenchmark.Result { try lock.withLock { result! }.get() }
}
