import Foundation
import ScapeModel

/// What the command line loads: a landscape file (YAML, JSON, CSV, Mermaid), or a lifecycle
/// spec on its own, with the files its figures refer to resolved next to it.
public enum DataFileLoader {
    /// The built-in landscape with its built-in lifecycle.
    public static func loadDefault() -> LoadResult {
        resolved(LandscapeLoader.loadDefault(), baseDirectory: nil)
    }

    public static func load(contentsOf url: URL) -> LoadResult {
        if let data = try? Data(contentsOf: url), !data.contains(0), let text = String(data: data, encoding: .utf8),
           ["csv", "json", ""].contains(url.pathExtension.lowercased()),
           RadarCSVParser.looksLikeRadarCSV(text) || RadarCSVParser.looksLikeRadarJSON(text) {
            return RadarCSVParser.parse(text: text, file: url.path)
        }
        if let data = try? Data(contentsOf: url), !data.contains(0), let text = String(data: data, encoding: .utf8),
           ["yaml", "yml", "json", ""].contains(url.pathExtension.lowercased()), LifecycleLoader.looksLikeSpec(text) {
            return FigureSpecResolver.standalone(text: text, file: url.path)
        }
        switch LandscapeLoader.read(contentsOf: url) {
        case .success(let data): return resolved(load(data: data, file: url.path), baseDirectory: url.deletingLastPathComponent())
        case .failure(let problem): return LoadResult(landscape: nil, diagnostics: [problem.diagnostic])
        }
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
        return LandscapeLoader.load(data: data, file: file)
    }

    /// Text in any format we read: Mermaid and CSV here, YAML and JSON by `LandscapeLoader`.
    public static func load(text: String, file: String) -> LoadResult {
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
