/// The one table of bounds on input. Every number that reaches layout or drawing and every text
/// that becomes a label has exactly one range here, and every reader (YAML, JSON, CSV, Mermaid,
/// radar CSV/JSON, lifecycle specs, theme keys, command-line flags) checks it through this table,
/// so a value one format refuses is refused by all, with the same words. The ranges are wide
/// enough for any figure a person would draw and narrow enough that no input can make layout
/// or drawing run away (a radius of 1e21, a hatch gap of 1e-300, a 100,000-character title).
public enum InputBounds {
    // MARK: Numbers

    /// Tool positions on each axis (Mermaid's 0 ... 1 is mapped onto this range).
    public static let position = NumberBound(key: "position", lower: -1, upper: 1, unit: "", note: "positions run from -1 to 1")
    /// Points of trend arrows and the borders of adoption bands, in data units: the map's
    /// -1 ... 1 and the margin around it.
    public static let annotation = NumberBound(key: "arrow point or band border", lower: -1.5, upper: 1.5, unit: "")
    /// A marker's radius: a tool's `style: { radius }`, Mermaid `radius:`, theme `marker-radius`.
    public static let radius = NumberBound(key: "radius", lower: 0, upper: 100, lowerOpen: true, unit: "points")
    /// A marker's outline: a tool's `style: { stroke-width }`, Mermaid `stroke-width:`.
    public static let strokeWidth = NumberBound(key: "stroke-width", lower: 0, upper: 50, unit: "points")
    /// Theme `tool-size`, `subtitle-size`, `axis-size`, `title-size`.
    public static let fontSize = NumberBound(key: "font size", lower: 1, upper: 200, unit: "points")
    /// Theme `hatch-gap`: below 1 point a region is a solid fill drawn line by line.
    public static let hatchGap = NumberBound(key: "hatch-gap", lower: 1, upper: 50, unit: "points")
    /// Theme `hatch-angle`, in degrees.
    public static let hatchAngle = NumberBound(key: "hatch-angle", lower: -360, upper: 360, unit: "degrees")
    /// Theme `hatch-weight`, the width of hatch lines.
    public static let hatchWeight = NumberBound(key: "hatch-weight", lower: 0, upper: 20, lowerOpen: true, unit: "points")
    /// Theme `stroke-scale`, a factor on every stroke's width.
    public static let strokeScale = NumberBound(key: "stroke-scale", lower: 0, upper: 10, lowerOpen: true, unit: "")
    /// `--scale`: PNG pixels per figure unit.
    public static let scale = NumberBound(key: "--scale", lower: 0, upper: 20, lowerOpen: true, unit: "")
    /// `--width`: PNG width in pixels.
    public static let width = NumberBound(key: "--width", lower: 16, upper: 30_000, unit: "pixels")
    /// `--fit` and a figure's `fit:`: the width in pixels a figure is read at (a phone's
    /// column to a poster's).
    public static let fit = NumberBound(key: "fit", lower: 200, upper: 10_000, unit: "pixels")
    /// `--roughness`: 0 architect ... 4 very rough.
    public static let roughness = NumberBound(key: "--roughness", lower: 0, upper: 4, unit: "")
    /// `--jobs`: figures rendered at once.
    public static let jobs = NumberBound(key: "--jobs", lower: 1, upper: 256, unit: "")

    /// Every number bound, for the documentation and the test that walks the table.
    public static let numbers: [NumberBound] = [position, annotation, radius, strokeWidth, fontSize, hatchGap, hatchAngle, hatchWeight,
                                                strokeScale, scale, width, fit, roughness, jobs]

    // MARK: Text

    /// Anything drawn as one label: tool and blip names, subtitles, titles of landscapes, figures,
    /// charts, radars and quadrants, axis ends, category and ring names, loop steps.
    public static let label = TextBound(key: "label", maxCharacters: 200)
    /// Longer prose that is drawn wrapped or not at all: a figure's note, a blip's description.
    public static let prose = TextBound(key: "note", maxCharacters: 10_000)

    public static let texts: [TextBound] = [label, prose]

    // MARK: Counts

