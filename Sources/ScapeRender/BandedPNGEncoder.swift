import CCairo
import ScapeGeometry
import ScapeScene

/// Draws and encodes a PNG too large to hold in memory at once, one horizontal band at a time:
/// each band is a Cairo surface of at most `RasterBudget.bandPixels` pixels, painted with the
/// whole scene shifted up, and deflated as a piece of its own (`PNGPiece`: rows unfiltered,
/// as `PNGEncoder` writes them) before the next is drawn. Peak memory is one band plus the
/// compressed file, whatever the width or scale. Bands are whole pixel rows, so the pixels are
/// those of a one-piece render.
struct BandedPNGEncoder {
    var level: Int32 = 2

    func encode(_ scene: Scene, scale: Double, width: Int, height: Int, bandRows: Int, text: PangoTextEngine) throws -> [UInt8] {
        // A band cannot be scanned for transparency before the rest is drawn: the background decides.
        let channels = (scene.background?.alpha ?? 0) >= 1 ? 3 : 4
        var pieces: [PNGPiece] = []
        var top = 0
        while top < height {
            let rows = min(bandRows, height - top)
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(rows)) else {
                throw RenderError("cannot create a \(width)x\(rows) band")
            }
            defer { cairo_surface_destroy(surface) }
            let status = cairo_surface_status(surface)
            guard status == CAIRO_STATUS_SUCCESS else { throw RenderError("cannot create a \(width)x\(rows) band", status: status) }
            let cr = cairo_create(surface)!
            cairo_translate(cr, 0, -Double(top))
            cairo_scale(cr, scale, scale)
            CairoScenePainter(text: text).paint(scene, on: cr)
            cairo_destroy(cr)
            cairo_surface_flush(surface)
            guard let data = cairo_image_surface_get_data(surface) else { throw RenderError("cannot read a band to encode it") }
            pieces.append(try PNGPiece(data, rows: 0..<rows, width: width, stride: Int(cairo_image_surface_get_stride(surface)),
                                       channels: channels, level: level, last: top + rows == height))
            top += rows
        }
        return PNGEncoder.png(width: width, height: height, channels: channels, level: level, pieces: pieces)
    }
}
