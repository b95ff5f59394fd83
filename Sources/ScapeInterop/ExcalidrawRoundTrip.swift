import Foundation
import ScapeModel
import Yams

/// Brings tools dragged in Excalidraw back into the data file they came from. Each exported
/// tool marker carries, in its `customData`, the centre it was drawn at; the markers that
/// are no longer there were dragged. The figure's scale comes from the markers themselves
/// (drawn centre against the data's x and y), so no layout is re-run. The data file's text is
/// patched in place: only the x and y numbers of moved tools change, every other byte stays.
public enum ExcalidrawRoundTrip {
    /// A tool the author dragged: its id and name, and its position before and after, in data units.
    public struct Move: Sendable, Equatable {
        public var id: String
        public var name: String
        public var from: (x: Double, y: Double)
        public var to: (x: Double, y: Double)

        public static func == (a: Move, b: Move) -> Bool {
            a.id == b.id && a.name == b.name && a.from == b.from && a.to == b.to
        }
    }

    public struct Result: Sendable {
        /// The data file's text with the moved tools' numbers replaced; nil on error.
        public var text: String?
        public var moves: [Move]
        /// Tools whose marker was deleted in the scene (ids and names); removed from the text
        /// only when asked (`removeDeleted`).
        public var deleted: [(id: String, name: String)] = []
        public var diagnostics: [Diagnostic]
    }

    /// Where a marker was drawn and where it is now, in figure units.
    struct Marker {
        var toolID: String
        var drawn: (x: Double, y: Double)
        var now: (x: Double, y: Double)
        /// Deleted in Excalidraw (it keeps deleted elements, marked `isDeleted`).
        var isDeleted = false
    }

    /// A marker closer than this to where it was drawn (figure units) has not moved.
    static let stillness = 0.5
    /// Decimals written for a moved tool's x and y (a figure unit is about 0.002 data units).
    static let decimals = 3

