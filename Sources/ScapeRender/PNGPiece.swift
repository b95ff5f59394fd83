import CCairo
import Foundation
import ScapeGeometry

/// One piece of a PNG's image data: a run of rows, each with its filter byte (0: none),
/// converted from Cairo's pixels and raw-deflated on its own. A piece other than the last ends
/// on a sync flush (a byte boundary and an empty stored block), so the pieces' bytes, one after
/// another, are one deflate stream, as pigz joins its blocks; the last ends the stream. Its
/// Adler-32 joins the others' with `adler32_combine`.
///
/// The rows are converted a batch at a time and streamed through deflate: no converted copy of
/// the whole image. A row equal to the one above (most of a figure's white) is the same bytes
/// again, and adds to the checksum in a few arithmetic steps instead of a pass over its bytes.
struct PNGPiece {
    /// The deflated rows.
    private(set) var bytes: [UInt8] = []
    /// Adler-32 of the rows' bytes (filter bytes included), as `adler32` would give it.
    private(set) var adler: UInt
    /// How many bytes of rows the piece holds (for `adler32_combine`).
    let length: Int

    /// Rows handed to deflate at once (about this many bytes).
    static let batchBytes = 1 << 18

    init(_ data: UnsafeMutablePointer<UInt8>, rows: Range<Int>, width: Int, stride: Int, channels: Int, level: Int32, last: Bool) throws {
        let rowBytes = width * channels
        length = rows.count * (rowBytes + 1)
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw RenderError("cannot start compressing the PNG")
        }
        defer { deflateEnd(&stream) }
        let rowsPerBatch = max(1, Self.batchBytes / (rowBytes + 1))
        let batchCount = rowsPerBatch * (rowBytes + 1)
        guard let batch = malloc(batchCount)?.assumingMemoryBound(to: UInt8.self) else {
            throw RenderError("cannot hold \(rowsPerBatch) rows of the \(width)-pixel image to encode it")
        }
        defer { free(batch) }
        let outCount = 1 << 16
        let outBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: outCount)
        defer { outBuffer.deallocate() }
        var out: [UInt8] = []

        /// Compresses `count` bytes of the batch; `flush` ends the piece.
        func feed(_ count: Int, flush: Int32) throws {
            WorkCounters.add(.bytesCompressed, count)
            stream.next_in = batch
            stream.avail_in = uInt(count)
            while true {
                stream.next_out = outBuffer
                stream.avail_out = uInt(outCount)
                let status = deflate(&stream, flush)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw RenderError("cannot compress the PNG (zlib status \(status))")
                }
                out.append(contentsOf: UnsafeBufferPointer(start: outBuffer, count: outCount - Int(stream.avail_out)))
                if flush == Z_FINISH ? status == Z_STREAM_END : (stream.avail_in == 0 && stream.avail_out != 0) { return }
            }
        }

        var inBatch = 0
        // Where the row above was written: the batch's last slot still holds it when a new batch starts.
        var previous = batch + (rowsPerBatch - 1) * (rowBytes + 1)
        var adler = adler32(0, nil, 0), rowAdler = adler
        for y in rows {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            let slot = batch + inBatch * (rowBytes + 1)
            if y > rows.lowerBound && memcmp(row, row - stride / 4, width * 4) == 0 {
                if slot != previous { slot.update(from: previous, count: rowBytes + 1) }
            } else {
                slot[0] = 0
                PNGEncoder.convert(row, width: width, channels: channels, into: slot + 1)
                rowAdler = UInt(mlscape_adler32(1, slot, UInt(rowBytes + 1)))
            }
            adler = adler32_combine(adler, rowAdler, off_t(rowBytes + 1))
            previous = slot
            inBatch += 1
            if inBatch == rowsPerBatch {
                try feed(inBatch * (rowBytes + 1), flush: Z_NO_FLUSH)
                inBatch = 0
            }
        }
        if inBatch > 0 { try feed(inBatch * (rowBytes + 1), flush: Z_NO_FLUSH) }
        try feed(0, flush: last ? Z_FINISH : Z_SYNC_FLUSH)
        bytes = out
        self.adler = adler
    }
}
