import Foundation
/// Checks a decoded document against the rules a figure needs (unique ids, known references,
/// positions on the axes) and builds the typed `Landscape`. Collects every problem it finds.
struct LandscapeValidator {
    let raw: RawDocument
    let locator: SourceLocator
    /// The ids of the tools that did not decode (a bad `x:`), read from the tree, so that a
    /// duplicate id is reported in the same run as the other errors, not after they are fixed.
    let undecodedToolIDs: [UndecodedToolID]
    private var diagnostics: [Diagnostic] = []

    /// A tool entry that failed to decode: its index and the id its name (or `id:`) gives.
    struct UndecodedToolID {
        var index: Int
        var id: String
        var key: String
    }

    init(raw: RawDocument, locator: SourceLocator, undecodedToolIDs: [UndecodedToolID] = []) {
        self.raw = raw
        self.locator = locator
        self.undecodedToolIDs = undecodedToolIDs
    }

    /// Records the ids of the undecoded tools listed before `limit`, reporting duplicates.
    private mutating func checkUndecodedIDs(before limit: Int, pending: inout ArraySlice<UndecodedToolID>, ids: inout [String: Int]) {
        while let u = pending.first, u.index < limit {
            pending.removeFirst()
            if let first = ids[u.id] {
                error("duplicate tool id '\(u.id)': tool \(first + 1) has it too", [.key("tools"), .index(u.index), .key(u.key)])
            } else {
                ids[u.id] = u.index
            }
        }
    }

    func validate() -> (landscape: Landscape, diagnostics: [Diagnostic]) {
        var copy = self
        let landscape = copy.run()
        return (landscape, copy.diagnostics)
    }

    private mutating func error(_ message: String, _ path: SpecPath) {
        diagnostics.append(.error(message, at: locator.location(of: path)))
    }

    private mutating func warning(_ message: String, _ path: SpecPath) {
        diagnostics.append(.warning(message, at: locator.location(of: path)))
    }

    private mutating func run() -> Landscape {
        if !raw.hasTools {
            error("missing required field 'tools' (the list of tools to place); write 'tools: []' for none", [])
        }
        let rings = validateRings()
        let quadrants = validateQuadrants()
        let categories = validateCategories(quadrants: quadrants, rings: rings)
        let tools = validateTools(categories: categories, quadrants: quadrants)
        let figures = validateFigures(tools: tools, categories: categories, quadrants: quadrants, rings: rings)
        var style: FigureStyle?
        if let name = raw.style {
            style = FigureStyle(rawValue: name.lowercased())
            if style == nil {
                error("style '\(name)' is unknown; the styles are \(FigureStyle.allCases.map(\.rawValue).joined(separator: ", "))", [.key("style")])
            }
        }
        var landscape = Landscape(title: raw.title ?? "Landscape", style: style, axes: axes(), rings: rings,
                                  quadrants: quadrants, categories: categories, tools: tools, figures: figures)
        if let theme = raw.theme { landscape.theme = validateTheme(theme) }
        return landscape
    }

