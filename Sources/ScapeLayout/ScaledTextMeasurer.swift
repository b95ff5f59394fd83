import ScapeGeometry
import ScapeScene

/// Text measured at one size and scaled to any other: a legend tried at several type sizes
/// measures each name once (type scales with its size; hinting is off), so trying sizes
/// costs arithmetic, not a text layout per name per size. Only an estimate: the size it
/// picks is laid out again with the real measurer.
struct ScaledTextMeasurer: TextMeasurer {
    let base: any TextMeasurer
    let size: Double

    func measure(_ text: String, font: FontSpec) -> Size {
        var at = font
        at.size = size
        let s = base.measure(text, font: at)
        let k = font.size / size
        return Size(s.width * k, s.height * k)
    }
}
