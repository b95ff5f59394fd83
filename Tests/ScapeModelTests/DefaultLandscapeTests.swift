import Testing
@testable import ScapeModel

@Suite struct DefaultLandscapeTests {
    @Test func builtInLandscapeHasTheBlogsContentAndNoProblems() throws {
        let result = LandscapeLoader.loadDefault()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let l = try result.get()
        #expect(l.tools.count == 45)
        #expect(l.categories.count == 13)
        #expect(l.quadrants.count == 4)
        #expect(Set(l.tools.map(\.id)).count == 45)
        // Tools that share a name are told apart by their subtitle.
        #expect(l.tools.filter { $0.name == "GCP" }.map(\.id).sorted() == ["gcp", "gcp-ai-platform"])
        // Metaflow and Flyte sit in two categories.
        #expect(l.tools.first { $0.name == "Flyte" }?.categories.count == 2)
        #expect(l.figures.map(\.id).contains("ml-landscape-all"))
    }

    @Test func everyToolSitsInTheQuadrantOfEachOfItsCategories() throws {
        let l = try LandscapeLoader.loadDefault().get()
        for t in l.tools {
            for c in t.categories {
                let q = try #require(l.category(id: c)?.quadrant.flatMap(l.quadrant(id:)))
                #expect(q.contains(x: t.x, y: t.y), "\(t.name) is outside \(q.id)")
            }
        }
    }
}