    private mutating func validateTheme(_ t: RawTheme) -> ThemeOverrides {
        let path: SpecPath = [.key("theme")]
        var out = ThemeOverrides(font: t.font, toolSize: t.toolSize, subtitleSize: t.subtitleSize, axisSize: t.axisSize,
                                 titleSize: t.titleSize, markerRadius: t.markerRadius)
        let fills = ["hachure", "cross-hatch", "zigzag", "dots", "solid"]
        if let f = t.fill {
            if fills.contains(f.lowercased()) { out.fill = f.lowercased() } else {
                error("theme fill '\(f)' is unknown; the fills are \(fills.joined(separator: ", "))", path + [.key("fill")])
            }
        }
        if let a = t.hatchAngle {
            if let p = InputBounds.hatchAngle.problem(a, what: "theme 'hatch-angle'") { error(p, path + [.key("hatch-angle")]) } else { out.hatchAngle = a }
        }
        for (key, value, bound) in [("hatch-gap", t.hatchGap, InputBounds.hatchGap), ("hatch-weight", t.hatchWeight, InputBounds.hatchWeight),
                                    ("stroke-scale", t.strokeScale, InputBounds.strokeScale)] {
            guard let v = value else { continue }
            if let p = bound.problem(v, what: "theme '\(key)'") { error(p, path + [.key(key)]); continue }
            switch key {
            case "hatch-gap": out.hatchGap = v
            case "hatch-weight": out.hatchWeight = v
            default: out.strokeScale = v
            }
        }
        if let name = t.name {
            out.variant = ThemeOverrides.Variant(rawValue: name.lowercased())
            if out.variant == nil { error("theme '\(name)' is unknown; the themes are light, dark", path + [.key("name")]) }
        }
        for (key, value) in [("ink", t.ink), ("background", t.background), ("greyed", t.greyed), ("quadrant-title", t.quadrantTitle)] {
            guard let value else { continue }
            guard Self.isHexColor(value) else { error("theme colour '\(key)' is '\(value)'; expected #rrggbb", path + [.key(key)]); continue }
            switch key {
            case "ink": out.ink = value
            case "background": out.background = value
            case "greyed": out.greyed = value
            default: out.quadrantTitle = value
            }
        }
        readLook(t, into: &out, path)
        for (key, value, bound) in [("tool-size", t.toolSize, InputBounds.fontSize), ("subtitle-size", t.subtitleSize, InputBounds.fontSize),
                                    ("axis-size", t.axisSize, InputBounds.fontSize), ("title-size", t.titleSize, InputBounds.fontSize),
                                    ("marker-radius", t.markerRadius, InputBounds.radius)] {
            if let v = value, let p = bound.problem(v, what: "theme '\(key)'") { error(p, path + [.key(key)]) }
        }
        return out
    }

    /// Quadrant tints and title colours, axis and frame colours, label spots and proportions.
    private mutating func readLook(_ t: RawTheme, into out: inout ThemeOverrides, _ path: SpecPath) {
        let corners = QuadrantCorner.allCases.map(\.rawValue)
        for (key, map, target) in [("quadrant-fills", t.quadrantFills, \ThemeOverrides.quadrantFills),
                                   ("quadrant-title-colors", t.quadrantTitleColors, \ThemeOverrides.quadrantTitleColors)] {
            for (corner, color) in (map ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard corners.contains(corner) else {
                    error("theme '\(key)' names '\(corner)'; the quadrants are \(corners.joined(separator: ", "))", path + [.key(key), .key(corner)]); continue
                }
                guard Self.isHexColor(color) else { error("theme '\(key)' \(corner) is '\(color)'; expected #rrggbb", path + [.key(key), .key(corner)]); continue }
                out[keyPath: target][corner] = color
            }
        }
        let colours: [(String, String?, WritableKeyPath<ThemeOverrides, String?>)] = [
            ("axis-color", t.axisColor, \.axisColor), ("frame-color", t.frameColor, \.frameColor),
            ("x-label-color", t.xLabelColor, \.xLabelColor), ("y-label-color", t.yLabelColor, \.yLabelColor),
        ]
        for (key, value, target) in colours {
            guard let value else { continue }
            guard Self.isHexColor(value) else { error("theme colour '\(key)' is '\(value)'; expected #rrggbb", path + [.key(key)]); continue }
            out[keyPath: target] = value
        }
        for (key, value, allowed) in [("x-labels", t.xLabels, ["ends", "top", "bottom"]), ("y-labels", t.yLabels, ["ends", "left", "right"])] {
            guard let value else { continue }
            guard allowed.contains(value.lowercased()), let spot = ThemeOverrides.AxisLabelSpot(rawValue: value.lowercased()) else {
                error("theme '\(key)' is '\(value)'; expected \(allowed.joined(separator: ", "))", path + [.key(key)]); continue
            }
            if key == "x-labels" { out.xLabels = spot } else { out.yLabels = spot }
        }
        if let value = t.quadrantTitles {
            if let style = ThemeOverrides.QuadrantTitleStyle(rawValue: value.lowercased()) { out.quadrantTitles = style } else {
                error("theme 'quadrant-titles' is '\(value)'; expected \(ThemeOverrides.QuadrantTitleStyle.allCases.map(\.rawValue).joined(separator: ", "))", path + [.key("quadrant-titles")])
            }
        }
        if let a = t.aspect {
            if a.isFinite && a >= 1.0 / 3 && a <= 3 { out.aspect = a } else { error("theme 'aspect' is \(a); expected a width over height from 0.333 to 3", path + [.key("aspect")]) }
        }
    }

