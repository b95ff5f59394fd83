import ScapeModel

/// A landscape's own tools as a radar's blips: a `kind: radar` figure in a landscape file
/// (no radar file behind it, no `quarter: true`) shows where the user's tools stand, each in
/// its category's ring and in the sector of the map's corner it lies in, the sectors named
/// after the quadrants there. Without this a radar of one's own tools drew empty rings.
enum LandscapeRadar {
    /// Sectors as the full radar draws them: top right, top left, bottom left, bottom right.
    static let corners: [(x: AxisSide, y: AxisSide)] = [(.positive, .positive), (.negative, .positive), (.negative, .negative), (.positive, .negative)]

    /// The radar of the tools that have a ring, or nil when none has.
    static func spec(of landscape: Landscape) -> RadarSpec? {
        var blips: [RadarBlip] = []
        for tool in landscape.tools {
            guard let ring = tool.categories.lazy.compactMap({ landscape.category(id: $0)?.ring }).compactMap({ landscape.rings.firstIndex(of: $0) }).first else { continue }
            let sector = corners.firstIndex { $0.x == (tool.x >= 0 ? .positive : .negative) && $0.y == (tool.y >= 0 ? .positive : .negative) }!
            // A blip's description is HTML; a tool's is plain text.
            let html = tool.description.map { $0.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;") }
            var blip = RadarBlip(name: tool.name, ring: ring, sector: sector, description: html)
            blip.id = tool.id
            blip.url = tool.url
            blips.append(blip)
        }
        guard !blips.isEmpty else { return nil }
        let sectors = corners.map { c in
            landscape.quadrants.first { $0.x == c.x && $0.y == c.y }.map { $0.title.split(whereSeparator: \.isNewline).joined(separator: " ") } ?? ""
        }
        let rings = landscape.rings.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return RadarSpec(rings: rings, sectors: sectors, blips: blips, quarter: false)
    }
}
