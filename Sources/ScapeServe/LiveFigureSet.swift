import Foundation
import ScapeInterop
import ScapeModel
import ScapePipeline

/// The figures of a data file as the live page shows them, rendered again on each change.
/// A change that breaks the file keeps the last good figures and reports the located errors.
/// Not thread-safe: one serial queue owns it.
final class LiveFigureSet {
    /// What the page shows: the last good figures, in order, and the errors of the last load.
    struct Snapshot: Sendable {
        var version = 0
        var title = "mlscape"
        var order: [String] = []
        var figures: [String: PreviewFigure] = [:]
        var errors: [String] = []
    }

    enum Outcome: Equatable {
        /// The file loaded; these figures differ from what the page has (maybe none).
        case changed([String])
        /// The file has errors; the page keeps its figures.
        case failed
    }

    let dataFile: URL?
    let settings: RenderSettings
    private let renderer = PreviewRenderer()
    private(set) var snapshot = Snapshot()
    /// The data file and every file its figures refer to (lifecycle specs).
    private(set) var watchedFiles: [URL] = []
    /// Warnings of the last good load, printed once each.
    private(set) var warnings: [String] = []

    init(dataFile: URL?, settings: RenderSettings) {
        self.dataFile = dataFile?.standardizedFileURL
        self.settings = settings
        if let dataFile = self.dataFile { watchedFiles = [dataFile] }
    }

    /// Loads the file and renders what changed. The figures in `first` (those on a page's
    /// screen) are rendered before the others; when some of them changed, `early` gets their
    /// ids while `snapshot` already holds them, so the page can have them before the rest.
    func reload(first: Set<String> = [], early: ([String]) -> Void = { _ in }) -> Outcome {
        let result = dataFile.map { DataFileLoader.load(contentsOf: $0) } ?? DataFileLoader.loadDefault()
        refreshWatchedFiles(result.landscape)
        guard let landscape = result.landscape, !result.diagnostics.hasErrors else {
            snapshot.errors = result.diagnostics.errors.map { DiagnosticExcerpt.text(for: $0) }
            if snapshot.errors.isEmpty { snapshot.errors = ["error: the data file could not be loaded"] }
            return .failed
        }
        let all = landscape.effectiveFigures
        let head = all.filter { first.contains($0.id) }
        var rendered: [PreviewFigure]
        if !head.isEmpty, head.count < all.count, all.map(\.id) == snapshot.order, snapshot.errors.isEmpty {
            let firstPart = renderer.render(head, of: landscape, settings: settings, previous: snapshot.figures)
            let changedFirst = firstPart.filter { now in
                let before = snapshot.figures[now.id]
                return before?.svg != now.svg || before?.catalogue != now.catalogue
            }
            if !changedFirst.isEmpty {
                for f in changedFirst { snapshot.figures[f.id] = f }
                snapshot.version += 1
                early(changedFirst.map(\.id))
            }
            let rest = renderer.render(all.filter { !first.contains($0.id) }, of: landscape, settings: settings, previous: snapshot.figures)
            let byID = Dictionary(uniqueKeysWithValues: (firstPart + rest).map { ($0.id, $0) })
            rendered = all.compactMap { byID[$0.id] }
        } else {
            rendered = renderer.render(all, of: landscape, settings: settings, previous: snapshot.figures)
        }
        var figures: [String: PreviewFigure] = [:]
        var changed: [String] = []
        var warnings = result.diagnostics.warnings.map(\.description)
        for now in rendered {
            let previous = snapshot.figures[now.id]
            figures[now.id] = now
            warnings += now.warnings.map { "\(now.id): \($0)" }
            if previous?.svg != now.svg || previous?.catalogue != now.catalogue { changed.append(now.id) }
        }
        let order = all.map(\.id)
        if !changed.isEmpty || order != snapshot.order { snapshot.version += 1 }
        snapshot = Snapshot(version: snapshot.version, title: landscape.title, order: order, figures: figures, errors: [])
        self.warnings = warnings
        return .changed(changed)
    }

    /// The data file and the specs its figures name, read from the file even when it does not
    /// load as a whole (a broken spec is still watched, so fixing it is seen).
    private func refreshWatchedFiles(_ loaded: Landscape?) {
        guard let dataFile else { return }
        guard let figures = loaded?.figures ?? LandscapeLoader.load(contentsOf: dataFile).landscape?.figures else {
            // Unreadable as a landscape: keep watching what it named before.
            if !watchedFiles.contains(dataFile) { watchedFiles.insert(dataFile, at: 0) }
            return
        }
        let base = dataFile.deletingLastPathComponent()
        // Several figures may draw one spec (the lifecycle and a post's header): watch it once.
        var files = [dataFile]
        for spec in figures.filter({ $0.kind == .lifecycle }).compactMap(\.spec) {
            let url = base.appendingPathComponent(spec).standardizedFileURL
            if !files.contains(url) { files.append(url) }
        }
        watchedFiles = files
    }
}
