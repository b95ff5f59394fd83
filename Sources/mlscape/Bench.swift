import ArgumentParser
import Foundation
import ScapeInterop
import ScapeModel
import ScapePipeline

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure the label placer and the whole figure set (benchmarks, not tests).",
        discussion: """
        Examples:
          mlscape bench labels --n 45,300,1000,10000,100000
          mlscape bench figures --n 5 --jobs 2
          mlscape bench serve --n 20
              save -> event latency of the live preview
          mlscape bench points --n 300 > points.csv
              the exact input bench/peers.sh feeds to matplotlib + adjustText
        """,
        subcommands: [Labels.self, Figures.self, Points.self, Serve.self]
    )

    struct Labels: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Place labels 'Tool i' on n seeded uniform points (2251x1521 canvas, 25 px font).",
            discussion: """
            One line per size. placed: labels drawn (leaders included); leaders:
            labels joined to their point by a leader line; omitted: labels left
            out; overlaps: pairs of drawn labels that intersect, counted by a
            sweep over the drawn boxes, independently of the placer; ms:
            placement time (text measuring excluded); peak_mb: the process's
            peak resident memory so far. Each size also prints a 'greedy' line,
            a plain 8-position greedy placer on the same points. The first line,
            'blog', is the built-in ml-landscape-all (ms: its whole layout).
            Build with -c release for meaningful times.
            """
        )

        @Option(help: ArgumentHelp("Comma-separated sizes.", valueName: "list"))
        var n: String = "45,300,1000,10000,100000"

        func run() throws {
            let sizes = try parseSizes(n)
            print(LabelBenchmark.format(try LabelBenchmark.blog(), name: "blog"))
            let bench = LabelBenchmark()
            for size in sizes {
                print(LabelBenchmark.format(bench.run(n: size)))
                print(LabelBenchmark.format(bench.run(n: size, baseline: true), name: "greedy"))
            }
        }
    }

    struct Points: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the benchmark's points as CSV (x,y,label).")

        @Option(help: "How many points.")
        var n: Int = 300

        func run() throws {
            guard n > 0, n <= 10_000_000 else { throw ValidationError("--n must be 1 to 10000000") }
            var out = "x,y,label\n"
            for (i, p) in LabelBenchmark.points(n: n).enumerated() { out += "\(p.x),\(p.y),Tool \(i)\n" }
            print(out, terminator: "")
        }
    }

    struct Figures: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render the whole default figure set (PNG at scale 2 + SVG) n times in memory.",
            discussion: "Prints: figures n=RUNS sets=FIGURES ms_per_set=... peak_mb=... (nothing is written to disk)."
        )

        @Option(help: "How many times to render the set.")
        var n: Int = 5

        @Option(help: ArgumentHelp("Figures rendered in parallel. Default: the number of cores.", valueName: "n"))
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        func run() throws {
            guard n > 0 else { throw ValidationError("--n must be at least 1") }
            let landscape = try DataFileLoader.loadDefault().get()
            let figures = landscape.effectiveFigures
            let settings = RenderSettings(formats: ["png", "svg"])
            let renderer = FigureSetRenderer(jobs: jobs)
            var bytes = 0
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<n {
                bytes = try renderer.render(figures, of: landscape, settings: settings).files.reduce(0) { $0 + $1.bytes.count }
            }
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 / Double(n)
            print("figures n=\(n) figures_per_set=\(figures.count) jobs=\(jobs) ms_per_set=\(String(format: "%.1f", ms)) bytes_per_set=\(bytes) peak_mb=\(Int(ProcessMemory.peakMegabytes.rounded()))")
        }
    }
}

func parseSizes(_ list: String) throws -> [Int] {
    let sizes = list.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) > 0 && ($0 ?? 0) <= 10_000_000 }) else {
        throw ValidationError("--n takes sizes from 1 to 10000000, comma-separated, e.g. 45,300,1000")
    }
    return sizes.map { $0! }
}
