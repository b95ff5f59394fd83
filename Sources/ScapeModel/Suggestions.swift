/// "Did you mean ...?" for names typed by hand: edit distance, case-insensitive.
public enum Suggestions {
    /// The known names closest to `name`, best first; only those within a third of its length.
    public static func closest(to name: String, in candidates: [String], limit: Int = 1) -> [String] {
        let target = Array(name.lowercased())
        let budget = max(2, target.count / 3)
        let scored = candidates.map { ($0, distance(target, Array($0.lowercased()))) }
            .filter { $0.1 <= budget || $0.0.lowercased().hasPrefix(name.lowercased()) && !name.isEmpty }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return Array(scored.prefix(limit).map(\.0))
    }

    public static func closest(to name: String, in candidates: [String]) -> String? {
        closest(to: name, in: candidates, limit: 1).first
    }

    /// Edit distance where swapping two neighbouring letters is one edit, as typing slips go
    /// ("lsit" is one from "list", two from "init"): optimal string alignment.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
