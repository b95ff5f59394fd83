import CCairo
import ScapeScene

/// Vector output through Cairo's PDF surface; one figure unit is one PDF point. The creation
/// date is fixed by the options so that re-rendering gives identical bytes.
public struct PDFWriter: FigureWriter {
    public let name = "pdf"

    public init() {}

    public func write(_ scene: Scene, options: RenderOptions, text: PangoTextEngine) throws -> [UInt8] {
        let stream = CairoStream()
        let surface = cairo_pdf_surface_create_for_stream(CairoStream.write, stream.closure, scene.size.width, scene.size.height)!
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, options.creationDate)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "mlscape")
        if let title = options.title { cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title) }
        let cr = cairo_create(surface)!
        CairoScenePainter(text: text).paint(scene, on: cr)
        cairo_show_page(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw RenderError("cannot write the PDF", status: status) }
        return stream.bytes
    }
}
