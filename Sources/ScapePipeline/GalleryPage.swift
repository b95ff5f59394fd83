import Foundation
import ScapeModel

/// output/index.html: every figure of the set with its id, one page that opens from disk
/// (relative links, no scripts, no server). It has a viewport for phones; each image has its
/// pixel size (no layout jumps), loads lazily, and its alt text says what it shows.
public enum GalleryPage {
    /// `files` are the rendered files (image sizes are read from them); `landscape` gives the
    /// alt texts (else the figure ids).
    /// `otherImages` are files already in the folder (names with extension) that these
    /// figures do not write; each gets a plain card after the figures, sorted by name.
    public static func html(title: String, figures: [Figure], formats: [String], landscape: Landscape? = nil,
                            files: [RenderedFile] = [], otherImages: [String] = []) -> String {
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
        let drawn = Set(figures.flatMap { f in formats.map { "\(f.fileName).\($0)" } })
        // One card per other image name, its PNG shown when there is one.
        var byStem: [String: [String]] = [:]
        for name in otherImages where !drawn.contains(name) {
            byStem[URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent, default: []].append(name)
        }
        for stem in byStem.keys.sorted() {
            let names = byStem[stem]!.sorted()
            let shown = escape(names.first { $0.hasSuffix(".png") } ?? names[0])
            let links = names.map { "<a href=\"\(escape($0))\">\(escape(URL(fileURLWithPath: $0).pathExtension.uppercased()))</a>" }.joined(separator: " · ")
            cards += "<figure id=\"file-\(escape(stem))\"><a href=\"\(shown)\"><img src=\"\(shown)\" alt=\"\(escape(stem))\" loading=\"lazy\" decoding=\"async\"></a><figcaption><code>\(escape(stem))</code> <span>earlier run</span> \(links)</figcaption></figure>\n"
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

    /// The PNG and SVG images in `folder` (names with extension, sorted); none when it is missing.
    public static func imagesIn(_ folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { n in !n.hasPrefix(".") && ["png", "svg"].contains(URL(fileURLWithPath: n).pathExtension.lowercased()) }.sorted()
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
