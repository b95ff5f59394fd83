import Dispatch
import ScapeGeometry
import ScapeModel

/// A banded map's direction and borders (`AdoptionBands`), fitted from the data alone. With
/// more than one thread the fit runs on another core at once, and `result` waits for it; the
/// borders are the same either way. The fit is most of a banded map's layout (the direction
/// search and the calm curves), and the tools' placement does not need it.
final class BandFit: Sendable {
    private let ahead: WorkAhead<(bands: AdoptionBands, borders: [BandBorder])>

    /// `given`: borders the data fixes (straight cuts), used as they are.
    init(landscape: Landscape, given: [Double]?, threads: Int) {
        ahead = WorkAhead(threads: threads) {
            let bands = AdoptionBands(landscape: landscape)
            // Borders given in the data are used as they are (straight); computed ones bend around the tools.
            return (bands, given.map { $0.map(BandBorder.straight) } ?? bands.curvedBorders(from: bands.borders()))
        }
    }

    /// The fit, once it is done.
    var result: (bands: AdoptionBands, borders: [BandBorder]) { ahead.take() }
}
