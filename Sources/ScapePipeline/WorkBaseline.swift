import Foundation
import ScapeGeometry

/// The work counts CI holds the code to (`bench/work-baseline.json`): per catalogue input,
/// each counter; plus the set's time in units of zlib's (`ZlibSpeedUnit`). A counter more than
/// `growthLimit` times its baseline fails the check, naming the input and the counter; to
/// accept a new cost, the same commit writes a new baseline and says why.
public struct WorkBaseline: Codable, Equatable, Sendable {
    /// Input name -> counter name -> count.
    public var inputs: [String: [String: Int]]
    /// The blog set's wall time divided by the zlib unit's, when measured.
    public var setOverZlib: Double?

    public init(inputs: [String: [String: Int]], setOverZlib: Double? = nil) {
        self.inputs = inputs
        self.setOverZlib = setOverZlib
    }

    enum CodingKeys: String, CodingKey {
        case inputs
        case setOverZlib = "set_over_zlib"
    }

    /// How much a counter may grow before the check fails.
    public static let growthLimit = 1.3
    /// Counts this small may grow by this much whatever the ratio (3 leader probes becoming 5
    /// is not a cost).
    public static let slack = 64
    /// How much the time ratio may grow: timings move 2-10x with load, counts do not.
    public static let ratioLimit = 3.0

    /// Every way `current` is costlier than the baseline, one line each, naming the input and
    /// the counter. Inputs or counters the baseline lacks are not compared.
    public func regressions(in current: WorkBaseline) -> [String] {
        var out: [String] = []
        for name in current.inputs.keys.sorted() {
            guard let base = inputs[name], let now = current.inputs[name] else { continue }
            for counter in WorkCounter.allCases.map(\.rawValue) {
                guard let b = base[counter], let n = now[counter] else { continue }
                if Double(n) > Double(b) * Self.growthLimit + Double(Self.slack) {
                    let ratio = b > 0 ? String(format: "%.2fx", Double(n) / Double(b)) : "from 0"
                    out.append("\(name): \(counter) grew from \(b) to \(n) (\(ratio), the limit is \(Self.growthLimit)x)")
                }
            }
        }
        if let b = setOverZlib, let n = current.setOverZlib, n > b * Self.ratioLimit {
            out.append(String(format: "set_over_zlib: the set took %.2f zlib units against %.2f in the baseline (over %.0fx)", n, b, Self.ratioLimit))
        }
        return out
    }

    /// Stable JSON: sorted keys, one counter per line, so a baseline update diffs cleanly.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    public static func read(_ url: URL) throws -> WorkBaseline {
        try JSONDecoder().decode(WorkBaseline.self, from: Data(contentsOf: url))
    }
}
