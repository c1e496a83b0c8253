import Core
import Foundation
import Site
import Testing

/// Blocks whose numbers are all at the top of their ranges (`Fixtures/limits`) build without a
/// problem and render every number; one past a range is an error (`invalid-blocks/out-of-range`,
/// checked by ``BlockFixtureTests``).
@Suite struct RangeBuildTests {
    /// Builds a fixture site and returns its warnings and the HTML of `playbooks/<page>`.
    static func build(_ site: String, pages: [String]) throws -> (warnings: [String], html: [String: String]) {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/public"
        let report = try SiteBuilder(options: Fixtures.options(site, output: output)).build()
        var html: [String: String] = [:]
        for page in pages {
            html[page] = try String(contentsOfFile: output + "/playbooks/\(page)/index.html", encoding: .utf8)
        }
        return (Fixtures.errorLines(DiagnosticsError(report.warnings), site: site), html)
    }

    @Test func blocksAtTheLimitsBuildAndRender() throws {
        let (warnings, html) = try Self.build("limits", pages: ["goal", "sla", "sql"])
        #expect(warnings == [])
        let goal = try #require(html["goal"])
        #expect(goal.contains("1,000,000,000,000,000,000"), "1,000,000 deals × 10^12")
        #expect(goal.contains(">1,000<"), "0.1% of 1,000,000 SQLs")
        let sla = try #require(html["sla"])
        #expect(sla.contains("521 weeks"))
        #expect(sla.contains("3650 days") || sla.contains("3,650 days"))
        #expect(sla.contains("5256000 minutes") || sla.contains("5,256,000 minutes"))
        let sql = try #require(html["sql"])
        #expect(sql.contains("2,000,000") || sql.contains("2000000"))
    }

    @Test func theLargestShortfallRendersAndOffersOnlyWhatCanHelp() throws {
        let (warnings, html) = try Self.build("invalid-blocks/goal-at-the-limits", pages: ["goal"])
        #expect(
            warnings == [
                "content/playbooks/goal.md:10:17: warning: the goal does not add up: 1 deal × 0.01 DKK = 0.01 DKK, below the 1,000,000,000,000 DKK revenue_target; raise avg_deal_size to 1000000000000, or lower revenue_target to 0.01"
            ])
        #expect(try #require(html["goal"]).contains("100,000,000,000,000"), "the deals needed: 10^12 / 0.01")
    }
}
