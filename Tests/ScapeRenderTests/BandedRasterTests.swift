import Foundation
import ScapeInterop
import ScapeModel
import ScapePipeline
import ScapeRender
import Testing

/// A PNG too big for one surface is drawn in bands; the bands must give the same picture.
@Suite struct BandedRasterTests {
    let landscape = try! DataFileLoader.loadDefault().get()

    func png(_ id: String, bandPixels: Int, background: String?) throws -> RasterImage {
        let renderer = FigureRenderer(formats: FormatRegistry([PNGWriter(bandPixels: bandPixels)]))
        var settings = RenderSettings(formats: ["png"], scale: 1)
        settings.background = background.flatMap(Background.init(argument:))
        let bytes = try renderer.render(landscape.figure(id: id)!, of: landscape, settings: settings).files[0].bytes
        return try #require(RasterImage(png: bytes))
    }

    @Test(arguments: [("ml-landscape-quads", nil), ("ml-landscape-quads", "transparent"), ("ml-lifecycle", "white"), ("tech-radar", nil)] as [(String, String?)])
    func bandsGiveTheSamePixelsAsOnePiece(id: String, background: String?) throws {
        let whole = try png(id, bandPixels: 100_000_000, background: background)
        // Bands of about 37 rows, so band edges cut through text, markers and hatching.
        let banded = try png(id, bandPixels: 37 * whole.width, background: background)
        #expect(banded.width == whole.width && banded.height == whole.height)
        // Cairo rounds an edge's coverage from device coordinates, which a band's shift changes in
        // the last bit: a pixel here and there may differ by a level or two, never visibly.
        let pairs = zip(banded.pixels, whole.pixels).filter { $0 != $1 }
        var worst = 0
        for (a, b) in pairs {
            for shift in stride(from: 0, to: 32, by: 8) {
                let ca = Int((a >> UInt32(shift)) & 0xff), cb = Int((b >> UInt32(shift)) & 0xff)
                worst = max(worst, abs(ca - cb))
            }
        }
        #expect(pairs.count <= whole.pixels.count / 10_000, "\(pairs.count) of \(whole.pixels.count) pixels differ between banded and one-piece renders of \(id)")
        #expect(worst <= 8, "a pixel differs by \(worst) levels")
    }
}
