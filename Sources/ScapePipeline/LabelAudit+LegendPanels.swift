import ScapeGeometry

extension LabelAudit {
    /// A legend's panel (`legend.panel.N`) sits where the plot is empty: its frame may hold
    /// only the legend's own rows, the names and numbers of tools numbered on the map. Any
    /// marker, map name, number, leader, axis line, frame label, inset or other panel under
    /// it counts as covered. Read from what was drawn, not from where the layout meant it.
    mutating func judgeLegendPanels() {
        /// `legend.panel.N`, the panel an id belongs to (its fill and a hand-drawn frame's
        /// strokes have ids of their own: `legend.panel.N.fill`, `legend.panel.N-2`).
        func panel(_ id: String) -> String? {
            guard id.hasPrefix("legend.panel.") else { return nil }
            let parts = id.split(separator: ".", maxSplits: 3)
            return parts.count >= 3 ? Self.unsuffixed(parts[0...2].joined(separator: ".")) : nil
        }
        var frames: [String: Rect] = [:]
        for item in items {
            guard let key = panel(item.id) else { continue }
            frames[key] = frames[key].map { $0.union(item.box) } ?? item.box
        }
        guard !frames.isEmpty else { return }
        let ids = Set(items.map { Self.unsuffixed($0.id) })
        /// A legend row: a name or number whose owner (or whose stack) has a number on the map.
        func isLegendRow(_ id: String) -> Bool {
            let base = Self.unsuffixed(id)
            guard base.hasSuffix(".name") || base.hasSuffix(".legend-number"), let dot = base.lastIndex(of: ".") else { return false }
            let owner = String(base[..<dot])
            var owners = [owner]
            // A stack member's row (`stack.S.tool.X.name`): the stack carries the number.
            if let member = owner.range(of: ".tool.", options: .backwards), owner[..<member.lowerBound].contains("stack.") {
                owners.append(String(owner[..<member.lowerBound]))
            }
            return owners.contains { ids.contains($0 + ".callout") }
        }
        for (key, frame) in frames.sorted(by: { $0.key < $1.key }) {
            let inner = frame.insetBy(0.5)
            for item in items where panel(item.id) != key {
                let base = Self.unsuffixed(item.id)
                if panel(base) != nil {
                    if item.box.intersects(inner) { coveredLabels += 1 }
                    continue
                }
                let isLine = base.hasSuffix(".leader") || base.hasSuffix(".link") || base == "axis.x" || base == "axis.y"
                if isLine {
                    if zip(item.points, item.points.dropFirst()).contains(where: { inner.intersectsSegment($0.0, $0.1) }) { coveredLabels += 1 }
                    continue
                }
                guard item.box.insetBy(0.5).intersects(inner) else { continue }
                let part = base.split(separator: ".").last.map(String.init) ?? base
                let drawnOnTheMap = ["marker", "mark", "callout", "count", "rim", "list", "name", "subtitle", "legend-number"].contains(part)
                let insetFrame = base.hasPrefix("inset.") && part == "frame"
                if Self.isFrameLabel(base) || insetFrame || (drawnOnTheMap && !isLegendRow(base)) { coveredLabels += 1 }
            }
        }
    }
}
