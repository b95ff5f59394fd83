import Foundation

/// Loads the files figures refer to (a lifecycle's `spec:`), relative to the data file, or
/// from the built-in fixtures for the built-in landscape. Their problems are located in
/// their own files.
public enum FigureSpecResolver {
    /// `baseDirectory` nil means the built-in landscape: specs come from the embedded fixtures.
    public static func resolve(_ landscape: Landscape, baseDirectory: URL?) -> (landscape: Landscape, diagnostics: [Diagnostic]) {
        var out = landscape
        var diagnostics: [Diagnostic] = []
        var fallbacks: [Figure] = []
        for (i, figure) in landscape.figures.enumerated() where figure.kind == .lifecycle {
            guard let spec = figure.spec else { continue }
            let text: String
            var file: String
            if let base = baseDirectory {
                let url = base.appendingPathComponent(spec)
                // Named as the user wrote the data file's path: relative stays relative.
                file = url.relativePath
                if let data = try? Data(contentsOf: url), let s = String(data: data, encoding: .utf8) {
                    text = s
                } else if !FileManager.default.fileExists(atPath: url.path), spec == LifecycleLoader.defaultFileName {
                    // A copy of the built-in landscape, without its lifecycle file beside it.
                    // One note for every figure that falls back (the blog set has two), at the first.
                    fallbacks.append(figure)
                    text = LifecycleLoader.defaultText
                    file = "<built-in \(spec)>"
                } else {
                    let why = FileManager.default.fileExists(atPath: url.path) ? "it is not readable UTF-8 text" : "there is no such file"
                    diagnostics.append(.error("figure '\(figure.id)': cannot read its spec \(url.relativePath): \(why); write the loops there (see fixtures/\(LifecycleLoader.defaultFileName)), or point 'spec:' at another file, or remove the figure",
                                              at: figure.specLocation))
                    continue
                }
            } else if spec == LifecycleLoader.defaultFileName {
                text = LifecycleLoader.defaultText
                file = "<built-in \(spec)>"
            } else {
                diagnostics.append(.error("figure '\(figure.id)': the built-in landscape has no spec '\(spec)'", at: figure.specLocation))
                continue
            }
            let loaded = LifecycleLoader.load(text: text, file: file)
            diagnostics += loaded.diagnostics
            out.figures[i].lifecycle = loaded.spec
        }
        if let first = fallbacks.first {
            let ids = fallbacks.map { "'\($0.id)'" }
            let which = ids.count == 1 ? "figure \(ids[0])" : "figures \(ids.dropLast().joined(separator: ", ")) and \(ids.last!)"
            let spec = first.spec ?? LifecycleLoader.defaultFileName
            diagnostics.insert(.note("\(which): there is no \(spec) next to the data file, so the built-in ML lifecycle is drawn; copy fixtures/\(spec) there to change its loops",
                                     at: first.specLocation), at: 0)
        }
        return (out, diagnostics)
    }

    /// A lifecycle spec file on its own, as a landscape with one lifecycle figure named after the file.
    public static func standalone(text: String, file: String) -> LoadResult {
        let loaded = LifecycleLoader.load(text: text, file: file)
        guard let spec = loaded.spec else { return LoadResult(landscape: nil, diagnostics: loaded.diagnostics) }
        var id = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        if FigureID.problem(with: id) != nil { id = "lifecycle" }
        var figure = Figure(id: id, kind: .lifecycle)
        figure.lifecycle = spec
        return LoadResult(landscape: Landscape(title: id, figures: [figure]), diagnostics: loaded.diagnostics)
    }
}
