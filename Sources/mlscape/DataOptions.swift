import ArgumentParser
import Foundation
import ScapeModel

/// The optional DATA argument shared by every subcommand, and loading it.
struct DataOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A data file: landscape (.yaml, .json, .csv, .mmd), lifecycle spec or radar CSV. Default: the built-in MLOps landscape.",
                                 valueName: "data"))
    var data: String?

    /// The validated landscape; prints every diagnostic and exits 65 (bad data) or 66 (no input).
    func load() throws -> Landscape {
        let result: LoadResult
        if let data {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: data, isDirectory: &isDir) else {
                Console.error("error: cannot read \(data): no such file")
                throw ExitStatus.noInput
            }
            guard !isDir.boolValue else {
                Console.error("error: cannot read \(data): it is a folder; name a .yaml or .json data file")
                throw ExitStatus.noInput
            }
            if let kind = Self.notARegularFile(data) {
                Console.error("error: cannot read \(data): it is \(kind), not a data file; save the data to a file and name that")
                throw ExitStatus.noInput
            }
            guard FileManager.default.isReadableFile(atPath: data) else {
                Console.error("error: cannot read \(data): permission denied")
                throw ExitStatus.noInput
            }
            result = DataFileLoader.load(contentsOf: URL(fileURLWithPath: data))
        } else {
            result = DataFileLoader.loadDefault()
        }
        Console.report(result.diagnostics)
        guard let landscape = result.landscape, !result.diagnostics.hasErrors else {
            let count = result.diagnostics.errors.count
            Console.error("\(count) error\(count == 1 ? "" : "s"); nothing was written")
            throw ExitStatus.dataError
        }
        return landscape
    }

    /// What `path` is when it is not a regular file (a pipe, a device, a socket), after
    /// following links; nil for a regular file. Pipes and devices can be endless or read once.
    static func notARegularFile(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a pipe"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }
}
