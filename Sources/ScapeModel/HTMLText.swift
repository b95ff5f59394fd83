import Foundation

/// HTML fragments (radar descriptions) as plain text, for places that show no markup: SVG
/// titles, tooltips, terminal output.
public enum HTMLText {
    static let entities = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&nbsp;": " "]

    /// Inline tags vanish without a trace; the others (paragraphs, breaks, list items) part words.
    static let inline: Set<String> = ["a", "b", "i", "em", "strong", "u", "span", "code"]

    /// Tags removed (a break or block becomes a space), entities decoded, runs of white space as one.
    public static func plain(_ html: String) -> String {
        var out = ""
        var tag: String?
        for ch in html {
            if tag == nil && ch == "<" { tag = ""; continue }
            if let t = tag {
                if ch == ">" {
                    let name = t.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                    if !inline.contains(name) { out.append(" ") }
                    tag = nil
                } else {
                    tag = t + String(ch)
                }
                continue
            }
            out.append(ch)
        }
        for (entity, text) in entities.sorted(by: { $0.key < $1.key }) where entity != "&amp;" {
            out = out.replacingOccurrences(of: entity, with: text)
        }
        out = out.replacingOccurrences(of: "&amp;", with: "&")
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
