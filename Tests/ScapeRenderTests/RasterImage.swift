import CCairo
import Foundation

/// A decoded PNG (premultiplied ARGB32, Cairo's layout), for comparing renders pixel by pixel.
struct RasterImage {
    let width: Int
    let height: Int
    let pixels: [UInt32]

    init?(png bytes: [UInt8]) {
        final class Reader { var bytes: [UInt8]; var offset = 0; init(_ b: [UInt8]) { bytes = b } }
        let reader = Reader(bytes)
        let read: cairo_read_func_t = { closure, data, length in
            let r = Unmanaged<Reader>.fromOpaque(closure!).takeUnretainedValue()
            let n = Int(length)
            guard r.offset + n <= r.bytes.count, let data else { return CAIRO_STATUS_READ_ERROR }
            r.bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress! + r.offset, count: n) }
            r.offset += n
            return CAIRO_STATUS_SUCCESS
        }
        let surface = cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque())!
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        self.init(surface: surface)
        _ = reader
    }

    /// The pixels of a Cairo image surface drawn by a test (ARGB32).
    init(surface: OpaquePointer) {
        cairo_surface_flush(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let base = cairo_image_surface_get_data(surface)!
        var px: [UInt32] = []
        px.reserveCapacity(width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { px.append(row[x]) }
        }
        pixels = px
    }

    /// The pixels composited over white (premultiplied: colour + the missing alpha).
    var onWhite: [UInt32] {
        pixels.map { p in
            let missing = 255 - (p >> 24)
            var out: UInt32 = 0xff00_0000
            for shift in [16, 8, 0] as [UInt32] { out |= min(255, ((p >> shift) & 0xff) + missing) << shift }
            return out
        }
    }

    /// How many pixels differ by more than `threshold` in any channel.
    func countDifferences(from other: RasterImage, threshold: Int, compositedOnWhite: Bool = false) -> Int {
        precondition(width == other.width && height == other.height)
        let mine = compositedOnWhite ? onWhite : pixels, theirs = compositedOnWhite ? other.onWhite : other.pixels
        var n = 0
        for i in mine.indices where mine[i] != theirs[i] {
            let a = mine[i], b = theirs[i]
            for shift in stride(from: 0, through: 24, by: 8) {
                let d = abs(Int((a >> UInt32(shift)) & 0xff) - Int((b >> UInt32(shift)) & 0xff))
                if d > threshold { n += 1; break }
            }
        }
        return n
    }

    /// expected | diff (red where they differ) | actual, side by side, as PNG bytes.
    static func comparison(expected: RasterImage, actual: RasterImage) -> [UInt8] {
        let w = expected.width, h = expected.height
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w * 3), Int32(h))!
        defer { cairo_surface_destroy(surface) }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let base = cairo_image_surface_get_data(surface)!
        for y in 0..<h {
            let row = UnsafeMutableRawPointer(base + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<w {
                let e = expected.pixels[y * w + x]
                let a = x < actual.width && y < actual.height ? actual.pixels[y * actual.width + x] : 0
                row[x] = e
                row[w + x] = e == a ? 0xffff_ffff : 0xffff_0000
                row[2 * w + x] = a
            }
        }
        cairo_surface_mark_dirty(surface)
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        cairo_surface_write_to_png_stream(surface, { closure, data, length in
            Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        return sink.bytes
    }
}
