extension String {
    /// Without white space (line breaks included) at either end, for cells and labels as typed.
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
