import Foundation
import Testing
import ScapeInterop
import ScapeModel

/// The limits on what a data file may ask, at their edges, in every input format that has them.
@Suite struct LimitTests {
    func file(_ name: String, _ text: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlscape-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func errors(_ url: URL) -> [String] {
        DataFileLoader.load(contentsOf: url).diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    /// A name in each format, holding `length` characters (of two bytes each in UTF-8 when
    /// `letter` is "é": the limit counts characters, not bytes).
    static func documents(length: Int, letter: Character = "n") -> [(String, String)] {
        let name = String(repeating: letter, count: length)
        return [
            ("yaml", "tools:\n  - { name: \(name), x: 0.1, y: 0.1 }\n"),
            ("csv", "name,x,y\n\(name),0.1,0.1\n"),
            ("mmd", "quadrantChart\n    \(name): [0.3, 0.6]\n"),
        ]
    }

    @Test func aNameOfExactlyTheLongestLengthIsAcceptedInEveryFormat() throws {
        for letter: Character in ["n", "é"] {
            for (ext, text) in Self.documents(length: InputBounds.label.maxCharacters, letter: letter) {
                let url = try file("at-limit.\(ext)", text)
                defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
                #expect(errors(url).isEmpty, "\(ext), '\(letter)': \(errors(url))")
            }
        }
    }

    @Test func oneCharacterMoreIsALocatedErrorInEveryFormat() throws {
        for letter: Character in ["n", "é"] {
            for (ext, text) in Self.documents(length: InputBounds.label.maxCharacters + 1, letter: letter) {
                let url = try file("over-limit.\(ext)", text)
                defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
                let found = errors(url)
                #expect(found.count == 1 && found[0].hasPrefix(url.path + ":2:") && found[0].contains("at most \(InputBounds.label.maxCharacters)"), "\(ext), '\(letter)': \(found)")
            }
        }
    }

    @Test func aFileOverTheSizeLimitIsRefusedForItsSize() throws {
        let url = try file("huge.yaml", "")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        // A sparse file: its size is what counts, and it is refused before being parsed.
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(DocumentLimits.maxBytes + 1))
        try handle.close()
        let found = errors(url)
        #expect(found == ["\(url.path):1:1: error: the file is 64 MB; data files are read up to 64 MB"], "\(found)")
    }

    /// Six levels of ten aliases each: about 1.1 million values once expanded, in a few lines.
    static func aliases(levels: Int) -> String {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for k in 1..<levels { text += "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n" }
        return text + "tools: []\n"
    }

    @Test func aliasesExpandingPastTheLimitAreRefusedAndBelowItAreNot() throws {
        let over = try file("over.yaml", Self.aliases(levels: 6))
        let under = try file("under.yaml", Self.aliases(levels: 5))
        defer { try? FileManager.default.removeItem(at: over.deletingLastPathComponent()); try? FileManager.default.removeItem(at: under.deletingLastPathComponent()) }
        let message = "expands to more than \(DocumentLimits.maxValues) values through YAML aliases"
        #expect(errors(over).contains { $0.contains(message) }, "\(errors(over))")
        #expect(!errors(under).contains { $0.contains(message) }, "\(errors(under))")
    }
}
