import ScapeModel

/// The radar formats of other tools, told apart by their shape: Thoughtworks' CSV and JSON
/// list (name, ring, quadrant columns), Zalando's `config.json` (`entries` with quadrant and
/// ring indexes). A file whose extension names another format is never taken for a radar.
enum RadarFormat {
    case thoughtworks
    case zalando

    static func detect(fileName: String, text: String) -> RadarFormat? {
        let ext = fileName.contains(".") ? String(fileName[fileName.index(after: fileName.lastIndex(of: ".")!)...]).lowercased() : ""
        let sniffed = text.prefix(64 * 1024)
        if ["csv", "", "txt"].contains(ext), RadarCSVParser.looksLikeRadarCSV(String(sniffed)) { return .thoughtworks }
        guard ["json", ""].contains(ext) else { return nil }
        if RadarCSVParser.looksLikeRadarJSON(text) { return .thoughtworks }
        if ZalandoRadarParser.looksLikeZalando(text) { return .zalando }
        return nil
    }

    func parse(text: String, file: String, names: RadarNames = RadarNames()) -> LoadResult {
        switch self {
        case .thoughtworks: return RadarCSVParser.parse(text: text, file: file)
        case .zalando: return ZalandoRadarParser.parse(text: text, file: file, names: names)
        }
    }
}
