import ScapeInterop
import ScapeModel
import Testing

/// A CSV landscape names a renamed tool's old name in its `was` column, as YAML does with `was:`.
@Suite struct CSVRenameTests {
    @Test func aCSVRenamesWithAWasColumnAndTheYAMLWriterKeepsIt() throws {
        let old = try DataFileLoader.load(text: "name,x,y\nBeta,0.1,0.1\n", file: "v1.csv").get()
        let new = try DataFileLoader.load(text: "name,was,x,y\nBeta Two,Beta,0.1,0.1\nOmega,Omicron,0.2,0.2\n", file: "v2.csv").get()
        let d = EditionDiff(old: old, new: new)
        #expect(d.renamed.map(\.new.id) == ["beta-two"])
        #expect(d.diagnostics.map(\.description) == ["v2.csv:3:7: warning: tool 'Omega' says it was 'Omicron', but the old edition has no such tool; it counts as added"])
        let yaml = LandscapeYAMLWriter.yaml(new)
        #expect(yaml.contains("{ name: \"Beta Two\", x: 0.1, y: 0.1, was: \"Beta\" }"), "\(yaml)")
        #expect(try LandscapeLoader.load(text: yaml, file: "v2.yaml").get().tools.map(\.was?.name) == ["Beta", "Omicron"])
    }
}
