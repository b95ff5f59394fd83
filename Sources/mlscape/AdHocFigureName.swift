import ScapeGeometry
import ScapeModel

/// The file name of an ad-hoc figure without `--name`: the data file's name (`custom` for the
/// built-in data) and what was asked, e.g. `landscape-ml-platforms-assess` for `--quadrant
/// "ML Platforms" --ring assess`. Two different requests get two files, instead of each
/// replacing the last one's `NAME-custom`; the same request, however spelt (names or ids, any
/// case or order), gets the same file, since every part is the data's ids in the data's order.
struct AdHocFigureName {
    /// The parts in the order they appear in the name; an empty part is left out.
    var parts: [(label: String?, ids: [String])] = []
    var title: String?

    /// Names longer than this are cut and end in a hash of the whole, so that a long `--only`
    /// list still makes a file name a person can read and a file system takes.
    static let readableLength = 80

    /// `prefix` followed by each part's label and ids and the title, as one plain slug.
    func name(prefix: String) -> String {
        var words = [prefix]
        for part in parts where !part.ids.isEmpty {
            if let label = part.label { words.append(label) }
            words += part.ids.map { Tool.makeID(name: $0, subtitle: nil) }
        }
        if let title, !title.trimmingCharacters(in: .whitespaces).isEmpty { words.append(Tool.makeID(name: title, subtitle: nil)) }
        let full = words.joined(separator: "-")
        guard full.count > Self.readableLength else { return full }
        // Cut at a dash so no word is split, then the hash tells two long requests apart.
        let head = full.prefix(Self.readableLength - 9)
        let cut = head.lastIndex(of: "-").map { head[..<$0] } ?? head
        let hash = String(StableHash.fnv1a64(full) & 0xffff_ffff, radix: 16)
        return "\(cut)-\(String(repeating: "0", count: 8 - hash.count))\(hash)"
    }

    /// `ids` in the order `all` lists them (the data's order), each once.
    static func inDataOrder(_ ids: [String], _ all: [String]) -> [String] {
        all.filter { ids.contains($0) }
    }
}
