import ScapeModel

/// `list` and `validate` for a radar file: its rings, quadrants and blips in the radar's terms.
enum RadarListing {
    /// The radar of a landscape read from a radar file (no tools, one radar figure with blips).
    static func radar(of l: Landscape) -> RadarSpec? {
        guard l.tools.isEmpty, l.figures.count == 1, let spec = l.figures[0].radar, !spec.blips.isEmpty else { return nil }
        return spec
    }

    static func list(_ r: RadarSpec) -> String {
        var out = "rings:\n" + r.rings.enumerated().map { "  \($0.offset + 1)  \($0.element)\n" }.joined()
        out += "quadrants:\n" + r.sectors.enumerated().map { "  \(Tool.makeID(name: $0.element, subtitle: nil))  \($0.element)\n" }.joined()
        out += "blips:\n"
        for b in r.blips {
            let ring = r.rings.indices.contains(b.ring) ? r.rings[b.ring] : "?"
            let quadrant = r.sectors.indices.contains(b.sector) ? r.sectors[b.sector] : "?"
            let extra = [b.status == .noChange ? nil : b.status.rawValue, b.active ? nil : "inactive"].compactMap { $0 }
            out += "  \(b.id)  \(b.name)  [\(quadrant) / \(ring)]\(extra.isEmpty ? "" : "  " + extra.joined(separator: ", "))\(b.url.map { "  \($0)" } ?? "")\n"
        }
        return out
    }
}
