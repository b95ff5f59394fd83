import Foundation
import Testing
@testable import ScapeInterop
import ScapeInterop
import ScapeModel

/// The peers' own sample files (fixtures/peers, origins in its README) load without an error
/// and keep every item they list.
@Suite struct PeerSampleTests {
    static let peers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/peers")

    static var mermaidCharts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: peers.appendingPathComponent("mermaid").path)) ?? [])
            .filter { $0.hasSuffix(".mmd") }.sorted()
    }

    @Test func thereAreMermaidSamples() { #expect(Self.mermaidCharts.count >= 19) }

    @Test(arguments: mermaidCharts)
    func everyMermaidSampleDrawsEveryPoint(name: String) throws {
        let url = Self.peers.appendingPathComponent("mermaid/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        let r = DataFileLoader.load(contentsOf: url)
        #expect(!r.diagnostics.hasErrors, "\(r.diagnostics)")
        let landscape = try r.get()
        // Points are the lines with ': [' (one point each in these samples).
        let points = text.split(separator: "\n").filter { $0.contains(": [") }.count
        #expect(landscape.tools.count == points)
        if text.contains("title ") { #expect(landscape.effectiveFigures.first?.title != nil) }
    }
}
