import ScapeGeometry
import ScapeScene

/// Sets a laid-out scene's text in a style's look: each text keeps its place in the box the
/// layout gave it (as near what it names as the box allows; else against the side its
/// alignment names, centred across), in the look's font
/// and at its own measured size, so a reader of the output (the audit, an SVG) sees the box
/// the text really fills.
struct SceneRetypesetter {
    let look: TypeLook
    let measurer: any TextMeasurer

    func retype(_ scene: Scene) -> Scene { scene.mapTexts(retype) }

    func retype(_ text: SceneText) -> SceneText {
        var t = text
        t.font = look.font(for: t.font)
        let size = measurer.measure(t.text, font: t.font)
        guard size != t.frame.size else { return t }
        let box = t.frame
        var x: Double
        switch t.alignment {
        case .left: x = box.minX
        case .right: x = box.maxX - size.width
        case .center: x = box.midX - size.width / 2
        }
        var y = box.midY - size.height / 2
        if let p = t.towards {
            x = Self.clamp(p.x - size.width / 2, box.minX, box.maxX - size.width)
            y = Self.clamp(p.y - size.height / 2, box.minY, box.maxY - size.height)
        }
        t.frame = Rect(x: x, y: y, width: size.width, height: size.height)
        return t
    }

    /// `v` within `lo...hi`; `lo` when the range is empty (a text wider than its box).
    static func clamp(_ v: Double, _ lo: Double, _ hi: Double) -> Double { hi < lo ? lo : min(max(v, lo), hi) }
}
