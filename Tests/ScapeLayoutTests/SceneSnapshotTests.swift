import Foundation
import Testing
@testable import ScapeLayout
import ScapeModel
import ScapeScene

/// Scene text snapshots: the stable dump of a figure's scene, compared line by line.
/// Record with MLSCAPE_RECORD_SNAPSHOTS=1 (the recording run fails on purpose, so a
/// re-record is always a deliberate, reviewed change).
@Suite struct SceneSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    func assertSnapshot(_ text: String, named name: String) throws {
        let file = Self.directory.appendingPathComponent("\(name).txt")
        let record = ProcessInfo.processInfo.environment["MLSCAPE_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(file.path); run the tests again without MLSCAPE_RECORD_SNAPSHOTS")
            return
        }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let i = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("snapshot \(name) differs at line \(i + 1):\n- \(a[i])\n+ \(b[i])")
        } else if a.count != b.count {
            Issue.record("snapshot \(name) has \(b.count) lines, expected \(a.count)")
        }
    }

    @Test func quadrantsFigure() throws {
        let landscape = try LandscapeLoader.loadDefault().get()
        let laid = FigureLayout(theme: .clean, measurer: FixedTextMeasurer()).layout(landscape.figure(id: "ml-landscape-quads")!, of: landscape)
        try assertSnapshot(SceneDump.dump(laid.scene), named: "ml-landscape-quads")
    }
}
