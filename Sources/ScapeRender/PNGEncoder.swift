import CCairo
import Foundation
import ScapeGeometry

/// Encodes a Cairo image surface as PNG with settings we choose. Cairo's own writer goes
/// through libpng's adaptive filtering and zlib level 6, which is most of a figure's render
/// time; figures are mostly flat white, so no row filter (PNG filter type 0) and a fast
/// deflate level give small files in a fraction of the time. No filter beats "Up" here on
/// both counts: deflate finds a row equal to the one above as one long match either way, and
/// the anti-aliased edges of text and hatching repeat exactly from row to row more often than
/// their differences do (the blog set: 22 % smaller, zlib 13 % faster). Grey images are
/// written as grey, other opaque ones as RGB, the rest as RGBA (un-premultiplied, as PNG wants).
///
/// The rows are converted a batch at a time and streamed through deflate (`PNGPiece`): no
/// converted copy of the whole image (it was as many fresh pages to fault in as the image
/// has). Deflate's output does not depend on how its input is fed, so the bytes are those of
/// compressing each piece's rows at once; an image under `pieceBytes` is one piece.
struct PNGEncoder {
    /// zlib level, 1 (fastest) to 9 (smallest).
    var level: Int32 = 2
    /// Threads that may deflate the pieces at once: the cores a render leaves idle. The bytes
    /// do not depend on it.
    var threads = 1

    /// The PNG of a whole surface, deflated in one piece.
    func encode(surface: OpaquePointer) throws -> [UInt8] {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface), width > 0, height > 0 else {
            throw RenderError("cannot read the image to encode it")
        }
        let channels = Self.channels(data, width: width, height: height, stride: stride)
        return try encode(data, width: width, height: height, stride: stride, channels: channels, pieces: [0..<height])
    }

    /// The fewest channels that hold the image exactly: 1 (grey, as half the blog's figures
    /// are: a third of the bytes to convert and compress, and a smaller file), 3 (opaque
    /// colour) or 4. One pass over the pixels, skipping rows equal to the one above.
    static func channels(_ data: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int) -> Int {
        var grey = true
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            if y > 0 && memcmp(row, row - stride / 4, width * 4) == 0 { continue }
            // A row at a time with no branch inside, so the loop runs on vectors: the alpha
            // bytes ANDed together, and each pixel's red^green and green^blue ORed together.
            var alphas: UInt32 = 0xffff_ffff, colour: UInt32 = 0
            for x in 0..<width {
                let px = row[x]
                alphas &= px
                colour |= (px ^ (px >> 8)) & 0xffff
            }
            if alphas >> 24 != 0xff { return 4 }
            if colour != 0 { grey = false }
        }
        return grey ? 1 : 3
    }

    /// The PNG of the image in `channels` (1: grey, 3: RGB, 4: RGBA; see `channels(_:)`), its
    /// rows deflated in `pieces` (consecutive row ranges from the top), each on its own
    /// (`PNGPiece`), so that the pieces of a large image can be deflated on cores a render
    /// leaves idle. One piece: the bytes of one deflate of all rows.
    func encode(_ data: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int, channels: Int, pieces: [Range<Int>]) throws -> [UInt8] {
        let slots = IndexedSlots<Result<PNGPiece, any Error>>(count: pieces.count)
        let tally = WorkCounters.current, level = level
        // The pixels are only read, each piece's rows by one thread.
        nonisolated(unsafe) let pixels = data
        let deflate: @Sendable (Int) -> Void = { k in
            WorkCounters.bind(tally) {
                slots.set(k, Result {
                    try PNGPiece(pixels, rows: pieces[k], width: width, stride: stride, channels: channels, level: level, last: k == pieces.count - 1)
                })
            }
        }
        if threads > 1 && pieces.count > 1 {
            DispatchQueue.concurrentPerform(iterations: pieces.count, execute: deflate)
        } else {
            for k in pieces.indices { deflate(k) }
        }
        return Self.png(width: width, height: height, channels: channels, level: level, pieces: try slots.values.map { try $0!.get() })
    }

    /// The PNG file of deflated pieces, in order: its header, the pieces joined into one IDAT
    /// as pigz joins its blocks (raw deflate inside a zlib header and checksum of our own, the
    /// same bytes as zlib's own wrapping; the pieces' checksums joined by `adler32_combine`),
    /// and its end.
    static func png(width: Int, height: Int, channels: Int, level: Int32, pieces: [PNGPiece]) -> [UInt8] {
        var png: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
        var header: [UInt8] = []
        header += bigEndian(UInt32(width))
        header += bigEndian(UInt32(height))
        header += [8, [1: 0, 3: 2, 4: 6][channels]!, 0, 0, 0]  // 8 bits, grey, RGB or RGBA, deflate, adaptive-filter method, no interlace
        chunk("IHDR", header, into: &png)
        let idatStart = png.count
        png += [0, 0, 0, 0] + Array("IDAT".utf8) + zlibHeader(level: level)
        var adler = adler32(0, nil, 0)
        for piece in pieces {
            png += piece.bytes
            adler = adler32_combine(adler, piece.adler, off_t(piece.length))
        }
        png += bigEndian(UInt32(adler))
        let idatLength = png.count - idatStart - 8
        png.replaceSubrange(idatStart..<(idatStart + 4), with: bigEndian(UInt32(idatLength)))
        let crc = png.withUnsafeBufferPointer { crc32(0, $0.baseAddress! + idatStart + 4, uInt(idatLength + 4)) }
        png += bigEndian(UInt32(crc))
        chunk("IEND", [], into: &png)
        return png
    }

    /// One row of premultiplied ARGB32 pixels as PNG bytes: grey (`channels(_:)` found every
    /// pixel opaque and grey), RGB (every pixel opaque) or straight RGBA.
    @inline(__always)
    static func convert(_ row: UnsafePointer<UInt32>, width: Int, channels: Int, into out: UnsafeMutablePointer<UInt8>) {
        switch channels {
        case 1:
            for x in 0..<width { out[x] = UInt8(truncatingIfNeeded: row[x]) }
        case 3:
            var o = out
            for x in 0..<width {
                let px = row[x]
                o[0] = UInt8(truncatingIfNeeded: px >> 16)
                o[1] = UInt8(truncatingIfNeeded: px >> 8)
                o[2] = UInt8(truncatingIfNeeded: px)
                o += 3
            }
        default:
            var o = out
            for x in 0..<width {
                let s = straight(row[x])
                o[0] = s.0
                o[1] = s.1
                o[2] = s.2
                o[3] = s.3
                o += 4
            }
        }
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

    /// The two bytes zlib puts before its deflate stream (window 32 KB, deflate, the level's
    /// flag, a check that makes the pair a multiple of 31), as `deflateInit` would write them.
    static func zlibHeader(level: Int32) -> [UInt8] {
        let levelFlag: UInt16 = level < 2 ? 0 : level < 6 ? 1 : level == 6 ? 2 : 3
        var header: UInt16 = (8 + (7 << 4)) << 8 | levelFlag << 6
        header += 31 - header % 31
        return [UInt8(header >> 8), UInt8(header & 0xff)]
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

