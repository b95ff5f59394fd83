/// How much memory a PNG may take while it is drawn. A figure up to `bandPixels` pixels is drawn
/// on one surface (4 bytes a pixel) whose rows are streamed through deflate a batch at a time
/// into the file's bytes (no copy of the image; the file is at most about the image's size
/// when nothing compresses), so 12 bytes a pixel is a generous peak; a larger one is drawn in
/// bands of at most `bandPixels` pixels, streamed the same way, so no accepted --width or
/// --scale needs more than about `perFigureBytes`.
public enum RasterBudget {
    /// 24 million pixels: a 6000 x 4000 figure in one piece, 288 MB at the peak.
    public static let bandPixels = 24_000_000
    /// The most one PNG needs while drawn, with room for layout and the encoded file.
    public static let perFigureBytes = 12 * bandPixels + 64 * 1_048_576
    /// The peak a whole render may reach; `--jobs` is lowered to stay within it.
    public static let totalBytes = 2 * 1_073_741_824

    /// Figures drawn at once when PNGs are among the formats: as many as the budget holds.
    public static func workers(requested: Int) -> Int {
        max(1, min(requested, totalBytes / perFigureBytes))
    }
}
