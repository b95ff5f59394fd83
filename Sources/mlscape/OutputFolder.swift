import Foundation
import ScapeModel

/// Where a render goes when `--out` is not given: the built-in set into `output/`, each data
/// file into `output/<its name without extension>/`, so that drawing one file never replaces
/// what another drew (two files both make a map called `landscape`).
enum OutputFolder {
    /// The file plain `mlscape` draws when it is in the current folder.
    static let localFileName = "landscape.yaml"

    /// `landscape.yaml` when the current folder has one (a regular file), else nil.
    static func localDataFile() -> String? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: localFileName, isDirectory: &isDir), !isDir.boolValue else { return nil }
        return localFileName
    }

    /// The data file's name without folder and extension; `landscape` when that is no plain name.
    static func stem(of data: String) -> String {
        let stem = URL(fileURLWithPath: data).deletingPathExtension().lastPathComponent
        return FigureID.problem(with: stem) == nil ? stem : "landscape"
    }

    /// `output` for the built-in set, `output/<stem>` for a data file; `output/<stem>-2` (and
    /// so on) when `output/<stem>` holds another file's figures (two files named alike in two
    /// folders), as its `.mlscape-source` says.
    static func defaultFolder(for data: String?) -> String {
        guard let data else { return "output" }
        let source = sourceKey(data)
        var folder = "output/\(stem(of: data))", n = 2
        while let owner = try? String(contentsOfFile: folder + "/" + markerName, encoding: .utf8), owner != source {
            folder = "output/\(stem(of: data))-\(n)"
            n += 1
        }
        return folder
    }

    /// The hidden file naming the data file a default folder belongs to.
    static let markerName = ".mlscape-source"

    /// The data file's absolute path, as the marker holds it.
    static func sourceKey(_ data: String) -> String {
        URL(fileURLWithPath: data).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Records that `folder` (a default one) holds `data`'s figures; best effort.
    static func claim(_ folder: String, for data: String) {
        let marker = URL(fileURLWithPath: folder).appendingPathComponent(markerName)
        guard (try? String(contentsOf: marker, encoding: .utf8)) != sourceKey(data) else { return }
        try? Data(sourceKey(data).utf8).write(to: marker, options: .atomic)
    }
}
