import ScapeGeometry

/// A resolved, immutable display list: what a figure looks like, independent of the output format.
public struct Scene: Hashable, Sendable {
    public var size: Size
    /// Nil means transparent.
    public var background: Color?
    public var nodes: [SceneNode]

    public init(size: Size, background: Color?, nodes: [SceneNode]) {
        self.size = size
        self.background = background
        self.nodes = nodes
    }

    /// Every node depth-first, groups before their children.
    public var allNodes: [SceneNode] {
        var out: [SceneNode] = []
        func walk(_ nodes: [SceneNode]) {
            for n in nodes {
                out.append(n)
                if case .group(let g) = n { walk(g.children) }
            }
        }
        walk(nodes)
        return out
    }

    /// The first node with this id, depth-first.
    public func node(id: String) -> SceneNode? { allNodes.first { $0.id == id } }

    /// The same scene with every path node replaced by what `transform` makes of it (groups
    /// and texts kept): the shape of every pen.
    public func mapPaths(_ transform: (ScenePath) -> SceneNode) -> Scene {
        mapLeaves { node in
            if case .path(let p) = node { return transform(p) }
            return node
        }
    }

    /// `mapPaths` with the paths' transforms made on `threads` threads at once (`InRuns`):
    /// for a transform whose result depends on the path alone (a pen seeded by the
    /// path's id), so the scene is the same for any number of threads. Work counted by the
    /// transform goes to the caller's tally.
    public func mapPaths(threads: Int, _ transform: @escaping @Sendable (ScenePath) -> SceneNode) -> Scene {
        guard threads > 1 else { return mapPaths(transform) }
        var paths: [ScenePath] = []
        func walk(_ nodes: [SceneNode]) {
            for node in nodes {
                switch node {
                case .group(let g): walk(g.children)
                case .path(let p): paths.append(p)
                case .text: break
                }
            }
        }
        walk(nodes)
        guard paths.count >= Self.parallelPathsFrom else { return mapPaths(transform) }
        let all = paths
        let made = InRuns.map(count: all.count, threads: threads) { run in run.map { transform(all[$0]) } }
        var next = 0
        return mapLeaves { node in
            guard case .path = node else { return node }
            defer { next += 1 }
            return made[next]
        }
    }

    /// From how many paths `mapPaths(threads:_:)` uses more than one thread: below it, a
    /// thread costs more than it saves.
    public static let parallelPathsFrom = 256

    /// The same scene with every text node replaced by what `transform` makes of it (groups
    /// and paths kept): how a style sets the text of a layout both styles share.
    public func mapTexts(_ transform: (SceneText) -> SceneText) -> Scene {
        mapLeaves { node in
            if case .text(let t) = node { return .text(transform(t)) }
            return node
        }
    }

    /// The same scene with every node that is not a group replaced by `transform`'s, groups
    /// kept as they are round them.
    private func mapLeaves(_ transform: (SceneNode) -> SceneNode) -> Scene {
        func map(_ node: SceneNode) -> SceneNode {
            guard case .group(var g) = node else { return transform(node) }
            g.children = g.children.map(map)
            return .group(g)
        }
        var out = self
        out.nodes = nodes.map(map)
        return out
    }
}

/// A Scene -> Scene transform that changes how strokes look without changing what is drawn:
/// the clean pen keeps the geometry; the sketch pen redraws it by hand.
public protocol ScenePen: Sendable {
    func apply(to scene: Scene) -> Scene
    /// The same, using up to `threads` threads (the same scene for any number).
    func apply(to scene: Scene, threads: Int) -> Scene
}

extension ScenePen {
    public func apply(to scene: Scene, threads: Int) -> Scene { apply(to: scene) }
}

/// Crisp vector output: the scene as laid out, with fill patterns drawn as straight lines.
public struct CleanPen: ScenePen {
    public init() {}

    public func apply(to scene: Scene) -> Scene {
        scene.mapPaths(draw)
    }

    private func draw(_ path: ScenePath) -> SceneNode {
        var p = path
        guard let pattern = p.pattern else { return .path(p) }
        p.pattern = nil
        if pattern.kind == .solid { p.fill = pattern.color; return .path(p) }
        let (lines, dots) = pattern.geometry(inside: p.path)
        var strokes = Path()
        for line in lines { strokes.append(.polyline(line)) }
        var dotPath = Path()
        for d in dots { dotPath.append(.circle(center: d, radius: pattern.weight / 2)) }
        var children: [SceneNode] = []
        if p.fill != nil { children.append(.path(ScenePath(id: p.id + "/fill", path: p.path, fill: p.fill))) }
        if !strokes.isEmpty {
            children.append(.path(ScenePath(id: p.id + "/pattern", path: strokes,
                                            stroke: pattern.stroke)))
        }
        if !dotPath.isEmpty { children.append(.path(ScenePath(id: p.id + "/dots", path: dotPath, fill: pattern.color))) }
        p.fill = nil
        if p.stroke != nil { children.append(.path(p)) }
        return .group(SceneGroup(id: p.id + "/filled", children: children))
    }
}
