/// Where a quadrant sits on the map, by name: the keys of per-quadrant theme colours, the
/// same whatever the data calls its quadrants (a Mermaid chart's quadrant-1 is top-right).
public enum QuadrantCorner: String, Sendable, CaseIterable {
    case topRight = "top-right", topLeft = "top-left", bottomLeft = "bottom-left", bottomRight = "bottom-right"

    public init(x: AxisSide, y: AxisSide) {
        switch (x, y) {
        case (.positive, .positive): self = .topRight
        case (.negative, .positive): self = .topLeft
        case (.negative, .negative): self = .bottomLeft
        case (.positive, .negative): self = .bottomRight
        }
    }
}
