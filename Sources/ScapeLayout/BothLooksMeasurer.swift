import ScapeGeometry
import ScapeScene

/// Text measured for a layout both styles share: each box is wide and tall enough for the
/// text in every look, so the layout decides once and either style's type fits its boxes.
/// Each text and font is measured once: the placer asks again for every attempt, and two
/// looks would otherwise double every lookup in the base's cache.
final class BothLooksMeasurer: TextMeasurer {
    let base: any TextMeasurer
    let looks: [TypeLook]
    private struct Key: Hashable {
        var text: String
        var font: FontSpec
    }
    private var sizes: [Key: Size] = [:]

    init(base: any TextMeasurer, looks: [TypeLook]) {
        self.base = base
        self.looks = looks
    }

    func measure(_ text: String, font: FontSpec) -> Size {
        let key = Key(text: text, font: font)
        if let s = sizes[key] { return s }
        var size = base.measure(text, font: font)
        for look in looks where !look.keeps(font) {
            let s = base.measure(text, font: look.font(for: font))
            size = Size(max(size.width, s.width), max(size.height, s.height))
        }
        sizes[key] = size
        return size
    }
}
