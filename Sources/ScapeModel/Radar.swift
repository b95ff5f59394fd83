/// A technology radar: rings from the centre out, sectors (the quadrants of a full radar),
/// and optional blips, each in one ring and sector.
public struct RadarSpec: Sendable, Equatable {
    public var rings: [String]
    /// Sector names; a quarter radar has one.
    public var sectors: [String]
    public var blips: [RadarBlip]
    public var quarter: Bool
    /// How blip status is marked: Thoughtworks' rings and arcs, or Zalando's star and triangles.
    public var markers: BlipMarkerStyle
    /// `#rrggbb` per ring, from the centre out (Zalando's radar colours its blips by ring); empty: by sector.
    public var ringColors: [String]

    public init(rings: [String], sectors: [String] = [], blips: [RadarBlip] = [], quarter: Bool = false,
                markers: BlipMarkerStyle = .thoughtworks, ringColors: [String] = []) {
        self.rings = rings
        self.sectors = sectors
        self.blips = blips
        self.quarter = quarter
        self.markers = markers
        self.ringColors = ringColors
    }
}

/// The two ways radars mark a blip's status.
public enum BlipMarkerStyle: String, Sendable, Equatable, CaseIterable {
    /// Build Your Own Radar: new is a circle with an outer ring, moved in / out a quarter arc on
    /// the inner / outer side, no change a plain circle.
    case thoughtworks
    /// Zalando's tech radar: new is a star, moved in / out a triangle pointing up / down.
    case zalando
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
    /// HTML as the radar's author wrote it, reduced to Thoughtworks' allowed tags.
    public var description: String?
    /// Unique among the blips, so two blips of one name stay apart.
    public var id: String
    /// A link to more about the blip.
    public var url: String?
    /// False for entries kept in the data but no longer current (Zalando's `active: false`): greyed.
    public var active: Bool

    /// The description as plain text, for tooltips and SVG titles: tags dropped, entities decoded.
    public var plainDescription: String? { description.map(HTMLText.plain) }

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
        self.id = Tool.makeID(name: name, subtitle: nil)
        self.url = nil
        self.active = true
    }

    public init(name: String, ring: Int, sector: Int, isNew: Bool, description: String? = nil) {
        self.init(name: name, ring: ring, sector: sector, status: isNew ? .new : .noChange, description: description)
    }
}
