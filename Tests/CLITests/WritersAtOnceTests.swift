import Foundation
import ScapeInterop
import ScapeModel
import ScapePipeline
import ScapeRender
import ScapeScene
import Testing

/// A figure's formats are written at once when no writer splits its own work across the
/// threads (`FigureRenderer.write`): the same bytes as in turn, each writer with a Pango
/// engine of its own (Pango is not thread-safe).
@Suite struct WritersAtOnceTests {
    /// Two writers that wait, up to `patience` seconds, for each other to start.
    final class Meeting: @unchecked Sendable {
        let condition = NSCondition()
        var started = 0
        var met: [String: Bool] = [:]
        var engines: [String: ObjectIdentifier] = [:]
        let patience: TimeInterval
        init(patience: TimeInterval) { self.patience = patience }

        func arrive(_ name: String, engine: PangoTextEngine) {
            condition.lock()
            defer { condition.unlock() }
            started += 1
            engines[name] = ObjectIdentifier(engine)
            condition.broadcast()
            let deadline = Date(timeIntervalSinceNow: patience)
            while started < 2 && condition.wait(until: deadline) {}
            met[name] = started >= 2
        }
    }

    struct MeetingWriter: FigureWriter {
        let name: String
        let meeting: Meeting
        func write(_ scene: Scene, options: RenderOptions, text: PangoTextEngine) throws -> [UInt8] {
            meeting.arrive(name, engine: text)
            return Array(name.utf8)
        }
    }

    func render(threads: Int, patience: TimeInterval) throws -> Meeting {
        let landscape = try DataFileLoader.loadDefault().get()
        let figure = try #require(landscape.figures.first { $0.id == "ml-landscape-quads" })
        let meeting = Meeting(patience: patience)
        var formats = FormatRegistry.standard
        formats.register(MeetingWriter(name: "first", meeting: meeting))
        formats.register(MeetingWriter(name: "second", meeting: meeting))
        var settings = RenderSettings(formats: ["first", "second"])
        settings.threadsPerFigure = threads
        let files = try FigureRenderer(formats: formats).render(figure, of: landscape, settings: settings).files
        #expect(files.map(\.fileName) == ["ml-landscape-quads.first", "ml-landscape-quads.second"])
        #expect(files.map { String(decoding: $0.bytes, as: UTF8.self) } == ["first", "second"])
        return meeting
    }

    @Test func withTwoThreadsAFiguresWritersRunAtOnceEachWithItsOwnEngine() throws {
        let meeting = try render(threads: 2, patience: 20)
        #expect(meeting.met == ["first": true, "second": true], "the writers ran one after the other")
        #expect(meeting.engines["first"] != meeting.engines["second"], "two writers drew text with one Pango engine at once")
    }

    @Test func withOneThreadTheyRunInTurn() throws {
        let meeting = try render(threads: 1, patience: 0.2)
        #expect(meeting.met["first"] == false)
        #expect(meeting.met["second"] == true, "the second writer started after the first")
    }

    @Test(arguments: ["ml-landscape-all", "tech-radar-landscape"])
    func theFilesAreTheSameWrittenAtOnceOrInTurn(figureID: String) throws {
        let landscape = try DataFileLoader.loadDefault().get()
        let figure = try #require(landscape.figures.first { $0.id == figureID })
        var settings = RenderSettings(formats: ["png", "svg", "pdf"])
        let inTurn = try FigureRenderer().render(figure, of: landscape, settings: settings).files
        settings.threadsPerFigure = 2
        let atOnce = try FigureRenderer().render(figure, of: landscape, settings: settings).files
        #expect(inTurn.map(\.fileName) == atOnce.map(\.fileName))
        for (a, b) in zip(inTurn, atOnce) {
            let same = a.bytes == b.bytes
            #expect(same, "\(a.fileName) differs written at once")
        }
    }

    /// The banded map's PNG is painted and deflated in pieces on both threads: its writer is
    /// not run beside the others, which would leave it one. The plain map's is one piece.
    @Test func aPNGInPiecesKeepsBothThreads() throws {
        let landscape = try DataFileLoader.loadDefault().get()
        var options = RenderOptions(scale: 2)
        options.threads = 2
        for (id, busy) in [("tech-radar-landscape", 2), ("ml-landscape-all", 1)] {
            let figure = try #require(landscape.figures.first { $0.id == id })
            let scene = FigureRenderer().scene(for: figure, of: landscape).scene
            #expect(PNGWriter().threadsBusy(writing: scene, options: options) == busy, "\(id)")
        }
    }
}
