import Foundation
import ScapeModel
import ScapePipeline
@testable import ScapeServe
import Testing

/// The live preview's bookkeeping read from outside: what it names as changed is exactly what
/// a fresh render shows to differ, a bad save keeps the last good figures, and the watcher
/// sees the saves editors make.
@Suite struct LiveFigureSetTests {
    /// A folder with a copy of the blog's landscape and its lifecycle spec.
    func folder() throws -> (dir: URL, data: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mlscape-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let data = dir.appendingPathComponent("landscape.yaml")
        try Data(LandscapeLoader.defaultText.utf8).write(to: data)
        try Data(LifecycleLoader.defaultText.utf8).write(to: dir.appendingPathComponent(LifecycleLoader.defaultFileName))
        return (dir, data)
    }

    static let gcp = "  - { name: GCP, subtitle: AI Platform, x: -0.427, y: 0.834"

    func edit(_ url: URL, _ from: String, _ to: String) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(from), "the fixture lacks '\(from)'")
        try Data(text.replacingOccurrences(of: from, with: to).utf8).write(to: url)
    }

    @Test func theChangedFiguresAreExactlyThoseWhoseBytesDiffer() throws {
        let (dir, data) = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let live = LiveFigureSet(dataFile: data, settings: RenderSettings(formats: ["svg"]))
        guard case .changed(let first) = live.reload() else { Issue.record("the blog's file should load"); return }
        #expect(first == live.snapshot.order)
        #expect(live.watchedFiles.map(\.lastPathComponent) == ["landscape.yaml", "lifecycle.yaml"])
        let before = live.snapshot.figures

        try edit(data, Self.gcp, "  - { name: GCP, subtitle: AI Platform, x: -0.327, y: 0.834")
        guard case .changed(let changed) = live.reload() else { Issue.record("the edit should load"); return }
        // A fresh render of the edited file, with nothing reused, is the truth.
        let fresh = LiveFigureSet(dataFile: data, settings: RenderSettings(formats: ["svg"]))
        _ = fresh.reload()
        for id in live.snapshot.order {
            let now = live.snapshot.figures[id]!.svg
            #expect(now == fresh.snapshot.figures[id]!.svg, "\(id): the incremental render differs from a fresh one")
            #expect((now != before[id]!.svg) == changed.contains(id), "\(id): named \(changed.contains(id)), bytes differ \(now != before[id]!.svg)")
        }
        #expect(changed.contains("ml-landscape-all"))
        #expect(!changed.contains("banner-00") && !changed.contains("ml-lifecycle"))

        // A new description changes no drawing, but the cards of the figures that draw the tool.
        try edit(data, "x: -0.327, y: 0.834, categories: [vendor-ai-platform] }", "x: -0.327, y: 0.834, categories: [vendor-ai-platform], description: Managed ML }")
        guard case .changed(let described) = live.reload() else { Issue.record("the description should load"); return }
        #expect(described.contains("ml-landscape-all"))
        #expect(!described.contains("banner-00") && !described.contains("ml-landscape-setup"))
        #expect(live.snapshot.figures["ml-landscape-all"]!.catalogue.tools.contains { $0.description == "Managed ML" })
    }

    @Test func aBadSaveKeepsTheLastGoodFiguresAndShowsTheLocatedLine() throws {
        let (dir, data) = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let live = LiveFigureSet(dataFile: data, settings: RenderSettings(formats: ["svg"]))
        _ = live.reload()
        let good = live.snapshot
        try edit(data, Self.gcp, "  - { name: GCP, subtitle: AI Platform, x: left, y: 0.834")
        #expect(live.reload() == .failed)
        #expect(live.snapshot.version == good.version)
        #expect(live.snapshot.order.allSatisfy { live.snapshot.figures[$0]?.svg == good.figures[$0]?.svg })
        let lines = try #require(live.snapshot.errors.first).split(separator: "\n", omittingEmptySubsequences: false)
        let lineNumber = LandscapeLoader.defaultText.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix(Self.gcp) }! + 1
        let column = "  - { name: GCP, subtitle: AI Platform, x: ".count + 1
        #expect(lines[0].hasPrefix("\(data.path):\(lineNumber):\(column): error:"))
        #expect(lines[1] == "\(lineNumber) |   - { name: GCP, subtitle: AI Platform, x: left, y: 0.834, categories: [vendor-ai-platform] }")
        // The caret sits under the column.
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let start = "\(lineNumber) | ".count
        #expect(caret == start + column - 1)
        // The next good save clears the errors.
        try edit(data, "x: left", "x: -0.427")
        guard case .changed = live.reload() else { Issue.record("the fixed file should load"); return }
        #expect(live.snapshot.errors.isEmpty)
    }

    @Test func theWatcherSeesARenameOverTheFile() throws {
        let (dir, data) = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let seen = DispatchSemaphore(value: 0)
        let watcher = try FileWatcher { paths, _ in
            if paths.contains(data.standardizedFileURL.path) { seen.signal() }
        }
        watcher.watch([data])
        watcher.start()
        defer { watcher.stop() }
        let temporary = dir.appendingPathComponent(".landscape.yaml.swp")
        try Data("title: renamed over\n".utf8).write(to: temporary)
        #expect(rename(temporary.path, data.path) == 0)
        #expect(seen.wait(timeout: .now() + 5) == .success, "no event for a rename over the watched file")
        // A second save after the rename (the new inode) is seen too.
        try Data("title: written again\n".utf8).write(to: data)
        #expect(seen.wait(timeout: .now() + 5) == .success, "no event for a write after the rename")
    }
}
