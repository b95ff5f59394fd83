import ArgumentParser
import Foundation
import ScapeInterop
import ScapeModel
import ScapePipeline

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the label placer and the whole figure set (benchmarks, not tests).",
        discussion: """
        Examples:
          mlscape bench labels --n 45,80,150,300,1000,10000,100000
          mlscape bench figures --n 5 --jobs 2
          mlscape bench serve --n 20
              save -> event latency of the live preview
          mlscape bench work --check bench/work-baseline.json
              deterministic work counts of a fixed catalogue, against the baseline
          mlscape bench points --n 300 > points.csv
              the exact input bench/peers.sh feeds to matplotlib + adjustText
        """,
        subcommands: [Labels.self, Figures.self, Points.self, Serve.self, Work.self]
    )

    struct Labels: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "labels",
            abstract: "Lay out maps of n tools 'Tool i' from five seeded point sets, and judge every tool.",
            discussion: """
            'map' lines (sizes up to 1000): the real map figure (axes, axis labels,
            quadrant titles and margins of the built-in landscape) with n tools from
            each point set: uniform, clusters (five Gaussian clusters), quadrant (all
            in one quadrant), tools-80 (the shape of fixtures/examples/tools-80.csv,
            when run from the repository), stacked (in fives at one spot). Each tool
            is judged from the drawn scene (see "Every tool identifiable" in the
            README): adjacent, leaders, callouts (number + legend) and insets (named
            in a detail inset) identify it; omitted, ambiguous (nearest marker is
            another's, or a leader's name within 6 pt of another marker), far (a
            leader over 15% of the plot's diagonal) and crossed (a leader crossing
            something or into another quadrant, or a name beside its marker but
            across an axis) do not. covered: names over an axis label or title,
            and anything but its own rows under a legend panel;
            runon: names on one line that read as one; stacks and insets drawn;
            hidden: pairs of markers drawn over each other; max_leader: the longest
            leader, as a share of the plot's
            diagonal; min_name_px: the smallest name, number or legend entry at the
            1200 px publish width. canvas: the figure's size, grown for a legend
            that the plot's empty room (panels headed Key) cannot hold (at most
            1.25 times both ways at the smallest legend type; taller only where
            the legend must run on below). ms:
            the whole figure's layout.

            'labels' lines: the placer alone on n seeded uniform points on a bare
            2251x1521 canvas with a 25 px font. One line per size. placed: labels drawn (leaders included); leaders:
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
        var n: String = "45,80,150,300,1000,10000,100000"

        @Option(help: ArgumentHelp("Point sets for the map lines (uniform, clusters, quadrant, tools-80, stacked), comma-separated.", valueName: "list"))
        var sets: String = "uniform,clusters,quadrant,tools-80,stacked"

        @Option(help: "The map point sets' seed.")
        var seed: UInt64 = 42

        @Option(help: ArgumentHelp("Also write each map line's figure as SVG into this folder (SET-N.svg), to look at.", valueName: "dir"))
        var svg: String?

        func run() throws {
            let sizes = try parseSizes(n)
            let chosen = try sets.split(separator: ",").map { name -> MapBenchmark.PointSet in
                guard let s = MapBenchmark.PointSet(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--sets takes \(MapBenchmark.PointSet.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return s
            }
            print(LabelBenchmark.format(try LabelBenchmark.blog(), name: "blog"))
            let maps = try MapBenchmark(shapeFile: URL(fileURLWithPath: "fixtures/examples/tools-80.csv"))
            for set in chosen {
                for size in sizes where size <= 1000 {
                    let line = maps.run(set, n: size, seed: seed)
                    print(MapBenchmark.format(line))
                    if let svg {
                        for f in line.failures { Console.error("  \(set.rawValue)-\(size): \(f)") }
                        try FileManager.default.createDirectory(atPath: svg, withIntermediateDirectories: true)
                        let file = URL(fileURLWithPath: svg).appendingPathComponent("\(set.rawValue)-\(size).svg")
                        try Data(try maps.svg(set, n: size, seed: seed)).write(to: file)
                    }
                }
            }
            let bench = LabelBenchmark()
            for size in sizes {
                print(LabelBenchmark.format(bench.run(n: size)))
                print(LabelBenchmark.format(bench.run(n: size, baseline: true), name: "greedy"))
            }
        }
    }

    struct Points: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "points",
            abstract: "Print the benchmark's points as CSV.",
            discussion: """
            Without --set: the bare-canvas points as x,y,label, the exact input
            bench/peers.sh feeds to matplotlib + adjustText. With --set: the map
            bench's tools as a landscape CSV (name,x,y) that 'mlscape render' draws,
            so a bench line can be looked at:
              mlscape bench points --set clusters --n 300 > clusters.csv
              mlscape render clusters.csv --figure ml-landscape-all
            """
        )

        @Option(help: "How many points.")
        var n: Int = 300

        @Option(help: ArgumentHelp("A map point set (uniform, clusters, quadrant, tools-80): print it as a landscape CSV.", valueName: "set"))
        var set: String?

        @Option(help: "The map point set's seed (the bench uses 42).")
        var seed: UInt64 = 42

        func run() throws {
            guard n > 0, n <= 10_000_000 else { throw ValidationError("--n must be 1 to 10000000") }
            if let set {
                guard let chosen = MapBenchmark.PointSet(rawValue: set) else {
                    throw ValidationError("--set takes uniform, clusters, quadrant, tools-80")
                }
                let maps = try MapBenchmark(shapeFile: URL(fileURLWithPath: "fixtures/examples/tools-80.csv"))
                var out = "name,x,y\n"
                for t in maps.tools(chosen, n: n, seed: seed) { out += "\(t.name),\(t.x),\(t.y)\n" }
                print(out, terminator: "")
                return
            }
            var out = "x,y,label\n"
            for (i, p) in LabelBenchmark.points(n: n).enumerated() { out += "\(p.x),\(p.y),Tool \(i)\n" }
            print(out, terminator: "")
        }
    }

    struct Figures: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "figures",
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
