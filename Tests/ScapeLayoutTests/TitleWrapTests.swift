import Testing
@testable import ScapeLayout

/// A long title without a line break of its own is split into two balanced lines.
@Suite struct TitleWrapTests {
    @Test(arguments: ["Specialized Machine Learning Tools", "Standard Software Engineering Tools", "Cloud Platforms for everything", "A very long single-line quadrant title here"])
    func aLongTitleIsSplitIntoTwoBalancedLines(title: String) {
        let wrapped = TitleWrap.balanced(title)
        let lines = wrapped.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.joined(separator: " ") == title, "words were lost or reordered")
        // Moving the break by one word changes the difference by at most twice that word and
        // its space, so the balanced split is within the longest word (plus one) of even.
        let longest = title.split(separator: " ").map(\.count).max()!
        #expect(abs(lines[0].count - lines[1].count) <= longest + 1, "'\(wrapped)' is not balanced")
        // No other break is more even.
        let words = title.split(separator: " ")
        for cut in 1..<words.count {
            let a = words[..<cut].joined(separator: " ").count, b = words[cut...].joined(separator: " ").count
            #expect(abs(lines[0].count - lines[1].count) <= abs(a - b))
        }
    }

    @Test func aTitleWithItsOwnBreakOrAShortOneIsLeftAlone() {
        #expect(TitleWrap.balanced("Cloud\nPlatforms") == "Cloud\nPlatforms")
        #expect(TitleWrap.balanced("ML Tools") == "ML Tools")
    }
}
