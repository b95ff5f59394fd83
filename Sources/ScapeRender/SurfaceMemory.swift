import CCairo
import Foundation

/// Image memory kept from one PNG to the next. A fresh Cairo image surface is fresh pages
/// that the kernel faults in and clears as the background is painted (a tenth of the blog
/// set's CPU went to the kernel, most of it these faults); a surface drawn on memory already
/// in use needs neither. Only for a figure whose background is opaque: it paints every pixel
/// first, so what the memory held before cannot show. Any other gets a new surface, because
/// Cairo draws its first strokes on a surface it knows to be clear by another path, whose
/// rounding differs (a cleared kept buffer moved some pixels of the banded map by one).
enum SurfaceMemory {
    /// Buffers kept for the next figure: one per worker of a render on this machine.
    static let keptBuffers = 2
    /// Larger buffers (huge --scale or --width, a band) are given back to the system.
    static let keptBytes = 48 * 1_048_576

    private static let lock = NSLock()
    nonisolated(unsafe) private static var spare: [(memory: UnsafeMutableRawPointer, bytes: Int)] = []

    /// Calls `body` with an ARGB32 surface of `width` x `height` pixels: transparent black,
    /// or, when `paintedOpaque` (the caller paints every pixel opaque before anything else),
    /// of any content. The surface must not outlive `body`.
    static func withSurface<R>(width: Int32, height: Int32, paintedOpaque: Bool, _ body: (OpaquePointer) throws -> R) throws -> R {
        let stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, width)
        let bytes = Int(stride) * Int(height)
        let buffer = paintedOpaque && stride > 0 ? take(bytes) : nil
        defer { if let buffer { give(buffer) } }
        let surface = buffer.map { cairo_image_surface_create_for_data($0.memory.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32, width, height, stride)! }
            ?? cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)!
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError("cannot create a \(width)x\(height) image", status: status) }
        return try body(surface)
    }

    /// The smallest kept buffer of at least `bytes`, else a new one.
    private static func take(_ bytes: Int) -> (memory: UnsafeMutableRawPointer, bytes: Int)? {
        lock.lock()
        let fit = spare.indices.filter { spare[$0].bytes >= bytes }.min { spare[$0].bytes < spare[$1].bytes }
        let found = fit.map { spare.remove(at: $0) }
        lock.unlock()
        if let found { return found }
        return malloc(bytes).map { ($0, bytes) }
    }

    private static func give(_ buffer: (memory: UnsafeMutableRawPointer, bytes: Int)) {
        guard buffer.bytes <= keptBytes else { free(buffer.memory); return }
        lock.lock()
        spare.append((buffer.memory, buffer.bytes))
        var dropped: UnsafeMutableRawPointer?
        if spare.count > keptBuffers, let smallest = spare.indices.min(by: { spare[$0].bytes < spare[$1].bytes }) {
            dropped = spare.remove(at: smallest).memory
        }
        lock.unlock()
        if let dropped { free(dropped) }
    }
}
