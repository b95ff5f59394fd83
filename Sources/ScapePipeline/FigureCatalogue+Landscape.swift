import ScapeModel
import ScapeRender

extension FigureCatalogue {
    /// The catalogue of one figure of a landscape: every tool (a page ignores those the figure
    /// does not draw), with its quadrant from its position and its ring from the first of its
    /// categories that has one (as the adoption bands read it); plus a radar's own blips.
    public init(landscape: Landscape, figure: Figure) {
        let quadrantIDs = Set(landscape.quadrants.map(\.id))
        // Figures that draw no tool explain none (and do not change when a tool's text does).
        let drawsTools = ![.banner, .lifecycle, .setup, .quadrants].contains(figure.kind)
        let tools = (drawsTools ? landscape.tools : []).map { t -> FigureCatalogue.Tool in
            let ring = t.categories.lazy.compactMap { landscape.category(id: $0)?.ring }.first
            return FigureCatalogue.Tool(
                keys: [Self.svgID("tool/\(t.id)"), Self.svgID("blip/\(ScapeModel.Tool.makeID(name: t.name, subtitle: nil))")],
                name: t.name, subtitle: t.subtitle, categories: t.categories,
                quadrant: landscape.quadrant(at: t.x, t.y)?.id, ring: ring, url: t.url, description: t.description)
        }
        var blips: [FigureCatalogue.Tool] = []
        var quadrants = landscape.quadrants.map { FigureCatalogue.Quadrant(id: $0.id, title: $0.title) }
        var rings = landscape.rings
        if let radar = figure.radar, !radar.blips.isEmpty {
            // A Thoughtworks radar's sectors act as its quadrants.
            for name in radar.sectors where !quadrantIDs.contains(name) {
                quadrants.append(FigureCatalogue.Quadrant(id: name, title: name))
            }
            rings = radar.rings
            blips = radar.blips.map { b in
                FigureCatalogue.Tool(keys: [Self.svgID("blip/\(ScapeModel.Tool.makeID(name: b.name, subtitle: nil))")], name: b.name,
                                     quadrant: radar.sectors.indices.contains(b.sector) ? radar.sectors[b.sector] : nil,
                                     ring: radar.rings.indices.contains(b.ring) ? radar.rings[b.ring] : nil, description: b.description)
            }
        }
        let name = figure.title ?? figure.id
        self.init(title: name == landscape.title ? name : "\(landscape.title): \(name)", tools: tools + blips,
                  categories: landscape.categories.map {
                      FigureCatalogue.Category(id: $0.id, name: $0.name, quadrant: $0.quadrant, ring: $0.ring, key: Self.svgID("region/\($0.id)"))
                  },
                  quadrants: quadrants, rings: rings)
    }
}
