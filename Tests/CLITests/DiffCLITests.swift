import Foundation
import ScapeGeometry
import Testing

/// `mlscape diff` end to end: git revisions, the SVG it draws (read back by ids and
/// geometry), the summary, and its errors.
@Suite struct DiffCLITests {
    static let old = CLI.root.appendingPathComponent("fixtures/mlops-landscape.yaml").path
    static let next = CLI.root.appendingPathComponent("fixtures/examples/mlops-landscape-next.yaml").path

    /// A landscape of three tools; `edit` rewrites the tool lines.
    static func data(_ tools: [String]) -> String {
        "title: Edition\ncategories:\n  - { id: a, name: A, ring: adopt }\ntools:\n" + tools.map { "  - \($0)\n" }.joined()
    }

    static let first = ["{ name: Alpha, x: 0.2, y: 0.2, categories: [a] }",
                        "{ name: Beta, x: -0.5, y: 0.5, categories: [a] }",
                        "{ name: Gamma, x: 0.5, y: -0.5, categories: [a] }"]
    static let second = ["{ name: Alpha, x: 0.2, y: 0.2, categories: [a] }",
                         "{ name: Beta, x: -0.2, y: 0.7, categories: [a] }",
                         "{ name: Delta, x: 0.6, y: 0.6, categories: [a] }"]

