/// The changes one map or zoom draws over the new edition (`mlscape diff`): a trail from
/// each mover's old spot, a mark on each added tool, each removed tool greyed at its old
/// spot, and a legend naming the two editions.
public struct FigureChanges: Sendable, Equatable {
    /// A mover: the tool's id in the new edition and where it stood in the old one.
    public struct Trail: Sendable, Equatable {
        public var toolID: String
        public var fromX: Double
        public var fromY: Double

        public init(toolID: String, fromX: Double, fromY: Double) {
            self.toolID = toolID
            self.fromX = fromX
            self.fromY = fromY
        }
    }

    public var trails: [Trail]
    /// Ids of the tools new in this edition.
    public var added: [String]
    /// Tools of the old edition gone from the new, at their old positions.
    public var removed: [Tool]
    /// New id -> the name the tool had in the old edition, for tools renamed with `was:`.
    public var renamed: [String: String] = [:]
    /// Draw only the tools that moved.
    public var movedOnly: Bool
    /// How the legend names the two editions (file names, revisions or titles).
    public var oldLabel: String
    public var newLabel: String

    public init(trails: [Trail] = [], added: [String] = [], removed: [Tool] = [], movedOnly: Bool = false,
                oldLabel: String, newLabel: String) {
        self.trails = trails
        self.added = added
        self.removed = removed
        self.movedOnly = movedOnly
        self.oldLabel = oldLabel
        self.newLabel = newLabel
    }
}
