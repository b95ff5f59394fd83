import Foundation
import ScapeModel
import ScapeRender
import ScapeScene

/// One figure as a live page shows it: inline SVG with its real-text layer, and the catalogue
/// its cards read. The laid-out scene is kept so that the next render can tell, before the
/// costly pen and outlines, whether anything changed.
public struct PreviewFigure: Sendable {
    public var id: String
    public var svg: String
    public var catalogue: FigureCatalogue
    public var warnings: [String]
    /// The scene before the pen, and the settings it was drawn with: equal inputs, equal output.
    var layoutScene: Scene
    var style: FigureStyle
    /// What the figure was drawn from: the figure and the parts of the landscape it reads.
    var inputs: (figure: Figure, landscape: Landscape)

    init(id: String, svg: String, catalogue: FigureCatalogue, warnings: [String], layoutScene: Scene, style: FigureStyle,
         inputs: (figure: Figure, landscape: Landscape)) {
        self.id = id
        self.svg = svg
        self.catalogue = catalogue
        self.warnings = warnings
        self.layoutScene = layoutScene
        self.style = style
        self.inputs = inputs
    }
}

extension FigureRenderer {
    /// Renders a figure for a live page, reusing `previous` where the output cannot differ:
    /// when the figure and the parts of the landscape it reads are unchanged, nothing is laid
    /// out; when it lays out to the same scene with the same catalogue, the pen and the
    /// outlines are skipped.
    public func preview(_ figure: Figure, of landscape: Landscape, settings: RenderSettings, previous: PreviewFigure? = nil) -> PreviewFigure {
        let style = settings.effectiveStyle(for: landscape)
        let inputs = (figure: figure, landscape: Self.partRead(by: figure, of: landscape))
        let catalogue = FigureCatalogue(landscape: landscape, figure: figure)
        if let previous, previous.id == figure.id, previous.style == style, previous.catalogue == catalogue,
           previous.inputs.figure == inputs.figure, previous.inputs.landscape == inputs.landscape {
            return previous
        }
        let laid = layout(figure, of: landscape, settings: settings)
        if let previous, previous.id == figure.id, previous.style == style, previous.layoutScene == laid.scene, previous.catalogue == catalogue {
            var same = previous
            same.inputs = inputs
            return same
        }
        let penned = settings.pen(for: landscape).apply(to: laid.scene)
        let options = RenderOptions(scale: settings.scale, creationDate: settings.creationDate, title: figure.title ?? figure.id, catalogue: catalogue)
        let svg = HTMLWriter.inlineSVG(penned, options: options, text: text)
        return PreviewFigure(id: figure.id, svg: svg, catalogue: catalogue, warnings: laid.warnings, layoutScene: laid.scene, style: style,
                             inputs: inputs)
    }

    /// The landscape as far as a figure reads it: banners, lifecycles and the setup figure
    /// draw no tool and no category, so a change to those leaves them alone.
    static func partRead(by figure: Figure, of landscape: Landscape) -> Landscape {
        var part = landscape
        switch figure.kind {
        case .banner, .lifecycle, .setup:
            part.tools = []
            part.categories = []
        default:
            break
        }
        return part
    }
}

/// Renders a figure set for a live page again and again, across threads. Each worker is a
/// thread of its own that makes its `FigureRenderer` (and Pango engine, with its measured
/// sizes) and keeps it for its lifetime: Pango's default font map belongs to the thread that
/// asks for it, so an engine must stay on the thread that made it.
public final class PreviewRenderer: @unchecked Sendable {
    private let workers: [RenderThread]

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        workers = (0..<max(1, jobs)).map { RenderThread(name: "mlscape render \($0 + 1)") }
    }

    deinit {
        for w in workers { w.finish() }
    }

    /// The figures in order; a figure whose layout and catalogue equal its `previous` one's
    /// comes back as it was. Not reentrant: call from one thread at a time.
    public func render(_ figures: [Figure], of landscape: Landscape, settings: RenderSettings,
                       previous: [String: PreviewFigure]) -> [PreviewFigure] {
        let slots = PreviewSlots(count: figures.count)
        let order = figures.indices.sorted { (FigureSetRenderer.cost(figures[$0].kind), $1) > (FigureSetRenderer.cost(figures[$1].kind), $0) }
        let queue = WorkQueue(order)
        let group = DispatchGroup()
        for worker in workers.prefix(max(1, figures.count)) {
            group.enter()
            worker.run { renderer in
                while let i = queue.next() {
                    slots.set(i, renderer.preview(figures[i], of: landscape, settings: settings, previous: previous[figures[i].id]))
                }
                group.leave()
            }
        }
        group.wait()
        return slots.values.map { $0! }
    }
}

/// A thread that owns one `FigureRenderer` and runs the jobs handed to it, one at a time.
private final class RenderThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [(FigureRenderer) -> Void] = []
    private var finished = false

    init(name: String) {
        let thread = Thread { [self] in self.loop() }
        thread.name = name
        thread.start()
    }

    func run(_ job: @escaping (FigureRenderer) -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        let renderer = FigureRenderer()
        while true {
            condition.lock()
            while jobs.isEmpty && !finished { condition.wait() }
            if jobs.isEmpty && finished {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job(renderer)
        }
    }
}

/// Results written by worker threads, each to its own slot.
private final class PreviewSlots: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [PreviewFigure?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: PreviewFigure) {
        lock.withLock { values[index] = value }
    }
}
