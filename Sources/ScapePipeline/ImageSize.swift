/// The pixel size an image file declares, read from its bytes: a PNG's IHDR, an SVG's
/// `width` and `height` on the root element.
public enum ImageSize {
    public static func of(_ bytes: [UInt8], format: String) -> (width: Int, height: Int)? {
        switch format {
        case "png":
            // 8-byte signature, 4-byte length, "IHDR", then width and height, big-endian.
            guard bytes.count >= 24, bytes[12...15].elementsEqual("IHDR".utf8) else { return nil }
            func be(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
            return (be(16), be(20))
        case "svg":
            let head = String(decoding: bytes.prefix(2048), as: UTF8.self)
            guard let svg = head.range(of: "<svg ") else { return nil }
            let tag = head[svg.upperBound...].prefix { $0 != ">" }
            func attribute(_ name: String) -> Int? {
                guard let r = tag.range(of: " \(name)=\"") else { return nil }
                return Double(tag[r.upperBound...].prefix { $0 != "\"" }).map { Int($0.rounded(.up)) }
            }
            guard let w = attribute("width"), let h = attribute("height") else { return nil }
            return (w, h)
        default:
            return nil
        }
    }
}
