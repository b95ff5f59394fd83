import Foundation
import ScapeGeometry
import ScapeLayout
import ScapeInterop
import ScapeModel
import ScapeScene

/// A seeded mutation fuzzer for the input decoders (YAML/JSON landscapes, Mermaid, CSV,
/// lifecycle specs, radar CSV/JSON): it mutates a corpus of real inputs (bit flips, syntax
/// characters, spliced chunks, deletions, repeats) and feeds each result through decoding,
/// validation and, when that succeeds, layout. A crash ends the process (and the CI run); an
/// input slower than the time limit is reported. Same seed, same inputs.
public struct MutationFuzzer {
    public enum Target: String, CaseIterable, Sendable {
        case yaml, mermaid, csv, lifecycle, radar

        var fileName: String {
            switch self {
            case .yaml: return "fuzz.yaml"
            case .mermaid: return "fuzz.mmd"
            case .csv, .radar: return "fuzz.csv"
            case .lifecycle: return "fuzz-lifecycle.yaml"
            }
        }
    }

    public struct Report: Sendable {
        public var target: Target
        public var executions: Int
        public var accepted: Int
        public var slowest: Double
        public var slowInputs: [[UInt8]]
    }

    public var seed: UInt64
    /// An input taking longer than this (seconds) is reported as a hang.
    public var slowLimit: Double

    public init(seed: UInt64 = 1, slowLimit: Double = 2) {
        self.seed = seed
        self.slowLimit = slowLimit
    }

    /// Fuzzes one decoder for `seconds`, starting from the corpus files.
    public func run(_ target: Target, corpus: [[UInt8]], seconds: Double) -> Report {
        var rng = SplitMix64(state: seed ^ StableHash.fnv1a64(target.rawValue))
        let seeds = corpus.isEmpty ? [Array("tools: []\n".utf8)] : corpus
        var report = Report(target: target, executions: 0, accepted: 0, slowest: 0, slowInputs: [])
        let end = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        while DispatchTime.now().uptimeNanoseconds < end {
            var input = seeds[Int(rng.next() % UInt64(seeds.count))]
            for _ in 0..<(1 + Int(rng.next() % 4)) { mutate(&input, seeds: seeds, &rng) }
            let start = DispatchTime.now().uptimeNanoseconds
            if exercise(target, input) { report.accepted += 1 }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            report.slowest = max(report.slowest, elapsed)
            if elapsed > slowLimit { report.slowInputs.append(input) }
            report.executions += 1
        }
        return report
    }

    /// Decodes (and lays out, when the input is valid); true when the input was accepted.
    public func exercise(_ target: Target, _ input: [UInt8]) -> Bool {
        let data = Data(input)
        let text = String(decoding: input, as: UTF8.self)
        let result: LoadResult
        switch target {
        case .yaml, .mermaid, .csv:
            result = DataFileLoader.load(data: data, file: target.fileName)
        case .lifecycle:
            result = FigureSpecResolver.standalone(text: text, file: target.fileName)
        case .radar:
            result = RadarCSVParser.parse(text: text, file: target.fileName)
        }
        _ = result.diagnostics.map(\.description)
        guard let landscape = result.landscape, !result.diagnostics.hasErrors else { return false }
        let layout = FigureLayout(theme: .clean, measurer: FixedTextMeasurer())
        for figure in landscape.effectiveFigures.prefix(3) { _ = layout.layout(figure, of: landscape) }
        return true
    }

    static let syntax: [UInt8] = Array(":[]{},\"'\n-*&!|>#%@`\\ \t0123456789.e+".utf8)

    func mutate(_ input: inout [UInt8], seeds: [[UInt8]], _ rng: inout SplitMix64) {
        let n = input.count
        switch rng.next() % 7 {
        case 0 where n > 0:
            let i = Int(rng.next() % UInt64(n)); input[i] ^= UInt8(1 << (rng.next() % 8))
        case 1 where n > 0:
            let i = Int(rng.next() % UInt64(n)); input[i] = Self.syntax[Int(rng.next() % UInt64(Self.syntax.count))]
        case 2:
            let i = n == 0 ? 0 : Int(rng.next() % UInt64(n + 1))
            input.insert(Self.syntax[Int(rng.next() % UInt64(Self.syntax.count))], at: i)
        case 3 where n > 1:
            let a = Int(rng.next() % UInt64(n)), len = min(n - a, 1 + Int(rng.next() % 16)); input.removeSubrange(a..<(a + len))
        case 4 where n > 1:
            let a = Int(rng.next() % UInt64(n)), len = min(n - a, 1 + Int(rng.next() % 32))
            let chunk = Array(input[a..<(a + len)]); input.insert(contentsOf: chunk, at: Int(rng.next() % UInt64(input.count + 1)))
        case 5:
            let other = seeds[Int(rng.next() % UInt64(seeds.count))]
            guard !other.isEmpty else { return }
            let a = Int(rng.next() % UInt64(other.count)), len = min(other.count - a, 1 + Int(rng.next() % 64))
            input.insert(contentsOf: other[a..<(a + len)], at: n == 0 ? 0 : Int(rng.next() % UInt64(n + 1)))
        default:
            if n > 2 { input.removeSubrange(Int(rng.next() % UInt64(n))...) }
        }
        if input.count > 1 << 16 { input.removeSubrange((1 << 16)...) }
    }
}
