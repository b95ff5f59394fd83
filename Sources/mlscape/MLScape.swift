import ArgumentParser

/// `mlscape`: technology landscapes from one data file. With no arguments it renders the
/// built-in MLOps figure set into output/.
@main
struct MLScape: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlscape",
        abstract: "Draw technology landscapes (tools on two axes, quadrants, categories) from one data file.",
        discussion: """
        With no arguments, renders the built-in MLOps landscape figure set into output/ as PNG and SVG.
        DATA is a YAML or JSON landscape file; without it, the built-in MLOps landscape is used.

        Examples:
          mlscape                                   render the default figure set into output/
          mlscape render my-stack.yaml --out figs   render every figure of my-stack.yaml into figs/
          mlscape render --figure ml-landscape-all --format pdf
          mlscape validate my-stack.yaml            check a data file, print every problem
          mlscape list                              the figures, quadrants, categories and tools

        Exit status: 0 success, 64 bad command line, 65 bad data, 66 input missing or unreadable,
        73 cannot write output, 1 anything else.
        """,
        version: "0.1.0",
        subcommands: [Render.self, Validate.self, List.self, Bench.self, Fuzz.self],
        defaultSubcommand: Render.self
    )
}
