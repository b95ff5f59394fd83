/// Blip statuses computed from two editions of a radar, as Thoughtworks' radar marks them:
/// new (not in the old edition), moved in (to a ring nearer the centre), moved out, or no
/// change. Blips are matched by name, in any case. A status written in the new edition's
/// data (new, moved in, moved out) wins over the computed one; "no change", the default,
/// is what the data says when it says nothing, so it is computed.
public struct RadarEditionDiff: Sendable {
    public struct Blip: Sendable, Equatable {
        public var figure: String
        public var name: String
        /// The ring in the old edition; nil for a blip that is new.
        public var oldRing: String?
        public var newRing: String
        public var status: BlipStatus
        /// The status came from the data, not from the two editions.
        public var handWritten: Bool
    }

    /// The new edition's radar figures that have blips, each paired with an old one.
    public var figures: [String] = []
    public var blips: [Blip] = []
    /// Blips of the old edition that the new one no longer has.
    public var removed: [(figure: String, name: String, ring: String)] = []

    public var isEmpty: Bool { removed.isEmpty && blips.allSatisfy { $0.status == .noChange } }

    public init(old: Landscape, new: Landscape) {
        let oldRadars = old.figures.filter { $0.radar?.blips.isEmpty == false }
        for figure in new.figures {
            guard let spec = figure.radar, !spec.blips.isEmpty else { continue }
            // The same figure id, else the old edition's only radar (radar files are named by date).
            guard let before = (oldRadars.first { $0.id == figure.id } ?? (oldRadars.count == 1 ? oldRadars[0] : nil))?.radar else { continue }
            figures.append(figure.id)
            let oldByName = Dictionary(before.blips.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
            let newNames = Set(spec.blips.map { $0.name.lowercased() })
            for blip in spec.blips.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
                let newRing = spec.rings[blip.ring]
                let previous = oldByName[blip.name.lowercased()]
                let oldRing = previous.map { before.rings[$0.ring] }
                var status = BlipStatus.new
                if let oldRing {
                    // Rings compare by name where both editions have it, else by position.
                    let was = spec.rings.firstIndex { $0.lowercased() == oldRing.lowercased() } ?? previous!.ring
                    status = blip.ring < was ? .movedIn : blip.ring > was ? .movedOut : .noChange
                }
                let handWritten = blip.status != .noChange
                blips.append(Blip(figure: figure.id, name: blip.name, oldRing: oldRing, newRing: newRing,
                                  status: handWritten ? blip.status : status, handWritten: handWritten))
            }
            for b in before.blips.sorted(by: { $0.name.lowercased() < $1.name.lowercased() })
            where !newNames.contains(b.name.lowercased()) {
                removed.append((figure.id, b.name, before.rings[b.ring]))
            }
        }
    }

    /// The new edition with every paired blip's status set.
    public func applied(to landscape: Landscape) -> Landscape {
        var out = landscape
        for (f, figure) in out.figures.enumerated() where figures.contains(figure.id) {
            guard var spec = figure.radar else { continue }
            let status = Dictionary(blips.filter { $0.figure == figure.id }.map { ($0.name, $0.status) }, uniquingKeysWith: { a, _ in a })
            for (i, blip) in spec.blips.enumerated() {
                if let s = status[blip.name] { spec.blips[i].status = s }
            }
            out.figures[f].radar = spec
        }
        return out
    }

    /// One line per changed blip: new, moved in or out (with the rings), removed.
    public var summaryLines: [String] {
        var out: [String] = []
        for b in blips where b.status != .noChange {
            let rings = b.status == .new || b.oldRing == nil ? " in \(b.newRing)" : " (\(b.oldRing!) -> \(b.newRing))"
            out.append("blip \(b.status.rawValue): \(b.name)\(rings)\(b.handWritten ? " (as the data says)" : "")")
        }
        for r in removed { out.append("blip removed: \(r.name) (was in \(r.ring))") }
        return out
    }
}
