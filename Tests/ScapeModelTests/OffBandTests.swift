import Testing
import ScapeModel

/// `off-band:` names the tools a radar-landscape draws outside their ring's band on purpose:
/// by name or id, any case, each checked; on a figure without bands it is a mistake.
@Suite struct OffBandTests {
    static let header = """
        categories:
          - { id: a, name: A, ring: adopt }
        tools:
          - { name: Spell, x: 0.1, y: 0.2, categories: [a] }
          - { name: Kubeflow, x: 0.3, y: 0.2, categories: [a] }
        figures:

        """

    @Test func namesBecomeToolIdsAndAnUnknownOneIsAnErrorAtItsLine() {
        let good = LandscapeLoader.load(text: Self.header + "  - { id: bands, kind: radar-landscape, off-band: [spell, KUBEFLOW, Spell] }\n", file: "d.yaml")
        #expect(good.diagnostics.isEmpty, "\(good.diagnostics)")
        #expect(good.landscape?.figure(id: "bands")?.offBand == ["spell", "kubeflow"])
        let bad = LandscapeLoader.load(text: Self.header + "  - { id: bands, kind: radar-landscape, off-band: [Spel] }\n", file: "d.yaml")
        #expect(bad.diagnostics.errors.map(\.description) == ["d.yaml:7:52: error: unknown tool 'Spel' (did you mean 'Spell'?)"], "\(bad.diagnostics)")
    }

    @Test func onAFigureWithoutBandsItIsAWarning() {
        let r = LandscapeLoader.load(text: Self.header + "  - { id: map, kind: map, off-band: [Spell] }\n", file: "d.yaml")
        #expect(r.diagnostics.errors.isEmpty)
        #expect(r.diagnostics.warnings.contains { $0.message.contains("only a radar-landscape has bands") }, "\(r.diagnostics)")
    }
}
