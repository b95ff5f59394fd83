import Foundation
import Testing
import ScapeGeometry

/// A hatch is stroked a run at a time only where no two runs can touch: the passes of one
/// hand-drawn line stay together, and a subpath that comes back near an earlier run keeps the
/// path one stroke.
@Suite struct SeparatedSubpathsTests {
    /// `lines` parallel lines `gap` apart at `angle`, each drawn in two passes 0.6 apart, as
    /// the rough pen draws a hatch (curves with a little bow).
    func hatch(lines: Int, gap: Double, angle: Double, descending: Bool = false) -> Path {
        var path = Path()
        let along = Point(cos(angle), sin(angle)), across = Point(-sin(angle), cos(angle))
        for k in 0..<lines {
            let offset = Double(descending ? lines - 1 - k : k) * gap
            for pass in 0..<2 {
                let shift = offset + Double(pass) * 0.6
                func at(_ t: Double, bow: Double = 0) -> Point {
                    Point(100 + along.x * t + across.x * (shift + bow), 100 + along.y * t + across.y * (shift + bow))
                }
                path.move(to: at(0))
                path.curve(to: at(300), control1: at(100, bow: 0.8), control2: at(200, bow: -0.5))
            }
        }
        return path
    }

    @Test(arguments: [0.0, 0.7, 2.4], [false, true])
    func eachLineOfAHatchIsARunWithBothItsPasses(angle: Double, descending: Bool) throws {
        let path = hatch(lines: 30, gap: 8, angle: angle, descending: descending)
        let runs = try #require(SeparatedSubpaths.runs(of: path, margin: 1.5 + 1))
        #expect(runs.count == 30)
        // Each run: the line's two passes (move + curve each), and the runs cover the path in order.
        #expect(runs.allSatisfy { $0.count == 2 && $0.allSatisfy { $0.count == 2 } })
        #expect(runs.flatMap { $0 } == (0..<60).map { 2 * $0..<(2 * $0 + 2) })
    }

    /// The subpaths of `path` in `order` (subpath indices): the same hatch drawn in another order.
    func reordered(_ path: Path, _ order: [Int]) -> Path {
        Path(elements: order.flatMap { Array(path.elements[(2 * $0)..<(2 * $0 + 2)]) })
    }

    @Test func aLinesSecondPassDrawnAfterTheNextLineStaysWithItsLine() throws {
        // Passes in the order a scan across a hatch can give: line k's second pass after line
        // k+1's first. The runs are still the lines, each with both its passes.
        let path = hatch(lines: 30, gap: 8, angle: 0.7)
        var order: [Int] = [0]
        for k in 0..<29 { order += [2 * (k + 1), 2 * k + 1] }
        order.append(59)
        let runs = try #require(SeparatedSubpaths.runs(of: reordered(path, order), margin: 2.5))
        #expect(runs.count == 30)
        #expect(runs.allSatisfy { $0.count == 2 })
    }

    @Test func thePiecesOfALineAcrossAConcaveRegionAreOneRun() throws {
        // Each line cut in two by a notch, the pieces listed scan by scan: left, right, left, ...
        var path = Path()
        for k in 0..<20 {
            let y = Double(k) * 8
            for (x0, x1) in [(0.0, 100.0), (160.0, 300.0)] {
                path.move(to: Point(x0, y))
                path.line(to: Point(x1, y))
            }
        }
        let runs = try #require(SeparatedSubpaths.runs(of: path, margin: 2.5))
        #expect(runs.count == 20)
        #expect(runs.allSatisfy { $0.count == 2 })
    }

    @Test func linesWithinTheMarginJoinOneRunWithoutUndoingTheRest() throws {
        // Lines 8 apart but for two 2 apart: those two share a run, every other line is its own.
        var path = Path()
        for y in [0.0, 8, 16, 18, 26, 34] + (0..<14).map({ 42 + Double($0) * 8 }) {
            path.move(to: Point(0, y))
            path.line(to: Point(300, y))
        }
        let runs = try #require(SeparatedSubpaths.runs(of: path, margin: 2.5))
        #expect(runs.count == 19)
        #expect(runs[2] == [4..<6, 6..<8])
    }

    @Test func linesCloserThanTheMarginAreOneRun() {
        // 2 apart with a margin of 3: the strokes may share pixels, so no runs.
        #expect(SeparatedSubpaths.runs(of: hatch(lines: 30, gap: 2, angle: 0.7), margin: 3) == nil)
    }

    @Test func aSubpathReachingBackIntoAnEarlierRunKeepsOneStroke() {
        var path = hatch(lines: 30, gap: 8, angle: 0)
        // A line across the whole hatch, drawn last: it crosses every earlier line.
        path.move(to: Point(250, 90))
        path.line(to: Point(250, 400))
        #expect(SeparatedSubpaths.runs(of: path, margin: 2.5) == nil)
    }

    @Test func aSmallHatchIsOneStroke() {
        #expect(SeparatedSubpaths.runs(of: hatch(lines: 7, gap: 8, angle: 0.7), margin: 2.5) == nil)
    }
}
