import Foundation
import Testing
@testable import ScapeInterop
@testable import ScapeModel

/// A spreadsheet export reads into tools as written (RFC 4180 quoting included), and a broken
/// row is reported at its line and column instead of shifting every cell after it.
@Suite struct CSVLandscapeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func parse(_ text: String) -> LoadResult { CSVLandscapeParser.parse(text: text, file: "t.csv") }

    func errors(_ text: String) -> [String] { parse(text).diagnostics.errors.map(\.description) }

    @Test func quotedFieldsKeepTheirCommasQuotesAndLineBreaks() throws {
        let text = """
        name,subtitle,x,y,categories,url
        "Weights, Biases",,0.5,-0.25,Experiment Tracking,https://wandb.ai
        Kubeflow,"the ""full"" stack",-0.1,0.9,ML Platforms; Orchestration,
        "Two
        Lines","multi
        line",0,0,,

        """
        let r = parse(text)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let l = try r.get()
        #expect(l.tools.map(\.name) == ["Weights, Biases", "Kubeflow", "Two\nLines"])
        #expect(l.tools.map(\.subtitle) == [nil, "the \"full\" stack", "multi\nline"])
        #expect(l.tools.map(\.x) == [0.5, -0.1, 0])
        #expect(l.tools.map(\.y) == [-0.25, 0.9, 0])
        #expect(l.tools.map(\.url) == ["https://wandb.ai", nil, nil])
        #expect(l.tools[1].id == "kubeflow-the-full-stack")
        // Categories come from the names used, in the order first used.
        #expect(l.categories == [Category(id: "experiment-tracking", name: "Experiment Tracking"),
                                 Category(id: "ml-platforms", name: "ML Platforms"),
                                 Category(id: "orchestration", name: "Orchestration")])
        #expect(l.tools[1].categories == ["ml-platforms", "orchestration"])
        // No quadrants in a CSV; the axes keep their defaults.
        #expect(l.quadrants.isEmpty)
        #expect(l.axes == Axes())
    }

    @Test func columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() throws {
        let l = try parse("Y, X, Name\n0.2, -0.3, Alpha\r\n0.1,0.1,Beta").get()
        #expect(l.tools.map(\.name) == ["Alpha", "Beta"])
        #expect(l.tools[0].x == -0.3 && l.tools[0].y == 0.2)
        #expect(l.tools.allSatisfy { $0.subtitle == nil && $0.url == nil && $0.categories.isEmpty })
    }

    @Test func aByteOrderMarkAndCRLFLineEndingsAreFine() throws {
        let l = try parse("\u{FEFF}name,x,y\r\nA,0.1,0.2\r\n\"B\r\nC\",0.3,0.4\r\n").get()
        #expect(l.tools.map(\.name) == ["A", "B\nC"])
    }

    @Test func raggedRowsAreFittedToTheHeaderWithWarningsAtTheMissingOrExtraField() throws {
        let r = parse("name,x,y,url\nA,0.1,0.2,https://a.example\nB,0.3,0.4\nC,0.1,0.2,,extra\n")
        #expect(r.diagnostics.map(\.description) == [
            "t.csv:3:10: warning: line 3 has 3 fields; the header has 4 (name, x, y, url); the missing one is read as empty",
            "t.csv:4:12: warning: line 4 has 5 fields; the header has 4 (name, x, y, url); the extra one is ignored",
        ])
        let l = try r.get()
        #expect(l.tools.map(\.name) == ["A", "B", "C"])
        #expect(l.tools.map(\.url) == ["https://a.example", nil, nil])
        // A field the row lacks is empty, so a missing position is still an error, where it would go.
        let fixture = DataFileLoader.load(contentsOf: Self.root.appendingPathComponent("fixtures/bad/ragged.csv"))
        #expect(fixture.diagnostics.errors.map(\.message) == ["tool 'B' has no y; positions run from -1 to 1"])
        #expect(fixture.diagnostics.map { "\($0.location!.line):\($0.location!.column)" } == ["3:6", "3:6", "4:11"])
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        #expect(errors("name,subtitle,x,y\nA,\"open source,0.1,0.2\nB,,0.3,0.4\n")
                == ["t.csv:2:3: error: unclosed quote: the field opened here never ends; close it with '\"'"])
        let fixture = DataFileLoader.load(contentsOf: Self.root.appendingPathComponent("fixtures/bad/unclosed-quote.csv"))
        #expect(fixture.diagnostics.errors.map { $0.location!.line } == [2])
        #expect(fixture.landscape == nil)
    }

    @Test func strayQuotesAreLocated() {
        #expect(errors("name,x,y\nSay \"hi\",0.1,0.2\n") == [
            "t.csv:2:5: error: a '\"' inside an unquoted field; quote the whole field and double the quote inside it (\"\"\")",
        ])
        #expect(errors("name,x,y\n\"A\"B,0.1,0.2\n") == [
            "t.csv:2:4: error: unexpected 'B' after a closing quote; a quoted field ends at ',' or the line's end",
        ])
    }

    @Test func badAndOutOfRangePositionsAreLocatedAtTheirCell() {
        let d = errors("name,x,y\nA,left,0.2\nB,1.5,0.2\nC,0.1,\nD,0.1,nan\nE,-1,1\n")
        #expect(d == ["t.csv:2:3: error: tool 'A' has x = 'left', not a number; positions run from -1 to 1",
                      "t.csv:3:3: error: tool 'B' has x = 1.5; positions run from -1 to 1",
                      "t.csv:4:7: error: tool 'C' has no y; positions run from -1 to 1",
                      "t.csv:5:7: error: tool 'D' has y = 'nan', not a number; positions run from -1 to 1"])
    }

    @Test func aMissingRequiredColumnIsAnErrorOnTheHeader() {
        #expect(errors("name,subtitle,x\nA,,0.1\n")
                == ["t.csv:1:1: error: missing required column 'y'; the header needs name, x and y, like 'name,subtitle,x,y,categories,url'"])
        #expect(errors("name,x,y,x\nA,0.1,0.2,0.3\n") == ["t.csv:1:10: error: column 'x' appears twice in the header"])
        #expect(errors("") == ["t.csv:1:1: error: no header line; expected 'name,subtitle,x,y,categories,url'"])
    }

    @Test func unknownColumnsWarnAndAreIgnored() throws {
        let r = parse("name,x,y,catgories\nA,0.1,0.2,Serving\n")
        #expect(r.diagnostics.map(\.description)
                == ["t.csv:1:10: warning: unknown column 'catgories' (did you mean 'categories'?); ignored (the columns are name, subtitle, x, y, categories, url, id, was)"])
        #expect(try r.get().tools.count == 1)
    }

    @Test func emptyNamesAndDuplicateIDsAreErrors() {
        #expect(errors("name,x,y\n  ,0.1,0.2\n") == ["t.csv:2:1: error: line 2 has an empty name"])
        #expect(errors("name,x,y\nA B,0.1,0.2\na-b,0.3,0.4\n")
                == ["t.csv:3:1: error: duplicate tool id 'a-b': the tool on line 2 has it too (name and subtitle make the id; give one a subtitle, or add an 'id' column)"])
        #expect(errors("name,x,y,id\nA,0.1,0.2,one\nA,0.3,0.4,two\n").isEmpty)
    }

    @Test func eightyToolsLoadFromTheExampleFile() throws {
        let r = DataFileLoader.load(contentsOf: Self.root.appendingPathComponent("fixtures/examples/tools-80.csv"))
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics)")
        let l = try r.get()
        #expect(l.tools.count == 80)
        #expect(Set(l.tools.map(\.id)).count == 80)
        #expect(l.tools.allSatisfy { (-1...1).contains($0.x) && (-1...1).contains($0.y) && !$0.categories.isEmpty })
        #expect(l.tools.allSatisfy { $0.categories.allSatisfy { id in l.category(id: id) != nil } })
        #expect(l.tools.contains { $0.subtitle == "open source, self-hosted" })
    }

    @Test func theLoaderPicksCSVByExtensionAndByHeader() throws {
        let text = "name,x,y\nA,0.1,0.2\n"
        for name in ["t.csv", "t.CSV", "tools.txt", "tools"] {
            #expect(try DataFileLoader.load(data: Data(text.utf8), file: name).get().tools.count == 1, "\(name)")
        }
        // A YAML comment that happens to list the columns does not make a CSV.
        #expect(InputFormat(sniffing: "# each tool has a name, x, y\ntools: []\n") == .yaml)
        #expect(InputFormat(sniffing: "#,name,x,y\n1,A,0.1,0.2\n") == .csv)
        // A .yaml name keeps the YAML reader and its messages.
        #expect(DataFileLoader.load(data: Data(text.utf8), file: "t.yaml").landscape == nil)
        #expect(DataFileLoader.load(data: Data(), file: "e.csv").diagnostics.map(\.description)
                == ["e.csv:1:1: error: the file is empty; expected a header line 'name,subtitle,x,y,categories,url'"])
        #expect(DataFileLoader.load(data: Data([0xff, 0xfe, 0x41]), file: "u.csv").diagnostics.map(\.description)
                == ["u.csv:1:1: error: the file is not UTF-8 text"])
    }

    @Test func noInputCrashesTheReader() throws {
        let sample = try String(contentsOf: Self.root.appendingPathComponent("fixtures/examples/tools-80.csv"), encoding: .utf8)
        let head = String(sample.prefix(600))
        for end in head.indices { _ = parse(String(head[..<end])) }
        let alphabet = Array("name,x,y\"\n\r;0.15-e ABé\u{FEFF}\r\n")
        var state: UInt64 = 7
        for _ in 0..<400 {
            var text = "name,x,y\n"
            for _ in 0..<50 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            _ = parse(text)
        }
    }
}
