import ArgumentParser
import Foundation

/// `mlscape init`: start a landscape from scratch with a commented starter file.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter data file to begin a landscape of your own.",
        discussion: """
        Writes FILE (default landscape.yaml): axes, four quadrants, two categories,
        a few tools and two figures, every key explained in a comment. It never
        overwrites a file that exists.

        Next:
          mlscape render landscape.yaml        its figures into output/landscape/
          mlscape validate landscape.yaml      after editing: every problem, located
        """
    )

    @Argument(help: ArgumentHelp("The file to create.", valueName: "file"))
    var file: String = "landscape.yaml"

    func run() throws {
        let url = URL(fileURLWithPath: file)
        // A folder that does not exist yet is made, as --out makes its folder.
        let folder = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir) {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                Console.error("error: cannot write \(file): cannot make its folder \(folder.relativePath): \(error.localizedDescription)")
                throw ExitStatus.cannotCreate
            }
        } else if !isDir.boolValue {
            Console.error("error: cannot write \(file): \(folder.relativePath) is a file, not a folder")
            throw ExitStatus.cannotCreate
        }
        do {
            try Data(StarterFile.text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            if FileManager.default.fileExists(atPath: url.path) {
                Console.error("error: \(file) exists; mlscape init does not overwrite it. Name another file: mlscape init my-landscape.yaml")
            } else {
                Console.error("error: cannot write \(file): \(error.localizedDescription)")
            }
            throw ExitStatus.cannotCreate
        }
        print("wrote \(file)")
        print("next: mlscape render \(file)    (its figures go into \(OutputFolder.defaultFolder(for: file))/)")
    }
}
