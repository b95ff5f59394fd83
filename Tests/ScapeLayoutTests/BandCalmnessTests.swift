import Foundation
import Testing
@testable import ScapeLayout
import ScapeModel

/// Radar-landscape bands fitted to the data's rings (issue 26): calm borders (no S: each
/// bends one way only) holding the most tools a calm border can, on the blog's figure, on
/// clean strips (every tool), and on a landscape whose rings run the other way (adopt at the
/// top right), where the bands follow them instead of one Adopt blob.
@Suite struct BandCalmnessTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func blog() throws -> Landscape {
        try LandscapeLoader.load(contentsOf: root.appendingPathComponent("fixtures/mlops-landscape.yaml")).get()
    }

    /// Every border of the blog's figure bends one way only; the tools the data puts where no
    /// calm border reaches them are few, and no calm border of the same bound holds more.
    @Test func theBlogBordersAreCalmAndLeaveOutTheFewestTools() throws {
        let landscape = try Self.blog()
        let bands = AdoptionBands(landscape: landscape)
        let straight = bands.borders()
        let borders = bands.curvedBorders(from: straight)
        let misplaced = bands.misplaced(borders)
        print("blog bands: angle \(Int((bands.angle * 180 / .pi).rounded())) deg, inflections \(borders.map(\.inflections)), misplaced \(misplaced.map { $0.0.name })")
        for (k, b) in borders.enumerated() { #expect(b.inflections == 0, "border \(k + 1) bends both ways (an S)") }
        #expect(misplaced.count <= 5, "\(misplaced.map { $0.0.name })")
        // The first border has no other to keep clear of: no parabola of the bound leaves
        // fewer of its tools out than the one chosen.
        let sides = landscape.tools.compactMap { t in bands.ring(of: t).map { BandBorder.Side(s: bands.projection(t.x, t.y), t: bands.across(t.x, t.y), earlier: $0 == 0) } }
        func wrong(_ b: BandBorder, _ clearance: Double) -> Int {
            sides.filter { p in (p.earlier ? p.s + clearance - b.value(at: p.t) : b.value(at: p.t) - (p.s - clearance)) > 1e-9 }.count
        }
        let chosen = [AdoptionBands.clearance, 0.065, 0.055].map { wrong(borders[0], $0) }.min()!
        for c in stride(from: -0.6, through: 0.6, by: 0.1) {
            for b in stride(from: -1.2, through: 1.2, by: 0.2) {
                for a in stride(from: straight[0] - 0.5, through: straight[0] + 0.5, by: 0.01) {
                    let other = BandBorder(along: BandBorder.across.map { a + b * $0 + c * $0 * $0 })
                    #expect(wrong(other, 0.055) >= chosen, "a=\(a) b=\(b) c=\(c) holds more")
                }
            }
        }
    }

    /// Rings in clean strips across a tilted direction, one border a gentle curve: every
    /// border comes out calm (no S), every tool in its band.
    @Test func cleanStripsGiveCalmBorders() throws {
        var yaml = "rings: [adopt, trial, assess]\ncategories:\n"
        for r in ["adopt", "trial", "assess"] { yaml += "  - { id: \(r), name: \(r), ring: \(r) }\n" }
        yaml += "tools:\n"
        var n = 0
        for i in 0..<7 {
            for j in 0..<7 {
                let x = -0.9 + 0.3 * Double(i), y = -0.9 + 0.3 * Double(j)
                let s = x * 0.8 + y * 0.6 + 0.15 * (y * y)   // a bent but calm field
                let ring = s < -0.35 ? "adopt" : s < 0.35 ? "trial" : "assess"
                if abs(s + 0.35) < 0.12 || abs(s - 0.35) < 0.12 { continue }
                yaml += "  - { name: T\(n), x: \(x), y: \(y), categories: [\(ring)] }\n"
                n += 1
            }
        }
        let landscape = try LandscapeLoader.load(text: yaml, file: "strips.yaml").get()
        let bands = AdoptionBands(landscape: landscape)
        let borders = bands.curvedBorders(from: bands.borders())
        print("clean strips: \(n) tools, angle \(Int((bands.angle * 180 / .pi).rounded())) deg, inflections \(borders.map(\.inflections)), misplaced \(bands.misplaced(borders).count)")
        #expect(bands.misplaced(borders).isEmpty)
        for (k, b) in borders.enumerated() { #expect(b.inflections == 0 && b.turns <= 1, "border \(k + 1) is not a calm arc") }
    }

    /// The blog's landscape with its ring order reversed: adopt is now where hold was.
    @Test func ringsRunningTheOtherWayAreFollowed() throws {
        var landscape = try Self.blog()
        landscape.rings = landscape.rings.reversed()
        let bands = AdoptionBands(landscape: landscape)
        let borders = bands.curvedBorders(from: bands.borders())
        let misplaced = bands.misplaced(borders)
        let degrees = Int((bands.angle * 180 / .pi).rounded())
        // What the diagonal directions alone (10 to 80 degrees, before issue 26) would leave out.
        let diagonalOnly = (10...80).map { d -> Int in
            let b = AdoptionBands(landscape: landscape, angle: Double(d) * .pi / 180)
            return b.misplaced(b.curvedBorders(from: b.borders())).count
        }.min() ?? 0
        print("reversed rings, diagonal directions only: misplaced \(diagonalOnly)")
        print("reversed rings: angle \(degrees) deg, inflections \(borders.map(\.inflections)), misplaced \(misplaced.count)")
        for (k, b) in borders.enumerated() { #expect(b.inflections == 0, "border \(k + 1) bends both ways (an S)") }
        #expect(degrees > 180 && degrees < 270, "the bands run from the top right down: \(degrees)")
        #expect(misplaced.count <= 5, "\(misplaced.map { $0.0.name })")
    }
}
