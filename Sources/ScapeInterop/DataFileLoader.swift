import Foundation
import ScapeModel

/// What the command line loads: a landscape file (YAML, JSON, CSV, Mermaid), or a lifecycle
/// spec on its own, with the files its figures refer to resolved next to it.
public enum DataFileLoader {
    /// The built-in landscape with its built-in lifecycle.
    public static func loadDefault() -> LoadResult {
        sanitised(resolved(LandscapeLoader.loadDefault(), baseDirectory: nil), file: LandscapeLoader.defaultFileName) { LandscapeLoader.defaultText }
    }

    /// Every landscape read passes here once: links and text made safe for every writer (see
    /// `LinkAndTextSanitiser`). A second pass finds nothing more, so nested loads warn once.
    static func sanitised(_ result: LoadResult, file: String, text: @escaping () -> String?) -> LoadResult {
        guard var landscape = result.landscape else { return result }
        let notes = LinkAndTextSanitiser.sanitise(&landscape, file: file, text: text)
        guard !notes.isEmpty else { return result }
        return LoadResult(landscape: landscape, diagnostics: result.diagnostics + notes)
    }

    /// `radarNames` name a Zalando radar's quadrants and rings (the command line's flags); they
    /// win over a sidecar `NAME.radar.yaml` next to the file, which wins over Zalando's defaults.
    /// Diagnostics are capped per file (the first `InputBounds.maxDiagnostics`, then a count).
    public static func load(contentsOf url: URL, radarNames: RadarNames = RadarNames()) -> LoadResult {
        var result = sanitised(uncapped(contentsOf: url, radarNames: radarNames), file: url.relativePath) {
            (try? LandscapeLoader.read(contentsOf: url).get()).map { String(decoding: $0, as: UTF8.self) }
        }
        result.diagnostics = CappedDiagnostics.cap(result.diagnostics, file: url.relativePath)
        return result
    }

    private static func uncapped(contentsOf url: URL, radarNames: RadarNames) -> LoadResult {
        let data: Data
        switch LandscapeLoader.read(contentsOf: url) {
        case .success(let d): data = d
        case .failure(let problem): return LoadResult(landscape: nil, diagnostics: [problem.diagnostic])
        }
        // Messages name the file as the user wrote it (relative stays relative), as editors jump to it.
        let file = url.relativePath
        if let (text, notes) = UnicodeText.decode(data, file: file) {
            if let radar = RadarFormat.detect(fileName: file, text: text) {
                var names = radarNames, sidecarNotes: [Diagnostic] = []
                let sidecar = ZalandoRadarParser.sidecarURL(for: url)
                if radar == .zalando, let sidecarText = try? String(contentsOf: sidecar, encoding: .utf8) {
                    let read = ZalandoRadarParser.sidecar(text: sidecarText, file: sidecar.path)
                    names = read.0.overridden(by: radarNames)
                    sidecarNotes = read.1
                    if sidecarNotes.hasErrors { return LoadResult(landscape: nil, diagnostics: sidecarNotes) }
                }
                var r = radar.parse(text: text, file: file, names: names)
                r.diagnostics = notes + sidecarNotes + r.diagnostics
                return r
            }
            if ["yaml", "yml", "json", ""].contains(url.pathExtension.lowercased()), LifecycleLoader.looksLikeSpec(text) {
                return FigureSpecResolver.standalone(text: text, file: file)
            }
            var r = resolved(load(text: text, file: file), baseDirectory: url.deletingLastPathComponent())
            r.diagnostics = notes + r.diagnostics
            return r
        }
        return resolved(load(data: data, file: file), baseDirectory: url.deletingLastPathComponent())
    }

    /// Reads `data` as UTF-8 text; binary or non-UTF-8 input gets one clear error.
    /// The extension picks the format (.mmd/.mermaid, .csv, else YAML); `load(text:file:)`
    /// looks at the content when the name says nothing.
    public static func load(data: Data, file: String) -> LoadResult {
        if let format = InputFormat(fileName: file), format != .yaml {
            if let problem = format.unreadable(data, file: file) { return LoadResult(landscape: nil, diagnostics: [problem]) }
            return load(text: String(decoding: data, as: UTF8.self), file: file)
        }
        if !data.isEmpty, !data.contains(0), let text = String(data: data, encoding: .utf8) { return load(text: text, file: file) }
        return sanitised(LandscapeLoader.load(data: data, file: file), file: file) { String(decoding: data, as: UTF8.self) }
    }

    /// Text in any format we read: Mermaid and CSV here, YAML and JSON by `LandscapeLoader`.
    public static func load(text: String, file: String) -> LoadResult {
        sanitised(decode(text: text, file: file), file: file) { text }
    }

    private static func decode(text: String, file: String) -> LoadResult {
        if let radar = RadarFormat.detect(fileName: file, text: text) { return radar.parse(text: text, file: file) }
        switch InputFormat.detect(fileName: file, text: text) {
        case .mermaid: return MermaidQuadrantParser.parse(text: text, file: file)
        case .csv: return CSVLandscapeParser.parse(text: text, file: file)
        case .yaml: return LandscapeLoader.load(text: text, file: file)
        }
    }

    static func resolved(_ result: LoadResult, baseDirectory: URL?) -> LoadResult {
        guard let landscape = result.landscape, !result.diagnostics.hasErrors else { return result }
        let r = FigureSpecResolver.resolve(landscape, baseDirectory: baseDirectory)
        let diagnostics = result.diagnostics + r.diagnostics
        return LoadResult(landscape: diagnostics.hasErrors ? nil : r.landscape, diagnostics: diagnostics)
    }
}
