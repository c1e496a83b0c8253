import Content
import Core
import Render
import Testing

/// Blocks at the top of their ranges render every number in English and Danish; a block built
/// in code with numbers beyond them still renders rather than trapping.
@Suite struct RangeRenderingTests {
    static func block(_ kind: PlaybookBlock.Kind, _ yaml: String) throws -> PlaybookBlock {
        let (block, problems) = PlaybookBlock.parse(kind, yaml: yaml, file: "page.md", fenceLine: 1)
        #expect(problems.isEmpty, "\(problems)")
        return try #require(block)
    }

    @Test func theLargestGoalRendersInBothLanguages() throws {
        let goal = try Self.block(
            .goal,
            """
            period: 2026-Q1
            sql_target: 1000000
            min_closed: 1000000
            revenue_target: 1000000000000
            avg_deal_size: 1000000000000
            currency: DKK
            """)
        #expect(BlockHTML.render(goal, BlockContext(language: .en)).contains("1,000,000,000,000,000,000"))
        #expect(BlockHTML.render(goal, BlockContext(language: .da)).contains("1.000.000.000.000.000.000"))
    }

    @Test func theLargestShortfallRenders() throws {
        let goal = try Self.block(
            .goal,
            "period: 2026-Q1\nsql_target: 1\nmin_close_rate: 0.001\nrevenue_target: 1000000000000\navg_deal_size: 0.01\ncurrency: EUR\n"
        )
        let html = BlockHTML.render(goal, BlockContext(language: .en))
        #expect(html.contains("tandem-goal__warning"))
        #expect(html.contains("100,000,000,000,000"))
        #expect(html.contains("0.1%"))
    }

    @Test func theLongestDurationsAndMostPointsRender() throws {
        let sla = try Self.block(
            .sla, "- stage: sql\n  owner: Sales\n  first_response: 521w\n  attempts: {count: 1000000, within: 3650d}\n")
        let slaHTML = BlockHTML.render(sla, BlockContext(language: .en))
        #expect(slaHTML.contains("521 weeks"))
        let definition = try Self.block(
            .sqlDefinition,
            "criteria:\n  - {id: a, label: A, points: 1000000, required: true}\n  - {id: b, label: B, points: 1000000}\nmin_points: 2000000\n"
        )
        #expect(BlockHTML.render(definition, BlockContext(language: .en)).contains("1,000,000"))
    }

    @Test func aGoalBuiltInCodeBeyondTheRangesDoesNotTrap() {
        var goal = Goal()
        goal.sqlTarget = 10
        goal.minClosed = 10
        goal.revenueTarget = 1e300
        goal.averageDealSize = 1e290
        goal.currency = "DKK"
        let html = BlockHTML.render(.goal(goal), BlockContext(language: .en))
        #expect(html.contains("1e+300"))
    }
}
