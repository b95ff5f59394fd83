import Foundation
import ScapeGeometry
import ScapeScene

extension SVGWriter {
    /// From how many leaves the tails are made on more than one thread: below it, a thread
    /// costs more than it saves.
    static let parallelTailsFrom = 256

    /// The scene's paths and texts in document order (the order `write` meets them).
    static func leaves(of nodes: [SceneNode]) -> [SceneNode] {
        var out: [SceneNode] = []
        func walk(_ nodes: [SceneNode]) {
            for node in nodes {
                if case .group(let g) = node { walk(g.children) } else { out.append(node) }
            }
        }
        walk(nodes)
        return out
    }

    /// Each leaf's `tail`, in order. Most of an SVG's time (the path data's numbers, the
    /// glyph outlines) is here, and each leaf's tail depends on the leaf alone, so with more
    /// than one thread the leaves are cut into runs made at once (`InRuns`), each thread with a Pango
    /// engine of its own (Pango is not thread-safe): the same bytes for any number of threads.
    static func tails(of leaves: [SceneNode], threads: Int, text: PangoTextEngine) -> [String] {
        guard threads > 1, leaves.count >= parallelTailsFrom else { return leaves.map { tail(of: $0, text: text) } }
        nonisolated(unsafe) let callerText = text
        let caller = pthread_self()
        return InRuns.map(count: leaves.count, threads: threads) { run in
            let engine = PangoTextEngine.serving(caller, callerText)
            return run.map { tail(of: leaves[$0], text: engine) }
        }
    }
}
