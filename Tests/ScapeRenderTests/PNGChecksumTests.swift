import CCairo
import Testing

/// The PNG encoder checksums its rows with its own Adler-32 (16 bytes at a step) and writes
/// zlib's header and trailer itself: each must be what zlib computes, or every PNG is corrupt.
@Suite struct PNGChecksumTests {
    func zlibAdler(_ start: UInt, _ bytes: [UInt8]) -> UInt {
        bytes.withUnsafeBufferPointer { adler32(start, $0.baseAddress, uInt($0.count)) }
    }

    func ownAdler(_ start: UInt, _ bytes: [UInt8]) -> UInt {
        bytes.withUnsafeBufferPointer { mlscape_adler32(start, $0.baseAddress, UInt($0.count)) }
    }

    @Test func theRowChecksumIsZlibsForAnyLengthStartAndBytes() {
        var state: UInt64 = 0xAD1E_5EED
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        // Lengths around the 16-byte steps and the 347-step runs; all-255 bytes are the
        // largest sums, where a lane would overflow first.
        var cases: [[UInt8]] = [[], [0], [255], Array(repeating: 255, count: 100_000), Array(repeating: 0, count: 70_000)]
        for length in [1, 15, 16, 17, 31, 32, 33, 5551, 5552, 5553, 5567, 5568, 5569, 11_104, 20_000] {
            cases.append((0..<length).map { _ in UInt8(truncatingIfNeeded: next()) })
            cases.append((0..<length).map { _ in next() % 4 == 0 ? 255 : 0 })
        }
        for _ in 0..<200 {
            let length = Int(next() % 30_000)
            cases.append((0..<length).map { _ in UInt8(truncatingIfNeeded: next()) })
        }
        for bytes in cases {
            for start: UInt in [1, 0xFFF0_FFF0, UInt(next() % 65521) << 16 | UInt(next() % 65521)] {
                #expect(ownAdler(start, bytes) == zlibAdler(start, bytes), "\(bytes.count) bytes from \(start)")
            }
        }
    }
}
