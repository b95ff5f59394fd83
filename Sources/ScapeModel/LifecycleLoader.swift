import Foundation
import Yams

/// Reads a lifecycle spec (`loops:`) from YAML or JSON and checks that it can be drawn:
/// every loop has two steps or more and no step twice, and any two loops share at most one
/// contiguous run of steps, in the same direction in both. Problems come located.
public enum LifecycleLoader {
    public static let defaultFileName = "lifecycle.yaml"

    public static var defaultText: String { String(decoding: PackageResources.lifecycle_yaml, as: UTF8.self) }

    struct RawSpec: Decodable {
        var loops: [RawLoop]
        var arrangement: String?
    }

    struct RawLoop: Decodable {
        var id: String?
        var steps: [String]
        var pictogram: String?
        var caption: String?
    }

    /// True when the text's top level has `loops:`, i.e. it is a lifecycle spec.
    public static func looksLikeSpec(_ text: String) -> Bool {
        guard let node = try? SafeYAML.compose(text), let mapping = node.mapping else { return false }
        return mapping.keys.contains { $0.string == "loops" } && !mapping.keys.contains { $0.string == "tools" }
    }

    public static func load(text: String, file: String) -> (spec: LifecycleSpec?, diagnostics: [Diagnostic]) {
        let root: Node?
        switch LandscapeLoader.compose(text, file: file) {
        case .success(let node): root = node
        case .failure(let problem): return (nil, [problem.diagnostic])
        }
        guard let root, root.mapping != nil else {
            return (nil, [.error("expected a mapping with 'loops:' at the top", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        let locator = SourceLocator(file: file, root: root)
        let raw: RawSpec
        do {
            raw = try YAMLNodeDecoder.decode(RawSpec.self, from: root)
        } catch let error as DecodingError {
            return (nil, [DecodingDiagnostics.diagnostic(for: error, locator: locator)])
        } catch {
            return (nil, [.error("cannot read the file: \(error)", at: locator.location(of: []))])
        }
        var diagnostics = SafeYAML.textLengthProblems(root, file: file)
        func error(_ message: String, _ path: SpecPath) { diagnostics.append(.error(message, at: locator.location(of: path))) }
        var loops: [LoopSpec] = []
        for (i, l) in raw.loops.enumerated() {
            let path: SpecPath = [.key("loops"), .index(i)]
            let id = l.id ?? "loop-\(i + 1)"
            if l.steps.count < 2 { error("loop '\(id)' has \(l.steps.count) step\(l.steps.count == 1 ? "" : "s"); a loop needs at least 2", path + [.key("steps")]) }
            var seen = Set<String>()
            for (k, s) in l.steps.enumerated() where !seen.insert(s).inserted {
                error("step '\(s.replacingOccurrences(of: "\n", with: " "))' is used twice in loop '\(id)'", path + [.key("steps"), .index(k)])
            }
            var pictogram: Pictogram?
            if let name = l.pictogram, name.lowercased() != "none" {
                pictogram = Pictogram(rawValue: name.lowercased())
                if pictogram == nil {
                    error("unknown pictogram '\(name)'; the pictograms are \(Pictogram.allCases.map(\.rawValue).joined(separator: ", ")), none", path + [.key("pictogram")])
                }
            }
            loops.append(LoopSpec(id: id, steps: l.steps, pictogram: pictogram, caption: l.caption))
        }
        if loops.isEmpty { error("'loops' is empty; give at least one loop of steps", [.key("loops")]) }
        var arrangement: LifecycleSpec.Arrangement?
        if let a = raw.arrangement {
            arrangement = LifecycleSpec.Arrangement(rawValue: a.lowercased())
            if arrangement == nil { error("arrangement '\(a)' is unknown; expected nested or chain", [.key("arrangement")]) }
        }
        let spec = LifecycleSpec(loops: loops, arrangement: arrangement)
        if !diagnostics.hasErrors {
            diagnostics += sharedRunProblems(spec, locator: locator)
        }
        return (diagnostics.hasErrors ? nil : spec, diagnostics)
    }

    /// Checks every pair of loops: what they share must be one contiguous run, same direction.
    static func sharedRunProblems(_ spec: LifecycleSpec, locator: SourceLocator) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for a in spec.loops.indices {
            for b in spec.loops.indices where b > a {
                let shared = spec.sharedRun(a, b)
                guard !shared.isEmpty else { continue }
                let where_ = locator.location(of: [.key("loops"), .index(b), .key("steps")])
                guard let runA = contiguousRun(of: shared, in: spec.loops[a].steps), let runB = contiguousRun(of: shared, in: spec.loops[b].steps) else {
                    out.append(.error("loops '\(spec.loops[a].id)' and '\(spec.loops[b].id)' share \(shared.map { "'\($0)'" }.joined(separator: ", ")), which is not one contiguous run in both", at: where_))
                    continue
                }
                if runA != runB {
                    out.append(.error("loops '\(spec.loops[a].id)' and '\(spec.loops[b].id)' go through their shared steps in opposite directions", at: where_))
                    continue
                }
                if spec.arrangement == .chain && b != a + 1 {
                    out.append(.error("loops '\(spec.loops[a].id)' and '\(spec.loops[b].id)' share steps but are not neighbours in the list; a chain shares runs between neighbours only", at: where_))
                }
                if spec.arrangement == .nested && spec.loops.count != 2 {
                    out.append(.error("the nested arrangement takes exactly two loops; use 'arrangement: chain'", at: locator.location(of: [.key("arrangement")])))
                }
            }
        }
        return out
    }

    /// The shared steps in cyclic order starting at the run's first step, if they form one
    /// contiguous run of the loop.
    static func contiguousRun(of shared: [String], in steps: [String]) -> [String]? {
        let set = Set(shared)
        let n = steps.count
        guard let start = steps.indices.first(where: { set.contains(steps[$0]) && !set.contains(steps[($0 - 1 + n) % n]) }) else {
            return shared.count == n ? steps : nil
        }
        var run: [String] = []
        var i = start
        while set.contains(steps[i]) && run.count < n {
            run.append(steps[i])
            i = (i + 1) % n
        }
        return run.count == shared.count ? run : nil
    }
}
