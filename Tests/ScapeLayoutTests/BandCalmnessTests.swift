import Foundation
import Testing
@testable import ScapeLayout
import ScapeModel

/// Radar-landscape bands fitted to the data's rings (issue 26): on the blog's figure every
/// tool in its band with calm borders (no S: each border turns back at most once), and on a
/// landscape whose rings run the other way (adopt at the top right) the bands follow them
/// instead of one Adopt blob.
@Suite struct BandCalmnessTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func blog() throws -> Landscape {
        try LandscapeLoader.load(contentsOf: root.appendingPathComponent("fixtures/mlops-landscape.yaml")).get()
    }

    @Test func theBlogBordersHoldEveryToolAndAreCalmWhereACalmBorderCan() throws {
        let landscape = try Self.blog()
        let bands = AdoptionBands(landscape: landscape)
        let straight = bands.borders()
        let borders = bands.curvedBorders(from: straight)
        let misplaced = bands.misplaced(borders)
        print("blog bands: angle \(Int((bands.angle * 180 / .pi).rounded())) deg, turns \(borders.map(\.turns)), misplaced \(misplaced.count)")
        #expect(misplaced.isEmpty, "\(misplaced.map { $0.0.name })")
        // Where a parabola holds every tool with the full clearance, the border is no wavier.
        for (k, cut) in straight.enumerated() {
            let tools = landscape.tools.compactMap { t in bands.ring(of: t).map { (s: bands.projection(t.x, t.y), t: bands.across(t.x, t.y), earlier: $0 <= k) } }
            let calm = BandBorder.calmFit(tools, near: cut, clearance: AdoptionBands.clearance)
            let holds = tools.allSatisfy { p in p.earlier ? p.s + AdoptionBands.clearance <= calm.value(at: p.t) + 1e-9 : p.s - AdoptionBands.clearance >= calm.value(at: p.t) - 1e-9 }
            if holds { #expect(borders[k].turns <= 1, "border \(k + 1) could be calm but turns \(borders[k].turns) times") }
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
        print("clean strips: \(n) tools, angle \(Int((bands.angle * 180 / .pi).rounded())) deg, turns \(borders.map(\.turns)), misplaced \(bands.misplaced(borders).count)")
        #expect(bands.misplaced(borders).isEmpty)
        for (k, b) in borders.enumerated() { #expect(b.turns <= 1, "border \(k + 1) turns \(b.turns) times") }
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
        print("reversed rings: angle \(degrees) deg, turns \(borders.map(\.turns)), misplaced \(misplaced.count)")
        #expect(degrees > 180 && degrees < 270, "the bands run from the top right down: \(degrees)")
        #expect(misplaced.count <= 2, "\(misplaced.map { $0.0.name })")
    }
}
