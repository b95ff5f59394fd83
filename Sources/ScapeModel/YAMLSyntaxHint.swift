/// libyaml's words for a syntax error ("while parsing a block mapping did not find expected
/// key") made into a hint a person can act on, located where the construct began when that
/// is where the fix goes: a quote or a bracket never closed is reported where it opens, not
/// where the file ran out; a misplaced line gets "check the indentation of line N".
enum YAMLSyntaxHint {
    static func diagnostic(context: (text: String, line: Int, column: Int)?, problem: String,
                           line: Int, column: Int, file: String) -> Diagnostic {
        let words = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
        let atEnd = problem.contains("end of stream")
        if let context, context.text.contains("quoted scalar") {
            let why = atEnd ? "the file ends inside it" : "libyaml: \(problem) at line \(line)"
            return .error("malformed YAML: this quoted value is never closed (\(why)); end it with the same quote on this line",
                          at: SourceLocation(file: file, line: context.line, column: context.column))
        }
        if let context, context.text.contains("flow mapping") || context.text.contains("flow sequence") {
            let bracket = context.text.contains("flow mapping") ? ("{", "}") : ("[", "]")
            return .error("malformed YAML: the '\(bracket.0)' opened here is not closed where expected (\(words), at line \(line)); end it with '\(bracket.1)' on this line",
                          at: SourceLocation(file: file, line: context.line, column: context.column))
        }
        var hint = "check the indentation of line \(line)"
        if let context, context.line < line {
            hint += ": it must line up with the lines of the block that begins at line \(context.line)"
        } else if line > 1 {
            hint += " and of the line above it"
        }
        return .error("malformed YAML: \(words); \(hint)".trimmingCharacters(in: .whitespaces),
                      at: SourceLocation(file: file, line: line, column: column))
    }
}
