import Core
import Foundation
import TestSupport
import Testing

@testable import Site

/// Every folder in `Fixtures/invalid-blocks` is a site whose playbook blocks have mistakes, and its
/// `expected-errors.txt` lists every error and warning, with file, line and column, that a build
/// reports: one case per check of the pipeline, goal, sla and sql-definition blocks, and of the
/// checks across them. A case with only warnings builds, and its warnings are compared instead.
///
/// Re-record on purpose with `TANDEM_RECORD=1 swift test --filter BlockFixtureTests`.
@Suite struct BlockFixtureTests {
    static let cases: [String] = {
        let folder = Fixtures.root + "/invalid-blocks"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }()

    @Test(arguments: cases)
    func reportsEveryProblemWithItsPosition(_ name: String) throws {
        let site = "invalid-blocks/" + name
        let expectedFile = Fixtures.root + "/" + site + "/expected-errors.txt"
        let output = Fixtures.temporaryFolder() + "/public"
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path) }
        let lines = Self.problems(site, output: output)
        let expected = try Snapshot.expectedLines(lines, file: expectedFile)
        #expect(lines == expected, "got:\n\(lines.joined(separator: "\n"))")
    }

    /// The errors of a failing build, or the warnings of one that succeeds, as in `expected-errors.txt`.
    static func problems(_ site: String, output: String) -> [String] {
        do {
            let report = try SiteBuilder(options: Fixtures.options(site, output: output)).build()
            #expect(!report.warnings.isEmpty, "a case must have at least one problem")
            return Fixtures.errorLines(DiagnosticsError(report.warnings), site: site)
        } catch {
            #expect(!FileManager.default.fileExists(atPath: output), "a failed build wrote its output")
            return Fixtures.errorLines(error, site: site)
        }
    }

    /// Each check of issue 3 has at least one case, so removing a check fails a test.
    @Test func everyCheckHasACase() throws {
        var all = ""
        for name in Self.cases {
            all += try String(contentsOfFile: Fixtures.root + "/invalid-blocks/" + name + "/expected-errors.txt", encoding: .utf8)
        }
        let checks = [
            "unknown key", "did you mean", "must be a whole number", "must be 1 or more", "cannot be negative",
            "is outside 0–1", "is not a duration", "is not an IANA time zone", "is after to", "is not a stage of",
            "the criterion id", "is more than all criteria give together", "can never be reached", "a second goal for",
            "the goal does not add up", "is not valid YAML", "is empty", "this is a second pipeline",
            "differ from those at", "is always met", "every lead qualifies", "comes no later than first_response",
            "already has a rule at line",
        ]
        for check in checks { #expect(all.contains(check), "no fixture covers \"\(check)\"") }
    }

    /// The default example site uses every block and has no problem at all.
    @Test func theExampleContentIsClean() throws {
        let output = Fixtures.temporaryFolder() + "/public"
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path) }
        var options = Fixtures.options("rich", output: output)
        options.contentDirectory = Fixtures.repository + "/content"
        let report = try SiteBuilder(options: options).build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        for page in ["playbooks/one-pipeline", "playbooks/shared-goal", "playbooks/sla", "playbooks/sql-definition"] {
            for prefix in ["", "da/"] {
                let html = try String(contentsOfFile: output + "/" + prefix + page + "/index.html", encoding: .utf8)
                #expect(html.contains("class=\"tandem-block "), "\(prefix + page) renders its block")
                #expect(!html.contains("class=\"language-"), "\(prefix + page) has no block left as code")
            }
        }
    }

    @Test func findsPagesThatOpenAPipelineFence() {
        for text in ["```pipeline\n- id: a\n```", "Text\n\n~~~~ pipeline\n", "- item\n\n    ```pipeline\n", "a\n```pipeline"] {
            #expect(SitePipelines.opensPipelineFence(text[...]), "\(text)")
        }
        for text in ["the pipeline", "```yaml\npipeline: x\n```", "``pipeline", "```pipelin", "x ```pipeline", ""] {
            #expect(!SitePipelines.opensPipelineFence(text[...]), "\(text)")
        }
    }
}