    /// A git repository with two commits of `data.yaml`.
    static func repository() throws -> URL {
        let dir = try CLI.scratch()
        func git(_ args: [String]) throws {
            let r = try runTool("git", ["-C", dir.path, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main"] + args)
            #expect(r.status == 0, "git \(args): \(r.output)")
        }
        try git(["init", "-q"])
        try Data(data(first).utf8).write(to: dir.appendingPathComponent("data.yaml"))
        try git(["add", "data.yaml"])
        try git(["commit", "-q", "-m", "first"])
        try Data(data(second).utf8).write(to: dir.appendingPathComponent("data.yaml"))
        try git(["commit", "-q", "-a", "-m", "second"])
        return dir
    }

    /// Ids of the SVG's elements.
    static func ids(_ svg: String) -> Set<String> {
        Set(svg.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
    }

    /// The `d` of the element with this id, as subpaths of points (curve control points included).
    static func subpaths(_ svg: String, id: String) -> [[Point]] {
        guard let start = svg.range(of: "id=\"\(id)\""), let d = svg[start.upperBound...].range(of: " d=\"") else { return [] }
        let data = svg[d.upperBound...].prefix { $0 != "\"" }
        var out: [[Point]] = []
        var numbers: [Double] = []
        func flush() {
            guard !numbers.isEmpty else { return }
            out[out.count - 1] += stride(from: 0, to: numbers.count - 1, by: 2).map { Point(numbers[$0], numbers[$0 + 1]) }
            numbers = []
        }
        for token in data.split(separator: " ") {
            var rest = Substring(token)
            if let command = rest.first, command.isLetter {
                flush()
                if command == "M" { out.append([]) }
                rest = rest.dropFirst()
            }
            if let v = Double(rest), !out.isEmpty { numbers.append(v) }
        }
        flush()
        return out.filter { !$0.isEmpty }
    }

    static func box(_ points: [Point]) -> Rect? {
        guard let f = points.first else { return nil }
        return points.dropFirst().reduce(Rect(center: f, size: .zero)) { $0.union(Rect(center: $1, size: .zero)) }
    }

    /// Each tool's name (with its subtitle) as the box of its glyph outlines.
    static func nameBoxes(_ svg: String) -> [String: Rect] {
        var out: [String: Rect] = [:]
        for id in ids(svg) where id.hasPrefix("tool.") && (id.hasSuffix(".name") || id.hasSuffix(".subtitle")) {
            let tool = String(id.dropFirst(5).prefix { $0 != "." })
            guard let b = box(subpaths(svg, id: id).flatMap { $0 }) else { continue }
            out[tool] = out[tool].map { $0.union(b) } ?? b
        }
        return out
    }

    func diff(_ args: [String], in dir: URL? = nil) throws -> (status: Int32, svg: String, stdout: String, stderr: String) {
        let out = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try CLI.run(["diff"] + args + ["-o", out.appendingPathComponent("d.svg").path], in: dir)
        let svg = (try? String(contentsOf: out.appendingPathComponent("d.svg"), encoding: .utf8)) ?? ""
        return (r.status, svg, r.stdout, r.stderr)
    }

    @Test func aGitRevisionIsReadFromTheRepositoryAndEachChangeIsDrawn() throws {
        let repo = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let r = try diff(["HEAD~1:data.yaml", "data.yaml", "--style", "clean"], in: repo)
        #expect(r.status == 0, "\(r.stderr)")
        let ids = Self.ids(r.svg).filter { $0.hasPrefix("tool.") }
        #expect(ids.filter { $0.hasSuffix(".trail") } == ["tool.beta.trail"], "only Beta moved")
        #expect(ids.filter { $0.hasSuffix(".added") } == ["tool.delta.added"])
        #expect(ids.filter { $0.hasSuffix(".removed") } == ["tool.gamma.removed"])
        #expect(r.svg.contains("aria-label=\"Changes from HEAD~1:data.yaml to data.yaml\""), "the legend names both editions")
        // The trail runs from Beta's old spot towards its marker.
        let shaft = try #require(Self.subpaths(r.svg, id: "tool.beta.trail").first)
        let marker = try #require(Self.box(Self.subpaths(r.svg, id: "tool.beta.marker").flatMap { $0 }))
        let oldSpot = try #require(Self.box(Self.subpaths(r.svg, id: "tool.gamma.removed").flatMap { $0 }))
        #expect(shaft.last!.distance(to: marker.center) < shaft.first!.distance(to: marker.center))
        #expect(shaft.last!.distance(to: marker.center) < 12, "the trail ends at the marker")
        // Gamma is drawn where it was: (0.5, -0.5) is right of and below the map's centre.
        #expect(oldSpot.center.x > marker.center.x && oldSpot.center.y > marker.center.y)

        let summary = try CLI.run(["diff", "HEAD~1:data.yaml", "HEAD:data.yaml", "--summary"], in: repo)
        #expect(summary.status == 0)
        #expect(summary.stdout == "moved: Beta (-0.50, 0.50) -> (-0.20, 0.70)\nadded: Delta at (0.60, 0.60)\nremoved: Gamma (was at (0.50, -0.50))\n")
    }

    @Test func aRevisionInASubfolderFindsTheFilesItsFiguresNameAtThatRevision() throws {
        let repo = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: repo) }
        let maps = repo.appendingPathComponent("maps")
        try FileManager.default.createDirectory(at: maps, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("fixtures/lifecycle.yaml"), to: maps.appendingPathComponent("loops.yaml"))
        try Data((Self.data(Self.first) + "figures:\n  - { id: life, kind: lifecycle, spec: loops.yaml }\n").utf8).write(to: maps.appendingPathComponent("landscape.yaml"))
        for args in [["init", "-q"], ["add", "."], ["commit", "-q", "-m", "one"]] {
            _ = try runTool("git", ["-C", repo.path, "-c", "user.name=T", "-c", "user.email=t@e.org"] + args)
        }
        let fromTop = try CLI.run(["diff", "HEAD:maps/landscape.yaml", "maps/landscape.yaml", "--summary"], in: repo)
        #expect(fromTop.status == 0, "\(fromTop.stderr)")
        #expect(fromTop.stdout == "no changes\n")
        let fromHere = try CLI.run(["diff", "HEAD:./landscape.yaml", "landscape.yaml", "--summary"], in: maps)
        #expect(fromHere.status == 0, "\(fromHere.stderr)")
    }

    @Test func unchangedEditionsDrawNoTrailOrMark() throws {
        let r = try diff([Self.old, Self.old, "--style", "clean"])
        #expect(r.status == 0, "\(r.stderr)")
        let marks = Self.ids(r.svg).filter { $0.hasPrefix("tool.") }.filter { $0.hasSuffix(".trail") || $0.hasSuffix(".added") || $0.hasSuffix(".removed") }
        #expect(marks.isEmpty, "\(marks)")
        let summary = try CLI.run(["diff", Self.old, Self.old, "--summary"])
        #expect(summary.stdout == "no changes\n")
    }

    /// The next edition with three long moves across the crowded middle of the map.
    static func crossing(in dir: URL) throws -> String {
        var text = try String(contentsOfFile: next, encoding: .utf8)
        for (from, to) in [("{ name: Git, x: -0.832, y: -0.739,", "{ name: Git, x: 0.62, y: 0.72,"),
                           ("{ name: Kedro, x: 0.639, y: 0.121,", "{ name: Kedro, x: -0.3, y: -0.62,"),
                           ("{ name: Domino, x: -0.043, y: 0.608,", "{ name: Domino, x: 0.35, y: -0.3,")] {
            #expect(text.contains(from))
            text = text.replacingOccurrences(of: from, with: to)
        }
        let url = dir.appendingPathComponent("crossing.yaml")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test(arguments: ["clean", "sketch"])
    func noNameOrTrailCoversAnotherName(style: String) throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try diff([Self.old, try Self.crossing(in: dir), "--style", style])
        #expect(r.status == 0, "\(r.stderr)")
        let names = Self.nameBoxes(r.svg)
        #expect(names.count >= 45)
        let tools = names.keys.sorted()
        for (i, a) in tools.enumerated() {
            for b in tools[(i + 1)...] { #expect(!names[a]!.intersects(names[b]!), "the names of \(a) and \(b) overlap") }
        }
        let trails = Self.ids(r.svg).filter { $0.hasSuffix(".trail") }
        #expect(trails == ["tool.metaflow.trail", "tool.dagster.trail", "tool.datarobot-mlops.trail", "tool.git.trail", "tool.kedro.trail", "tool.domino.trail"])
        for trail in trails {
            for sub in Self.subpaths(r.svg, id: trail) {
                for (p, q) in zip(sub, sub.dropFirst()) {
                    for (tool, box) in names {
                        #expect(!box.intersectsSegment(p, q), "\(trail) crosses the name of \(tool)")
                    }
                }
            }
        }
        let marks = Self.ids(r.svg)
        #expect(marks.contains("tool.zenml.added") && marks.contains("tool.vertex-ai.added") && marks.contains("tool.spell.removed"))
        #expect(!marks.contains("tool.datarobot-mlops.added") && !marks.contains("tool.algorithmia.removed"), "a rename with was: is one tool")
        #expect(r.svg.contains("<title>DataRobot MLOps · Single-component ML Tools · was Algorithmia, moved from (0.31, -0.46)</title>"),
                "hovering a renamed tool says what it was")
    }

    @Test func theSameEditionsGiveTheSameBytesAndHelpExplainsTheCommand() throws {
        let a = try diff([Self.old, Self.next]), b = try diff([Self.old, Self.next])
        #expect(!a.svg.isEmpty && a.svg == b.svg)
        let help = try CLI.run(["diff", "--help"])
        #expect(help.status == 0)
        for option in ["--figure", "--moved-only", "--summary", "--threshold", "--style", "--output", "REV:path", "was:", "Examples:"] {
            #expect(help.stdout.contains(option), "diff --help lacks \(option)")
        }
    }

    @Test func subsetOptionsNarrowTheChangesToo() throws {
        let r = try diff([Self.old, Self.next, "--category", "ml-task-orchestrators", "--style", "clean"])
        #expect(r.status == 0, "\(r.stderr)")
        let ids = Self.ids(r.svg).filter { $0.hasPrefix("tool.") }
        #expect(ids.contains("tool.metaflow.trail") && ids.contains("tool.spell.removed"), "Metaflow and Spell are orchestrators")
        #expect(!ids.contains("tool.dagster.trail") && !ids.contains("tool.zenml.added"), "Dagster and ZenML are not")
    }

    @Test func movedOnlyDrawsJustTheMovers() throws {
        let r = try diff([Self.old, Self.next, "--moved-only", "--style", "clean"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Set(Self.nameBoxes(r.svg).keys) == ["metaflow", "dagster", "datarobot-mlops"])
    }

    @Test func aZoomShowsTheChangesOfItsQuadrant() throws {
        let r = try diff([Self.old, Self.next, "--figure", "ml-landscape-ml-platforms", "--style", "clean"])
        #expect(r.status == 0, "\(r.stderr)")
        let ids = Self.ids(r.svg)
        #expect(ids.contains("tool.metaflow.trail") && ids.contains("tool.zenml.added") && ids.contains("tool.spell.removed"))
        #expect(!ids.contains("tool.dagster.trail") && !ids.contains("tool.vertex-ai.added"), "other quadrants' changes stay out")
    }

    @Test func radarStatusesComeFromTwoEditions() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let header = "name,ring,quadrant,isNew,description\n"
        try Data((header + "Stays,Trial,Tools,FALSE,\nRises,Assess,Tools,FALSE,\nGoes,Hold,Tools,FALSE,\n").utf8).write(to: dir.appendingPathComponent("radar-2024.csv"))
        try Data((header + "Stays,Trial,Tools,FALSE,\nRises,Adopt,Tools,FALSE,\nArrives,Assess,Tools,FALSE,\n").utf8).write(to: dir.appendingPathComponent("radar-2025.csv"))
        let summary = try CLI.run(["diff", "radar-2024.csv", "radar-2025.csv", "--summary"], in: dir)
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout == "blip new: Arrives in Assess\nblip moved in: Rises (Assess -> Adopt)\nblip removed: Goes (was in Hold)\n")
        let r = try diff(["radar-2024.csv", "radar-2025.csv", "--style", "clean"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.svg.contains("aria-label=\"Changes from radar-2024.csv to radar-2025.csv\""))
        #expect(Self.ids(r.svg).isSuperset(of: ["blip.arrives.mark", "blip.rises.mark", "blip.stays.mark"]))
    }

    @Test func aWasNamingNoOldToolIsALocatedWarning() throws {
        let dir = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.data(Self.first).utf8).write(to: dir.appendingPathComponent("v1.yaml"))
        try Data(Self.data(Self.first + ["{ name: Omega, was: Omicron, x: 0.1, y: 0.1 }"]).utf8).write(to: dir.appendingPathComponent("v2.yaml"))
        let r = try CLI.run(["diff", "v1.yaml", "v2.yaml", "--summary"], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr.contains("v2.yaml:8:"), "\(r.stderr)")
        #expect(r.stderr.contains("warning: tool 'Omega' says it was 'Omicron', but the old edition has no such tool"), "\(r.stderr)")
        #expect(r.stdout == "added: Omega at (0.10, 0.10)\n")
    }

