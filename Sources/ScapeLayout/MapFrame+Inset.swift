import ScapeGeometry

extension MapFrame {
    /// The frame of a detail inset: a window of the data drawn at a fixed scale into a box of
    /// its own, with no axes and no end labels (the main map has them).
    init(inset window: DataWindow, canvas: Size, origin: Point, unitX: Double, unitY: Double) {
        self.canvas = canvas
        self.window = window
        self.origin = origin
        self.unitX = unitX
        self.unitY = unitY
        endLabels = [:]
    }
}
