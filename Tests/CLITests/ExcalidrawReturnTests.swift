import Foundation
import Testing

/// Back from Excalidraw onto any data file mlscape reads (issue 26): a CSV or a Mermaid chart
/// gets only its moved points patched, and a tool deleted in the scene is named, or removed
/// from the data with --remove-missing.
@Suite struct ExcalidrawReturnTests {
    /// Renders `data` to a scene, moves `moved` 40 units right, deletes `deleted`; returns the scene's path.
    /// With `saved`, the deleted tool's elements are left out of the file, as Excalidraw saves
    /// a scene; else they stay, marked `isDeleted`, as Excalidraw keeps them while editing.
    static func editedScene(of data: URL, in dir: URL, moved: String, deleted: String? = nil, saved: Bool = false) throws -> String {
        let scene = dir.appendingPathComponent("map.excalidraw")
        let r = try CLI.run(["render", data.path, "--format", "excalidraw", "-o", scene.path, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        var doc = try JSONSerialization.jsonObject(with: Data(contentsOf: scene)) as! [String: Any]
        var elements = doc["elements"] as! [[String: Any]]
        var found = Set<String>()
        for k in elements.indices {
            guard let item = ((elements[k]["customData"] as? [String: Any])?["mlscape"] as? [String: Any])?["item"] as? String else { continue }
            if item == "tool/\(moved)" { elements[k]["x"] = (elements[k]["x"] as! Double) + 40; found.insert(moved) }
            if let deleted, item == "tool/\(deleted)" { elements[k]["isDeleted"] = true; found.insert(deleted) }
        }
        #expect(found.count == (deleted == nil ? 1 : 2), "markers found: \(found)")
        if saved, let deleted {
            elements.removeAll { ($0["id"] as? String)?.hasPrefix("tool/\(deleted)/") == true }
            elements = elements.filter { $0["isDeleted"] as? Bool != true }
        }
        doc["elements"] = elements
        try JSONSerialization.data(withJSONObject: doc).write(to: scene)
        return scene.path
    }

    /// The lines of `b` that differ from `a`'s, by position (same line count expected).
    static func changedLines(_ a: String, _ b: String) -> [Int] {
        let la = a.components(separatedBy: "\n"), lb = b.components(separatedBy: "\n")
        return la.indices.filter { $0 >= lb.count || la[$0] != lb[$0] }
    }

    @Test func aCSVGetsOnlyItsMovedRowPatchedAndADeletedToolIsNamedOrRemoved() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = try CLI.run(["bench", "points", "--set", "uniform", "--n", "8"]).stdout
        let data = dir.appendingPathComponent("points.csv")
        try csv.write(to: data, atomically: true, encoding: .utf8)
        let scene = try Self.editedScene(of: data, in: dir, moved: "tool-3", deleted: "tool-5")

        let r = try CLI.run(["import", scene, "--onto", data.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.changedLines(csv, r.stdout) == [4], "only Tool 3's row: \(r.stdout)")
        let row = r.stdout.components(separatedBy: "\n")[4].split(separator: ",")
        let before = csv.components(separatedBy: "\n")[4].split(separator: ",")
        #expect(row[0] == "Tool 3" && row[2] == before[2], "y kept its spelling: \(row)")
        #expect(Double(row[1])! > Double(before[1])!, "moved right")
        #expect(r.stderr.contains("deleted in the scene: Tool 5 (tool-5); still in the data (--remove-missing removes it)"), "\(r.stderr)")

        // Saved by Excalidraw, the deleted tool is simply gone from the file: still named.
        let savedScene = try Self.editedScene(of: data, in: dir, moved: "tool-3", deleted: "tool-5", saved: true)
        let saved = try CLI.run(["import", savedScene, "--onto", data.path])
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stdout == r.stdout)
        #expect(saved.stderr.contains("deleted in the scene: Tool 5 (tool-5)"), "\(saved.stderr)")

        let removed = try CLI.run(["import", scene, "--onto", data.path, "--remove-missing"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(!removed.stdout.contains("Tool 5,"), "\(removed.stdout)")
        #expect(removed.stdout.components(separatedBy: "\n").count == csv.components(separatedBy: "\n").count - 1)
        #expect(removed.stderr.contains("removed Tool 5 (tool-5): deleted in the scene"))
    }

    @Test func aMermaidChartGetsOnlyItsMovedPointPatched() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let chart = try String(contentsOf: CLI.root.appendingPathComponent("fixtures/examples/quadrant-chart.mmd"), encoding: .utf8)
        let data = dir.appendingPathComponent("chart.mmd")
        try chart.write(to: data, atomically: true, encoding: .utf8)
        let scene = try Self.editedScene(of: data, in: dir, moved: "campaign-b")
        let r = try CLI.run(["import", scene, "--onto", data.path])
        #expect(r.status == 0, "\(r.stderr)")
        let changed = Self.changedLines(chart, r.stdout)
        #expect(changed.count == 1, "\(changed)")
        let line = r.stdout.components(separatedBy: "\n")[changed.first ?? 0]
        #expect(line.hasPrefix("    Campaign B: [0.") && line.hasSuffix(", 0.23] radius: 12, color: #ff3300, stroke-color: #10f0f0, stroke-width: 5px"), "\(line)")
        // Mermaid's own number form, and the chart still reads.
        let patched = dir.appendingPathComponent("patched.mmd")
        try r.stdout.write(to: patched, atomically: true, encoding: .utf8)
        let check = try CLI.run(["validate", patched.path])
        #expect(check.status == 0 && !check.stderr.contains("Mermaid will not draw"), "\(check.stderr)")
    }

    @Test func aYAMLFileLosesExactlyTheDeletedToolsItem() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = "# mine\ntools:\n  - { name: A, x: 0.1, y: 0.2 }\n  - name: B\n    x: 0.5\n    y: -0.5\n  - { name: C, x: -0.4, y: 0.3 }\n  - name: D\n    x: -0.5\n    y: -0.6\n# end\n"
        let data = dir.appendingPathComponent("d.yaml")
        try yaml.write(to: data, atomically: true, encoding: .utf8)
        let scene = try Self.editedScene(of: data, in: dir, moved: "a", deleted: "b")
        let r = try CLI.run(["import", scene, "--onto", data.path, "--remove-missing"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("name: B") && !r.stdout.contains("x: 0.5\n"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("  - { name: C, x: -0.4, y: 0.3 }\n  - name: D\n    x: -0.5\n    y: -0.6\n# end\n"), "\(r.stdout)")
        let last = try CLI.run(["import", try Self.editedScene(of: data, in: dir, moved: "a", deleted: "d"), "--onto", data.path, "--remove-missing"])
        #expect(last.stdout.hasSuffix("  - { name: C, x: -0.4, y: 0.3 }\n# end\n"), "the last item goes, the comment after it stays: \(last.stdout)")
    }
}
