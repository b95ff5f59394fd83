import ScapeModel

/// output/index.html: every figure of the set with its id, one page that opens from disk
/// (relative links, no scripts, no server). It has a viewport for phones; each image has its
/// pixel size (no layout jumps), loads lazily, and its alt text says what it shows.
public enum GalleryPage {
    /// `files` are the rendered files (image sizes are read from them); `landscape` gives the
    /// alt texts (else the figure ids).
    public static func html(title: String, figures: [Figure], formats: [String], landscape: Landscape? = nil,
                            files: [RenderedFile] = []) -> String {
        let image = formats.contains("png") ? "png" : formats.contains("svg") ? "svg" : nil
        let bytesByName = Dictionary(files.map { ($0.fileName, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        var cards = ""
        for f in figures {
            let id = escape(f.id), file = escape(f.fileName)
            let links = formats.map { "<a href=\"\(file).\($0)\">\($0.uppercased())</a>" }.joined(separator: " · ")
            let alt = escape(landscape.map { FigureAltText.describe(f, in: $0) } ?? f.id)
            let picture = image.map { ext -> String in
                let size = bytesByName["\(f.fileName).\(ext)"].flatMap { ImageSize.of($0, format: ext) }
                let dimensions = size.map { " width=\"\($0.width)\" height=\"\($0.height)\"" } ?? ""
                return "<a href=\"\(file).\(ext)\"><img src=\"\(file).\(ext)\" alt=\"\(alt)\"\(dimensions) loading=\"lazy\" decoding=\"async\"></a>"
            } ?? ""
            cards += "<figure id=\"\(id)\">\(picture)<figcaption><code>\(id)</code> <span>\(f.kind.rawValue)</span> \(links)</figcaption></figure>\n"
        }
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)): figures</title>
        <style>
        body { font-family: "DejaVu Sans", sans-serif; margin: 24px; background: #f6f6f6; color: #222; }
        h1 { font-weight: normal; }
        main { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(420px, 100%), 1fr)); gap: 20px; }
        @media (max-width: 600px) { body { margin: 8px; } }
        figure { margin: 0; background: #fff; padding: 12px; border: 1px solid #ddd; border-radius: 8px; }
        img { width: 100%; height: auto; display: block; }
        figcaption { margin-top: 8px; font-size: 14px; }
        figcaption span { color: #888; margin: 0 8px; }
        </style>
        </head>
        <body>
        <h1>\(escape(title))</h1>
        <main>
        \(cards)</main>
        </body>
        </html>

        """
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
