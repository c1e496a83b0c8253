import ArgumentParser
import Foundation
import Testing

@testable import TandemCLI

/// `tandem check` run as a user runs it: text and JSON output, exit status, `--strict`.
@Suite struct CheckCommandTests {
    struct Problem: Equatable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String

        /// As in `expected-errors.txt`: `content/a.md:4:10: error: ...`.
        var description: String { "\(file):\(line):\(column): \(severity): \(message)" }
    }

    /// Runs `tandem check --format json` and parses what it prints.
    static func checkJSON(_ site: String, _ extra: [String] = []) throws -> (
        status: Int32, errors: Int, warnings: Int, problems: [Problem]
    ) {
        let result = try Tandem.run(["check", "--format", "json"] + extra, in: site)
        #expect(result.stderr == "", "JSON output leaves standard error empty")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let list = try #require(object["problems"] as? [[String: Any]])
        let problems = try list.map { item in
            Problem(
                file: try #require(item["file"] as? String), line: try #require(item["line"] as? Int),
                column: try #require(item["column"] as? Int), severity: try #require(item["severity"] as? String),
                message: try #require(item["message"] as? String))
        }
        return (result.status, try #require(object["errors"] as? Int), try #require(object["warnings"] as? Int), problems)
    }

    static func expectedLines(_ site: String) throws -> [String] {
        try String(contentsOfFile: site + "/expected-errors.txt", encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test(arguments: [
        "invalid-blocks/wrong-types", "invalid-blocks/missing-fields", "invalid-blocks/unknown-stage", "invalid/many-problems",
    ])
    func jsonListsEveryProblem(_ fixture: String) throws {
        let site = try Tandem.copyOfSite(fixture)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let (status, errors, warnings, problems) = try Self.checkJSON(site)
        #expect(status == 1)
        let expected = try Self.expectedLines(site)
        #expect(problems.map(\.description) == expected)
        #expect(errors == expected.count(where: { $0.contains(": error: ") }))
        #expect(warnings == expected.count - errors)
        #expect(problems.allSatisfy { $0.line > 0 && $0.column > 0 }, "every problem has its line and column")
        #expect(!FileManager.default.fileExists(atPath: site + "/public"), "check writes nothing")
    }

    @Test func warningsPassUnlessStrict() throws {
        let site = try Tandem.copyOfSite("invalid-blocks/goal-arithmetic")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let expected = try Self.expectedLines(site)

        let relaxed = try Self.checkJSON(site)
        #expect(relaxed.status == 0)
        #expect(relaxed.errors == 0)
        #expect(relaxed.warnings == 3)
        #expect(relaxed.problems.map(\.description) == expected)

        let strict = try Self.checkJSON(site, ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.errors == 3)
        #expect(strict.warnings == 0)
        #expect(strict.problems.allSatisfy { $0.severity == "error" })

        let text = try Tandem.run(["check"], in: site)
        #expect(text.status == 0)
        #expect(text.stderr == expected.joined(separator: "\n") + "\n")
        #expect(text.stdout == "No problems found (3 warnings)\n")

        let strictText = try Tandem.run(["check", "--strict"], in: site)
        #expect(strictText.status == 1)
        #expect(strictText.stderr.split(separator: "\n").allSatisfy { $0.contains(": error: the goal does not add up") })
        #expect(strictText.stdout == "3 problems found\n")
    }

    @Test func aCleanSiteIsAnEmptyList() throws {
        let site = try Tandem.copyOfSite("rich")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try Tandem.run(["check", "--format", "json", "--strict"], in: site)
        #expect(result.status == 0)
        #expect(result.stdout == "{\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"problems\": []\n}\n")
    }

    @Test func contentFolderAsAnOption() throws {
        let site = try Tandem.copyOfSite("invalid-blocks/durations")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try Tandem.run(["check", "--content", site + "/content", "--format", "json"], in: Tandem.repository)
        #expect(result.status == 1)
        #expect(result.stdout.contains("first_response \\\"4 hours\\\" is not a duration; write it like 30m, 4h or 2d"))
    }

    @Test func parsesCheckOptions() throws {
        let command = try TandemCommand.parseAsRoot(["check", "--content", "c", "--format", "json", "--strict"])
        let check = try #require(command as? CheckCommand)
        #expect(check.site.content == "c")
        #expect(check.format == .json)
        #expect(check.strict)
        #expect(throws: (any Error).self) { try TandemCommand.parseAsRoot(["check", "--format", "xml"]) }
    }

}
