import Foundation
import ScapeGeometry
import ScapeInterop
import ScapeModel
import ScapePipeline
import Testing

/// The blog's header images repeat other figures: each scene is drawn once and written under
/// every name, with the same bytes as drawing each figure alone.
@Suite struct SameSceneFigureTests {
    @Test func aRepeatedFigureIsDrawnOnceAndWrittenUnderBothNames() throws {
        let landscape = try DataFileLoader.loadDefault().get()
        let all = try #require(landscape.figures.first { $0.id == "ml-landscape-all" })
        let header = try #require(landscape.figures.first { $0.id == "header_part_02" })
        #expect(FigureRenderer.drawsSameScene(all, header))
        let settings = RenderSettings(formats: ["png", "svg"])
        let alone = try WorkCounters.measure { try FigureSetRenderer(jobs: 1).render([all], of: landscape, settings: settings) }
        let both = try WorkCounters.measure { try FigureSetRenderer(jobs: 2).render([all, header], of: landscape, settings: settings) }
        // Drawn once: the pixels and the bytes compressed are those of one figure.
        #expect(both.counts[.pixelsFilled] == alone.counts[.pixelsFilled])
        #expect(both.counts[.bytesCompressed] == alone.counts[.bytesCompressed])
        // Written under both names, each file as the figure alone would have it.
        let names = both.result.files.map(\.fileName)
        #expect(names == ["ml-landscape-all.png", "ml-landscape-all.svg", "header_part_02.png", "header_part_02.svg"])
        let headerAlone = try FigureRenderer().render(header, of: landscape, settings: settings).files
        #expect(both.result.files[2].bytes == headerAlone[0].bytes)
        #expect(both.result.files[3].bytes == headerAlone[1].bytes)
        #expect(both.result.files[0].bytes == alone.result.files[0].bytes)
    }

    @Test func figuresThatDifferInMoreThanTheirNameAreDrawnApart() throws {
        let landscape = try DataFileLoader.loadDefault().get()
        let all = try #require(landscape.figures.first { $0.id == "ml-landscape-all" })
        var titled = all
        titled.id = "titled"
        titled.title = "Another title"
        #expect(!FigureRenderer.drawsSameScene(all, titled))
        let orchestrators = try #require(landscape.figures.first { $0.id == "orchestrators" })
        #expect(!FigureRenderer.drawsSameScene(all, orchestrators))
    }
}
