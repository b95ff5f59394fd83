extension String {
    /// Without white space (line breaks included) at either end, for cells and labels as typed.
    /// Works on scalars and returns `self` untouched in the common case: CSV files have a
    /// hundred thousand cells.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
