import Foundation
import ScapeLayout
import ScapeModel
import ScapeRender
import ScapeScene

/// One output file, rendered in memory and not yet written.
public struct RenderedFile: Sendable {
    public var fileName: String
    public var bytes: [UInt8]
}

/// How figures are drawn: the style, background, scale and formats.
public struct RenderSettings: Sendable {
    public var formats: [String]
    public var background: Background?
    public var scale: Double
    public var creationDate: String

    public init(formats: [String] = ["png", "svg"], background: Background? = nil, scale: Double = 2,
                creationDate: String = RenderSettings.creationDate(from: ProcessInfo.processInfo.environment)) {
        self.formats = formats
        self.background = background
        self.scale = scale
        self.creationDate = creationDate
    }

    /// SOURCE_DATE_EPOCH when set (reproducible-builds convention), else a fixed date.
    public static func creationDate(from environment: [String: String]) -> String {
        guard let raw = environment["SOURCE_DATE_EPOCH"], let seconds = Int(raw) else { return RenderOptions.defaultCreationDate }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

/// The pipeline for one figure: layout -> scene -> pen -> every requested format, in memory.
/// Not thread-safe (it owns a Pango engine); use one per thread.
public final class FigureRenderer {
    public let theme: Theme
    public let pen: any ScenePen
    public let formats: FormatRegistry
    let text = PangoTextEngine()

    public init(theme: Theme = .clean, pen: any ScenePen = CleanPen(), formats: FormatRegistry = .standard) {
        self.theme = theme
        self.pen = pen
        self.formats = formats
    }

    /// The scene of a figure, as the backend will draw it.
    public func scene(for figure: Figure, of landscape: Landscape, settings: RenderSettings = RenderSettings()) -> LaidOutFigure {
        var laid = FigureLayout(theme: theme, measurer: text).layout(figure, of: landscape)
        if let bg = settings.background { laid.scene.background = bg.color }
        laid.scene = pen.apply(to: laid.scene)
        return laid
    }

    /// Renders one figure in every format of `settings`.
    public func render(_ figure: Figure, of landscape: Landscape, settings: RenderSettings) throws -> (files: [RenderedFile], warnings: [String]) {
        let laid = scene(for: figure, of: landscape, settings: settings)
        let options = RenderOptions(scale: settings.scale, creationDate: settings.creationDate, title: figure.title ?? figure.id)
        var files: [RenderedFile] = []
        for name in settings.formats {
            guard let writer = formats.writer(for: name) else {
                throw RenderError("unknown format '\(name)'; the formats are \(formats.names.joined(separator: ", "))")
            }
            files.append(RenderedFile(fileName: "\(figure.id).\(writer.name)", bytes: try writer.write(laid.scene, options: options, text: text)))
        }
        return (files, laid.warnings)
    }
}
