import ScapeModel

/// A sentence saying what a figure shows, for the `alt` of its image in the gallery: a
/// screen reader, a broken image or a search engine gets the figure's content, not its file
/// name.
public enum FigureAltText {
    public static func describe(_ figure: Figure, in landscape: Landscape) -> String {
        let axes = "\(axis(landscape.axes.x)) across and \(axis(landscape.axes.y)) up"
        let titles = landscape.quadrants.map { oneLine($0.title) }
        let quadrants = titles.isEmpty ? "" : " in the quadrants \(list(titles))"
        var text: String
        switch figure.kind {
        case .map:
            let shown = figure.only.map { sel in landscape.tools.filter { sel.contains($0, in: landscape) } } ?? landscape.tools
            text = "\(count(shown.count, "tool")) of the \(landscape.title) placed by \(axes)\(quadrants)"
            if let h = figure.highlight {
                let lit = shown.filter { h.contains($0, in: landscape, matchingAll: false) }
                text += "; highlighted: \(list(lit.map(label), limit: 8))"
            }
            if !figure.arrows.isEmpty { text += "; \(count(figure.arrows.count, "trend arrow"))" }
            if figure.showsRegions { text += "; categories drawn as hatched regions" }
        case .zoom:
            let q = landscape.quadrant(id: figure.quadrant ?? "")
            let inside = landscape.tools.filter { t in q.map { $0.contains(x: t.x, y: t.y) } ?? false }
            text = "The \(q.map { oneLine($0.title) } ?? "") quadrant of the \(landscape.title): \(count(inside.count, "tool")) (\(list(inside.map(label), limit: 8))) and their categories as hatched regions"
        case .quadrants:
            text = "The two axes of the \(landscape.title), \(axes), and the quadrant titles \(list(titles))"
        case .setup:
            let a = figure.axisLabels ?? landscape.axes
            text = "The two axes: \(axis(a.x)) across and \(axis(a.y)) up, with pictograms at the ends"
            if let note = figure.note { text += "; note: \(oneLine(note))" }
        case .banner:
            let boxes = figure.boxes.map { oneLine($0.text) }
            text = "A row of \(count(boxes.count, "question")): \(list(boxes))"
            if figure.step > 0, figure.step <= boxes.count { text += "; the current one is \u{201C}\(boxes[figure.step - 1])\u{201D}" }
        case .lifecycle:
            let loops = figure.lifecycle?.loops ?? []
            let described = loops.map { loop in "\(loop.caption.map(oneLine) ?? loop.id) (\(loop.steps.joined(separator: ", ")))" }
            text = "A lifecycle of \(count(loops.count, "interlocked loop")): \(list(described))"
        case .radar:
            if let radar = figure.radar, !radar.blips.isEmpty {
                text = "A technology radar with the rings \(list(radar.rings)) and the sectors \(list(radar.sectors)): \(count(radar.blips.count, "blip")), \(list(radar.blips.map(\.name), limit: 8))"
            } else {
                text = "A quarter radar of the \(landscape.title) with the rings \(list(landscape.rings))"
            }
        case .radarLandscape:
            text = "\(count(landscape.tools.count, "tool")) of the \(landscape.title) by \(axes), under the adoption bands \(list(landscape.rings))"
        }
        if let title = figure.title { text = "\(oneLine(title)): \(text)" }
        return text + "."
    }

    static func axis(_ a: Axis) -> String { "\(a.name) (\(oneLine(a.negative)) to \(oneLine(a.positive)))" }

    /// A tool as its label reads: name and subtitle.
    static func label(_ t: Tool) -> String { [t.name, t.subtitle].compactMap { $0 }.joined(separator: " ") }

    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// `a, b and c`; past `limit` items, the first ones and `and N more`.
    static func list(_ items: [String], limit: Int = .max) -> String {
        guard !items.isEmpty else { return "none" }
        var shown = Array(items.prefix(limit))
        if items.count > limit { shown.append("\(items.count - limit) more") }
        if shown.count == 1 { return shown[0] }
        return shown.dropLast().joined(separator: ", ") + " and " + shown.last!
    }
}
