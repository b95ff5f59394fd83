import ScapeGeometry
import ScapeModel
import ScapeScene

/// Stable pastel colours for categories: each category hashes to a palette slot, moving on to
/// the next free slot when a neighbour in its quadrant has it, so adding a category elsewhere
/// never recolours this one. A `color:` in the data wins.
public enum CategoryPalette {
    /// Blue, red, teal, purple, orange, green, pink: the blog's region colours.
    public static let pastels: [Color] = [
        Color(red: 0.45, green: 0.65, blue: 0.87), Color(red: 0.91, green: 0.47, blue: 0.47),
        Color(red: 0.40, green: 0.72, blue: 0.72), Color(red: 0.62, green: 0.55, blue: 0.87),
        Color(red: 0.95, green: 0.66, blue: 0.36), Color(red: 0.42, green: 0.76, blue: 0.55),
        Color(red: 0.88, green: 0.50, blue: 0.68),
    ]

    public static func colors(for landscape: Landscape) -> [String: Color] {
        var out: [String: Color] = [:]
        let groups = Dictionary(grouping: landscape.categories, by: { $0.quadrant ?? "" })
        for key in groups.keys.sorted() {
            var taken = Set<Int>()
            for category in groups[key]!.sorted(by: { $0.id < $1.id }) {
                if let hex = category.color, let c = Color(hex: hex) { out[category.id] = c; continue }
                var slot = Int(StableHash.fnv1a64(category.id) % UInt64(pastels.count))
                for _ in 0..<pastels.count where taken.contains(slot) { slot = (slot + 1) % pastels.count }
                taken.insert(slot)
                out[category.id] = pastels[slot]
            }
        }
        return out
    }
}
