import ScapeModel

/// output/index.html: every figure of the set with its id, one page that opens from disk
/// (relative links, no scripts, no server).
public enum GalleryPage {
    public static func html(title: String, figures: [Figure], formats: [String]) -> String {
        let image = formats.contains("png") ? "png" : formats.contains("svg") ? "svg" : nil
        var cards = ""
        for f in figures {
            let id = escape(f.id), file = escape(f.fileName)
            let links = formats.map { "<a href=\"\(file).\($0)\">\($0.uppercased())</a>" }.joined(separator: " · ")
            let picture = image.map { "<a href=\"\(file).\($0)\"><img src=\"\(file).\($0)\" alt=\"\(id)\" loading=\"lazy\"></a>" } ?? ""
            cards += "<figure id=\"\(id)\">\(picture)<figcaption><code>\(id)</code> <span>\(f.kind.rawValue)</span> \(links)</figcaption></figure>\n"
        }
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title)): figures</title>
        <style>
        body { font-family: "DejaVu Sans", sans-serif; margin: 24px; background: #f6f6f6; color: #222; }
        h1 { font-weight: normal; }
        main { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 20px; }
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
