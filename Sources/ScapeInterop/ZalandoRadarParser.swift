import Foundation
import ScapeModel
import Yams

/// The quadrant and ring names of a Zalando radar, which its `config.json` does not hold (they
/// live in the page's `radar_visualization({...})` call). Nil fields keep Zalando's defaults.
public struct RadarNames: Sendable, Equatable {
    /// Zalando's quadrant order: 0 bottom right, 1 bottom left, 2 top left, 3 top right.
    public var quadrants: [String]?
    /// From the centre out.
    public var rings: [String]?
    public var title: String?

    public init(quadrants: [String]? = nil, rings: [String]? = nil, title: String? = nil) {
        self.quadrants = quadrants
        self.rings = rings
        self.title = title
    }

    /// The names in Zalando's own example page.
    public static let zalandoQuadrants = ["Languages", "Infrastructure", "Datastores", "Data Management"]
    public static let zalandoRings = ["ADOPT", "TRIAL", "ASSESS", "HOLD"]
    public static let zalandoRingColors = ["#5ba300", "#009eb0", "#c7ba00", "#e09b96"]

    /// These names with every field `other` sets taking its place (flags over a sidecar).
    public func overridden(by other: RadarNames) -> RadarNames {
        RadarNames(quadrants: other.quadrants ?? quadrants, rings: other.rings ?? rings, title: other.title ?? title)
    }
}

/// Reads Zalando's tech-radar `config.json`: `{"date": ..., "entries": [{"quadrant": 0-3,
/// "ring": 0-3, "label": ..., "active": true, "moved": -1|0|1|2, "link": ...}]}`, detected by
/// that shape. Blips keep Zalando's marks (star new, triangles moved up / down, inactive greyed),
/// its ring colours and links. Names come from `RadarNames`: a sidecar `NAME.radar.yaml` next
/// to the file, then the command line's flags.
public enum ZalandoRadarParser {
    /// True for a mapping with an `entries` list whose items have quadrant, ring and label.
    public static func looksLikeZalando(_ text: String) -> Bool {
        // Cheap checks first: a big landscape in JSON should not be parsed twice to be told apart.
        guard text.first(where: { !$0.isWhitespace }) == "{", text.contains("\"entries\""), let node = try? SafeYAML.compose(text),
              let entries = node.mapping?["entries"]?.sequence else { return false }
        guard let first = entries.first?.mapping else { return entries.isEmpty }
        return ["quadrant", "ring", "label"].allSatisfy { first[$0] != nil }
    }

    /// The sidecar of a data file: `config.json` -> `config.radar.yaml`.
    public static func sidecarURL(for url: URL) -> URL {
        url.deletingPathExtension().appendingPathExtension("radar.yaml")
    }

