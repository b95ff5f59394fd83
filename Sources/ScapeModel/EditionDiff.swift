import Foundation

/// What changed between two editions of a landscape: tools matched by id (or by a `was:`
/// naming their old id or name), sorted into moved, added, removed and renamed, plus the
/// adoption-ring changes and, for radars, each blip's status. Pure data: `mlscape diff`
/// prints it (`summaryLines`) and draws it (`figureChanges`).
public struct EditionDiff: Sendable {
    /// A tool moves when its position changes by more than this, in data units (the axes
    /// run from -1 to 1, so 0.02 is 1% of an axis): smaller edits are nudges, not news.
    public static let defaultThreshold = 0.02

    public struct Move: Sendable, Equatable {
        /// The tool as it is in the new edition.
        public var tool: Tool
        public var fromX: Double
        public var fromY: Double
        public var distance: Double
    }

    public struct Rename: Sendable, Equatable {
        public var old: Tool
        public var new: Tool
    }

    public struct RingChange: Sendable, Equatable {
        public var tool: Tool
        public var old: String?
        public var new: String?
    }

    public var moved: [Move] = []
    public var added: [Tool] = []
    public var removed: [Tool] = []
    public var renamed: [Rename] = []
    public var ringChanges: [RingChange] = []
    /// Radar blips of the new edition with the status the two editions give them.
    public var blips: RadarEditionDiff?
    /// Problems with the data's `was:` keys, located where they are written.
    public var diagnostics: [Diagnostic] = []

    public var isEmpty: Bool {
        moved.isEmpty && added.isEmpty && removed.isEmpty && renamed.isEmpty && ringChanges.isEmpty && (blips?.isEmpty ?? true)
    }

    public init(old: Landscape, new: Landscape, threshold: Double = EditionDiff.defaultThreshold) {
        let oldByID = Dictionary(old.tools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newIDs = Set(new.tools.map(\.id))
        var claimed: [String: Tool] = [:]
        var matched: [(old: Tool, new: Tool)] = []
        for tool in new.tools.sorted(by: { $0.id < $1.id }) {
            if let o = oldByID[tool.id] {
                matched.append((o, tool))
                if let was = tool.was, was.name != tool.id, was.name.lowercased() != tool.name.lowercased() {
                    diagnostics.append(.warning("tool '\(tool.name)' says it was '\(was.name)', but it has the same id in the old edition; 'was:' is ignored", at: was.location))
                }
                continue
            }
            guard let was = tool.was else { added.append(tool); continue }
            guard let o = Self.find(was.name, in: old.tools) else {
                let close = Suggestions.closest(to: was.name, in: old.tools.map(\.name), limit: 3)
                let hint = close.isEmpty ? "" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: ", "))?"
                diagnostics.append(.warning("tool '\(tool.name)' says it was '\(was.name)', but the old edition has no such tool\(hint); it counts as added", at: was.location))
                added.append(tool)
                continue
            }
            if newIDs.contains(o.id) {
                diagnostics.append(.warning("tool '\(tool.name)' says it was '\(was.name)', but '\(o.name)' is still in the new edition; it counts as added", at: was.location))
                added.append(tool)
                continue
            }
            if let first = claimed[o.id] {
                diagnostics.append(.warning("tool '\(tool.name)' says it was '\(was.name)', which '\(first.name)' already claims; it counts as added", at: was.location))
                added.append(tool)
                continue
            }
            claimed[o.id] = tool
            renamed.append(Rename(old: o, new: tool))
            matched.append((o, tool))
        }
        let matchedOld = Set(matched.map(\.old.id))
        removed = old.tools.filter { !matchedOld.contains($0.id) }.sorted { $0.id < $1.id }
        for (o, n) in matched {
            let d = ((n.x - o.x) * (n.x - o.x) + (n.y - o.y) * (n.y - o.y)).squareRoot()
            if d > threshold { moved.append(Move(tool: n, fromX: o.x, fromY: o.y, distance: d)) }
            let before = old.ring(of: o), after = new.ring(of: n)
            if before?.lowercased() != after?.lowercased() { ringChanges.append(RingChange(tool: n, old: before, new: after)) }
        }
        let b = RadarEditionDiff(old: old, new: new)
        blips = b.isEmpty && b.figures.isEmpty ? nil : b
    }

    /// An old tool by id, by the id a name makes, or by name (any case).
    static func find(_ key: String, in tools: [Tool]) -> Tool? {
        tools.first { $0.id == key }
            ?? tools.first { $0.id == Tool.makeID(name: key, subtitle: nil) }
            ?? tools.first { $0.name.lowercased() == key.lowercased() }
    }

    /// What one figure of the new edition draws: trails from the old spots, marks on the
    /// added tools, the removed tools its selection would have shown, and the legend.
    public func figureChanges(for figure: Figure, old: Landscape, oldLabel: String, newLabel: String, movedOnly: Bool) -> FigureChanges {
        let shown = { (t: Tool) in figure.only?.contains(t, in: old) ?? true }
        var changes = FigureChanges(
            trails: moved.map { FigureChanges.Trail(toolID: $0.tool.id, fromX: $0.fromX, fromY: $0.fromY) },
            added: movedOnly ? [] : added.map(\.id),
            removed: movedOnly ? [] : removed.filter(shown),
            movedOnly: movedOnly, oldLabel: oldLabel, newLabel: newLabel)
        changes.renamed = Dictionary(renamed.map { ($0.new.id, $0.old.displayName) }, uniquingKeysWith: { a, _ in a })
        return changes
    }

    /// The changes as text, one per line, for a changelog or a pull request.
    public var summaryLines: [String] {
        var out: [String] = []
        func p(_ x: Double, _ y: Double) -> String { String(format: "(%.2f, %.2f)", x, y) }
        for r in renamed.sorted(by: { $0.new.id < $1.new.id }) { out.append("renamed: \(r.old.displayName) -> \(r.new.displayName)") }
        for m in moved.sorted(by: { $0.tool.id < $1.tool.id }) {
            out.append("moved: \(m.tool.displayName) \(p(m.fromX, m.fromY)) -> \(p(m.tool.x, m.tool.y))")
        }
        for t in added.sorted(by: { $0.id < $1.id }) { out.append("added: \(t.displayName) at \(p(t.x, t.y))") }
        for t in removed { out.append("removed: \(t.displayName) (was at \(p(t.x, t.y)))") }
        for r in ringChanges.sorted(by: { $0.tool.id < $1.tool.id }) {
            out.append("ring: \(r.tool.displayName) \(r.old ?? "none") -> \(r.new ?? "none")")
        }
        out += blips?.summaryLines ?? []
        return out
    }
}

extension Tool {
    /// The name with its subtitle, as a reader would say it: `GCP (AI Platform)`.
    public var displayName: String { subtitle.map { "\(name) (\($0))" } ?? name }
}

extension Landscape {
    /// The adoption ring of a tool: that of the first of its categories that has one.
    public func ring(of tool: Tool) -> String? {
        tool.categories.lazy.compactMap { self.category(id: $0)?.ring }.first
    }
}
