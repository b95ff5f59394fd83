/// Tabs in a YAML file's indentation: YAML forbids them, and the parser's own words for it
/// ("found character that cannot start any token") do not say "tab".
enum TabIndent {
    /// The first tab in the leading whitespace of the lines up to `line` (1-based), searching
    /// from `line` backwards, as (line, column); nil when those lines indent with spaces.
    static func first(in text: String, near line: Int) -> (line: Int, column: Int)? {
        guard text.contains("\t") else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for n in stride(from: min(line, lines.count), through: max(1, line - 1), by: -1) {
            var column = 1
            for ch in lines[n - 1] {
                if ch == "\t" { return (n, column) }
                guard ch == " " else { break }
                column += 1
            }
        }
        return nil
    }
}
