import Testing
import ScapeScene

@Suite struct NumberFormatTests {
    @Test(arguments: [(0.0, "0"), (-0.001, "0"), (3, "3"), (3.5, "3.5"), (3.25, "3.25"), (3.05, "3.05"), (-2.5, "-2.5"),
                      (-0.04, "-0.04"), (1125, "1125"), (0.999, "1"), (12.345678, "12.35"), (-1e16, "-1e+16")])
    func numbersHaveAtMostTwoDecimalsAndNoTrailingZeros(value: Double, text: String) {
        #expect(SceneDump.n(value) == text)
    }
}
