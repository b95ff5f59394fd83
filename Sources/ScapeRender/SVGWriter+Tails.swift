import Dispatch
import Foundation
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
    /// than one thread the leaves are cut into runs made at once, each thread with a Pango
    /// engine of its own (Pango is not thread-safe): the same bytes for any number of threads.
    static func tails(of leaves: [SceneNode], threads: Int, text: PangoTextEngine) -> [String] {
        guard threads > 1, leaves.count >= parallelTailsFrom else { return leaves.map { tail(of: $0, text: text) } }
        // Runs of equal counts, 16 per thread, so the runs of long outlines (a legend's names,
        // at the end) do not leave the other thread waiting: with 4 a thread, the 1,000-blip
        // radar's caller made 62 % of the tails.
        let runs = threads * 16
        let cut = (0...runs).map { $0 * leaves.count / runs }
        let made = IndexedSlots<[String]>(count: runs)
        nonisolated(unsafe) let callerText = text
        let caller = pthread_self()
        DispatchQueue.concurrentPerform(iterations: runs) { k in
            let engine = pthread_equal(pthread_self(), caller) != 0 ? callerText : PangoTextEngine.ofThisThread
            made.set(k, leaves[cut[k]..<cut[k + 1]].map { tail(of: $0, text: engine) })
        }
        return made.values.flatMap { $0! }
    }
}
