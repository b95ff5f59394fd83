import CCairo
import ScapeGeometry
import ScapeScene

/// Draws and encodes a PNG too large to hold in memory at once, one horizontal band at a time:
/// each band is a Cairo surface of at most `RasterBudget.bandPixels` pixels, painted with the
/// whole scene shifted up, its rows unfiltered (filter type 0, as `PNGEncoder` writes them)
/// and fed to one streaming deflate. Peak memory is one band plus the compressed file, whatever the
/// width or scale. Bands are whole pixel rows, so the pixels are those of a one-piece render.
struct BandedPNGEncoder {
    var level: Int32 = 2

    func encode(_ scene: Scene, scale: Double, width: Int, height: Int, bandRows: Int, text: PangoTextEngine) throws -> [UInt8] {
        // A band cannot be scanned for transparency before the rest is drawn: the background decides.
        let opaque = (scene.background?.alpha ?? 0) >= 1
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        var stream = z_stream()
        guard deflateInit_(&stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw RenderError("cannot start compressing the PNG")
        }
        defer { deflateEnd(&stream) }
        var idat: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var converted = [UInt8](repeating: 0, count: rowBytes + 1)

        /// Compresses `count` bytes (none when finishing) and appends what zlib gives back.
        func feed(_ bytes: UnsafeMutablePointer<UInt8>?, count: Int, finish: Bool) throws {
            WorkCounters.add(.bytesCompressed, count)
            stream.next_in = bytes
            stream.avail_in = uInt(count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    return deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH)
                }
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw RenderError("cannot compress the PNG (zlib status \(status))")
                }
                idat += chunk[0..<(chunk.count - Int(stream.avail_out))]
                if finish ? status == Z_STREAM_END : (stream.avail_in == 0 && stream.avail_out != 0) { return }
            }
        }

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
            let stride = Int(cairo_image_surface_get_stride(surface))
            guard let data = cairo_image_surface_get_data(surface) else { throw RenderError("cannot read a band to encode it") }
            for y in 0..<rows {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                try converted.withUnsafeMutableBufferPointer { out in
                    out[0] = 0
                    PNGEncoder.convert(row, width: width, channels: channels, into: out.baseAddress! + 1)
                    try feed(out.baseAddress!, count: out.count, finish: false)
                }
            }
            top += rows
        }
        try feed(nil, count: 0, finish: true)

        var png: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
        var header: [UInt8] = []
        header += PNGEncoder.bigEndian(UInt32(width))
        header += PNGEncoder.bigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]
        PNGEncoder.chunk("IHDR", header, into: &png)
        PNGEncoder.chunk("IDAT", idat, into: &png)
        PNGEncoder.chunk("IEND", [], into: &png)
        return png
    }
}
