import CCairo

/// Collects the bytes a Cairo stream writer produces, so files are written whole (atomically)
/// by the caller rather than piecemeal by Cairo.
final class CairoStream {
    var bytes: [UInt8] = []

    /// The C callback Cairo calls with each chunk; `closure` is an unretained `CairoStream`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let stream = Unmanaged<CairoStream>.fromOpaque(closure).takeUnretainedValue()
        stream.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// A Cairo failure, with Cairo's own words.
public struct RenderError: Error, CustomStringConvertible {
    public var description: String

    init(_ what: String, status: cairo_status_t) {
        description = "\(what): \(String(cString: cairo_status_to_string(status)))"
    }

    public init(_ description: String) {
        self.description = description
    }
}
