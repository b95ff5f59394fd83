import ArgumentParser
import ScapeModel

/// The command line's ad-hoc figure: a subset of the tools, highlights, a title.
struct SubsetOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Only these tools (names or ids, comma-separated); combines with the filters below as 'these, plus the tools that match'.", valueName: "names"))
    var only: String?

    @Option(name: .long, help: ArgumentHelp("Only tools of these categories (ids or names, any case, comma-separated).", valueName: "names"))
    var category: String?

    @Option(name: .long, help: ArgumentHelp("Only tools of these quadrants (ids or titles, any case); exactly one quadrant draws a zoom with its regions.", valueName: "names"))
    var quadrant: String?

    @Option(name: .long, help: ArgumentHelp("Only tools whose category is in these adoption rings (adopt, trial, assess, hold).", valueName: "rings"))
    var ring: String?

    @Option(name: .long, help: ArgumentHelp("Draw these tools in ink and the others greyed: tools, categories or quadrants (ids or names, comma-separated).", valueName: "names"))
    var highlight: String?

    @Option(name: .long, help: ArgumentHelp("A title drawn at the top left of the ad-hoc figure.", valueName: "text"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The ad-hoc figure's id, which names its files. Default: the data file's name (custom for the built-in data) and what was asked, e.g. landscape-ml-platforms-assess.", valueName: "id"))
    var name: String?

    /// The filters as typed, for messages: `--quadrant "New Tools" --ring hold`.
    var describedRequest: String {
        [("--only", only), ("--category", category), ("--quadrant", quadrant), ("--ring", ring)].compactMap { flag, value in
            value.map { "\(flag) \($0.contains(" ") ? "\"\($0)\"" : $0)" }
        }.joined(separator: " ")
    }

    var isRequested: Bool { [only, category, quadrant, ring, highlight, title].contains { $0 != nil } }

    static func list(_ s: String?) -> [String] {
        (s ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The ad-hoc figure; unknown names fail with the closest known ones. Without --name it is
    /// named `prefix` (the data file's name) and what was asked (`AdHocFigureName`).
    func figure(in landscape: Landscape, prefix: String = "custom") throws -> Figure {
        if let name, let problem = FigureID.problem(with: name) { throw ValidationError("--name '\(name)' \(problem)") }
        if let title, let problem = InputBounds.label.problem(title, what: "--title") { throw ValidationError(problem) }
        if let radar = RadarListing.radar(of: landscape) { return try radarFigure(radar, prefix: prefix) }
        let tools = NameResolver.tools(of: landscape), categories = NameResolver.categories(of: landscape)
        let quadrantNames = NameResolver.quadrants(of: landscape)
        func ids(_ names: String?, _ resolver: NameResolver, _ what: String) throws -> [String] {
            try Self.list(names).map { try resolver.id($0, what: what) }
        }
        let quadrants = try ids(quadrant, quadrantNames, "quadrant")
        let filter = ToolSelection(tools: try ids(only, tools, "tool"), categories: try ids(category, categories, "category"),
                                   quadrants: quadrants, rings: try ids(ring, NameResolver.rings(of: landscape), "ring"))
        // --highlight takes tools, categories and quadrants alike: any one of them inks a tool.
        var highlighted = ToolSelection()
        for n in Self.list(highlight) {
            if let t = tools.entry(n) { highlighted.tools.append(t.id) }
            else if let c = categories.entry(n) { highlighted.categories.append(c.id) }
            else if let q = quadrantNames.entry(n) { highlighted.quadrants.append(q.id) }
            else { throw ValidationError(NameResolver.unknown(n, what: "tool, category or quadrant", among: tools.entries + categories.entries + quadrantNames.entries)) }
        }
        let zoom = quadrants.count == 1
        // A request that matches no tool still draws (an empty quadrant can be the point), but says so.
        let matched = landscape.tools.filter { t in
            (filter.isEmpty || filter.contains(t, in: landscape)) && (!zoom || landscape.quadrant(id: quadrants[0])?.contains(x: t.x, y: t.y) != false)
        }
        if matched.isEmpty && !landscape.tools.isEmpty {
            Console.error("warning: no tool matches \(describedRequest); the ad-hoc figure shows none")
        }
        let named = AdHocFigureName(parts: [
            (nil, AdHocFigureName.inDataOrder(filter.quadrants, landscape.quadrants.map(\.id))),
            (nil, AdHocFigureName.inDataOrder(filter.categories, landscape.categories.map(\.id))),
            (nil, AdHocFigureName.inDataOrder(filter.rings, landscape.rings)),
            ("only", AdHocFigureName.inDataOrder(filter.tools, landscape.tools.map(\.id))),
            ("highlight", AdHocFigureName.inDataOrder(highlighted.quadrants, landscape.quadrants.map(\.id))
                + AdHocFigureName.inDataOrder(highlighted.categories, landscape.categories.map(\.id))
                + AdHocFigureName.inDataOrder(highlighted.tools, landscape.tools.map(\.id))),
        ], title: title)
        let name = self.name ?? Self.unclaimed(named.name(prefix: prefix), by: landscape)
        if zoom, let q = landscape.quadrant(id: quadrants[0]) {
            // A zoom shows its quadrant only: say which named tools it leaves out.
            let outside = filter.tools.compactMap { n in landscape.tools.first { $0.id == n } }
                .filter { !q.contains(x: $0.x, y: $0.y) }.map(\.name)
            if !outside.isEmpty {
                Console.error("warning: --only names \(outside.count == 1 ? "a tool" : "tools") outside quadrant '\(q.id)', which the zoom leaves out: \(outside.joined(separator: ", "))")
            }
        }
        return Figure(id: name, kind: zoom ? .zoom : .map, title: title, only: filter.isEmpty ? nil : filter,
                      highlight: highlighted.isEmpty ? nil : highlighted, quadrant: zoom ? quadrants[0] : nil)
    }

    /// A radar's ad-hoc figure: its blips of the named quadrants and rings (names or ids), or
    /// those named with --only; --highlight and --category have no meaning on a radar.
    func radarFigure(_ radar: RadarSpec, prefix: String = "custom") throws -> Figure {
        if category != nil { throw ValidationError("--category: a radar has quadrants and rings, not categories") }
        if highlight != nil { throw ValidationError("--highlight draws maps; on a radar use --only, --quadrant or --ring") }
        func indexes(_ names: [String], _ known: [String], _ what: String) throws -> Set<Int> {
            Set(try names.map { n in
                let key = n.lowercased()
                guard let k = known.firstIndex(where: { $0.lowercased() == key || Tool.makeID(name: $0, subtitle: nil) == key }) else {
                    let close = Suggestions.closest(to: n, in: known, limit: 3)
                    throw ValidationError("unknown \(what) '\(n)'; the radar's \(what)s are \(known.map { "'\($0)'" }.joined(separator: ", "))\(close.isEmpty ? "" : " (did you mean '\(close[0])'?)")")
                }
                return k
            })
        }
        let sectors = try indexes(Self.list(quadrant), radar.sectors, "quadrant")
        let rings = try indexes(Self.list(ring), radar.rings, "ring")
        let names = Self.list(only)
        for n in names where !radar.blips.contains(where: { $0.name.lowercased() == n.lowercased() || $0.id == n.lowercased() }) {
            let close = Suggestions.closest(to: n, in: radar.blips.map(\.name), limit: 3)
            throw ValidationError("unknown blip '\(n)'\(close.isEmpty ? "" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: ", "))?")")
        }
        var spec = radar
        spec.blips = radar.blips.filter { b in
            let named = names.contains { $0.lowercased() == b.name.lowercased() || $0.lowercased() == b.id }
            let matches = (sectors.isEmpty || sectors.contains(b.sector)) && (rings.isEmpty || rings.contains(b.ring))
            return names.isEmpty ? matches : named || ((!sectors.isEmpty || !rings.isEmpty) && matches)
        }
        let named = AdHocFigureName(parts: [
            (nil, sectors.sorted().map { radar.sectors[$0] }),
            (nil, rings.sorted().map { radar.rings[$0] }),
            ("only", radar.blips.filter { b in names.contains { $0.lowercased() == b.name.lowercased() || $0.lowercased() == b.id } }.map(\.id)),
        ], title: title)
        let name = self.name ?? named.name(prefix: prefix)
        var figure = Figure(id: name, kind: .radar, title: title)
        figure.radar = spec
        return figure
    }

    /// `name`, or `name-adhoc` when one of the data file's own figures already writes `name`:
    /// an ad-hoc figure never replaces a listed one.
    static func unclaimed(_ name: String, by landscape: Landscape) -> String {
        let taken = Set(landscape.effectiveFigures.map(\.fileName))
        var out = name
        while taken.contains(out) { out += "-adhoc" }
        return out
    }
}
