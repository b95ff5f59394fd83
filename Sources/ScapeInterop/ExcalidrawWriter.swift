import ScapeScene
import ScapeRender

/// Writes a figure as an Excalidraw scene (`.excalidraw`), so it can be opened and edited by
/// hand in the tool the blog's figures were first drawn with. Circles become ellipses, straight
/// outlines rectangles or lines, curves sampled lines, and text stays editable text elements.
/// The output is plain sorted-key JSON with stable ids and seeds: the same scene, the same bytes.
public struct ExcalidrawWriter: FigureWriter {
    public let name = "excalidraw"

    public init() {}

    /// Excalidraw draws every element by hand itself, from clean shapes.
    public var takesSceneBeforePen: Bool { true }

    public func write(_ scene: Scene, options: RenderOptions, text: PangoTextEngine) throws -> [UInt8] {
        document(for: scene, handDrawn: options.handDrawn)
    }

    /// The Excalidraw file of a scene; it needs no text engine. Excalidraw draws it by hand
    /// (roughness 1) or crisp (roughness 0, the clean style).
    public func document(for scene: Scene, handDrawn: Bool = true) -> [UInt8] {
        let json = JSONText.object([
            "type": .string("excalidraw"),
            "version": .int(2),
            "source": .string("mlscape"),
            "elements": .array(ExcalidrawElements(scene: scene, roughness: handDrawn ? 1 : 0).elements),
            "appState": .object(["viewBackgroundColor": .string(scene.background?.hexRGB ?? "#ffffff")]),
            "files": .object([:]),
        ])
        return Array(json.serialized.utf8)
    }
}
