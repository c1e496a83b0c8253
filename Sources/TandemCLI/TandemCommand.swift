public import ArgumentParser

/// `tandem`: build sales & marketing alignment playbook sites.
public struct TandemCommand: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "Build sales & marketing alignment playbooks and scorecards into a static site.",
        version: version,
        subcommands: [
            InitCommand.self, BuildCommand.self, CheckCommand.self, ScoreCommand.self, PipelineCommand.self, ServeCommand.self,
        ]
    )

    public init() {}
}

extension TandemCommand {
    /// Parses the process's arguments, runs the command and exits with its status.
    public static func start() {
        main()
    }
}