    /// Reads a sidecar (`quadrants:`, `rings:`, `title:`), reporting what it cannot use.
    public static func sidecar(text: String, file: String) -> (RadarNames, [Diagnostic]) {
        var names = RadarNames()
        var diagnostics: [Diagnostic] = []
        guard let root = try? SafeYAML.compose(text), let map = root.mapping else {
            return (names, [.error("a radar sidecar is a mapping with quadrants: [4 names] and rings: [1 to 8 names]", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        for (k, v) in map {
            let at = SourceLocation(file: file, line: k.mark?.line ?? 1, column: k.mark?.column ?? 1)
            switch k.string {
            case "quadrants": names.quadrants = v.sequence?.compactMap(\.string)
            case "rings": names.rings = v.sequence?.compactMap(\.string)
            case "title": names.title = v.string
            default: diagnostics.append(.warning("unknown key '\(k.string ?? "")' in the radar sidecar; it holds quadrants, rings and title", at: at))
            }
        }
        return (names, diagnostics + check(names, file: file))
    }

    /// Four quadrant names and 1 to 8 ring names, or errors.
    public static func check(_ names: RadarNames, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let q = names.quadrants, q.count != 4 {
            out.append(.error("a Zalando radar has 4 quadrants (0 bottom right, 1 bottom left, 2 top left, 3 top right); \(q.count) names given", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        if let r = names.rings, !(1...RadarCSVParser.maxRings).contains(r.count) {
            out.append(.error("a radar has 1 to \(RadarCSVParser.maxRings) rings; \(r.count) names given", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        return out
    }

    public static func parse(text: String, file: String, names: RadarNames = RadarNames()) -> LoadResult {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let root: Node?
        switch LandscapeLoader.compose(text, file: file, what: "the radar's JSON") {
        case .success(let node): root = node
        case .failure(let problem): return LoadResult(landscape: nil, diagnostics: [problem.diagnostic])
        }
        func at(_ n: Node?) -> SourceLocation { SourceLocation(file: file, line: n?.mark?.line ?? 1, column: n?.mark?.column ?? 1) }
        var diagnostics = check(names, file: file)
        let quadrantNames = names.quadrants ?? RadarNames.zalandoQuadrants
        let ringNames = names.rings ?? RadarNames.zalandoRings
        guard let map = root?.mapping, let entries = map["entries"]?.sequence else {
            return LoadResult(landscape: nil, diagnostics: [.error("a Zalando radar is {\"date\": ..., \"entries\": [...]}", at: start)])
        }
        var blips: [RadarBlip] = []
        var ids = Set<String>()
        for entry in entries {
            guard let e = entry.mapping else {
                diagnostics.append(.error("each entry is an object with quadrant, ring, label, active, moved and link", at: at(entry)))
                continue
            }
            func index(_ key: String, _ count: Int) -> Int? {
                guard let node = e[key] else {
                    diagnostics.append(.error("the entry has no '\(key)'", at: at(entry)))
                    return nil
                }
                guard let v = node.scalar.flatMap(YAMLInteger.parse), (0..<count).contains(v) else {
                    diagnostics.append(.error("\(key) \(node.string ?? "") is not an index 0 to \(count - 1)\(key == "ring" ? " (the rings: \(ringNames.joined(separator: ", ")))" : "")", at: at(node)))
                    return nil
                }
                return v
            }
            let q = index("quadrant", 4), r = index("ring", ringNames.count)
            let label = e["label"]?.string?.trimmingWhitespace() ?? ""
            if label.isEmpty { diagnostics.append(.error("the entry has no label", at: at(e["label"] ?? entry))) }
            if let p = InputBounds.label.problem(label, what: "the label") { diagnostics.append(.error(p, at: at(e["label"]))) }
            var status = BlipStatus.noChange
            if let moved = e["moved"] {
                switch moved.scalar.flatMap(YAMLInteger.parse) {
                case 2: status = .new
                case 1: status = .movedIn
                case -1: status = .movedOut
                case 0: status = .noChange
                default: diagnostics.append(.error("moved \(moved.string ?? "") is not -1 (moved down), 0, 1 (moved up) or 2 (new)", at: at(moved)))
                }
            }
            var active = true
            if let a = e["active"] {
                if let b = a.bool { active = b } else { diagnostics.append(.error("active '\(a.string ?? "")' is not true or false", at: at(a))) }
            }
            guard let q, let r, !label.isEmpty else { continue }
            var blip = RadarBlip(name: label, ring: r, sector: 3 - q, status: status)
            var id = blip.id, n = 2
            while ids.contains(id) { id = "\(blip.id)-\(n)"; n += 1 }
            ids.insert(id)
            blip.id = id
            blip.active = active
            if let link = e["link"]?.string, !link.isEmpty { blip.url = link }
            blips.append(blip)
        }
        diagnostics = LandscapeLoader.sortedByLocation(diagnostics)
        guard !diagnostics.hasErrors else { return LoadResult(landscape: nil, diagnostics: diagnostics) }
        var id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        if FigureID.problem(with: id) != nil { id = "radar" }
        var figure = Figure(id: id, kind: .radar)
        // Our sectors run counter-clockwise from the top right; Zalando's clockwise from the bottom right.
        figure.radar = RadarSpec(rings: ringNames, sectors: quadrantNames.reversed(), blips: blips, quarter: false, markers: .zalando,
                                 ringColors: ringNames.count == 4 && names.rings == nil ? RadarNames.zalandoRingColors : [])
        let date = map["date"]?.string.map { " \($0)" } ?? ""
        var landscape = Landscape(title: names.title ?? "Tech Radar\(date)", rings: ringNames.map { $0.lowercased() }, figures: [figure])
        landscape.figures[0].title = landscape.title
        return LoadResult(landscape: landscape, diagnostics: diagnostics)
    }
}
