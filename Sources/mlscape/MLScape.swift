import ArgumentParser
import Foundation

/// `mlscape`: technology landscapes from one data file. With no arguments it renders the
/// built-in MLOps figure set into output/.
@main
struct MLScape: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlscape",
        abstract: "Draw technology landscapes (tools on two axes, quadrants, categories) from one data file.",
        discussion: """
        With no arguments, renders the built-in MLOps landscape's figure set
        into output/ as PNG and SVG, with an index.html gallery; in a folder
        holding a landscape.yaml, renders that into output/landscape/ instead.
        A data file NAME.yaml (.csv, .mmd, ...) renders into output/NAME/.

        DATA is a landscape file: YAML or JSON (the full format, see the README),
        CSV (name,subtitle,x,y,categories,url) or a Mermaid quadrantChart (.mmd);
        or a lifecycle spec (loops:); or a Thoughtworks radar CSV or JSON
        (name,ring,quadrant,isNew or status,description); or a Zalando
        tech-radar config.json. Without DATA, every command (render,
        validate, list, serve) uses ./landscape.yaml when the folder holds one
        and says so, else the built-in MLOps landscape.

        Examples:
          mlscape                              every figure (or ./landscape.yaml's)
          mlscape init                         a commented landscape.yaml to start from
          mlscape render my-stack.yaml --out figs
          mlscape validate my-stack.yaml       every problem, with line:column
          mlscape list                         figures, quadrants, tools
          mlscape diff HEAD~1:my.yaml my.yaml  what changed since the last commit
          mlscape serve my-stack.yaml          live preview on http://127.0.0.1:8000/

        Exit status: 0 success, 64 bad command line, 65 bad data, 66 input
        missing or unreadable, 73 cannot write output, 1 anything else.
        """,
        version: "0.1.0",
        subcommands: [Render.self, Init.self, Validate.self, List.self, Import.self, Diff.self, Serve.self, Bench.self, Fuzz.self],
        defaultSubcommand: Render.self
    )

    /// Checks for a mistyped command before parsing, which would read it as a data file.
    static func main() {
        let commands = (configuration.subcommands.map { $0._commandName } + ["help"])
        if let message = UnknownCommand.message(for: Array(CommandLine.arguments.dropFirst()), commands: commands) {
            Console.error("error: \(message)")
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        // Parse errors (an unknown option, a bad value) show the usage line; a problem found
        // once the command runs (an unknown tool name, no such figure) is about the data or
        // the names given, where the usage line is noise: its message alone, exit 64.
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(nil)
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let problem as ValidationError {
            Console.error("error: \(problem.message)")
            Foundation.exit(ExitStatus.usage.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
