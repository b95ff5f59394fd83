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

/// How a blip changed since the radar's last edition, as Thoughtworks' radar marks it:
/// new, moved in (towards the centre), moved out, or no change.
public enum BlipStatus: String, Sendable, Equatable, CaseIterable {
    case new
    case movedIn = "moved in"
    case movedOut = "moved out"
    case noChange = "no change"
}

public struct RadarBlip: Sendable, Equatable {
    public var name: String
    /// Index into the radar's rings.
    public var ring: Int
    /// Index into the radar's sectors.
    public var sector: Int
    /// Change since the last edition; written by hand in the data or computed from two editions.
    public var status: BlipStatus
    public var description: String?

    /// New since the last edition.
    public var isNew: Bool {
        get { status == .new }
        set { status = newValue ? .new : .noChange }
    }

    public init(name: String, ring: Int, sector: Int, status: BlipStatus = .noChange, description: String? = nil) {
        self.name = name
        self.ring = ring
        self.sector = sector
        self.status = status
        self.description = description
    }

    public init(name: String, ring: Int, sector: Int, isNew: Bool, description: String? = nil) {
        self.init(name: name, ring: ring, sector: sector, status: isNew ? .new : .noChange, description: description)
    }
}
