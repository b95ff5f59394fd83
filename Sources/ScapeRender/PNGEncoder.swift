import CCairo
import Foundation
import ScapeGeometry

/// Encodes a Cairo image surface as PNG with settings we choose. Cairo's own writer goes
/// through libpng's adaptive filtering and zlib level 6, which is most of a figure's render
/// time; figures are mostly flat white, so one fixed filter ("Up") and a fast deflate level
/// give files of about the same size in a fraction of the time. Opaque images are written as
/// RGB, others as RGBA (un-premultiplied, as PNG wants).
struct PNGEncoder {
    /// zlib level, 1 (fastest) to 9 (smallest).
    var level: Int32 = 2

    func encode(surface: OpaquePointer) throws -> [UInt8] {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface), width > 0, height > 0 else {
            throw RenderError("cannot read the image to encode it")
        }
        let opaque = Self.isOpaque(data, width: width, height: height, stride: stride)
        let channels = opaque ? 3 : 4
        let rowBytes = width * channels
        // Filtered scanlines: one filter byte (2 = Up), then each byte minus the one above.
        // A pixel equal to the one above filters to zeros, which the buffer already holds:
        // on a mostly flat figure almost every pixel is skipped.
        // calloc: fresh pages are zero already, so the rows skipped below are never written
        // (nor faulted in and cleared, as a zero-filled array's are).
        let rawCount = (rowBytes + 1) * height
        guard let rawBase = calloc(rawCount, 1)?.assumingMemoryBound(to: UInt8.self) else {
            throw RenderError("cannot hold the \(width)x\(height) image to encode it")
        }
        defer { free(rawBase) }
        let raw = UnsafeMutableBufferPointer(start: rawBase, count: rawCount)
        do {
            let out = raw
            let zeroRow = [UInt32](repeating: 0, count: width)
            zeroRow.withUnsafeBufferPointer { zeros in
                for y in 0..<height {
                    let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                    let above = y == 0 ? zeros.baseAddress! : UnsafeRawPointer(data + (y - 1) * stride).assumingMemoryBound(to: UInt32.self)
                    let base = y * (rowBytes + 1)
                    out[base] = 2
                    // A row equal to the one above (most of a figure's white) filters to zeros,
                    // which the buffer already holds: one memcmp instead of a pixel loop.
                    if y > 0 && memcmp(row, above, width * 4) == 0 { continue }
                    var o = base + 1
                    for x in 0..<width {
                        let px = row[x], up = above[x]
                        if px != up {
                            let a = Self.straight(px), b = y == 0 ? (0, 0, 0, 0) : Self.straight(up)
                            out[o] = a.0 &- b.0
                            out[o + 1] = a.1 &- b.1
                            out[o + 2] = a.2 &- b.2
                            if channels == 4 { out[o + 3] = a.3 &- b.3 }
                        }
                        o += channels
                    }
                }
            }
        }
        // zlib writes the compressed bytes into uninitialised room: zeroing the whole bound
        // first (as large as the image) cost a page fault per 4 KB the figure never needed.
        let bound = Int(compressBound(uLong(raw.count)))
        WorkCounters.add(.bytesCompressed, raw.count)
        var status = Z_OK
        let compressed = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            var compressedLength = uLongf(bound)
            status = compress2(buffer.baseAddress, &compressedLength, rawBase, uLong(raw.count), level)
            count = status == Z_OK ? Int(compressedLength) : 0
        }
        guard status == Z_OK else { throw RenderError("cannot compress the PNG (zlib status \(status))") }

        var png: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
        var header: [UInt8] = []
        header += Self.bigEndian(UInt32(width))
        header += Self.bigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]  // 8 bits, RGB or RGBA, deflate, adaptive-filter method, no interlace
        Self.chunk("IHDR", header, into: &png)
        Self.chunk("IDAT", compressed, into: &png)
        Self.chunk("IEND", [], into: &png)
        return png
    }

    /// A premultiplied ARGB32 pixel as straight (r, g, b, a) bytes.
    @inline(__always)
    static func straight(_ px: UInt32) -> (UInt8, UInt8, UInt8, UInt8) {
        let a = px >> 24
        var r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff
        if a != 255 && a != 0 {
            r = (r * 255 + a / 2) / a
            g = (g * 255 + a / 2) / a
            b = (b * 255 + a / 2) / a
        }
        return (UInt8(truncatingIfNeeded: r), UInt8(truncatingIfNeeded: g), UInt8(truncatingIfNeeded: b), UInt8(truncatingIfNeeded: a))
    }

    static func isOpaque(_ data: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int) -> Bool {
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width where row[x] >> 24 != 0xff { return false }
        }
        return true
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xff), UInt8((v >> 8) & 0xff), UInt8(v & 0xff)]
    }

    static func chunk(_ type: String, _ body: [UInt8], into out: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        out += bigEndian(UInt32(body.count))
        out += typeBytes
        out += body
        var crc = crc32(0, typeBytes, uInt(typeBytes.count))
        crc = body.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        out += bigEndian(UInt32(crc))
    }
}
