extension SceneNode {
    /// The same node with every id in it prefixed (`inset/2/` + `tool/x/name`), so a copy of
    /// part of a figure drawn elsewhere (a detail inset) keeps ids of its own that still say
    /// what each thing is.
    public func prefixingIDs(_ prefix: String) -> SceneNode {
        switch self {
        case .group(var g):
            g.id = prefix + g.id
            g.children = g.children.map { $0.prefixingIDs(prefix) }
            return .group(g)
        case .path(var p):
            p.id = prefix + p.id
            return .path(p)
        case .text(var t):
            t.id = prefix + t.id
            return .text(t)
        }
    }
}
