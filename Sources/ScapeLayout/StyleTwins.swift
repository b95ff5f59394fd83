import ScapeScene

/// Both styles' themes for one landscape, each with the data's overrides, so a map is laid out
/// once for both ("one layout, two looks"): in the sketch's metrics (the blog's look, which its
/// figures keep), with every text box wide enough for either style's type. Switching the style
/// then changes how a map is drawn, never what it decides: which tools are named on the map,
/// stacked, numbered or drawn again in an inset.
public struct StyleTwins: Sendable {
    public var sketch: Theme
    public var clean: Theme
    /// Whether the figure is drawn in the clean style (else the sketch).
    public var drawsClean: Bool

    public init(sketch: Theme, clean: Theme, drawsClean: Bool) {
        self.sketch = sketch
        self.clean = clean
        self.drawsClean = drawsClean
    }

    /// The drawn style's theme (its colours, fills and marker look) in the sketch's metrics:
    /// the type it is laid out in, the gaps, the pen's wobble that leaders keep clear of, and
    /// the markers' size. The clean style keeps its heavier marker outline as drawn width only.
    public var layoutTheme: Theme {
        guard drawsClean else { return sketch }
        var t = clean
        t.fontFamily = sketch.fontFamily
        t.toolFontSize = sketch.toolFontSize
        t.subtitleFontSize = sketch.subtitleFontSize
        t.axisLabelFontSize = sketch.axisLabelFontSize
        t.quadrantTitleFontSize = sketch.quadrantTitleFontSize
        t.quadsTitleFontSize = sketch.quadsTitleFontSize
        t.watermarkFontSize = sketch.watermarkFontSize
        t.labelGap = sketch.labelGap
        t.arrowheadLength = sketch.arrowheadLength
        t.strokeWobble = sketch.strokeWobble
        t.markerRadius = sketch.markerRadius
        t.markerOutline = clean.markerLineWidth
        t.markerStroke = sketch.markerStroke
        t.mapWidth = sketch.mapWidth
        t.mapHeight = sketch.mapHeight
        t.zoomWidth = sketch.zoomWidth
        t.zoomHeight = sketch.zoomHeight
        t.margin = sketch.margin
        return t
    }

    /// How each style sets the laid-out type; `floor` is the smallest type the publish width
    /// allows. The clean style's names keep their size against the sketch's (15 pt for 19).
    public func looks(floor: Double) -> (sketch: TypeLook, clean: TypeLook) {
        (TypeLook(family: sketch.fontFamily),
         TypeLook(family: clean.fontFamily, scale: clean.toolFontSize / sketch.toolFontSize, floor: floor))
    }
}
