/// A technology radar: rings from the centre out, sectors (the quadrants of a full radar),
/// and optional blips, each in one ring and sector.
public struct RadarSpec: Sendable, Equatable {
    public var rings: [String]
    /// Sector names; a quarter radar has one.
    public var sectors: [String]
    public var blips: [RadarBlip]
    public var quarter: Bool

    public init(rings: [String], sectors: [String] = [], blips: [RadarBlip] = [], quarter: Bool = false) {
        self.rings = rings
        self.sectors = sectors
        self.blips = blips
        self.quarter = quarter
    }
}

public struct RadarBlip: Sendable, Equatable {
    public var name: String
    /// Index into the radar's rings.
    public var ring: Int
    /// Index into the radar's sectors.
    public var sector: Int
    public var isNew: Bool
    public var description: String?

    public init(name: String, ring: Int, sector: Int, isNew: Bool = false, description: String? = nil) {
        self.name = name
        self.ring = ring
        self.sector = sector
        self.isNew = isNew
        self.description = description
    }
}
