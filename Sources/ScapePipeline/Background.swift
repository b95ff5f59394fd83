import ScapeScene

/// The `--background` choice: transparent, white, or any `#rrggbb`.
public enum Background: Sendable, Equatable {
    case transparent
    case color(Color)

    /// Parses `transparent`, `white`, `black`, `#rgb`, `#rrggbb` or `#rrggbbaa`.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "transparent", "none": self = .transparent
        case "white": self = .color(.white)
        case "black": self = .color(.black)
        default:
            guard let c = Color(hex: argument) else { return nil }
            self = .color(c)
        }
    }

    var color: Color? {
        if case .color(let c) = self { return c }
        return nil
    }
}
