import ArgumentParser
import ScapeModel

/// Names typed on the command line (`--category "Data Storage"`, `--quadrant proven-platforms`,
/// `--figure Tech_Radar`) turned into the data's ids: an id or a display name, in any case and
/// spacing, is enough; a miss names the closest known names. One rule for every option.
struct NameResolver {
    /// Something a name can pick: its id and the names it is shown by.
    struct Entry {
        var id: String
        var names: [String]
        /// What it is, for the message: "category", "quadrant", ...
        var kind: String
    }

    var entries: [Entry]

    /// Lower case, runs of white space (a title's line break too) as one space, no dashes or
    /// underscores: "Proven\nPlatforms", "proven-platforms" and "PROVEN_PLATFORMS" all match.
    static func key(_ s: String) -> String {
        let spaced = s.lowercased().map { $0 == "-" || $0 == "_" || $0.isWhitespace ? " " : $0 }
        return String(spaced).split(separator: " ").joined(separator: " ")
    }

    /// The entry `typed` names, or nil.
    func entry(_ typed: String) -> Entry? {
        let k = Self.key(typed)
        return entries.first { $0.id == typed } ?? entries.first { e in ([e.id] + e.names).contains { Self.key($0) == k } }
    }

    /// The id `typed` names; a miss fails with the closest names (`what`: "category", ...).
    func id(_ typed: String, what: String) throws -> String {
        if let e = entry(typed) { return e.id }
        throw ValidationError(Self.unknown(typed, what: what, among: entries))
    }

    /// "unknown category 'x'; did you mean 'y'?" from the ids and display names.
    static func unknown(_ typed: String, what: String, among entries: [Entry]) -> String {
        var known: [String] = []
        for e in entries { for n in [e.id] + e.names.map({ $0.split(whereSeparator: \.isNewline).joined(separator: " ") }) where !known.contains(n) { known.append(n) } }
        let close = Suggestions.closest(to: typed, in: known, limit: 3)
        return "unknown \(what) '\(typed)'" + (close.isEmpty ? "" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: ", "))?")
    }

    static func tools(of l: Landscape) -> NameResolver {
        NameResolver(entries: l.tools.map { t in Entry(id: t.id, names: [t.name] + (t.subtitle.map { ["\(t.name) \($0)"] } ?? []), kind: "tool") })
    }

    static func categories(of l: Landscape) -> NameResolver {
        NameResolver(entries: l.categories.map { Entry(id: $0.id, names: [$0.name], kind: "category") })
    }

    static func quadrants(of l: Landscape) -> NameResolver {
        NameResolver(entries: l.quadrants.map { Entry(id: $0.id, names: [$0.title], kind: "quadrant") })
    }

    static func rings(of l: Landscape) -> NameResolver {
        NameResolver(entries: l.rings.map { Entry(id: $0, names: [], kind: "ring") })
    }

    static func figures(_ figures: [Figure]) -> NameResolver {
        NameResolver(entries: figures.map { Entry(id: $0.id, names: [$0.fileName] + ($0.title.map { [$0] } ?? []), kind: "figure") })
    }
}
