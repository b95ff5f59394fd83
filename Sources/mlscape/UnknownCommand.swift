import Foundation
import ScapeModel

/// A first argument that is neither a command nor a file: a mistyped command (`mlscape lsit`,
/// `mlscape rendr x.yaml`) is named as one, not read as a missing data file or an extra
/// argument. A word with a dot or a slash is taken for a file, whose absence `render` reports.
enum UnknownCommand {
    /// The message for `arguments` (without the program name), or nil when they are fine.
    static func message(for arguments: [String], commands: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first),
              !first.contains("."), !first.contains("/"), !first.isEmpty,
              !FileManager.default.fileExists(atPath: first) else { return nil }
        if let close = Suggestions.closest(to: first, in: commands) {
            return "unknown command '\(first)' (did you mean '\(close)'?)"
        }
        return "unknown command '\(first)'; the commands are \(commands.joined(separator: ", ")), or name a data file (with its extension) to render it"
    }
}
