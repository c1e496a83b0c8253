import ArgumentParser
import Foundation
import TestSupport
import Testing

@testable import TandemCLI

/// Runs the built `tandem` binary as a user would, and checks output and exit status.
enum Tandem {
    static let repository = Repository.root

    /// The `tandem` binary next to the test bundle.
    static var binary: String {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" && !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("tandem").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("tandem").path
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `tandem` with `arguments` in `directory`; `environment`, when given, is the child's
    /// whole environment instead of this process's.
    static func run(_ arguments: [String], in directory: String, environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A copy of a fixture site in a new temporary folder.
    static func copyOfSite(_ fixture: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let source = repository + "/Tests/SiteTests/Fixtures/" + fixture
        for item in try FileManager.default.contentsOfDirectory(atPath: source) where item != "expected" {
            try FileManager.default.copyItem(atPath: source + "/" + item, toPath: folder + "/" + item)
        }
        return folder
    }
}

@Suite struct CLIProcessTests {
    @Test func buildPrintsOneSummaryLineAndExitsZero() throws {
        let site = try Tandem.copyOfSite("rich")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try Tandem.run(["build"], in: site)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Built 12 pages (27 files) into public in ") == true)
        #expect(FileManager.default.fileExists(atPath: site + "/public/index.html"))
    }

    @Test func timingsListEveryPhase() throws {
        let site = try Tandem.copyOfSite("rich")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try Tandem.run(["build", "--timings", "--output", "out"], in: site)
        #expect(result.status == 0)
        let phases = result.stdout.split(separator: "\n").dropFirst().map {
            $0.split(separator: ":")[0].trimmingCharacters(in: .whitespaces)
        }
        #expect(phases == ["load", "parse", "render", "write"])
    }

    @Test func aBrokenSiteExitsOneWithEveryProblemOnStandardError() throws {
        let site = try Tandem.copyOfSite("invalid/many-problems")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try Tandem.run(["build"], in: site)
        #expect(result.status == 1)
        let expected = try String(contentsOfFile: site + "/expected-errors.txt", encoding: .utf8)
        #expect(result.stderr == expected)
        #expect(result.stdout == "Build failed: 5 problems; public was not changed\n")
        #expect(!FileManager.default.fileExists(atPath: site + "/public"))
    }

    @Test func checkReportsWithoutWriting() throws {
        let site = try Tandem.copyOfSite("invalid/broken-link")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try Tandem.run(["check"], in: site)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("content/index.md:3:34: error: the link \"guides/missing.md\""))
        let good = try Tandem.copyOfSite("rich")
        defer { try? FileManager.default.removeItem(atPath: good) }
        let ok = try Tandem.run(["check"], in: good)
        #expect(ok.status == 0)
        #expect(ok.stdout == "No problems found\n")
        #expect(!FileManager.default.fileExists(atPath: good + "/public"))
    }

    @Test func versionAndHelp() throws {
        let version = try Tandem.run(["--version"], in: Tandem.repository)
        #expect(version.stdout == TandemCommand.version + "\n")
        let help = try Tandem.run(["--help"], in: Tandem.repository)
        #expect(help.status == 0)
        #expect(help.stdout.contains("build"))
        #expect(help.stdout.contains("check"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try Tandem.run(["build", "--fast"], in: Tandem.repository)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown option '--fast'"))
    }
}

@Suite struct CLIInProcessTests {
    @Test func parsesBuildOptions() throws {
        let command = try TandemCommand.parseAsRoot(["build", "--content", "c", "--output", "o", "--drafts"])
        let build = try #require(command as? BuildCommand)
        #expect(build.site.content == "c")
        #expect(build.output == "o")
        #expect(build.drafts.include)
    }

    @Test func buildsInProcess() throws {
        let site = try Tandem.copyOfSite("rich")
        defer { try? FileManager.default.removeItem(atPath: site) }
        var command = try TandemCommand.parseAsRoot([
            "build", "--content", site + "/content", "--output", site + "/web",
        ])
        try command.run()
        #expect(FileManager.default.fileExists(atPath: site + "/web/guides/sla/index.html"))
    }

    @Test func siblingTemplatesFolder() {
        #expect(URLPath.siblingOf("content", named: "site-templates") == "site-templates")
        #expect(URLPath.siblingOf("sites/acme/content/", named: "site-templates") == "sites/acme/site-templates")
    }
}
