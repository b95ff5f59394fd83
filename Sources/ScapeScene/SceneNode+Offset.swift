import ScapeGeometry

extension SceneNode {
    /// The same node moved by `v` (paths, text frames and every child of a group): how a
    /// figure makes room above itself for a title.
    public func offset(by v: Point) -> SceneNode {
        switch self {
        case .group(var g):
            g.children = g.children.map { $0.offset(by: v) }
            return .group(g)
        case .path(var p):
            p.path = p.path.applying { $0 + v }
            return .path(p)
        case .text(var t):
            t.frame = t.frame.offsetBy(v)
            t.towards = t.towards.map { $0 + v }
            return .text(t)
        }
    }
}
