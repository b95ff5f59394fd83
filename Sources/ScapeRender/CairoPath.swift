import CCairo
import ScapeGeometry

/// Moves paths between our `Path` and a Cairo context.
enum CairoPath {
    /// Replaces the current path of `cr` with `path`.
    static func set(_ path: Path, on cr: OpaquePointer) {
        cairo_new_path(cr)
        for e in path.elements {
            switch e {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .cubic(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
            case .close: cairo_close_path(cr)
            }
        }
    }

    /// The current path of `cr` as a `Path`.
    static func read(from cr: OpaquePointer) -> Path {
        var out = Path()
        guard let cpath = cairo_copy_path(cr) else { return out }
        defer { cairo_path_destroy(cpath) }
        // An empty path (a space's glyph) or a path in error comes with no data.
        guard cpath.pointee.status == CAIRO_STATUS_SUCCESS, let data = cpath.pointee.data else { return out }
        var i = 0
        let count = Int(cpath.pointee.num_data)
        while i < count {
            let header = data[i].header
            let length = Int(header.length)
            func pt(_ k: Int) -> Point { Point(data[i + k].point.x, data[i + k].point.y) }
            switch header.type {
            case CAIRO_PATH_MOVE_TO: out.move(to: pt(1))
            case CAIRO_PATH_LINE_TO: out.line(to: pt(1))
            case CAIRO_PATH_CURVE_TO: out.curve(to: pt(3), control1: pt(1), control2: pt(2))
            case CAIRO_PATH_CLOSE_PATH: out.close()
            default: break
            }
            i += max(1, length)
        }
        return out
    }
}
