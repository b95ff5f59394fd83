import ScapeGeometry
import ScapeModel
import ScapeScene

/// One end of an axis.
public enum AxisEnd: String, Sendable, CaseIterable {
    case negativeX, positiveX, negativeY, positiveY
}

/// The part of the data plane a figure shows: the whole map, or one quadrant.
public struct DataWindow: Sendable, Equatable {
    public var minX: Double, maxX: Double, minY: Double, maxY: Double

    public init(minX: Double, maxX: Double, minY: Double, maxY: Double) {
        self.minX = minX
        self.maxX = maxX
        self.minY = minY
        self.maxY = maxY
    }

    public static let full = DataWindow(minX: -1, maxX: 1, minY: -1, maxY: 1)

    public static func quadrant(x: AxisSide, y: AxisSide) -> DataWindow {
        DataWindow(minX: x == .negative ? -1 : 0, maxX: x == .negative ? 0 : 1, minY: y == .negative ? -1 : 0, maxY: y == .negative ? 0 : 1)
    }

    public func contains(x: Double, y: Double) -> Bool { x >= minX && x <= maxX && y >= minY && y <= maxY }

    /// The axis ends this window shows: those away from the origin.
    public var ends: [AxisEnd] {
        var out: [AxisEnd] = []
        if minX < 0 { out.append(.negativeX) }
        if maxX > 0 { out.append(.positiveX) }
        if minY < 0 { out.append(.negativeY) }
        if maxY > 0 { out.append(.positiveY) }
        return out
    }

    /// A quadrant's window shrunk to the tools in it (with room around them), so a zoom
    /// spends its canvas on its tools; the origin corner stays.
    public static func fitted(x: AxisSide, y: AxisSide, to points: [(x: Double, y: Double)], padding: Double = 0.12) -> DataWindow {
        var w = quadrant(x: x, y: y)
        guard !points.isEmpty else { return w }
        let reachX = min(1, (points.map { abs($0.x) }.max() ?? 1) + padding)
        let reachY = min(1, (points.map { abs($0.y) }.max() ?? 1) + padding)
        if x == .negative { w.minX = -reachX } else { w.maxX = reachX }
        if y == .negative { w.minY = -reachY } else { w.maxY = reachY }
        return w
    }
}

/// A map's coordinate frame: where the data window lands on the canvas, and where the axes
/// and their end labels go. Axes reach ±1; each end label sits beyond its arrowhead.
public struct MapFrame: Sendable {
    public let canvas: Size
    public let window: DataWindow
    /// Canvas point of the data origin.
    public let origin: Point
    /// Figure units per data unit, horizontally and vertically.
    public let unitX: Double
    public let unitY: Double
    /// The end labels' texts and logical boxes.
    public let endLabels: [AxisEnd: (text: String, frame: Rect)]

