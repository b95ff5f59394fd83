import CCairo
import ScapeScene

/// Raster output through Cairo's image surface, at `scale` pixels per figure unit.
public struct PNGWriter: FigureWriter {
    public let name = "png"
    /// A PNG holds pixels only, no title.
    public var namesFigure: Bool { false }

    /// Pixels above which the figure is drawn in bands (`RasterBudget.bandPixels`; tests lower it).
    let bandPixels: Int

    public init(bandPixels: Int = RasterBudget.bandPixels) {
        self.bandPixels = bandPixels
    }

    public func write(_ scene: Scene, options: RenderOptions, text: PangoTextEngine) throws -> [UInt8] {
        let width = Int32((scene.size.width * options.scale).rounded(.up))
        let height = Int32((scene.size.height * options.scale).rounded(.up))
        guard width > 0, height > 0, width <= 32767, height <= 32767 else {
            throw RenderError("the PNG would be \(width)x\(height) pixels; Cairo allows 1 to 32767 on each side (lower --scale)")
        }
        let pixels = Int(width) * Int(height)
        if pixels > bandPixels {
            return try BandedPNGEncoder().encode(scene, scale: options.scale, width: Int(width), height: Int(height),
                                                 bandRows: max(1, bandPixels / Int(width)), text: text)
        }
        // Memory kept from the last figure: no fresh pages to fault in and clear.
        return try SurfaceMemory.withSurface(width: width, height: height, paintedOpaque: (scene.background?.alpha ?? 0) >= 1) { surface in
            let cr = cairo_create(surface)!
            cairo_scale(cr, options.scale, options.scale)
            CairoScenePainter(text: text).paint(scene, on: cr)
            cairo_destroy(cr)
            return try PNGEncoder().encode(surface: surface)
        }
    }
}
