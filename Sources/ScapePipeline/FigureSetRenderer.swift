import Foundation
import ScapeGeometry
import ScapeModel
import ScapeRender

/// Renders many figures across threads, one `FigureRenderer` (and Pango engine) per thread.
/// Each figure's bytes depend only on its inputs, so the output is identical to a serial run
/// whatever the number of jobs; results come back in the figures' order.
public struct FigureSetRenderer {
    public var jobs: Int

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.jobs = max(1, jobs)
    }

    public struct Output {
        public var files: [RenderedFile]
        /// Warnings prefixed with the figure id.
        public var warnings: [String]
        /// Names left out for lack of room, with the figure they were left out of.
        public var omitted: [(figure: String, name: String)]
        public var omittedLabels: Int { omitted.count }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var figure: String
        public var underlying: any Error
        public var description: String { "cannot render \(figure): \(underlying)" }
    }

    /// `progress` is called (from worker threads, one call at a time) as each figure finishes;
    /// `finished` is handed each figure's files as soon as they are made (from the worker that
    /// made them, so it should return quickly: `StagingWriter.submit` writes them meanwhile).
    public func render(_ figures: [Figure], of landscape: Landscape, settings: RenderSettings,
                       progress: (@Sendable (_ done: Int, _ total: Int, _ id: String) -> Void)? = nil,
                       finished: (@Sendable (_ files: [RenderedFile]) -> Void)? = nil) throws -> Output {
        let results = IndexedSlots<Result<(files: [RenderedFile], warnings: [String], omitted: [String]), Failure>>(count: figures.count)
        // PNGs are drawn in bounded bands, but several at once still add up: the raster budget caps the workers.
        // Figures that draw the same scene are one piece of work (laid out and drawn once).
        let groups = Self.sameSceneGroups(figures)
        let allowed = settings.formats.contains("png") ? RasterBudget.workers(requested: jobs) : jobs
        let workers = min(allowed, max(1, groups.count))
        // Workers take the next group from a shared queue, the costliest kinds first, so the
        // last figure does not leave one core idle.
        let order = groups.indices.sorted { (Self.cost(figures[groups[$0][0]].kind), $1) > (Self.cost(figures[groups[$1][0]].kind), $0) }
        let queue = WorkQueue(order)
        // Workers count into the caller's tally, so the counts do not depend on the jobs.
        let tally = WorkCounters.current
        // Cores the workers leave idle go to each figure (a large PNG deflated in pieces at once).
        let perFigure = { var s = settings; s.threadsPerFigure = max(1, jobs / workers); return s }()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in WorkCounters.bind(tally) {
            let renderer = FigureRenderer()
            while let g = queue.next() {
                let group = groups[g]
                do {
                    let rendered = try renderer.render(sameScene: group.map { figures[$0] }, of: landscape, settings: perFigure)
                    finished?(rendered.flatMap(\.files))
                    for (index, r) in zip(group, rendered) {
                        // Reported under the slots' lock, so the counts arrive in order: [7/19] before [8/19].
                        results.set(index, .success(r)) { done in progress?(done, figures.count, figures[index].id) }
                    }
                } catch {
                    for index in group { results.set(index, .failure(Failure(figure: figures[index].id, underlying: error))) }
                }
            }
        } }
        var out = Output(files: [], warnings: [], omitted: [])
        for (i, slot) in results.values.enumerated() {
            switch slot! {
            case .success(let r):
                out.files += r.files
                out.warnings += r.warnings.map { "\(figures[i].id): \($0)" }
                out.omitted += r.omitted.map { (figures[i].id, $0) }
            case .failure(let e):
                throw e
            }
        }
        return out
    }
}

extension FigureSetRenderer {
    /// The figures' indices, those that draw the same scene together, in the figures' order.
    static func sameSceneGroups(_ figures: [Figure]) -> [[Int]] {
        var groups: [[Int]] = []
        for i in figures.indices {
            if let g = groups.firstIndex(where: { FigureRenderer.drawsSameScene(figures[$0[0]], figures[i]) }) { groups[g].append(i) } else { groups.append([i]) }
        }
        return groups
    }

    /// A rough relative cost of drawing a figure of this kind.
    static func cost(_ kind: FigureKind) -> Int {
        switch kind {
        case .radarLandscape: return 5
        case .map, .zoom: return 3
        case .setup, .lifecycle: return 2
        default: return 1
        }
    }
}

/// Figure indices handed out one at a time to the worker threads.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int]
    private var position = 0

    init(_ items: [Int]) {
        self.items = items
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard position < items.count else { return nil }
        position += 1
        return items[position - 1]
    }
}

