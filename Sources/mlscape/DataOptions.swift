import ArgumentParser
import Foundation
import ScapeInterop
import ScapeModel

/// The optional DATA argument shared by every subcommand, and loading it.
struct DataOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A data file: landscape (.yaml, .json, .csv, .mmd), lifecycle spec, Thoughtworks radar (CSV or JSON) or Zalando radar (config.json). Default: ./landscape.yaml when this folder holds one, else the built-in MLOps landscape.",
                                 valueName: "data"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("A Zalando radar's quadrant names in Zalando's order: bottom right, bottom left, top left, top right (comma-separated; default: its example's, or NAME.radar.yaml next to the file).", valueName: "names"))
    var radarQuadrants: String?

    @Option(name: .long, help: ArgumentHelp("A Zalando radar's ring names from the centre out, 1 to 8 (comma-separated).", valueName: "names"))
    var radarRings: String?

    /// The radar names the flags give.
    var radarNames: RadarNames {
        func list(_ s: String?) -> [String]? {
            s.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        }
        return RadarNames(quadrants: list(radarQuadrants), rings: list(radarRings))
    }

    /// Takes ./landscape.yaml when no data file is named and this folder holds one, as plain
    /// `mlscape` does, so that `render`, `validate`, `list` and `serve` all mean the same file;
    /// says so on standard error (`doing` is the verb: "drawing", "checking"), unless `quiet`.
    mutating func useLocalDataFile(doing: String, verb: String, destination: String = "", quiet: Bool = false) {
        guard data == nil, let found = OutputFolder.localDataFile() else { return }
        data = found
        if !quiet { Console.error("note: \(doing) \(found) from this folder\(destination) (name another data file to \(verb) that)") }
    }

    /// The validated landscape; prints every diagnostic and exits 65 (bad data) or 66 (no input).
    /// `strict` makes any warning about the data (an unknown key, say) fail the same way;
    /// `quiet` leaves out the notes (defaults taken), keeping warnings and errors.
    func load(strict: Bool = false, quiet: Bool = false) throws -> Landscape {
        try Self.load(data, radarNames: radarNames, strict: strict, quiet: quiet)
    }

    /// Loads `data` (the built-in landscape when nil) as `load(strict:)` does; for commands
    /// that take data files as other arguments (`diff`).
    static func load(_ data: String?, radarNames: RadarNames = RadarNames(), strict: Bool = false, quiet: Bool = false) throws -> Landscape {
        let result: LoadResult
        if let data {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: data, isDirectory: &isDir) else {
                Console.error("error: cannot read \(data): no such file\(Self.nearestFile(to: data).map { " (did you mean \($0)?)" } ?? "")")
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
            result = DataFileLoader.load(contentsOf: URL(fileURLWithPath: data), radarNames: radarNames)
        } else {
            result = DataFileLoader.loadDefault()
        }
        Console.report(quiet ? result.diagnostics.filter { $0.severity != .note } : result.diagnostics)
        guard let landscape = result.landscape, !result.diagnostics.hasErrors else {
            let count = result.diagnostics.errors.count
            Console.error("\(count) error\(count == 1 ? "" : "s"); nothing was written")
            throw ExitStatus.dataError
        }
        if strict, case let count = result.diagnostics.warnings.count, count > 0 {
            Console.error("--strict: \(count) warning\(count == 1 ? "" : "s") about the data; fix \(count == 1 ? "it" : "them") or drop --strict")
            throw ExitStatus.dataError
        }
        return landscape
    }

    /// A file beside where `path` points whose name is close to it (`landscape.yml` for
    /// `landscape.yaml`), shown as `path` would be; nil when there is none.
    static func nearestFile(to path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
        guard names.count <= InputBounds.suggestedFiles, let close = Suggestions.closest(to: url.lastPathComponent, in: names) else { return nil }
        let typed = (path as NSString).deletingLastPathComponent
        return typed.isEmpty ? close : (typed as NSString).appendingPathComponent(close)
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
