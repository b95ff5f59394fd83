/// A file's diagnostics, keeping the first `InputBounds.maxDiagnostics` and counting the rest,
/// so that a broken 60 MB file costs a hundred messages of memory, not millions.
public struct CappedDiagnostics: Sendable {
    public private(set) var kept: [Diagnostic] = []
    public private(set) var droppedErrors = 0
    public private(set) var droppedWarnings = 0
    public let limit: Int

    public init(limit: Int = InputBounds.maxDiagnostics) { self.limit = limit }

    /// Every diagnostic recorded, kept or not.
    public var count: Int { kept.count + droppedErrors + droppedWarnings }
    public var hasErrors: Bool { droppedErrors > 0 || kept.hasErrors }
    /// Every error recorded, kept or not: a caller compares it before and after a step.
    public var errorCount: Int { kept.errors.count + droppedErrors }

    public mutating func append(_ d: Diagnostic) {
        if kept.count < limit {
            kept.append(d)
        } else if d.severity == .error {
            droppedErrors += 1
        } else {
            droppedWarnings += 1
        }
    }

    public static func += (lhs: inout CappedDiagnostics, rhs: [Diagnostic]) {
        for d in rhs { lhs.append(d) }
    }

    /// The kept diagnostics, then one line for the rest: "and 6299900 more errors in this file".
    /// `sort` orders the kept ones (by location) before the summary.
    public func list(file: String, sort: ([Diagnostic]) -> [Diagnostic] = { $0 }) -> [Diagnostic] {
        Self.cap(sort(kept), droppedErrors: droppedErrors, droppedWarnings: droppedWarnings, file: file)
    }

    /// Caps an already built list the same way.
    public static func cap(_ diagnostics: [Diagnostic], file: String, limit: Int = InputBounds.maxDiagnostics) -> [Diagnostic] {
        guard diagnostics.count > limit, !(diagnostics.count == limit + 1 && isSummary(diagnostics[limit])) else { return diagnostics }
        let rest = diagnostics[limit...]
        let errors = rest.filter { $0.severity == .error }.count
        return cap(Array(diagnostics.prefix(limit)), droppedErrors: errors, droppedWarnings: rest.count - errors, file: file)
    }

    /// True for the "and N more" line this type adds, so capping twice changes nothing.
    static func isSummary(_ d: Diagnostic) -> Bool {
        d.message.hasPrefix("and ") && d.message.hasSuffix("only the first \(InputBounds.maxDiagnostics) are shown)")
    }

    private static func cap(_ kept: [Diagnostic], droppedErrors: Int, droppedWarnings: Int, file: String) -> [Diagnostic] {
        guard droppedErrors + droppedWarnings > 0 else { return kept }
        var parts: [String] = []
        if droppedErrors > 0 { parts.append("\(droppedErrors) more error\(droppedErrors == 1 ? "" : "s")") }
        if droppedWarnings > 0 { parts.append("\(droppedWarnings) more warning\(droppedWarnings == 1 ? "" : "s")") }
        let message = "and \(parts.joined(separator: " and ")) in this file (only the first \(InputBounds.maxDiagnostics) are shown)"
        let at = kept.last?.location ?? SourceLocation(file: file, line: 1, column: 1)
        return kept + [Diagnostic(droppedErrors > 0 ? .error : .warning, message, at: at)]
    }
}
