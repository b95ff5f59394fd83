import Foundation

/// What the command line loads: a landscape file (YAML, JSON, CSV, Mermaid), or a lifecycle
/// spec on its own, with the files its figures refer to resolved next to it.
public enum DataFileLoader {
    /// The built-in landscape with its built-in lifecycle.
    public static func loadDefault() -> LoadResult {
        resolved(LandscapeLoader.loadDefault(), baseDirectory: nil)
    }

    public static func load(contentsOf url: URL) -> LoadResult {
        let result = uncapped(contentsOf: url)
        return LoadResult(landscape: result.landscape, diagnostics: CappedDiagnostics.cap(result.diagnostics, file: url.path))
    }

    private static func uncapped(contentsOf url: URL) -> LoadResult {
        if let data = try? Data(contentsOf: url), !data.contains(0), let text = String(data: data, encoding: .utf8),
           ["csv", "json", ""].contains(url.pathExtension.lowercased()),
           RadarCSVParser.looksLikeRadarCSV(text) || RadarCSVParser.looksLikeRadarJSON(text) {
            return RadarCSVParser.parse(text: text, file: url.path)
        }
        if let data = try? Data(contentsOf: url), !data.contains(0), let text = String(data: data, encoding: .utf8),
           ["yaml", "yml", "json", ""].contains(url.pathExtension.lowercased()), LifecycleLoader.looksLikeSpec(text) {
            return FigureSpecResolver.standalone(text: text, file: url.path)
        }
        return resolved(LandscapeLoader.load(contentsOf: url), baseDirectory: url.deletingLastPathComponent())
    }

    static func resolved(_ result: LoadResult, baseDirectory: URL?) -> LoadResult {
        guard let landscape = result.landscape, !result.diagnostics.hasErrors else { return result }
        let r = FigureSpecResolver.resolve(landscape, baseDirectory: baseDirectory)
        let diagnostics = result.diagnostics + r.diagnostics
        return LoadResult(landscape: diagnostics.hasErrors ? nil : r.landscape, diagnostics: diagnostics)
    }
}