    /// Fits the window and the end labels of its outer axis ends into a canvas.
    public init(axes: Axes, window: DataWindow = .full, canvas: Size, margin: Double? = nil, theme: Theme, measurer: any TextMeasurer) {
        let font = theme.axisLabelFont
        var sizes: [AxisEnd: (String, Size)] = [:]
        for end in window.ends {
            let text: String
            switch end {
            case .negativeX: text = axes.x.negative
            case .positiveX: text = axes.x.positive
            case .negativeY: text = axes.y.negative
            case .positiveY: text = axes.y.positive
            }
            if !text.isEmpty { sizes[end] = (text, measurer.measure(text, font: font)) }
        }
        let m = margin ?? theme.margin, gap = theme.arrowheadLength * 0.6
        // Room on each side of the plot for the labels that go there.
        var room: [AxisLabelPlacement: Double] = [:]
        for (end, (_, size)) in sizes {
            let side = Self.side(of: end, theme: theme)
            room[side] = max(room[side] ?? 0, (side == .left || side == .right ? size.width : size.height) + gap)
        }
        let left = room[.left] ?? 0, right = room[.right] ?? 0
        // Inner ends (a zoom's axes at the origin) need room for half an arrowhead's spread only.
        let innerPad = theme.arrowheadLength * 0.5
        let padLeft = window.minX < 0 ? left : max(left, innerPad), padRight = window.maxX > 0 ? right : max(right, innerPad)
        let ux = max(10, (canvas.width - 2 * m - padLeft - padRight) / (window.maxX - window.minX))
        let originX = m + padLeft - window.minX * ux
        // x labels above or below the plot share that side with the y axis's end label: when
        // they would touch it, they keep the row next to the plot and the y label moves out.
        var stackedRow: Double?
        if [.top, .bottom].contains(theme.xAxisLabels), theme.yAxisLabels == .ends,
           let y = sizes[theme.xAxisLabels == .top ? .positiveY : .negativeY]?.1 {
            let plotLeft = originX + window.minX * ux, plotRight = originX + window.maxX * ux
            let yLabel = (originX - y.width / 2 - gap, originX + y.width / 2 + gap)
            let xLabels = [sizes[.negativeX].map { (plotLeft, plotLeft + $0.1.width) }, sizes[.positiveX].map { (plotRight - $0.1.width, plotRight) }].compactMap { $0 }
            if xLabels.contains(where: { $0.0 < yLabel.1 && yLabel.0 < $0.1 }) {
                let row = xLabels.isEmpty ? 0 : max(sizes[.negativeX]?.1.height ?? 0, sizes[.positiveX]?.1.height ?? 0)
                stackedRow = row + gap
                room[theme.xAxisLabels] = row + gap + y.height + gap
            }
        }
        let top = room[.top] ?? 0, bottom = room[.bottom] ?? 0
        let padTop = window.maxY > 0 ? top : max(top, innerPad), padBottom = window.minY < 0 ? bottom : max(bottom, innerPad)
        self.canvas = canvas
        self.window = window
        unitX = ux
        unitY = max(10, (canvas.height - 2 * m - padTop - padBottom) / (window.maxY - window.minY))
        origin = Point(originX, m + padTop + window.maxY * unitY)
        var labels: [AxisEnd: (String, Rect)] = [:]
        let bounds = Rect(origin: .zero, size: canvas).insetBy(m / 2)
        for (end, (text, size)) in sizes {
            var rect: Rect
            let plotLeft = origin.x + window.minX * unitX, plotRight = origin.x + window.maxX * unitX
            let plotTop = origin.y - window.maxY * unitY, plotBottom = origin.y - window.minY * unitY
            switch (end, Self.side(of: end, theme: theme)) {
            case (.negativeX, .top), (.negativeX, .bottom), (.positiveX, .top), (.positiveX, .bottom):
                // Along the top or bottom edge, at the end's corner.
                let x = end == .negativeX ? plotLeft : plotRight - size.width
                let y = theme.xAxisLabels == .top ? plotTop - gap - size.height : plotBottom + gap
                rect = Rect(x: x, y: y, width: size.width, height: size.height)
            case (.negativeY, .left), (.negativeY, .right), (.positiveY, .left), (.positiveY, .right):
                // Beside the left or right edge, level with the middle of the end's half (as
                // Mermaid centres its y labels), clear of the corners where titles and x labels go.
                let x = theme.yAxisLabels == .left ? plotLeft - gap - size.width : plotRight + gap
                let middle = end == .positiveY ? origin.y - window.maxY * unitY / 2 : origin.y - window.minY * unitY / 2
                let y = middle - size.height / 2
                rect = Rect(x: x, y: y, width: size.width, height: size.height)
            case (.negativeX, _): rect = Rect(x: origin.x + window.minX * unitX - gap - size.width, y: origin.y - size.height / 2, width: size.width, height: size.height)
            case (.positiveX, _): rect = Rect(x: origin.x + window.maxX * unitX + gap, y: origin.y - size.height / 2, width: size.width, height: size.height)
            case (.positiveY, _):
                let out = theme.xAxisLabels == .top ? stackedRow ?? 0 : 0
                rect = Rect(x: origin.x - size.width / 2, y: origin.y - window.maxY * unitY - gap - out - size.height, width: size.width, height: size.height)
            case (.negativeY, _):
                let out = theme.xAxisLabels == .bottom ? stackedRow ?? 0 : 0
                rect = Rect(x: origin.x - size.width / 2, y: origin.y - window.minY * unitY + gap + out, width: size.width, height: size.height)
            }
            // Keep a label centred on an axis at the canvas edge inside the canvas.
            rect.origin.x = min(max(rect.minX, bounds.minX), bounds.maxX - rect.width)
            rect.origin.y = min(max(rect.minY, bounds.minY), bounds.maxY - rect.height)
            labels[end] = (text, rect)
        }
        endLabels = labels
    }

    /// The side of the plot an end's label goes on: beyond its arrowhead, or where the theme
    /// puts that axis's labels.
    static func side(of end: AxisEnd, theme: Theme) -> AxisLabelPlacement {
        switch end {
        case .negativeX: [.top, .bottom].contains(theme.xAxisLabels) ? theme.xAxisLabels : .left
        case .positiveX: [.top, .bottom].contains(theme.xAxisLabels) ? theme.xAxisLabels : .right
        case .positiveY: [.left, .right].contains(theme.yAxisLabels) ? theme.yAxisLabels : .top
        case .negativeY: [.left, .right].contains(theme.yAxisLabels) ? theme.yAxisLabels : .bottom
        }
    }

    /// How an end label's lines align: towards the axis end it names.
    static func alignment(of end: AxisEnd, theme: Theme) -> TextAlignment {
        switch side(of: end, theme: theme) {
        case .left: .right
        case .right: .left
        case .top, .bottom, .ends: end == .negativeX ? .left : end == .positiveX ? .right : .center
        }
    }

    /// The canvas point of a data position; y grows upwards in data, downwards on the canvas.
    public func point(x: Double, y: Double) -> Point {
        Point(origin.x + x * unitX, origin.y - y * unitY)
    }

    /// The data position of a canvas point.
    public func data(at p: Point) -> (x: Double, y: Double) {
        ((p.x - origin.x) / unitX, (origin.y - p.y) / unitY)
    }

    /// The canvas rectangle of the data window.
    public var plotRect: Rect {
        let a = point(x: window.minX, y: window.maxY), b = point(x: window.maxX, y: window.minY)
        return Rect(x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y)
    }

    /// The canvas rectangle of one quadrant of the data square.
    public func quadrantRect(x: AxisSide, y: AxisSide) -> Rect {
        Rect(x: x == .negative ? origin.x - unitX : origin.x, y: y == .positive ? origin.y - unitY : origin.y,
             width: unitX, height: unitY)
    }
}
