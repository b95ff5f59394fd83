/// Fonts, sizes, colours and strokes of a figure style. Sizes are figure units (points);
/// the PNG scale multiplies them.
public struct Theme: Hashable, Sendable {
    public var fontFamily: String
    public var ink: Color
    public var background: Color?
    public var quadrantTitleColor: Color
    public var greyedInk: Color

    public var toolFontSize: Double
    public var subtitleFontSize: Double
    public var axisLabelFontSize: Double
    public var quadrantTitleFontSize: Double
    public var quadsTitleFontSize: Double

    public var markerRadius: Double
    public var markerStroke: Double
    public var axisStroke: Double
    public var arrowheadLength: Double
    /// Gap between a marker's edge and its label.
    public var labelGap: Double

    /// The width markers, stacks and leaders are drawn with, where it differs from the
    /// `markerStroke` the layout measured (the clean style, laid out in the sketch's metrics).
    public var markerOutline: Double?
    public var markerLineWidth: Double { markerOutline ?? markerStroke }

    /// What fills a tool's marker: nothing in the clean style, a light hachure when sketched.
    public var markerPattern: FillPattern?

    /// Zoom figures (one quadrant) are this size.
    /// How far the style's strokes stray from their true line (the hand-drawn pen's wobble),
    /// so leaders keep that much further from names and markers.
    public var strokeWobble: Double = 0
    public var zoomWidth: Double = 1000
    public var zoomHeight: Double = 620
    /// The quadrant title behind a zoom figure's tools.
    public var watermarkFontSize: Double = 40
    public var regionHatchGap: Double = 7
    /// How regions are filled, and the angle (degrees) and weight of their lines.
    public var regionFill: FillPattern.Kind = .hachure
    public var hatchAngle: Double = -41
    public var hatchWeight: Double = 1
    public var regionStroke: Double = 1.6
    public var trendStroke: Double = 2.8
    /// Quadrant titles drawn as faint watermarks behind the tools, which names may cross (the
    /// blog's look); otherwise they are labels of the frame, which nothing covers.
    public var quadrantTitlesAreWatermarks = false
    /// Quadrant background tints and title colours by corner (`top-right`, ...); none by default.
    public var quadrantFills: [String: Color] = [:]
    public var quadrantTitleColors: [String: Color] = [:]
    /// The axis lines' colour (the ink unless set), and a frame around the plot when set.
    public var axisColor: Color?
    public var frameColor: Color?
    /// The x and y axes' end label colours (the ink unless set).
    public var xAxisLabelColor: Color?
    public var yAxisLabelColor: Color?
    /// Where the axes' end labels go.
    public var xAxisLabels: AxisLabelPlacement = .ends
    public var yAxisLabels: AxisLabelPlacement = .ends

    /// The width of a map figure; the height follows the axes' proportions.
    public var mapWidth: Double
    public var mapHeight: Double
    public var margin: Double

    public init(fontFamily: String, ink: Color, background: Color?, quadrantTitleColor: Color, greyedInk: Color,
                toolFontSize: Double, subtitleFontSize: Double, axisLabelFontSize: Double,
                quadrantTitleFontSize: Double, quadsTitleFontSize: Double,
                markerRadius: Double, markerStroke: Double, axisStroke: Double, arrowheadLength: Double,
                labelGap: Double, markerPattern: FillPattern? = nil, mapWidth: Double, mapHeight: Double, margin: Double) {
        self.fontFamily = fontFamily
        self.ink = ink
        self.background = background
        self.quadrantTitleColor = quadrantTitleColor
        self.greyedInk = greyedInk
        self.toolFontSize = toolFontSize
        self.subtitleFontSize = subtitleFontSize
        self.axisLabelFontSize = axisLabelFontSize
        self.quadrantTitleFontSize = quadrantTitleFontSize
        self.quadsTitleFontSize = quadsTitleFontSize
        self.markerRadius = markerRadius
        self.markerStroke = markerStroke
        self.axisStroke = axisStroke
        self.arrowheadLength = arrowheadLength
        self.labelGap = labelGap
        self.markerPattern = markerPattern
        self.mapWidth = mapWidth
        self.mapHeight = mapHeight
        self.margin = margin
    }

    /// Crisp vector figures for papers and slides, in the blog's proportions. DejaVu Sans
    /// Condensed: about as wide as Comic Neue at the same size (the regular cut is a fifth
    /// wider), so a map laid out once for both styles fits either's type (`StyleTwins`).
    public static let clean = Theme(
        fontFamily: "DejaVu Sans Condensed", ink: Color(red: 0.1, green: 0.1, blue: 0.1), background: .white,
        quadrantTitleColor: Color(red: 0.86, green: 0.86, blue: 0.86), greyedInk: Color(red: 0.78, green: 0.78, blue: 0.78),
        toolFontSize: 15, subtitleFontSize: 10, axisLabelFontSize: 22,
        quadrantTitleFontSize: 30, quadsTitleFontSize: 32,
        markerRadius: 7, markerStroke: 2, axisStroke: 2.2, arrowheadLength: 16,
        labelGap: 5, mapWidth: 1125, mapHeight: 760, margin: 14)

    /// The blog's hand-drawn look (drawn with the sketch pen): Comic Neue, heavier strokes,
    /// hachured markers; sizes read off the reference figures at half their pixel size.
    public static let sketch = Theme(
        fontFamily: "Comic Neue", ink: Color(red: 0.12, green: 0.12, blue: 0.12), background: .white,
        quadrantTitleColor: Color(red: 0.85, green: 0.85, blue: 0.85), greyedInk: Color(red: 0.78, green: 0.78, blue: 0.78),
        toolFontSize: 19, subtitleFontSize: 12.5, axisLabelFontSize: 26,
        quadrantTitleFontSize: 34, quadsTitleFontSize: 34,
        markerRadius: 6.5, markerStroke: 1.3, axisStroke: 2.2, arrowheadLength: 20,
        labelGap: 6, markerPattern: FillPattern(kind: .hachure, color: Color(red: 0.6, green: 0.6, blue: 0.6), gap: 4.2, weight: 1.1),
        mapWidth: 1125, mapHeight: 760, margin: 14)
    .wobbling(1.5)

    func wobbling(_ w: Double) -> Theme {
        var t = self
        t.strokeWobble = w
        return t
    }

    /// The same theme on a dark background: light ink, dim titles and greys.
    public var dark: Theme {
        var t = self
        t.ink = Color(red: 0.9, green: 0.9, blue: 0.9)
        t.background = Color(red: 0.12, green: 0.12, blue: 0.13)
        t.quadrantTitleColor = Color(red: 0.27, green: 0.27, blue: 0.29)
        t.greyedInk = Color(red: 0.36, green: 0.36, blue: 0.38)
        t.markerPattern?.color = Color(red: 0.55, green: 0.55, blue: 0.58)
        return t
    }

    public var toolFont: FontSpec { FontSpec(family: fontFamily, size: toolFontSize) }
    public var subtitleFont: FontSpec { FontSpec(family: fontFamily, size: subtitleFontSize) }
    public var axisLabelFont: FontSpec { FontSpec(family: fontFamily, size: axisLabelFontSize) }
    public var quadrantTitleFont: FontSpec { FontSpec(family: fontFamily, size: quadrantTitleFontSize) }
    public var quadsTitleFont: FontSpec { FontSpec(family: fontFamily, size: quadsTitleFontSize) }
    public var watermarkFont: FontSpec { FontSpec(family: fontFamily, size: watermarkFontSize) }
}
