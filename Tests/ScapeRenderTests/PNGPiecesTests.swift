import CCairo
import Foundation
import ScapeGeometry
import ScapeInterop
import ScapeModel
import ScapePipeline
import ScapeRender
import ScapeScene
import Testing

/// A large PNG is painted and deflated in pieces of whole rows, on the cores a render leaves
/// idle (`PNGWriter.pieces`). Its bytes must not depend on the threads, its pixels must be
/// those of one piece, and the joined stream must be a valid zlib stream with a true checksum.
@Suite struct PNGPiecesTests {
    let landscape = try! DataFileLoader.loadDefault().get()

    /// The figure's scene as the PNG writer gets it (laid out once, then drawn by hand).
    func scene(_ id: String) throws -> Scene {
        let settings = RenderSettings(formats: ["png"])
        let laid = FigureRenderer().layout(try #require(landscape.figure(id: id)), of: landscape, settings: settings)
        return settings.pen(for: landscape).apply(to: laid.scene)
    }

    func png(_ scene: Scene, piecePixels: Int, threads: Int) throws -> (bytes: [UInt8], counts: [WorkCounter: Int]) {
        var options = RenderOptions(scale: 1)
        options.threads = threads
        let measured = try WorkCounters.measure { try PNGWriter(piecePixels: piecePixels).write(scene, options: options, text: PangoTextEngine()) }
        return (measured.result, measured.counts)
    }

    /// The image data of a PNG, inflated by zlib itself, which checks the Adler-32 at the end.
    static func inflatedImageData(_ png: [UInt8]) -> [UInt8]? {
        var idat: [UInt8] = []
        var at = 8
        while at + 12 <= png.count {
            let length = png[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
            if String(decoding: png[(at + 4)..<(at + 8)], as: UTF8.self) == "IDAT" { idat += png[(at + 8)..<(at + 8 + length)] }
            at += 12 + length
        }
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        let channels = [0: 1, 2: 3, 6: 4][Int(png[25])] ?? 4
        var out = [UInt8](repeating: 0, count: height * (width * channels + 1))
        var outLength = uLongf(out.count)
        let status = uncompress(&out, &outLength, idat, uLong(idat.count))
        return status == Z_OK && Int(outLength) == out.count ? out : nil
    }

    // The banded map (colour) and the map (grey).
    @Test(arguments: ["tech-radar-landscape", "ml-landscape-all"])
    func aPNGInPiecesIsTheSameOnOneThreadOrTwoAndAsInOnePiece(id: String) throws {
        let scene = try scene(id)
        let whole = try png(scene, piecePixels: Int.max, threads: 2)
        let width = try #require(RasterImage(png: whole.bytes)).width
        // Pieces of about 37 rows, so their edges cut through text, markers and hatching.
        let one = try png(scene, piecePixels: 37 * width, threads: 1)
        let two = try png(scene, piecePixels: 37 * width, threads: 2)
        #expect(one.bytes != whole.bytes, "the test needs a PNG in pieces")
        #expect(one.bytes == two.bytes, "the bytes depend on the threads")
        #expect(one.counts == two.counts, "work on a helper thread went uncounted")
        // The joined checksum is the rows' own: zlib refuses the stream otherwise.
        let rows = try #require(Self.inflatedImageData(one.bytes), "the pieces do not join into one valid zlib stream")
        let wholeRows = try #require(Self.inflatedImageData(whole.bytes))
        #expect(rows.count == wholeRows.count)
        // The pixels are those of one piece: Cairo rounds an edge's coverage from device
        // coordinates, which a piece's shift changes in the last bit, so a pixel here and there
        // may differ by a level or two, never visibly (as in the bands of BandedRasterTests).
        let differing = zip(rows, wholeRows).filter { $0 != $1 }
        #expect(differing.count <= rows.count / 10_000, "\(differing.count) of \(rows.count) bytes differ from one piece")
        #expect(differing.allSatisfy { abs(Int($0) - Int($1)) <= 8 })
    }

    @Test func theBandedMapIsTwoPiecesAndTheMapOne() {
        // At the default scale, 2: the two largest figures of the blog's set.
        #expect(PNGWriter.pieces(width: 2610, height: 1824, piecePixels: PNGWriter.piecePixels).count == 2)
        #expect(PNGWriter.pieces(width: 2250, height: 1520, piecePixels: PNGWriter.piecePixels).count == 1)
        let cut = PNGWriter.pieces(width: 100, height: 7, piecePixels: 1)
        #expect(cut.count == 7 && cut.first?.lowerBound == 0 && cut.last?.upperBound == 7)
    }
}
