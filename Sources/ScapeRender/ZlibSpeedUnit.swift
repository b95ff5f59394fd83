import CCairo
import Foundation

/// A unit of this machine's speed: the time zlib takes to compress a fixed 50 MB buffer at
/// the PNG encoder's level. A render time divided by it moves far less with the machine and
/// its load than the time itself, so CI can hold the ratio to a baseline.
public enum ZlibSpeedUnit {
    public static let bytes = 50 * 1_048_576

    /// The buffer: mostly runs of zeros with seeded noise, about as compressible as a
    /// figure's PNG rows, the same on every machine.
    static func buffer() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: bytes)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i < bytes {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let run = Int((state >> 33) % 97)
            out[i] = UInt8(truncatingIfNeeded: state >> 56)
            i += 1 + run
        }
        return out
    }

    /// Seconds (wall) to compress the buffer once; the buffer is made outside the timing.
    public static func seconds() -> Double {
        let input = buffer()
        var output = [UInt8](repeating: 0, count: Int(compressBound(uLong(input.count))))
        var length = uLongf(output.count)
        let start = DispatchTime.now().uptimeNanoseconds
        _ = compress2(&output, &length, input, uLong(input.count), PNGEncoder().level)
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
