import ArgumentParser
import Foundation
import Testing

@testable import TandemCLI

/// The whole `--help` of `tandem` and of each subcommand, compared with `Snapshots/help/`
/// (re-record on purpose with `TANDEM_RECORD=1 swift test --filter HelpSnapshotTests`).
///
/// Help is wrapped to the terminal's width; the children get `COLUMNS=80`, so the text is the same
/// in any terminal and in CI.
@Suite struct HelpSnapshotTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots/help").path

    /// The subcommands as `tandem` declares them, so a new one needs its snapshot.
    static let subcommands = TandemCommand.configuration.subcommands.map { $0._commandName }

    /// Each snapshot's name and the arguments that print it.
    static let invocations: [(name: String, arguments: [String])] =
        [("tandem", ["--help"]), ("tandem-help", ["help"])] + subcommands.map { ("tandem-\($0)", [$0, "--help"]) }

    static func help(_ arguments: [String]) throws -> Tandem.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        environment["LINES"] = "24"
        return try Tandem.run(arguments, in: Tandem.repository, environment: environment)
    }

    /// No snapshot is left of a command that is gone.
    @Test func everySnapshotIsOfACommand() throws {
        #expect(!Self.subcommands.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.snapshots).sorted()
        #expect(files == Self.invocations.map { $0.name + ".txt" }.sorted())
    }

    @Test(arguments: invocations.map(\.name))
    func helpMatchesItsSnapshot(_ name: String) throws {
        let arguments = Self.invocations.first { $0.name == name }!.arguments
        let result = try Self.help(arguments)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let file = Self.snapshots + "/" + name + ".txt"
        if ProcessInfo.processInfo.environment["TANDEM_RECORD"] != nil {
            try FileManager.default.createDirectory(atPath: Self.snapshots, withIntermediateDirectories: true)
            try result.stdout.write(toFile: file, atomically: false, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOfFile: file, encoding: .utf8)
        #expect(
            result.stdout == expected,
            "`tandem \(arguments.joined(separator: " "))` differs from Snapshots/help/\(name).txt; set TANDEM_RECORD=1 to re-record on purpose"
        )
    }

    /// `tandem help build` prints what `tandem build --help` prints.
    @Test(arguments: subcommands)
    func helpSubcommandIsTheSameText(_ subcommand: String) throws {
        #expect(try Self.help(["help", subcommand]).stdout == Self.help([subcommand, "--help"]).stdout)
    }
}
