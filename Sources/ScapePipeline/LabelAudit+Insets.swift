import ScapeGeometry

/// Detail insets judged from the drawn figure: each `inset.N.*` copy is audited as a figure of
/// its own (its names against its own markers), and a tool the map leaves unnamed counts as
/// identified when the inset names it and the inset's outline (`inset.N.source`) holds its
/// marker on the map. An inset's frame that covers anything of the map is counted as covered.
extension LabelAudit {
    mutating func judgeInsets() {
        var groups: [String: [Item]] = [:]
        for item in items where item.id.hasPrefix("inset.") {
            let rest = item.id.dropFirst(6)
            guard let dot = rest.firstIndex(of: ".") else { continue }
            groups[String(rest[..<dot]), default: []].append(Item(id: String(rest[rest.index(after: dot)...]), box: item.box, points: item.points))
        }
        guard !groups.isEmpty else { return }
        let main = items.filter { !$0.id.hasPrefix("inset.") }
        // Each tool's marker on the map; a stacked tool's is its own dot under the stack's.
        let markers = Dictionary(main.compactMap { item -> (String, Rect)? in
            guard let (owner, part, member) = Self.split(item.id), part == "marker" else { return nil }
            return (member.map { "tool:" + $0 } ?? owner, item.box)
        }, uniquingKeysWith: { $0.union($1) })
        for (_, parts) in groups.sorted(by: { $0.key < $1.key }) {
            guard let frame = parts.first(where: { $0.id == "frame" })?.box, let source = parts.first(where: { $0.id == "source" })?.box else { continue }
            insets += 1
            let copy = LabelAudit(items: parts)
            overlaps += copy.overlaps
            runOns += copy.runOns
            // The frame may cover nothing of the map: no marker, name, number or frame label.
            coveredLabels += main.filter { item in
                guard let (_, part, _) = Self.split(item.id) ?? (Self.isFrameLabel(item.id) ? ("", "label", nil) : nil) else { return false }
                return ["marker", "name", "callout", "label"].contains(part) && item.box.insetBy(0.5).intersects(frame)
            }.count
            for (tool, verdict) in copy.verdicts where verdict.isIdentifiable {
                if verdicts[tool] == .omitted, let m = markers[tool], source.contains(m.center) {
                    verdicts[tool] = .inset
                } else if verdicts[tool] == nil {
                    // A member of a stack the map left unnamed (its members are not on the map by
                    // name): the stack's marker must lie in the outline.
                    let stacks = verdicts.keys.filter { $0.hasPrefix("stack:") && verdicts[$0] == .omitted && (markers[$0].map { source.contains($0.center) } ?? false) }
                    if !stacks.isEmpty { verdicts[tool] = .inset }
                }
            }
            for stack in verdicts.keys.filter({ $0.hasPrefix("stack:") && verdicts[$0] == .omitted }) where markers[stack].map({ source.contains($0.center) }) ?? false {
                verdicts[stack] = nil
            }
        }
    }
}
