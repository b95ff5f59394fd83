import Foundation
import ScapeGeometry
import ScapeModel
import ScapeRender

/// Runs catalogue inputs and counts their work: every figure of the input, rendered in memory
/// to its formats by a `FigureSetRenderer`, inside one tally. The counts do not depend on the
/// jobs or the load; the times beside them do, and are printed only to be read.
public struct WorkBenchmark {
    public var jobs: Int

    public init(jobs: Int) {
        self.jobs = jobs
    }

    public struct Line {
        public var name: String
        public var counts: [WorkCounter: Int]
        public var wallSeconds: Double
        public var cpuSeconds: Double
        public var figures: Int
        /// The process's peak resident memory while this input was loaded and rendered (the
        /// peak is started anew for each input); nil where it cannot be measured.
        public var peakMegabytes: Double?
    }

    public func run(_ entry: WorkCatalogue.Entry) throws -> Line {
        let measured = ProcessMemory.resetPeak()
        let (landscape, figures, settings) = try entry.load()
        let cpu0 = ProcessMemory.cpuSeconds, wall0 = DispatchTime.now().uptimeNanoseconds
        let (_, counts) = try WorkCounters.measure {
            try FigureSetRenderer(jobs: jobs).render(figures, of: landscape, settings: settings)
        }
        let peak = ProcessMemory.peakMegabytes
        return Line(name: entry.name, counts: counts, wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - wall0) / 1e9,
                    cpuSeconds: ProcessMemory.cpuSeconds - cpu0, figures: figures.count, peakMegabytes: measured && peak > 0 ? peak : nil)
    }

    public static func format(_ l: Line) -> String {
        let counts = WorkCounter.allCases.map { "\($0.rawValue)=\(l.counts[$0] ?? 0)" }.joined(separator: " ")
        let peak = l.peakMegabytes.map { " peak_mb=\(Int($0.rounded()))" } ?? ""
        return "work \(l.name) figures=\(l.figures) \(counts)\(peak) cpu_s=\(String(format: "%.3f", l.cpuSeconds)) wall_s=\(String(format: "%.3f", l.wallSeconds))"
    }

    /// Why an input's peak memory fails the check (over `budget` MB, the bounds table's by
    /// default), or nil. Unlike the counters, the budget is absolute: no baseline can raise it.
    public static func memoryProblem(_ l: Line, budgetMegabytes budget: Int = InputBounds.renderMemoryMegabytes) -> String? {
        guard let peak = l.peakMegabytes, peak > Double(budget) else { return nil }
        return "\(l.name): peak memory \(Int(peak.rounded())) MB is over the budget of \(budget) MB (InputBounds.renderMemoryMegabytes)"
    }

    /// The blog set's wall time over zlib's time for the fixed buffer, the median of `runs`
    /// interleaved measurements (so a burst of load hits both sides alike).
    public func setOverZlib(_ blog: WorkCatalogue.Entry, runs: Int = 3) throws -> (ratio: Double, set: Double, zlib: Double) {
        let (landscape, figures, settings) = try blog.load()
        var sets: [Double] = [], units: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try FigureSetRenderer(jobs: jobs).render(figures, of: landscape, settings: settings)
            sets.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            units.append(ZlibSpeedUnit.seconds())
        }
        let ratios = zip(sets, units).map { $0 / $1 }.sorted()
        return (ratios[ratios.count / 2], sets.sorted()[runs / 2], units.sorted()[runs / 2])
    }
}
