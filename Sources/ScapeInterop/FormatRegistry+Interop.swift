import ScapeRender

extension FormatRegistry {
    /// Every output format: PNG, SVG and PDF, and the Excalidraw scene.
    public static var standard: FormatRegistry {
        var registry = FormatRegistry.cairo
        registry.register(ExcalidrawWriter())
        return registry
    }
}
