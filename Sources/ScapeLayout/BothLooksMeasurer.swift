import ScapeGeometry
import ScapeScene

/// Text measured for a layout both styles share: each box is wide and tall enough for the
/// text in every look, so the layout decides once and either style's type fits its boxes.
struct BothLooksMeasurer: TextMeasurer {
    let base: any TextMeasurer
    let looks: [TypeLook]

    func measure(_ text: String, font: FontSpec) -> Size {
        var size = base.measure(text, font: font)
        for look in looks where !look.keeps(font) {
            let s = base.measure(text, font: look.font(for: font))
            size = Size(max(size.width, s.width), max(size.height, s.height))
        }
        return size
    }
}
