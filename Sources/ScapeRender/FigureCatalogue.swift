import ScapeScene

/// What an interactive figure knows about the things it draws, beyond their shapes: each
/// tool's card (name, subtitle, categories, ring, link, description) and the groups a reader
/// can filter by. The HTML page finds a tool's shapes by the SVG id prefix in `key`
/// (`tool.gcp-ai-platform`, then `tool.gcp-ai-platform.marker`, ...), so it does not depend
/// on how the layout nests a tool's marker, name and leader.
public struct FigureCatalogue: Sendable, Equatable {
    public struct Tool: Sendable, Equatable {
        /// SVG id prefixes of the tool's shapes: its map group, and its radar blip if any.
        public var keys: [String]
        public var name: String
        public var subtitle: String?
        /// Category ids.
        public var categories: [String]
        public var quadrant: String?
        public var ring: String?
        public var url: String?
        public var description: String?

        public init(keys: [String], name: String, subtitle: String? = nil, categories: [String] = [], quadrant: String? = nil,
                    ring: String? = nil, url: String? = nil, description: String? = nil) {
            self.keys = keys
            self.name = name
            self.subtitle = subtitle
            self.categories = categories
            self.quadrant = quadrant
            self.ring = ring
            self.url = url
            self.description = description
        }
    }

    public struct Category: Sendable, Equatable {
        public var id: String
        public var name: String
        public var quadrant: String?
        public var ring: String?
        /// SVG id of the category's region, when a figure draws one.
        public var key: String

        public init(id: String, name: String, quadrant: String? = nil, ring: String? = nil, key: String) {
            self.id = id
            self.name = name
            self.quadrant = quadrant
            self.ring = ring
            self.key = key
        }
    }

    public struct Quadrant: Sendable, Equatable {
        public var id: String
        public var title: String

        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    public var title: String
    public var tools: [Tool]
    public var categories: [Category]
    public var quadrants: [Quadrant]
    public var rings: [String]

    public init(title: String, tools: [Tool] = [], categories: [Category] = [], quadrants: [Quadrant] = [], rings: [String] = []) {
        self.title = title
        self.tools = tools
        self.categories = categories
        self.quadrants = quadrants
        self.rings = rings
    }

    /// The SVG id the SVG writer gives a scene id (`tool/gcp` -> `tool.gcp`).
    public static func svgID(_ sceneID: String) -> String {
        var fresh = Set<String>()
        return SVGWriter.uniqueID(sceneID, used: &fresh)
    }

    /// The catalogue as JSON (keys sorted, so the same catalogue gives the same bytes).
    public var json: String {
        func opt(_ s: String?) -> JSONText { s.map(JSONText.string) ?? .null }
        let tools = tools.map { t -> JSONText in
            .object(["keys": .array(t.keys.map(JSONText.string)), "name": .string(t.name), "subtitle": opt(t.subtitle),
                     "categories": .array(t.categories.map(JSONText.string)), "quadrant": opt(t.quadrant), "ring": opt(t.ring),
                     "url": opt(t.url), "description": opt(t.description)])
        }
        let categories = categories.map { c -> JSONText in
            .object(["id": .string(c.id), "name": .string(c.name), "quadrant": opt(c.quadrant), "ring": opt(c.ring), "key": .string(c.key)])
        }
        let quadrants = quadrants.map { q -> JSONText in .object(["id": .string(q.id), "title": .string(q.title)]) }
        return JSONText.object(["title": .string(title), "tools": .array(tools), "categories": .array(categories),
                                "quadrants": .array(quadrants), "rings": .array(rings.map(JSONText.string))]).serialized
    }
}
