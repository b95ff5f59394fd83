import ScapeGeometry
import ScapeModel
import ScapeScene

/// The map's coordinate frame: where data (-1 ... 1 on both axes) lands on the canvas, and
/// where the axes and their end labels go. The axes reach ±1; the end labels sit beyond them.
public struct MapFrame: Sendable {
    public let canvas: Size
    /// Canvas point of the data origin.
    public let origin: Point
    /// Figure units per data unit, horizontally and vertically.
    public let unitX: Double
    public let unitY: Double
    /// Logical boxes of the four end labels.
    public let labelNegativeX: Rect
    public let labelPositiveX: Rect
    public let labelNegativeY: Rect
    public let labelPositiveY: Rect

    /// Fits the axes and their end labels into the theme's canvas.
    public init(axes: Axes, theme: Theme, measurer: any TextMeasurer) {
        let font = theme.axisLabelFont
        let left = measurer.measure(axes.x.negative, font: font)
        let right = measurer.measure(axes.x.positive, font: font)
        let top = measurer.measure(axes.y.positive, font: font)
        let bottom = measurer.measure(axes.y.negative, font: font)
        let w = theme.mapWidth, h = theme.mapHeight, m = theme.margin
        let gap = theme.arrowheadLength * 0.6
        let spanX = w - 2 * m - left.width - right.width - 2 * gap
        let spanY = h - 2 * m - top.height - bottom.height - 2 * gap
        canvas = Size(w, h)
        unitX = max(10, spanX / 2)
        unitY = max(10, spanY / 2)
        origin = Point(m + left.width + gap + unitX, m + top.height + gap + unitY)
        labelNegativeX = Rect(x: origin.x - unitX - gap - left.width, y: origin.y - left.height / 2, width: left.width, height: left.height)
        labelPositiveX = Rect(x: origin.x + unitX + gap, y: origin.y - right.height / 2, width: right.width, height: right.height)
        labelPositiveY = Rect(x: origin.x - top.width / 2, y: origin.y - unitY - gap - top.height, width: top.width, height: top.height)
        labelNegativeY = Rect(x: origin.x - bottom.width / 2, y: origin.y + unitY + gap, width: bottom.width, height: bottom.height)
    }

    /// The canvas point of a data position; y grows upwards in data, downwards on the canvas.
    public func point(x: Double, y: Double) -> Point {
        Point(origin.x + x * unitX, origin.y - y * unitY)
    }

    /// The canvas rectangle of the data square [-1, 1] x [-1, 1].
    public var plotRect: Rect {
        Rect(x: origin.x - unitX, y: origin.y - unitY, width: 2 * unitX, height: 2 * unitY)
    }

    /// The canvas rectangle of one quadrant of the data square.
    public func quadrantRect(x: AxisSide, y: AxisSide) -> Rect {
        Rect(x: x == .negative ? origin.x - unitX : origin.x, y: y == .positive ? origin.y - unitY : origin.y,
             width: unitX, height: unitY)
    }
}