    @Test func revisionErrorsAreClearAndExit66() throws {
        let outside = try CLI.scratch()
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data(Self.data(Self.first).utf8).write(to: outside.appendingPathComponent("data.yaml"))
        let notRepo = try CLI.run(["diff", "HEAD~1:data.yaml", "data.yaml", "--summary"], in: outside)
        #expect(notRepo.status == 66)
        #expect(notRepo.stderr.contains("error: cannot read HEAD~1:data.yaml: the current folder is not inside a git repository"), "\(notRepo.stderr)")

        let repo = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let badRevision = try CLI.run(["diff", "HEAD~7:data.yaml", "data.yaml", "--summary"], in: repo)
        #expect(badRevision.status == 66)
        #expect(badRevision.stderr.contains("git knows no revision 'HEAD~7'"), "\(badRevision.stderr)")
        let badPath = try CLI.run(["diff", "HEAD~1:nothing.yaml", "data.yaml", "--summary"], in: repo)
        #expect(badPath.status == 66)
        #expect(badPath.stderr.contains("revision 'HEAD~1' has no file 'nothing.yaml'"), "\(badPath.stderr)")
        let missing = try CLI.run(["diff", "gone.yaml", "data.yaml", "--summary"], in: repo)
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("cannot read gone.yaml: no such file"), "\(missing.stderr)")
    }

    @Test func badDataAtARevisionIsLocatedInTheRevision() throws {
        let repo = try Self.repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let broken = Self.data(Self.first).replacingOccurrences(of: "x: 0.5,", with: "x: left,")
        try Data(broken.utf8).write(to: repo.appendingPathComponent("data.yaml"))
        _ = try runTool("git", ["-C", repo.path, "-c", "user.name=T", "-c", "user.email=t@e.org", "commit", "-q", "-a", "-m", "broken"])
        let r = try CLI.run(["diff", "HEAD:data.yaml", "HEAD~1:data.yaml", "-o", "x.png"], in: repo)
        #expect(r.status == 65)
        #expect(r.stderr.contains("HEAD:data.yaml:7:"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent("x.png").path))
    }

    @Test func commandLineErrorsExit64WithTheReason() throws {
        let lifecycle = try CLI.run(["diff", Self.old, Self.old, "--figure", "ml-lifecycle"])
        #expect(lifecycle.status == 64)
        #expect(lifecycle.stderr.contains("figure 'ml-lifecycle' is a lifecycle; diff draws on maps and zooms"), "\(lifecycle.stderr)")
        let unknown = try CLI.run(["diff", Self.old, Self.old, "--figure", "ml-landscape-al"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean ml-landscape-all"), "\(unknown.stderr)")
        let threshold = try CLI.run(["diff", Self.old, Self.old, "--threshold", "-1"])
        #expect(threshold.status == 64)
        let both = try CLI.run(["diff", Self.old, Self.old, "--figure", "ml-landscape-all", "--only", "Airflow"])
        #expect(both.status == 64)
    }
}
