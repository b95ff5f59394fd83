import CCairo
import Foundation
import Testing
import ScapeGeometry
import ScapeRender
import ScapeScene

/// A large hatch is stroked a line at a time on rasters (`SeparatedSubpaths`): it must look as
/// the one stroke Cairo draws of the whole path, line for line, with no pass composited over
/// its twin (that would darken every line).
@Suite struct HatchRunsRasterTests {
    let width = 400, height = 420, scale = 2.0

    func hatch() -> Path {
        var path = Path()
        // 30 lines 6 pt apart (12 pixels), each in two passes 0.5 pt apart with a little bow.
        for k in 0..<30 {
            let y = 10 + Double(k) * 6
            for pass in 0..<2 {
                let dy = Double(pass) * 0.5
                path.move(to: Point(10, y + dy))
                path.curve(to: Point(190, y + 12 + dy), control1: Point(70, y + 4.6 + dy), control2: Point(130, y + 7.6 - dy))
            }
        }
        return path
    }

    /// The same path as one Cairo stroke, as the painter drew every path before (or, `eachPass`,
    /// every subpath stroked on its own: what a split that broke up a line's passes would draw).
    func oneStroke(_ path: Path, color: Color, lineWidth: Double, eachPass: Bool = false) throws -> RasterImage {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        cairo_scale(cr, scale, scale)
        cairo_set_source_rgba(cr, 1, 1, 1, 1)
        cairo_paint(cr)
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
        cairo_set_line_width(cr, lineWidth)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        for (i, e) in path.elements.enumerated() {
            switch e {
            case .move(let p):
                if eachPass && i > 0 { cairo_stroke(cr) }
                cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .cubic(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
        cairo_stroke(cr)
        cairo_destroy(cr)
        return RasterImage(surface: surface)
    }

    /// The hatch with each line's second pass drawn after the next line's first, as a scan
    /// across a concave region lists them.
    func interleavedHatch() -> Path {
        let path = hatch()
        var order: [Int] = [0]
        for k in 0..<29 { order += [2 * (k + 1), 2 * k + 1] }
        order.append(59)
        return Path(elements: order.flatMap { Array(path.elements[(2 * $0)..<(2 * $0 + 2)]) })
    }

    @Test(arguments: [false, true])
    func aHatchStrokedLineByLineLooksAsOneStroke(interleaved: Bool) throws {
        let color = Color(red: 0.2, green: 0.4, blue: 0.8)
        let path = interleaved ? interleavedHatch() : hatch()
        #expect(SeparatedSubpaths.runs(of: path, margin: 1.5 + 2 / scale)?.count == 30, "the test needs a hatch the painter splits")
        let scene = Scene(size: Size(Double(width) / scale, Double(height) / scale), background: .white,
                          nodes: [.path(ScenePath(id: "hatch", path: path, stroke: StrokeStyle(color: color, width: 1)))])
        let png = try PNGWriter().write(scene, options: RenderOptions(scale: scale), text: PangoTextEngine())
        let drawn = try #require(RasterImage(png: png))
        let expected = try oneStroke(path, color: color, lineWidth: 1)
        // Anti-aliasing may differ by a few levels (one stroke of many lines and a line alone
        // are rasterised a little differently; 6 of 255 at most in the blog's figures, more
        // on nearly flat lines like these): within the goldens' threshold of 24 levels.
        #expect(drawn.countDifferences(from: expected, threshold: 24) == 0)
        let inked = { (image: RasterImage) in image.pixels.filter { $0 != 0xffff_ffff }.count }
        #expect(abs(inked(drawn) - inked(expected)) <= inked(expected) / 200, "the same pixels touched, but for the faintest")
        // What the check is for: every pass composited over its twin darkens the lines.
        let overdrawn = try oneStroke(path, color: color, lineWidth: 1, eachPass: true)
        #expect(overdrawn.countDifferences(from: expected, threshold: 24) > 1000)
    }
}
