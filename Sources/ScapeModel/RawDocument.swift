/// The data file as written, before validation: every section decoded leniently so that one
/// broken tool does not hide the problems of the next. Enumerations stay strings here;
/// the validator turns them into typed values with messages that list the choices.
struct RawDocument: Decodable {
    var title: String?
    var style: String?
    var theme: RawTheme?
    var axes: RawAxes?
    var rings: [String]?
    var quadrants: [(index: Int, value: RawQuadrant)] = []
    var categories: [(index: Int, value: RawCategory)] = []
    var tools: [(index: Int, value: RawTool)] = []
    var figures: [(index: Int, value: RawFigure)] = []
    var hasTools = false
    /// Decoding problems of individual fields and items, each with its full coding path.
    var problems: [DecodingError] = []

    enum Key: String, CodingKey, CaseIterable {
        case title, style, theme, axes, rings, quadrants, categories, tools, figures
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        title = field(c, .title)
        style = field(c, .style)
        theme = field(c, .theme)
        axes = field(c, .axes)
        rings = field(c, .rings)
        quadrants = list(c, .quadrants)
        categories = list(c, .categories)
        tools = list(c, .tools)
        hasTools = c.contains(.tools)
        figures = list(c, .figures)
    }

    private mutating func field<T: Decodable>(_ c: KeyedDecodingContainer<Key>, _ key: Key) -> T? {
        guard c.contains(key) else { return nil }
        do {
            let wrapped = try c.decode(Lenient<T>.self, forKey: key)
            if let e = wrapped.error { problems.append(e) }
            return wrapped.value
        } catch let e as DecodingError {
            problems.append(e)
            return nil
        } catch {
            return nil
        }
    }

    private mutating func list<T: Decodable>(_ c: KeyedDecodingContainer<Key>, _ key: Key) -> [(index: Int, value: T)] {
        guard let items: [Lenient<T>] = field(c, key) else { return [] }
        var out: [(Int, T)] = []
        for (i, item) in items.enumerated() {
            if let e = item.error { problems.append(e) }
            if let v = item.value { out.append((i, v)) }
        }
        return out
    }
}

/// Decodes a value but keeps the error instead of throwing it.
struct Lenient<T: Decodable>: Decodable {
    var value: T?
    var error: DecodingError?

    init(from decoder: any Decoder) {
        do {
            value = try T(from: decoder)
        } catch let e as DecodingError {
            error = e
        } catch {
            self.error = .dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }
}

struct RawAxes: Decodable {
    var x: RawAxis?
    var y: RawAxis?
    static let keys: Set<String> = ["x", "y"]
}

struct RawAxis: Decodable {
    var name: String?
    var negative: String?
    var positive: String?
    static let keys: Set<String> = ["name", "negative", "positive"]
}

struct RawQuadrant: Decodable {
    var id: String
    var title: String?
    var x: String
    var y: String
    static let keys: Set<String> = ["id", "title", "x", "y"]
}

struct RawCategory: Decodable {
    var id: String
    var name: String?
    var quadrant: String?
    var ring: String?
    var color: String?
    static let keys: Set<String> = ["id", "name", "quadrant", "ring", "color"]
}

struct RawTool: Decodable {
    var id: String?
    var name: String
    var subtitle: String?
    @QuotedNumber var x: Double
    @QuotedNumber var y: Double
    var categories: [String]?
    var url: String?
    var style: RawToolStyle?
    /// The id (or name) this tool had in the previous edition, for `mlscape diff`.
    var was: String?
    var description: String?
    static let keys: Set<String> = ["id", "name", "subtitle", "x", "y", "categories", "url", "style", "was", "description"]
}

struct RawToolStyle: Decodable {
    var radius: Double?
    var color: String?
    var strokeColor: String?
    var strokeWidth: Double?

    enum CodingKeys: String, CodingKey {
        case radius, color
        case strokeColor = "stroke-color", strokeWidth = "stroke-width"
    }
}

struct RawFigure: Decodable {
    var id: String
    var file: String?
    var kind: String
    var title: String?
    var only: RawSelection?
    var highlight: RawSelection?
    var arrows: [RawArrow]?
    var regions: Bool?
    /// The key to the regions' colours (default: on wherever regions are drawn).
    var key: Bool?
    var quadrant: String?
    var axes: RawAxes?
    var note: String?
    var pictograms: RawPictograms?
    var glyphs: [RawGlyph]?
    var boxes: [RawBox]?
    var step: Int?
    var spec: String?
    var quarter: Bool?
    var bands: [Double]?
    var offBand: [String]?
    var blipLabels: String?
    var fit: Double?
    static let keys: Set<String> = ["id", "file", "kind", "title", "only", "highlight", "arrows", "regions", "key", "quadrant", "axes",
                                    "note", "pictograms", "glyphs", "boxes", "step", "spec", "quarter", "bands", "off-band", "blip-labels", "fit"]

    enum CodingKeys: String, CodingKey {
        case id, file, kind, title, only, highlight, arrows, regions, key, quadrant, axes, note, pictograms, glyphs, boxes, step, spec, quarter, bands, fit
        case blipLabels = "blip-labels"
        case offBand = "off-band"
    }
}

struct RawSelection: Decodable {
    var tools: [String]?
    var categories: [String]?
    var quadrants: [String]?
    var rings: [String]?
}

struct RawArrow: Decodable {
    var through: [[Double]]
    var color: String?
    var curve: String?
}

struct RawPictograms: Decodable {
    var negative: String?
    var positive: String?
}

struct RawGlyph: Decodable {
    var quadrant: String
    var bold: String?
}

struct RawBox: Decodable {
    var text: String
    var glyph: String?
}

struct RawTheme: Decodable {
    var name: String?
    var font: String?
    var ink: String?
    var background: String?
    var greyed: String?
    var quadrantTitle: String?
    var toolSize: Double?
    var subtitleSize: Double?
    var axisSize: Double?
    var titleSize: Double?
    var markerRadius: Double?
    var fill: String?
    var hatchAngle: Double?
    var hatchGap: Double?
    var hatchWeight: Double?
    var strokeScale: Double?
    var quadrantFills: [String: String]?
    var quadrantTitleColors: [String: String]?
    var axisColor: String?
    var frameColor: String?
    var xLabelColor: String?
    var yLabelColor: String?
    var xLabels: String?
    var yLabels: String?
    var aspect: Double?
    var quadrantTitles: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, font, ink, background, greyed, fill
        case quadrantTitle = "quadrant-title", toolSize = "tool-size", subtitleSize = "subtitle-size"
        case axisSize = "axis-size", titleSize = "title-size", markerRadius = "marker-radius"
        case hatchAngle = "hatch-angle", hatchGap = "hatch-gap", hatchWeight = "hatch-weight", strokeScale = "stroke-scale"
        case quadrantFills = "quadrant-fills", quadrantTitleColors = "quadrant-title-colors", axisColor = "axis-color", frameColor = "frame-color"
        case xLabelColor = "x-label-color", yLabelColor = "y-label-color"
        case xLabels = "x-labels", yLabels = "y-labels", aspect, quadrantTitles = "quadrant-titles"
    }

    static let keys = Set(CodingKeys.allCases.map(\.rawValue))
}