    /// Tools (or radar blips, or Mermaid points) one file may hold: the same in every format.
    /// 100,000 tools render in under 10 s; a million would take minutes and gigabytes.
    public static let maxTools = 100_000
    /// Diagnostics kept per file; the rest are counted ("and N more errors").
    public static let maxDiagnostics = 100
    /// Files in a folder compared with a data file name that is not there, for "did you mean":
    /// a folder of thousands (a download folder) is not worth a guess.
    public static let suggestedFiles = 500

    /// How far a map's legend may run on under its plot, in plot heights: every numbered tool
    /// is listed up to there (a 1,000-tool map's names fit), and the figure stays an image
    /// (at the default 2 px a point, far inside Cairo's 32767 px). Past it, names are left out,
    /// each warned of.
    public static let legendPlotHeights = 4.0

    // MARK: Memory

    /// The most memory (peak resident, in MB) one render of a file within these bounds may
    /// take: loading, layout and every format, figures drawn at once included. `mlscape bench
    /// work --check` holds each catalogue input to it (100,000 tools, a 30000-px raster and the
    /// worst shapes among them); a PNG is drawn in bands and `--jobs` lowered to stay inside.
    public static let renderMemoryMegabytes = 512

    // MARK: Requests to `mlscape serve`

    /// The request line and headers of one request, together: beyond, 431 and the connection closes.
    /// A browser's request to the preview is under 2 KB; 16 KB leaves room for long cookies.
    public static let maxRequestHead = 16 * 1024
    /// Connections open at once: the rest are answered 503 and closed. Ten tabs of a browser
    /// need a few each; 256 stays far below a default descriptor limit of 1,024.
    public static let maxConnections = 256
    /// Seconds a request may take to arrive in full, and a kept-alive connection may stay idle.
    public static let requestSeconds = 10

    /// The one message for a file over the tool limit.
    public static func tooManyTools(_ count: Int, noun: String = "tools") -> String {
        "the file holds \(count) \(noun); a file may hold at most \(maxTools) (split it, or select a subset)"
    }
}

/// A closed (or half-open at the bottom) range for one kind of number, with its message.
public struct NumberBound: Sendable, CustomStringConvertible {
    public let key: String
    public let lower: Double
    public let upper: Double
    /// True when the lower end itself is refused (a radius must be above 0).
    public let lowerOpen: Bool
    public let unit: String
    /// Replaces the generic range wording where a format has its own phrase.
    public let note: String?

    public init(key: String, lower: Double, upper: Double, lowerOpen: Bool = false, unit: String, note: String? = nil) {
        self.key = key
        self.lower = lower
        self.upper = upper
        self.lowerOpen = lowerOpen
        self.unit = unit
        self.note = note
    }

    public func contains(_ v: Double) -> Bool {
        v.isFinite && (lowerOpen ? v > lower : v >= lower) && v <= upper
    }

    /// "from 1 to 50 points" or "above 0, at most 100 points".
    public var rangeText: String {
        let u = unit.isEmpty ? "" : " \(unit)"
        return lowerOpen ? "above \(Self.show(lower)), at most \(Self.show(upper))\(u)" : "from \(Self.show(lower)) to \(Self.show(upper))\(u)"
    }

    public var description: String { "\(key): \(rangeText)" }

    /// nil when `v` is in range; else "<what> is <v>; expected <range>".
    public func problem(_ v: Double, what: String? = nil) -> String? {
        guard !contains(v) else { return nil }
        return "\(what ?? key) is \(Self.show(v)); \(note ?? "expected \(rangeText)")"
    }

    /// Whole numbers without ".0"; NaN and infinities in words.
    public static func show(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "infinity" : "-infinity" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}

/// The longest text one kind of field may hold.
public struct TextBound: Sendable, CustomStringConvertible {
    public let key: String
    public let maxCharacters: Int

    public var description: String { "\(key): at most \(maxCharacters) characters" }

    /// nil when `text` fits; else "<what> is N characters long; a label holds at most 200".
    /// Counts UTF-8 bytes first, so a five-megabyte line is not walked character by character.
    public func problem(_ text: String, what: String) -> String? {
        guard text.utf8.count > maxCharacters else { return nil }
        let count = text.count
        guard count > maxCharacters else { return nil }
        return "\(what) is \(count) characters long; a \(key) holds at most \(maxCharacters)"
    }
}