    /// `text` is the data file in any format mlscape reads and can write back positions into:
    /// YAML or JSON, CSV, or a Mermaid quadrantChart. `removeDeleted` drops the tools whose
    /// markers were deleted in the scene from the text (their lines), else they are only listed.
    public static func patch(scene: Data, sceneFile: String, data text: String, dataFile: String, removeDeleted: Bool = false) -> Result {
        var diagnostics: [Diagnostic] = []
        let sceneStart = SourceLocation(file: sceneFile, line: 1, column: 1)
        guard let doc = try? JSONSerialization.jsonObject(with: scene) as? [String: Any], doc["type"] as? String == "excalidraw",
              let elements = doc["elements"] as? [[String: Any]] else {
            return Result(text: nil, moves: [], diagnostics: [.error("this is not an Excalidraw scene (a JSON object with \"type\": \"excalidraw\" and elements)", at: sceneStart)])
        }
        let all = elements.compactMap(marker)
        let markers = all.filter { !$0.isDeleted }
        // Deleted: a marker Excalidraw kept with isDeleted, or one gone from the saved file
        // (Excalidraw saves no deleted element) that the scene's list of drawn tools names.
        let drawnTools = elements.lazy.filter { $0["isDeleted"] as? Bool != true }.compactMap { e -> [String]? in
            ((e["customData"] as? [String: Any])?["mlscape"] as? [String: Any])?["tools"] as? [String]
        }.first ?? []
        let deletedIDs = Set(all.filter(\.isDeleted).map(\.toolID) + drawnTools).subtracting(markers.map(\.toolID))
        guard !markers.isEmpty || !deletedIDs.isEmpty else {
            return Result(text: nil, moves: [], diagnostics: [.error("the scene has no tool markers exported by mlscape (render the map with --format excalidraw, edit it, then import it)", at: sceneStart)])
        }
        let loaded = DataFileLoader.load(text: text, file: dataFile)
        guard let landscape = loaded.landscape, !loaded.diagnostics.hasErrors else {
            return Result(text: nil, moves: [], diagnostics: loaded.diagnostics.errors)
        }
        let tools = Dictionary(landscape.tools.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var paired: [(Marker, Tool)] = []
        // Deleted markers still tell the scale: they remember where they were drawn.
        for m in markers + all.filter(\.isDeleted) {
            if let tool = tools[m.toolID] { paired.append((m, tool)) } else {
                diagnostics.append(.warning("the scene's tool '\(m.toolID)' is not in \(dataFile); left alone", at: sceneStart))
            }
        }
        guard let fx = fit(paired.map { ($0.1.x, $0.0.drawn.x) }), let fy = fit(paired.map { ($0.1.y, $0.0.drawn.y) }) else {
            return Result(text: nil, moves: [], diagnostics: diagnostics + [.error("the scene needs two tools at different x and y to tell its scale", at: sceneStart)])
        }
        var moves: [Move] = []
        for (m, tool) in paired where !m.isDeleted && hypot(m.now.x - m.drawn.x, m.now.y - m.drawn.y) > stillness {
            var x = round((m.now.x - fx.offset) / fx.scale), y = round((m.now.y - fy.offset) / fy.scale)
            guard x.isFinite && y.isFinite else {
                diagnostics.append(.warning("'\(tool.name)' has no readable position in the scene; left alone", at: sceneStart))
                continue
            }
            if abs(x) > 1 || abs(y) > 1 {
                diagnostics.append(.warning("'\(tool.name)' was dragged off the map; kept at its edge", at: sceneStart))
                x = max(-1, min(1, x))
                y = max(-1, min(1, y))
            }
            moves.append(Move(id: tool.id, name: tool.name, from: (tool.x, tool.y), to: (x, y)))
        }
        let deleted = landscape.tools.filter { deletedIDs.contains($0.id) }.map { (id: $0.id, name: $0.name) }
        guard let spans = ToolTextSpans(text: text, file: dataFile, landscape: landscape, diagnostics: &diagnostics) else {
            return Result(text: nil, moves: [], diagnostics: diagnostics)
        }
        var replacements: [(ToolTextSpans.Span, String)] = []
        for move in moves {
            guard let entry = spans.entries[move.id] else {
                diagnostics.append(.error("cannot find where '\(move.name)' is written in \(dataFile)", at: SourceLocation(file: dataFile, line: 1, column: 1)))
                return Result(text: nil, moves: [], diagnostics: diagnostics)
            }
            // A number the drag did not change keeps its spelling (`0.50` stays `0.50`).
            if abs(move.to.x - move.from.x) >= 0.5 / pow(10, Double(decimals)) { replacements.append((entry.x, spans.written(move.to.x))) }
            if abs(move.to.y - move.from.y) >= 0.5 / pow(10, Double(decimals)) { replacements.append((entry.y, spans.written(move.to.y))) }
        }
        let removed = removeDeleted ? deleted.compactMap { spans.entries[$0.id]?.lines } : []
        let patched = ToolTextSpans.apply(replacements, removing: removed, to: text)
        return Result(text: patched, moves: moves, deleted: deleted, diagnostics: diagnostics)
    }

    /// A marker written by `ExcalidrawElements`: its customData and its current box.
    static func marker(_ e: [String: Any]) -> Marker? {
        guard let custom = (e["customData"] as? [String: Any])?["mlscape"] as? [String: Any],
              let item = custom["item"] as? String, item.hasPrefix("tool/"),
              let cx = number(custom["cx"]), let cy = number(custom["cy"]),
              let x = number(e["x"]), let y = number(e["y"]), let w = number(e["width"]), let h = number(e["height"]) else { return nil }
        return Marker(toolID: String(item.dropFirst(5)), drawn: (cx, cy), now: (x + w / 2, y + h / 2), isDeleted: e["isDeleted"] as? Bool == true)
    }

    /// figure = offset + scale * data, by least squares over the tools; nil without two distinct values.
    static func fit(_ pairs: [(Double, Double)]) -> (offset: Double, scale: Double)? {
        let n = Double(pairs.count)
        guard n >= 2 else { return nil }
        let mx = pairs.map(\.0).reduce(0, +) / n, my = pairs.map(\.1).reduce(0, +) / n
        let sxx = pairs.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
        let sxy = pairs.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        guard sxx > 1e-9, abs(sxy / sxx) > 1e-9 else { return nil }
        let scale = sxy / sxx
        return (my - scale * mx, scale)
    }

    static func round(_ v: Double) -> Double {
        let f = pow(10, Double(decimals))
        return (v * f).rounded() / f
    }

    /// A data number as the fixtures write them: three decimals, `-0` as `0`.
    static func number(_ v: Double) -> String {
        let s = String(format: "%.\(decimals)f", v)
        return s == String(format: "-%.\(decimals)f", 0.0) ? String(format: "%.\(decimals)f", 0.0) : s
    }

    static func number(_ value: Any?) -> Double? {
        switch value {
        case let v as Int: return Double(v)
        case let v as Double: return v
        case let v as NSNumber: return v.doubleValue
        default: return nil
        }
    }
}
