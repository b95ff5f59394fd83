import Foundation

/// A small reader of mlscape's SVG output for tests: the geometry of every `tool.X.*` path,
/// so properties a reader sees are checked on the file itself, not on the layout's own records.
/// It relies only on what the SVG shows: ids, and absolute path data (M, L, C, Z).
struct SVGToolGeometry {
    struct Box: Equatable {
        var minX, minY, maxX, maxY: Double
        var center: (x: Double, y: Double) { ((minX + maxX) / 2, (minY + maxY) / 2) }
        func union(_ o: Box) -> Box { Box(minX: min(minX, o.minX), minY: min(minY, o.minY), maxX: max(maxX, o.maxX), maxY: max(maxY, o.maxY)) }
        func intersects(_ o: Box) -> Bool { minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY }
        /// Distance from a point to the box (0 inside).
        func distance(to p: (x: Double, y: Double)) -> Double {
            let dx = max(minX - p.x, 0, p.x - maxX), dy = max(minY - p.y, 0, p.y - maxY)
            return (dx * dx + dy * dy).squareRoot()
        }
    }

    struct Tool {
        var marker: Box?
        /// The name and subtitle's glyph outlines together.
        var label: Box?
        var leader: [(x: Double, y: Double)] = []
        /// Named by a numbered callout (DESIGN.md's `tool.X.callout`) instead of beside its marker.
        var hasCallout = false
    }

    var tools: [String: Tool] = [:]
    /// Every element id, in file order (to check they are unique).
    var ids: [String] = []

    init(svg: String) {
        for element in svg.components(separatedBy: "<").dropFirst() {
            guard let id = Self.attribute("id", in: element) else { continue }
            ids.append(id)
            guard element.hasPrefix("path "), id.hasPrefix("tool."), let d = Self.attribute("d", in: element) else { continue }
            let parts = id.dropFirst(5).split(separator: ".")
            guard parts.count == 2 else { continue }
            let owner = String(parts[0]), role = parts[1]
            let points = Self.points(d)
            guard let box = Self.bounds(points) else { continue }
            var tool = tools[owner] ?? Tool()
            switch role {
            case "marker": tool.marker = tool.marker.map { $0.union(box) } ?? box
            case "name", "subtitle": tool.label = tool.label.map { $0.union(box) } ?? box
            case "leader": tool.leader = points
            case "callout": tool.hasCallout = true
            default: break
            }
            tools[owner] = tool
        }
    }

    static func attribute(_ name: String, in element: String) -> String? {
        guard let start = element.range(of: " \(name)=\"") else { return nil }
        let rest = element[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    /// The coordinate pairs of absolute path data (curve control points included).
    static func points(_ d: String) -> [(x: Double, y: Double)] {
        var numbers: [Double] = []
        var token = ""
        func flush() { if let v = Double(token) { numbers.append(v) }; token = "" }
        for c in d {
            if c.isNumber || c == "." || c == "-" || c == "e" {
                if c == "-" && !token.isEmpty { flush() }
                token.append(c)
            } else { flush() }
        }
        flush()
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }

    static func bounds(_ points: [(x: Double, y: Double)]) -> Box? {
        guard let first = points.first else { return nil }
        return points.dropFirst().reduce(Box(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)) {
            Box(minX: min($0.minX, $1.x), minY: min($0.minY, $1.y), maxX: max($0.maxX, $1.x), maxY: max($0.maxY, $1.y))
        }
    }
}
