import Foundation
import ScapeScene

/// `--format html`: one self-contained page per figure, to send to someone who has only a
/// browser. It holds the figure as inline SVG (the same outlines as the .svg file) with a
/// transparent real-text layer over it, the catalogue of its tools as JSON, and a small
/// script: a card per tool on hover, focus or tap; a search box; toggles per category,
/// quadrant and ring; Tab and Enter. Nothing is fetched: no network, no other files.
public struct HTMLWriter: FigureWriter {
    public let name = "html"

    public init() {}

    public func write(_ scene: Scene, options: RenderOptions, text: PangoTextEngine) throws -> [UInt8] {
        let catalogue = options.catalogue ?? FigureCatalogue(title: options.title ?? "Figure")
        let title = options.catalogue?.title ?? options.title ?? "Figure"
        let svg = Self.inlineSVG(scene, options: options, text: text)
        var out = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="mlscape">
        <title>\(SVGWriter.escape(title))</title>
        <style>
        \(WebAssets.css)</style>
        </head>
        <body>
        <main class="scape-page">
        <h1>\(SVGWriter.escape(title))</h1>
        <div class="scape-controls">
        <input type="search" class="scape-search" placeholder="Search tools" aria-label="Search tools" autocomplete="off">
        <span class="scape-count" aria-live="polite"></span>
        <details class="scape-filter-box"><summary>Show only a category, quadrant or ring</summary><div class="scape-filters"></div></details>
        </div>
        <div class="scape-figure">
        \(svg)</div>
        <p class="scape-help">Hover, tap or Tab to a tool for its card (Enter opens it, Escape closes it). Click a category, quadrant or ring to show only its tools.</p>
        </main>
        <script type="application/json" class="scape-catalogue">
        \(WebAssets.scriptSafe(catalogue.json))</script>
        <script>
        \(WebAssets.script)
        mlscape.figure(document.querySelector(".scape-figure"), JSON.parse(document.querySelector(".scape-catalogue").textContent),
          { controls: document.querySelector(".scape-controls") });
        </script>
        </body>
        </html>

        """
        out = out.replacingOccurrences(of: "\r", with: "")
        return Array(out.utf8)
    }

    /// The figure's SVG without its XML prolog, ready to sit inside HTML, with the real-text
    /// layer laid over the outlines.
    public static func inlineSVG(_ scene: Scene, options: RenderOptions, text: PangoTextEngine) -> String {
        var svg = String(decoding: (try? SVGWriter().write(scene, options: options, text: text)) ?? [], as: UTF8.self)
        if svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") { svg.removeSubrange(svg.startIndex...end) }
        let layer = SVGTextLayer.group(for: scene, text: text)
        if let close = svg.range(of: "</svg>", options: .backwards) {
            svg.insert(contentsOf: layer, at: close.lowerBound)
        }
        return svg
    }
}

/// The style and script shared by the HTML figures and `mlscape serve`'s page.
public enum WebAssets {
    public static var css: String { String(decoding: PackageResources.scape_figure_css, as: UTF8.self) }
    public static var script: String { String(decoding: PackageResources.scape_figure_js, as: UTF8.self) }

    /// JSON that may sit inside a `<script>` element: every `<` (only ever inside a string)
    /// escaped, so no `</script>` or `<!--` in a tool's text can end the element early.
    public static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
