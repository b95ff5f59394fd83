/// Where a map's axis end labels go: beyond the arrowheads (mlscape's own look), or along one
/// side of the plot at its corners, as Mermaid draws its x axis at the top or bottom and its
/// y axis on the left or right.
public enum AxisLabelPlacement: String, Sendable, Hashable, CaseIterable {
    case ends, top, bottom, left, right
}
