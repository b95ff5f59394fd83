import Foundation
import ScapeModel

/// A radar as a Thoughtworks radar CSV (name, ring, quadrant, status, description, link), the
/// form `mlscape import` gives a radar: Build Your Own Radar reads it (the extra link column
/// is ignored there), and so does mlscape.
public enum RadarCSVWriter {
    public static func csv(_ r: RadarSpec) -> String {
        var out = "name,ring,quadrant,status,description,link\n"
        for b in r.blips {
            let ring = r.rings.indices.contains(b.ring) ? r.rings[b.ring] : ""
            let quadrant = r.sectors.indices.contains(b.sector) ? r.sectors[b.sector] : ""
            let status = b.status.rawValue.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            out += [b.name, ring, quadrant, status, b.description ?? "", b.url ?? ""].map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
