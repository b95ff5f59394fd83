import ArgumentParser
import Foundation
import ScapeModel

/// `mlscape diff OLD NEW`: what changed between two editions of a landscape, drawn over the
/// new edition's map, or printed as one line per change.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Draw (or list) what changed between two editions of a landscape.",
        discussion: """
        OLD and NEW are data files in any format mlscape reads, or git
        revisions written REV:path as 'git show' reads them (the path from the
        repository's top folder, or REV:./file from here). git runs in the
        current folder.

        The map of NEW is drawn with:
          - a thin arrow (a trail) from the old spot of each tool that moved
            more than --threshold (data units; the axes run from -1 to 1);
          - a green disc under the marker of each tool that is new;
          - each removed tool greyed, with a cross, at its old spot;
          - a legend naming the two editions, with counts.
        Tools are matched by id. A tool renamed in NEW reads as one tool when
        its data says what it was: 'was: old-id-or-name'.

        For radars (Thoughtworks radar files), each blip's status is computed
        from the two editions: new, moved in (towards the centre), moved out,
        or no change. A status written in NEW's data (new, moved in, moved
        out) wins.

        Examples:
          mlscape diff HEAD~1:fixtures/mlops-landscape.yaml \\
                       fixtures/mlops-landscape.yaml -o changes.png
              what the last commit changed
          mlscape diff v1.yaml v2.yaml --summary
              moved, added, removed, renamed and ring changes, one per line
          mlscape diff v1.yaml v2.yaml --figure ml-landscape-ml-platforms -o zoom.svg
          mlscape diff v1.yaml v2.yaml --moved-only -o movers.png
          mlscape diff radar-2024.csv radar-2025.csv -o radar.png
        """
    )

    @Argument(help: ArgumentHelp("The older edition: a data file, or REV:path.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The newer edition, which is drawn: a data file, or REV:path.", valueName: "new"))
    var new: String

    @Option(name: .long, help: ArgumentHelp("The map, zoom or radar of NEW to draw the changes on. Default: a map of every tool (or NEW's radar).", valueName: "id"))
    var figure: String?

    @Flag(name: .long, help: "Draw only the tools that moved, with their trails.")
    var movedOnly = false

    @Flag(name: .long, help: "Print the changes as text, one per line, and draw nothing.")
    var summary = false

    @Option(name: .long, help: ArgumentHelp("The least move that counts, in data units.", valueName: "d"))
    var threshold: Double = EditionDiff.defaultThreshold

    @OptionGroup(title: "Figure options (as for mlscape render)")
    var options: FigureOptions

    @OptionGroup(title: "Ad-hoc figure (instead of --figure)")
    var subset: SubsetOptions

    func validate() throws {
        guard threshold.isFinite, threshold >= 0, threshold <= 2 else {
            throw ValidationError("--threshold must be 0 to 2 (data units; the axes run from -1 to 1), got \(threshold)")
        }
        if subset.isRequested && figure != nil {
            throw ValidationError("--figure picks a figure of NEW; the subset options build a new one: use one or the other")
        }
        if summary, let drawn = options.output.map({ "-o \($0)" }) ?? options.out.map({ "--out \($0)" }) {
            throw ValidationError("--summary prints the changes as text and draws nothing; \(drawn) asks for a picture: drop one of them")
        }
    }

    func run() throws {
        let before = try Edition(argument: old).load(strict: options.strict, quiet: options.quiet)
        let after = try Edition(argument: new).load(strict: options.strict, quiet: options.quiet)
        let diff = EditionDiff(old: before, new: after, threshold: threshold)
        Console.report(diff.diagnostics)
        if summary {
            let lines = diff.summaryLines
            print(lines.isEmpty ? "no changes" : lines.joined(separator: "\n"))
            return
        }
        var landscape = diff.blips.map { $0.applied(to: after) } ?? after
        let figures = try selectedFigures(of: landscape, diff: diff).map { f -> Figure in
            var f = f
            f.changes = f.kind == .radar ? FigureChanges(oldLabel: old, newLabel: new)
                : diff.figureChanges(for: f, old: before, oldLabel: old, newLabel: new, movedOnly: movedOnly)
            return f
        }
        // The diff's figures are drawn on their own, not the data's figure set.
        landscape.figures = figures
        try options.renderAndWrite(figures, of: landscape, inputs: [old, new], folder: options.out ?? "output")
    }

    private func selectedFigures(of landscape: Landscape, diff: EditionDiff) throws -> [Figure] {
        if subset.isRequested { return [try subset.figure(in: landscape, prefix: "changes")] }
        let drawable: Set<FigureKind> = [.map, .zoom, .radarLandscape]
        guard let id = figure else {
            if let radars = diff.blips?.figures, !radars.isEmpty {
                if movedOnly { throw ValidationError("--moved-only draws the movers of a map; radars mark each blip's status instead") }
                return landscape.figures.filter { radars.contains($0.id) }
            }
            if landscape.tools.isEmpty { throw ValidationError("\(new) has no tools to draw; give two landscapes or two radars") }
            return [Figure(id: "changes", kind: .map)]
        }
        let all = landscape.effectiveFigures
        guard let f = NameResolver.figures(all).entry(id).flatMap({ e in all.first { $0.id == e.id } }) else {
            let close = Suggestions.closest(to: id, in: all.map(\.id), limit: 3)
            let hint = close.isEmpty ? "the figures are \(all.map(\.id).joined(separator: ", "))" : "did you mean \(close.joined(separator: ", "))?"
            throw ValidationError("no figure '\(id)' in \(new); \(hint)")
        }
        let isPairedRadar = f.kind == .radar && diff.blips?.figures.contains(f.id) == true
        guard drawable.contains(f.kind) || isPairedRadar else {
            let maps = all.filter { drawable.contains($0.kind) }.map(\.id)
            throw ValidationError("figure '\(id)' is a \(f.kind.rawValue); diff draws on maps and zooms\(maps.isEmpty ? "" : " (\(maps.prefix(6).joined(separator: ", ")))") and on radars with blips in both editions")
        }
        if isPairedRadar && movedOnly { throw ValidationError("--moved-only draws the movers of a map; radars mark each blip's status instead") }
        return [f]
    }
}
