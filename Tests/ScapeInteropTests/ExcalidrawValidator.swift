import Foundation

/// Checks an Excalidraw file against Excalidraw's own element types
/// (packages/element/src/types.ts) and what restore() expects (packages/excalidraw/data/restore.ts):
/// every field of every element with its type and range, fractional indexes in drawing order,
/// linear elements starting at [0, 0], arrowheads and bindings that point at real elements
/// which list the arrow back, and groups and links of the right shape. Returns every problem.
enum ExcalidrawValidator {
    static let types: Set<String> = ["rectangle", "diamond", "ellipse", "line", "arrow", "text", "freedraw", "image", "frame", "magicframe", "embeddable", "iframe", "selection"]
    static let fillStyles: Set<String> = ["hachure", "cross-hatch", "solid", "zigzag"]
    static let strokeStyles: Set<String> = ["solid", "dashed", "dotted"]
    static let arrowheads: Set<String> = ["arrow", "bar", "circle", "circle_outline", "triangle", "triangle_outline", "diamond", "diamond_outline",
                                          "cardinality_one", "cardinality_many", "cardinality_one_or_many", "cardinality_exactly_one",
                                          "cardinality_zero_or_one", "cardinality_zero_or_many",
                                          "dot", "crowfoot_one", "crowfoot_many", "crowfoot_one_or_many"]
    static let fontFamilies: Set<Int> = [1, 2, 3, 5, 6, 7, 8, 9, 10]
    static let bindable: Set<String> = ["rectangle", "diamond", "ellipse", "text", "image", "frame", "magicframe", "embeddable", "iframe"]
    static let base62 = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

