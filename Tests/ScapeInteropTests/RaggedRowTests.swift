import Testing
@testable import ScapeInterop
import ScapeModel

/// Every CSV reader fits a ragged row to its header by one rule: blanks for missing fields,
/// extras ignored, and one warning in the same words at the same place.
@Suite struct RaggedRowTests {
    /// The warnings of a reader, without the file name.
    func warnings(_ r: LoadResult) -> [String] {
        r.diagnostics.filter { $0.severity == .warning }.map { $0.description.replacingOccurrences(of: "f.csv:", with: "") }
    }

    @Test func theLandscapeAndRadarReadersTolerateRaggedRowsAlike() throws {
        // Same header width and the same ragged rows, once as a landscape and once as a radar.
        let landscape = CSVLandscapeParser.parse(text: "name,x,y,url,subtitle\nA,0.1,0.2\nB,0.3,0.4,,s,x1,x2\n", file: "f.csv")
        let radar = RadarCSVParser.parse(text: "name,ring,quadrant,isNew,description\nA,Adopt,Tools\nB,Trial,Tools,,s,x1,x2\n", file: "f.csv")
        #expect(warnings(landscape) == [
            "2:10: warning: line 2 has 3 fields; the header has 5 (name, x, y, url, subtitle); the missing 2 are read as empty",
            "3:14: warning: line 3 has 7 fields; the header has 5 (name, x, y, url, subtitle); the extra 2 are ignored",
        ])
        #expect(warnings(radar) == [
            "2:14: warning: line 2 has 3 fields; the header has 5 (name, ring, quadrant, isNew, description); the missing 2 are read as empty",
            "3:18: warning: line 3 has 7 fields; the header has 5 (name, ring, quadrant, isNew, description); the extra 2 are ignored",
        ])
        // Both draw both rows, with the missing fields empty.
        #expect(try landscape.get().tools.map(\.name) == ["A", "B"])
        #expect(try landscape.get().tools[0].subtitle == nil && landscape.get().tools[1].subtitle == "s")
        let blips = try #require(try radar.get().figures.first?.radar?.blips)
        #expect(blips.map(\.name) == ["A", "B"] && blips[0].description == nil && blips[1].description == "s")
    }

    @Test func aRowOfTheHeadersWidthIsTakenAsItIs() {
        let header = CSVReader(file: "f.csv").read("a,b\n").records[0]
        let row = CSVReader(file: "f.csv").read("1,2\n").records[0]
        let fitted = RaggedRow.fit(row, header: header, file: "f.csv")
        #expect(fitted.warning == nil && fitted.fields.map(\.value) == ["1", "2"])
    }
}
