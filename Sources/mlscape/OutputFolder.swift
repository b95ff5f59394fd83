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

    /// `output` for the built-in set, `output/<stem>` for a data file.
    static func defaultFolder(for data: String?) -> String {
        data.map { "output/\(stem(of: $0))" } ?? "output"
    }
}
