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
}

/// A Scene -> Scene transform that changes how strokes look without changing what is drawn:
/// the clean pen keeps the geometry; the sketch pen redraws it by hand.
public protocol ScenePen: Sendable {
    func apply(to scene: Scene) -> Scene
}

/// Crisp vector output: the scene as laid out.
public struct CleanPen: ScenePen {
    public init() {}
    public func apply(to scene: Scene) -> Scene { scene }
}
