import CCairo
import ScapeScene

/// How finely Cairo samples a raster's shapes for anti-aliasing. Text is not a shape here:
/// FreeType renders it with its own grey coverage (`PangoTextEngine`).
///
/// Hatching (`StrokeStyle.hatching`, a fill pattern's hundreds of thin parallel lines) is
/// sampled on a 4x4 grid a pixel (Cairo's `FAST`) at 2 or more pixels per figure unit, the
/// blog set's scale: 8x8 or more a figure unit. Cairo's default (256 columns by 15 rows a
/// pixel) spent 50 ms of the set's 690 ms of CPU on it. Hatching is texture: at -41 degrees the
/// coarser steps do not show even at 8x zoom.
///
/// Every other shape keeps the default: on a nearly flat line, the 4 rows a pixel show as
/// steps along its edge at 8x zoom (`RasterSamplingTests`). So does hatching at scale 1, where
/// a pixel is a figure unit.
struct RasterSampling {
    /// Device pixels per figure unit from which hatching is sampled 4x4 a pixel.
    static let coarseHatchingFromScale = 2.0

    /// Whether this raster samples hatching coarsely.
    let coarseHatching: Bool

    /// The sampling for `cr`, an image surface's context already scaled to device pixels.
    init(_ cr: OpaquePointer) {
        coarseHatching = devicePixelsPerUnit(cr) >= Self.coarseHatchingFromScale - 1e-9
    }

    /// Sets the anti-aliasing of `cr` for a stroke in `style` (nil: a fill).
    func set(for style: StrokeStyle?, on cr: OpaquePointer) {
        let coarse = coarseHatching && style?.hatching == true
        cairo_set_antialias(cr, coarse ? CAIRO_ANTIALIAS_FAST : CAIRO_ANTIALIAS_DEFAULT)
    }
}
