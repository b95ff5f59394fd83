import Foundation
import Testing

/// The README's pictures in docs/ are what the binary draws now: each is drawn again from
/// the command that made it and must be the same bytes. When a change to the drawing is
/// meant, regenerate them with MLSCAPE_RECORD_DOCS=1 (the test then writes docs/).
@Suite struct DocsImagesTests {
    /// docs/ file -> the command (run from the repository's top folder) that draws it, without -o.
    static let images: [(file: String, command: [String])] = [
        ("ml-landscape-all.png", ["render", "--figure", "ml-landscape-all"]),
        ("ml-landscape-ml-platforms.png", ["render", "--figure", "ml-landscape-ml-platforms"]),
        ("ml-lifecycle.png", ["render", "--figure", "ml-lifecycle"]),
        ("world.png", ["render", "fixtures/examples/world.yaml"]),
        ("dense-clustered.png", ["render", "fixtures/examples/clustered.csv"]),
        ("dense-corner.png", ["render", "fixtures/examples/corner-120.csv"]),
        ("diff.png", ["diff", "fixtures/mlops-landscape.yaml", "fixtures/examples/mlops-landscape-next.yaml"]),
    ]

    @Test func everyDocsImageIsListedHere() throws {
        let docs = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("docs").path).filter { $0.hasSuffix(".png") }
        #expect(Set(docs) == Set(Self.images.map(\.file)), "a docs/ image without a command here, or one gone")
    }

    @Test(arguments: images.map(\.file))
    func theDocsImageIsWhatTheBinaryDraws(file: String) throws {
        let command = Self.images.first { $0.file == file }!.command
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let record = ProcessInfo.processInfo.environment["MLSCAPE_RECORD_DOCS"] == "1"
        let docs = CLI.root.appendingPathComponent("docs/\(file)")
        let target = record ? docs : dir.appendingPathComponent(file)
        let r = try CLI.run(command + ["-o", target.path, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        guard !record else { return }
        let drawn = try Data(contentsOf: target), kept = try Data(contentsOf: docs)
        // Compared as one Bool: a failing #expect on two Data values diffs megabytes of PNG.
        let same = drawn == kept
        #expect(same, "docs/\(file) has drifted from what the binary draws; if the change is meant: mlscape \(command.joined(separator: " ")) -o docs/\(file) (or MLSCAPE_RECORD_DOCS=1 swift test --filter DocsImagesTests)")
    }
}
