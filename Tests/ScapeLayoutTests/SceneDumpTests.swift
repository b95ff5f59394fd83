import Testing
import ScapeScene
import ScapeGeometry

@Suite struct NumberFormatTests {
    @Test(arguments: [(0.0, "0"), (-0.001, "0"), (3, "3"), (3.5, "3.5"), (3.25, "3.25"), (3.05, "3.05"), (-2.5, "-2.5"),
                      (-0.04, "-0.04"), (1125, "1125"), (0.999, "1"), (12.345678, "12.35"), (-1e16, "-1e+16")])
    func numbersHaveAtMostTwoDecimalsAndNoTrailingZeros(value: Double, text: String) {
        #expect(SceneDump.n(value) == text)
    }
}

/// Path data writes its numbers as bytes, without `n`'s String: each must read as `n` writes it.
@Suite struct PathDataNumberTests {
    @Test func pathDataWritesEveryNumberAsNDoes() {
        var values: [Double] = [0, -0.0, 0.004, -0.004, 0.005, 0.05, 0.5, 3.05, -3.05, 10, -10, 99.99, 100, 1234.5, -0.01,
                                999_999_999_999_999, -999_999_999_999_999, 1e15, -2e16, .infinity, -.infinity, .nan]
        var state: UInt64 = 0x5EED
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let scale = [1.0, 100, 10_000, 1e9][Int(state >> 62)]
            values.append((Double(state >> 11) / Double(1 << 53) - 0.5) * scale)
        }
        for v in values {
            let d = SceneDump.pathData(.polyline([Point(v, -v)], closed: false))
            #expect(d == "M\(SceneDump.n(v)) \(SceneDump.n(-v))", "value \(v)")
        }
    }
}
