import CCairo
import Foundation
import ScapeGeometry
import ScapeScene

/// Raster output through Cairo's image surface, at `scale` pixels per figure unit.
public struct PNGWriter: FigureWriter {
    public let name = "png"
    /// A PNG holds pixels only, no title.
    public var namesFigure: Bool { false }

    /// Pixels above which the figure is drawn in bands (`RasterBudget.bandPixels`; tests lower it).
    let bandPixels: Int
    /// Pixels a piece of a large image holds at least (`pieces`; tests lower it).
    let piecePixels: Int

    public init(bandPixels: Int = RasterBudget.bandPixels, piecePixels: Int = PNGWriter.piecePixels) {
        self.bandPixels = bandPixels
        self.piecePixels = piecePixels
    }

    /// Pixels a piece of a large image holds at least, by default: the banded map (4.8
    /// million pixels at scale 2) is two pieces, the map (3.4 million) one.
    public static let piecePixels = 2 << 20

    /// A large image (the banded map's 4.8 million pixels) is drawn and deflated in pieces of
    /// whole rows, one after another from the top, so that the cores a render leaves idle can
    /// share it: each piece is painted on its own surface over its rows of the one image and
    /// deflated on its own. The cut depends on the image's size alone, never on the threads,
    /// so the bytes are the same on one core or many. An image under two pieces' worth is one.
    public static func pieces(width: Int, height: Int, piecePixels: Int) -> [Range<Int>] {
        let count = max(1, min(height, width * height / max(1, piecePixels)))
        return (0..<count).map { k in (height * k / count)..<(height * (k + 1) / count) }
    }

    /// Both of `options.threads` for an image painted and deflated in pieces; one otherwise
    /// (one piece, or bands drawn one after another).
    public func threadsBusy(writing scene: Scene, options: RenderOptions) -> Int {
        let width = Int((scene.size.width * options.scale).rounded(.up)), height = Int((scene.size.height * options.scale).rounded(.up))
        guard width > 0, height > 0, width * height <= bandPixels else { return 1 }
        return Self.pieces(width: width, height: height, piecePixels: piecePixels).count > 1 ? options.threads : 1
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
        let pieces = Self.pieces(width: Int(width), height: Int(height), piecePixels: piecePixels)
        // Memory kept from the last figure: no fresh pages to fault in and clear.
        return try SurfaceMemory.withSurface(width: width, height: height, paintedOpaque: (scene.background?.alpha ?? 0) >= 1) { surface in
            guard pieces.count > 1 else {
                let cr = cairo_create(surface)!
                cairo_scale(cr, options.scale, options.scale)
                CairoScenePainter(text: text).paint(scene, on: cr)
                cairo_destroy(cr)
                return try PNGEncoder().encode(surface: surface)
            }
            return try paintInPieces(scene, pieces: pieces, on: surface, options: options, text: text)
        }
    }

    /// The fewest channels that hold every piece (`PNGEncoder.channels` of each): grey < RGB < RGBA.
    static func fewest(_ channels: [Int?]) -> Int {
        channels.map { $0 ?? 4 }.max() ?? 4
    }

    /// Paints each piece's rows of `surface` on a surface of their own (at once on
    /// `options.threads` threads, each with its own Pango engine), then deflates the pieces.
    private func paintInPieces(_ scene: Scene, pieces: [Range<Int>], on surface: OpaquePointer, options: RenderOptions, text: PangoTextEngine) throws -> [UInt8] {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw RenderError("cannot draw on the \(width)x\(height) image") }
        // Each piece's rows are written by one thread only; the caller's engine serves the caller.
        nonisolated(unsafe) let pixels = data, callerText = text
        let caller = pthread_self()
        let channels = IndexedSlots<Int>(count: pieces.count)
        let scale = options.scale
        let tally = WorkCounters.current
        let paint: @Sendable (Int) -> Void = { k in WorkCounters.bind(tally) {
            let rows = pieces[k]
            let engine = PangoTextEngine.serving(caller, callerText)
            let band = cairo_image_surface_create_for_data(pixels + rows.lowerBound * stride, CAIRO_FORMAT_ARGB32,
                                                           Int32(width), Int32(rows.count), Int32(stride))!
            let cr = cairo_create(band)!
            cairo_translate(cr, 0, -Double(rows.lowerBound))
            cairo_scale(cr, scale, scale)
            CairoScenePainter(text: engine).paint(scene, on: cr)
            cairo_destroy(cr)
            cairo_surface_finish(band)
            cairo_surface_destroy(band)
            channels.set(k, PNGEncoder.channels(pixels + rows.lowerBound * stride, width: width, height: rows.count, stride: stride))
        } }
        if options.threads > 1 {
            DispatchQueue.concurrentPerform(iterations: pieces.count, execute: paint)
        } else {
            for k in pieces.indices { paint(k) }
        }
        cairo_surface_mark_dirty(surface)
        return try PNGEncoder(threads: options.threads).encode(data, width: width, height: height, stride: stride,
                                                               channels: Self.fewest(channels.values), pieces: pieces)
    }
}