    private func axes() -> Axes {
        let d = Axes()
        func axis(_ r: RawAxis?, _ fallback: Axis) -> Axis {
            Axis(name: r?.name ?? fallback.name, negative: r?.negative ?? fallback.negative, positive: r?.positive ?? fallback.positive)
        }
        return Axes(x: axis(raw.axes?.x, d.x), y: axis(raw.axes?.y, d.y))
    }

    private mutating func validateRings() -> [String] {
        guard let rings = raw.rings else { return Landscape.defaultRings }
        let path: SpecPath = [.key("rings")]
        if rings.isEmpty || rings.count > 8 {
            error("'rings' needs 1 to 8 names, found \(rings.count)", path)
            return Landscape.defaultRings
        }
        var seen = Set<String>()
        for (i, r) in rings.enumerated() where !seen.insert(r.lowercased()).inserted {
            error("ring '\(r)' is listed twice", path + [.index(i)])
        }
        return rings.map { $0.lowercased() }
    }

    private mutating func validateQuadrants() -> [Quadrant] {
        var out: [Quadrant] = []
        var ids: [String: Int] = [:]
        var corners: [String: String] = [:]
        for (i, q) in raw.quadrants {
            let path: SpecPath = [.key("quadrants"), .index(i)]
            let check = checkID(q.id, kind: "quadrant", path: path + [.key("id")], seen: &ids, index: i)
            guard check != .empty else { continue }
            let x = side(q.x, path + [.key("x")]), y = side(q.y, path + [.key("y")])
            guard check == .new, let x, let y else { continue }
            let corner = "\(x.rawValue),\(y.rawValue)"
            if let other = corners[corner] {
                error("quadrants '\(other)' and '\(q.id)' both claim x: \(x.rawValue), y: \(y.rawValue)", path)
                continue
            }
            corners[corner] = q.id
            out.append(Quadrant(id: q.id, title: q.title ?? q.id, x: x, y: y))
        }
        return out
    }

    private mutating func side(_ value: String, _ path: SpecPath) -> AxisSide? {
        if let s = AxisSide(rawValue: value.lowercased()) { return s }
        error("'\(path.dotted)' is '\(value)'; expected negative or positive", path)
        return nil
    }

    private mutating func validateCategories(quadrants: [Quadrant], rings: [String]) -> [Category] {
        var out: [Category] = []
        var ids: [String: Int] = [:]
        let quadrantIDs = quadrants.map(\.id)
        for (i, c) in raw.categories {
            let path: SpecPath = [.key("categories"), .index(i)]
            let check = checkID(c.id, kind: "category", path: path + [.key("id")], seen: &ids, index: i)
            guard check != .empty else { continue }
            if let q = c.quadrant, !quadrantIDs.contains(q) {
                error("category '\(c.id)' names unknown quadrant '\(q)'\(hint(q, quadrantIDs))", path + [.key("quadrant")])
            }
            if let r = c.ring, !rings.contains(r.lowercased()) {
                error("category '\(c.id)' names unknown ring '\(r)'; the rings are \(rings.joined(separator: ", "))", path + [.key("ring")])
            }
            if let color = c.color, !Self.isHexColor(color) {
                error("category '\(c.id)' has colour '\(color)'; expected #rrggbb", path + [.key("color")])
            }
            if check == .new { out.append(Category(id: c.id, name: c.name ?? c.id, quadrant: c.quadrant, ring: c.ring?.lowercased(), color: c.color)) }
        }
        return out
    }

