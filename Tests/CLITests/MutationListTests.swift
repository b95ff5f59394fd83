import Foundation
import Testing

/// The planted bugs of `scripts/mutations.txt` (`make mutate`) still apply: each one's text
/// is found exactly once in its file. A refactor that moves the text would otherwise leave a
/// mutation "broken", and the bug it stands for unguarded, until someone ran the whole list.
@Suite struct MutationListTests {
    struct Mutation { var name = "", file = "", find = "" }

    static func mutations() throws -> [Mutation] {
        let text = try String(contentsOf: CLI.root.appendingPathComponent("scripts/mutations.txt"), encoding: .utf8)
        var out: [Mutation] = []
        var current = Mutation()
        for line in text.components(separatedBy: "\n") + [""] {
            if line.hasPrefix("#") { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.name.isEmpty { out.append(current) }
                current = Mutation()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon], value = String(line[line.index(after: colon)...].dropFirst())
            switch key {
            case "name": current.name = value
            case "file": current.file = value
            case "find": current.find = value.replacingOccurrences(of: "\\n", with: "\n")
            default: break
            }
        }
        return out
    }

    @Test func everyPlantedBugStillAppliesToItsFile() throws {
        let list = try Self.mutations()
        #expect(list.count > 40, "\(list.count) mutations read")
        for m in list {
            let source = try String(contentsOf: CLI.root.appendingPathComponent(m.file), encoding: .utf8)
            let count = source.components(separatedBy: m.find).count - 1
            #expect(count == 1, "\(m.name): its text is found \(count) times in \(m.file)")
        }
    }
}