    static func problems(in data: Data) -> [String] {
        guard let doc = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return ["not a JSON object"] }
        var out: [String] = []
        if doc["type"] as? String != "excalidraw" { out.append("type is not 'excalidraw'") }
        if doc["version"] as? Int != 2 { out.append("version is not 2") }
        if !(doc["appState"] is [String: Any]) { out.append("appState is not an object") }
        if !(doc["files"] is [String: Any]) { out.append("files is not an object") }
        guard let elements = doc["elements"] as? [[String: Any]] else { return out + ["elements is not a list of objects"] }
        var byID: [String: [String: Any]] = [:]
        for e in elements {
            guard let id = e["id"] as? String, !id.isEmpty else { out.append("an element without an id"); continue }
            if byID[id] != nil { out.append("\(id): id used twice") }
            byID[id] = e
        }
        var lastIndex: String?
        for e in elements {
            let id = e["id"] as? String ?? "?"
            func bad(_ what: String) { out.append("\(id): \(what)") }
            let type = e["type"] as? String ?? ""
            if !types.contains(type) { bad("unknown type '\(type)'") }
            for key in ["x", "y", "width", "height", "angle", "strokeWidth"] where !(number(e[key])?.isFinite ?? false) { bad("\(key) is not a finite number") }
            if (number(e["width"]) ?? -1) < 0 || (number(e["height"]) ?? -1) < 0 { bad("negative size") }
            for key in ["strokeColor", "backgroundColor"] where !(e[key] is String) { bad("\(key) is not a string") }
            if !fillStyles.contains(e["fillStyle"] as? String ?? "") { bad("fillStyle '\(e["fillStyle"] ?? "nil")'") }
            if !strokeStyles.contains(e["strokeStyle"] as? String ?? "") { bad("strokeStyle '\(e["strokeStyle"] ?? "nil")'") }
            if !(0...2).contains(e["roughness"] as? Int ?? -1) { bad("roughness is not 0, 1 or 2") }
            if !(0...100).contains(number(e["opacity"]) ?? -1) { bad("opacity is not 0...100") }
            for key in ["seed", "version", "versionNonce", "updated"] where !(e[key] is Int) { bad("\(key) is not an integer") }
            for key in ["isDeleted", "locked"] where !(e[key] is Bool) { bad("\(key) is not a boolean") }
            if !((e["groupIds"] as? [Any])?.allSatisfy { $0 is String } ?? false) { bad("groupIds is not a list of strings") }
            if !(e["frameId"] is NSNull || e["frameId"] is String) { bad("frameId is neither null nor a string") }
            if !(e["link"] is NSNull || e["link"] is String) { bad("link is neither null nor a string") }
            if !(e["roundness"] is NSNull || e["roundness"] is [String: Any]) { bad("roundness is neither null nor an object") }
            if let customData = e["customData"], !(customData is [String: Any]) { bad("customData is not an object") }
            // index: a fractional index, strictly increasing in drawing order.
            if let index = e["index"] as? String {
                if index.isEmpty || !index.allSatisfy(base62.contains) { bad("index '\(index)' is not a base-62 key") }
                if let last = lastIndex, !(last < index) { bad("index '\(index)' does not follow '\(last)'") }
                lastIndex = index
            } else if e["index"] != nil && !(e["index"] is NSNull) {
                bad("index is not a string")
            }
            // boundElements: null or [{id, type}] naming elements that point back.
            if let bound = e["boundElements"], !(bound is NSNull) {
                guard let list = bound as? [[String: Any]] else { bad("boundElements is not a list of objects"); continue }
                for b in list {
                    guard let bid = b["id"] as? String, let btype = b["type"] as? String, ["arrow", "text"].contains(btype) else { bad("a bound element without id or type arrow/text"); continue }
                    guard let other = byID[bid] else { bad("bound element '\(bid)' does not exist"); continue }
                    let pointsBack = [other["startBinding"], other["endBinding"]].contains { ($0 as? [String: Any])?["elementId"] as? String == id }
                        || other["containerId"] as? String == id
                    if !pointsBack { bad("bound element '\(bid)' does not point back") }
                }
            }
            switch type {
            case "text":
                for key in ["text", "originalText", "textAlign", "verticalAlign"] where !(e[key] is String) { bad("\(key) is not a string") }
                if !((number(e["fontSize"]) ?? 0) > 0) { bad("fontSize is not positive") }
                if !fontFamilies.contains(e["fontFamily"] as? Int ?? 0) { bad("fontFamily '\(e["fontFamily"] ?? "nil")' is not one of Excalidraw's") }
                if !["left", "center", "right"].contains(e["textAlign"] as? String ?? "") { bad("textAlign") }
                if !["top", "middle", "bottom"].contains(e["verticalAlign"] as? String ?? "") { bad("verticalAlign") }
                if !(e["containerId"] is NSNull || e["containerId"] is String) { bad("containerId") }
                if !((number(e["lineHeight"]) ?? 0) > 0) { bad("lineHeight is not positive") }
                if !(e["autoResize"] is Bool) { bad("autoResize is not a boolean") }
            case "line", "arrow":
                let points = (e["points"] as? [[Any]] ?? []).map { $0.compactMap(number) }
                if points.count < 2 || points.contains(where: { $0.count != 2 }) { bad("points is not a list of two or more [x, y]") }
                if points.first != [0, 0] { bad("the first point is not [0, 0]") }
                for key in ["startArrowhead", "endArrowhead"] {
                    if let head = e[key] as? String { if !arrowheads.contains(head) { bad("\(key) '\(head)'") } } else if !(e[key] is NSNull) { bad("\(key) is neither null nor a string") }
                }
                for key in ["startBinding", "endBinding"] {
                    guard let binding = e[key], !(binding is NSNull) else { continue }
                    guard type == "arrow", let b = binding as? [String: Any], let target = b["elementId"] as? String else { bad("\(key) is not {elementId, focus, gap}"); continue }
                    // Binding schema v2 (mode + fixedPoint), or the legacy focus + gap restore() migrates.
                    if let mode = b["mode"] {
                        if !["inside", "orbit", "skip"].contains(mode as? String ?? "") { bad("\(key) mode '\(mode)'") }
                        let fixed = (b["fixedPoint"] as? [Any] ?? []).compactMap(number)
                        if fixed.count != 2 || fixed.contains(where: { !(0...1).contains($0) }) { bad("\(key) fixedPoint is not two fractions 0...1") }
                    } else if number(b["focus"]) == nil || number(b["gap"]) == nil {
                        bad("\(key) has neither mode and fixedPoint nor focus and gap")
                    }
                    guard let other = byID[target] else { bad("\(key) names a missing element '\(target)'"); continue }
                    if !bindable.contains(other["type"] as? String ?? "") { bad("\(key) names '\(target)', which cannot be bound") }
                    let listed = (other["boundElements"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == id }
                    if !listed { bad("\(key) names '\(target)', which does not list the arrow in boundElements") }
                }
            default:
                break
            }
        }
        return out
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