    private mutating func validateTools(categories: [Category], quadrants: [Quadrant]) -> [Tool] {
        var out: [Tool] = []
        var ids: [String: Int] = [:]
        let categoryIDs = categories.map(\.id)
        var pending = undecodedToolIDs.sorted { $0.index < $1.index }[...]
        defer { checkUndecodedIDs(before: Int.max, pending: &pending, ids: &ids) }
        for (i, t) in raw.tools {
            checkUndecodedIDs(before: i, pending: &pending, ids: &ids)
            let path: SpecPath = [.key("tools"), .index(i)]
            if t.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                error("tool \(i + 1) has an empty name", path + [.key("name")])
                continue
            }
            // Text lengths are checked for every field at once by `TextLengthCheck`.
            var style: ToolStyle?
            if let st = t.style {
                style = ToolStyle(radius: st.radius, color: st.color, strokeColor: st.strokeColor, strokeWidth: st.strokeWidth)
                for (key, value) in [("color", st.color), ("stroke-color", st.strokeColor)] {
                    if let value, !Self.isHexColor(value) { error("tool '\(t.name)' has \(key) '\(value)'; expected #rrggbb", path + [.key("style"), .key(key)]) }
                }
                for (key, value, bound) in [("radius", st.radius, InputBounds.radius), ("stroke-width", st.strokeWidth, InputBounds.strokeWidth)] {
                    if let v = value, let p = bound.problem(v, what: "tool '\(t.name)' \(key)") { error(p, path + [.key("style"), .key(key)]) }
                }
            }
            var tool = Tool(id: t.id, name: t.name, subtitle: t.subtitle, x: t.x, y: t.y, categories: t.categories ?? [], url: t.url, style: style,
                            description: t.description)
            tool.was = t.was.map { PreviousName($0, at: locator.location(of: path + [.key("was")])) }
            let idPath = path + [.key(t.id != nil ? "id" : "name")]
            // A duplicate is still checked below, so that its other mistakes show in this run.
            let duplicate = ids[tool.id] != nil
            if let first = ids[tool.id] {
                let how = t.id != nil ? "" : " (name and subtitle make the id; give one tool an 'id:' or a 'subtitle:')"
                error("duplicate tool id '\(tool.id)': tool \(first + 1) has it too\(how)", idPath)
            } else {
                ids[tool.id] = i
            }
            var placed = true
            for (axis, v) in [("x", t.x), ("y", t.y)] where !InputBounds.position.contains(v) {
                let shown = v.isNaN ? "NaN" : v.isFinite ? "\(v)" : (v > 0 ? "infinity" : "-infinity")
                error("tool '\(t.name)' has \(axis) = \(shown); \(InputBounds.position.note!)", path + [.key(axis)])
                placed = false
            }
            for (j, c) in tool.categories.enumerated() where !categoryIDs.contains(c) {
                error("tool '\(t.name)' names unknown category '\(c)'\(hint(c, categoryIDs))", path + [.key("categories"), .index(j)])
            }
            if placed {
                for c in tool.categories {
                    guard let qid = categories.first(where: { $0.id == c })?.quadrant,
                          let q = quadrants.first(where: { $0.id == qid }), !q.contains(x: t.x, y: t.y) else { continue }
                    warning("tool '\(t.name)' at (\(t.x), \(t.y)) lies outside quadrant '\(qid)' of its category '\(c)'", path)
                }
            }
            if !duplicate { out.append(tool) }
        }
        return out
    }

    private mutating func validateFigures(tools: [Tool], categories: [Category], quadrants: [Quadrant], rings: [String]) -> [Figure] {
        var out: [Figure] = []
        var ids: [String: Int] = [:]
        var fileNames: [String: String] = [:]
        let kinds = FigureKind.allCases.map(\.rawValue)
        for (i, f) in raw.figures {
            let path: SpecPath = [.key("figures"), .index(i)]
            let check = checkID(f.id, kind: "figure", path: path + [.key("id")], seen: &ids, index: i)
            guard check != .empty else { continue }
            if let problem = FigureID.problem(with: f.id) {
                error("figure id '\(f.id)' \(problem)", path + [.key("id")])
                continue
            }
            guard let kind = FigureKind(rawValue: f.kind) else {
                error("figure '\(f.id)' has unknown kind '\(f.kind)'; the kinds are \(kinds.joined(separator: ", "))", path + [.key("kind")])
                continue
            }
            var figure = Figure(id: f.id, kind: kind, title: f.title, regions: f.regions, note: f.note, step: f.step ?? 0)
            figure.key = f.key
            if let file = f.file {
                if let problem = FigureID.problem(with: file) {
                    error("figure '\(f.id)': file name '\(file)' \(problem)", path + [.key("file")])
                } else {
                    figure.file = file
                }
            }
            if check == .duplicate {
                // Its file name clashes by its id already; the duplicate error says so.
            } else if let other = fileNames[figure.fileName] {
                error("figures '\(other)' and '\(f.id)' would both write '\(figure.fileName)'; give one a different 'file:'",
                      path + [.key(f.file != nil ? "file" : "id")])
            } else {
                fileNames[figure.fileName] = f.id
            }
            let names = SelectionNames(tools: tools, categories: categories, quadrants: quadrants, rings: rings)
            figure.only = f.only.map { selection($0, names, path + [.key("only")]) }
            figure.highlight = f.highlight.map { selection($0, names, path + [.key("highlight")]) }
            for (j, a) in (f.arrows ?? []).enumerated() {
                if let arrow = arrow(a, path + [.key("arrows"), .index(j)]) { figure.arrows.append(arrow) }
            }
            if let q = f.quadrant {
                if quadrants.contains(where: { $0.id == q }) { figure.quadrant = q } else {
                    error("figure '\(f.id)' names unknown quadrant '\(q)'\(hint(q, quadrants.map(\.id)))", path + [.key("quadrant")])
                }
            } else if kind == .zoom {
                error("zoom figure '\(f.id)' needs 'quadrant:' (one of \(quadrants.map(\.id).joined(separator: ", ")))", path)
            }
            if let axes = f.axes {
                let base = self.axes()
                figure.axisLabels = Axes(
                    x: Axis(name: axes.x?.name ?? base.x.name, negative: axes.x?.negative ?? base.x.negative, positive: axes.x?.positive ?? base.x.positive),
                    y: Axis(name: axes.y?.name ?? base.y.name, negative: axes.y?.negative ?? base.y.negative, positive: axes.y?.positive ?? base.y.positive))
            }
            if let p = f.pictograms {
                figure.pictograms = (pictogram(p.negative, path + [.key("pictograms"), .key("negative")]),
                                     pictogram(p.positive, path + [.key("pictograms"), .key("positive")]))
            }
            for (j, g) in (f.glyphs ?? []).enumerated() {
                let gp = path + [.key("glyphs"), .index(j)]
                guard quadrants.contains(where: { $0.id == g.quadrant }) else {
                    error("glyph names unknown quadrant '\(g.quadrant)'\(hint(g.quadrant, quadrants.map(\.id)))", gp + [.key("quadrant")])
                    continue
                }
                guard let bold = LoopGlyph.Bold(rawValue: (g.bold ?? "none").lowercased()) else {
                    error("glyph 'bold' is '\(g.bold ?? "")'; expected \(LoopGlyph.Bold.allCases.map(\.rawValue).joined(separator: ", "))", gp + [.key("bold")])
                    continue
                }
                figure.glyphs.append(LoopGlyph(quadrant: g.quadrant, bold: bold))
            }
            for (j, b) in (f.boxes ?? []).enumerated() {
                var glyph: BannerGlyph?
                if let name = b.glyph {
                    glyph = BannerGlyph(rawValue: name.lowercased())
                    if glyph == nil {
                        error("unknown glyph '\(name)'; the glyphs are \(BannerGlyph.allCases.map(\.rawValue).joined(separator: ", "))",
                              path + [.key("boxes"), .index(j), .key("glyph")])
                    }
                }
                figure.boxes.append(BannerBox(text: b.text, glyph: glyph))
            }
            figure.spec = f.spec
            if f.spec != nil { figure.specLocation = locator.location(of: path + [.key("spec")]) }
            figure.quarter = f.quarter
            if let mode = f.blipLabels {
                figure.blipLabels = BlipLabels(rawValue: mode.lowercased())
                if figure.blipLabels == nil {
                    error("unknown blip-labels '\(mode)'; use \(BlipLabels.allCases.map(\.rawValue).joined(separator: ", "))", path + [.key("blip-labels")])
                }
            }
            if let fit = f.fit {
                if let problem = InputBounds.fit.problem(fit, what: "fit") {
                    error(problem, path + [.key("fit")])
                } else {
                    figure.fit = fit
                }
            }
            if let bands = f.bands {
                if let v = bands.first(where: { !InputBounds.annotation.contains($0) }) {
                    error(InputBounds.annotation.problem(v, what: "a band border")!, path + [.key("bands")])
                } else if bands.count != rings.count - 1 || zip(bands, bands.dropFirst()).contains(where: { $0.0 >= $0.1 }) || !bands.allSatisfy(\.isFinite) {
                    error("'bands' needs \(rings.count - 1) increasing borders, one between each pair of rings", path + [.key("bands")])
                } else {
                    figure.bandBorders = bands
                }
            }
            if let listed = f.offBand {
                if kind != .radarLandscape {
                    warning("figure '\(f.id)' is a \(kind.rawValue): only a radar-landscape has bands for 'off-band' to speak of", path + [.key("off-band")])
                }
                for (j, name) in listed.enumerated() {
                    if let tool = tools.first(where: { $0.id == name || $0.name.lowercased() == name.lowercased() }) {
                        if !figure.offBand.contains(tool.id) { figure.offBand.append(tool.id) }
                    } else {
                        error("unknown tool '\(name)'\(hint(name, tools.map(\.name)))", path + [.key("off-band"), .index(j)])
                    }
                }
            }
            if kind == .lifecycle && f.spec == nil {
                error("lifecycle figure '\(f.id)' needs 'spec:', the file of its loops (e.g. lifecycle.yaml)", path)
            }
            if kind == .banner && figure.boxes.isEmpty {
                error("banner figure '\(f.id)' needs 'boxes:' (each with 'text:' and an optional 'glyph:')", path)
            }
            if figure.step < 0 || figure.step > figure.boxes.count {
                error("'step' is \(figure.step); it selects a box from 1 to \(figure.boxes.count), or 0 for all", path + [.key("step")])
            }
            if check == .new { out.append(figure) }
        }
        return out
    }

    /// The names a selection may use, for checking and suggesting.
    struct SelectionNames {
        let tools: [Tool]
        let categories: [Category]
        let quadrants: [Quadrant]
        let rings: [String]
    }

    private mutating func selection(_ raw: RawSelection, _ names: SelectionNames, _ path: SpecPath) -> ToolSelection {
        let toolNames = names.tools.map(\.name) + names.tools.map(\.id)
        func check(_ list: [String]?, _ key: String, _ known: [String], what: String) -> [String] {
            for (k, name) in (list ?? []).enumerated() where !known.contains(where: { $0.lowercased() == name.lowercased() }) {
                error("unknown \(what) '\(name)'\(hint(name, known))", path + [.key(key), .index(k)])
            }
            return list ?? []
        }
        return ToolSelection(tools: check(raw.tools, "tools", toolNames, what: "tool"),
                             categories: check(raw.categories, "categories", names.categories.map(\.id), what: "category"),
                             quadrants: check(raw.quadrants, "quadrants", names.quadrants.map(\.id), what: "quadrant"),
                             rings: check(raw.rings, "rings", names.rings, what: "ring"))
    }

    private mutating func arrow(_ raw: RawArrow, _ path: SpecPath) -> TrendArrow? {
        var points: [(x: Double, y: Double)] = []
        for (k, p) in raw.through.enumerated() {
            guard p.count == 2, p.allSatisfy(InputBounds.annotation.contains) else {
                error("an arrow point is [x, y] with both \(InputBounds.annotation.rangeText)", path + [.key("through"), .index(k)])
                return nil
            }
            points.append((p[0], p[1]))
        }
        guard points.count >= 2 else {
            error("an arrow needs at least two points in 'through'", path + [.key("through")])
            return nil
        }
        let color = raw.color ?? "#c83737"
        guard Self.isHexColor(color) else {
            error("arrow colour '\(color)' is not #rrggbb", path + [.key("color")])
            return nil
        }
        let curve = (raw.curve ?? "smooth").lowercased()
        guard curve == "smooth" || curve == "straight" else {
            error("arrow 'curve' is '\(curve)'; expected smooth or straight", path + [.key("curve")])
            return nil
        }
        return TrendArrow(points: points, color: color, smooth: curve == "smooth")
    }

    private mutating func pictogram(_ name: String?, _ path: SpecPath) -> Pictogram? {
        guard let name, name.lowercased() != "none" else { return nil }
        if let p = Pictogram(rawValue: name.lowercased()) { return p }
        error("unknown pictogram '\(name)'; the pictograms are \(Pictogram.allCases.map(\.rawValue).joined(separator: ", ")), none", path)
        return nil
    }

    /// What an entry's id is: new (and now recorded), a duplicate, or empty.
    enum IDCheck { case new, duplicate, empty }

    /// Checks and records an id. A duplicate is reported and its entry still checked (its other
    /// mistakes appear in the same run) but not kept; an entry with no id is skipped.
    private mutating func checkID(_ id: String, kind: String, path: SpecPath, seen: inout [String: Int], index: Int) -> IDCheck {
        if id.trimmingCharacters(in: .whitespaces).isEmpty {
            error("\(kind) \(index + 1) has an empty id", path)
            return .empty
        }
        if let first = seen[id] {
            error("duplicate \(kind) id '\(id)': \(kind) \(first + 1) has it too", path)
            return .duplicate
        }
        seen[id] = index
        return .new
    }

    private func hint(_ name: String, _ known: [String]) -> String {
        if let s = Suggestions.closest(to: name, in: known) { return " (did you mean '\(s)'?)" }
        return known.isEmpty ? "" : "; known: \(known.prefix(8).joined(separator: ", "))\(known.count > 8 ? ", ..." : "")"
    }

    /// `#rrggbb` or `#rgb`.
    static func isHexColor(_ s: String) -> Bool {
        (s.count == 7 || s.count == 4) && s.hasPrefix("#") && s.dropFirst().allSatisfy(\.isHexDigit)
    }
}

/// Figure ids become file names, so they must stay plain names inside the output folder.
public enum FigureID {
    /// Why `id` cannot be a file name, or nil when it can.
    public static func problem(with id: String) -> String? {
        if id.isEmpty { return "is empty" }
        if id.contains("/") || id.contains("\\") { return "contains a path separator; use a plain name like 'ml-landscape-all'" }
        if id.hasPrefix(".") { return "starts with a dot; use a plain name like 'ml-landscape-all'" }
        if id.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) { return "contains a control character" }
        if id.utf8.count > 200 { return "is longer than 200 bytes" }
        return nil
    }
}
