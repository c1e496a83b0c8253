import Content
import Core
import ScoringCore
import Testing

/// Every number a user writes has a range (docs/blocks.md and docs/scoring.md, "Limits"): the
/// largest value reads and its arithmetic stays finite; one past it is an error at its position
/// that states the range.
@Suite struct RangeTests {
    /// Parses a block whose opening fence is on line 10 of `page.md`, so its YAML starts on line 11.
    static func parse(_ kind: PlaybookBlock.Kind, _ yaml: String) -> (PlaybookBlock?, [String]) {
        let (block, problems) = PlaybookBlock.parse(kind, yaml: yaml, file: "page.md", fenceLine: 10)
        return (block, problems.sorted().map(\.description))
    }

    static func goal(_ yaml: String) -> Goal? {
        guard case .goal(let goal)? = parse(.goal, yaml).0 else { return nil }
        return goal
    }

    // MARK: - Goal

    @Test func theLargestGoalReadsAndItsNumbersFit() throws {
        let yaml = """
            period: 2026-Q1
            sql_target: 1000000
            min_closed: 1000000
            revenue_target: 1000000000000
            avg_deal_size: 1000000000000
            currency: DKK
            """
        #expect(Self.parse(.goal, yaml).1 == [])
        let goal = try #require(Self.goal(yaml))
        #expect(goal.closedDeals == 1_000_000)
        #expect(goal.revenue == 1e18)
        #expect(goal.shortfall == nil)
        #expect(BlockFormat.money(try #require(goal.revenue), currency: "DKK", .en) == "1,000,000,000,000,000,000 DKK")
    }

    @Test func theSmallestDealAgainstTheLargestTargetHasAFiniteShortfall() throws {
        let yaml = """
            period: 2026-Q1
            sql_target: 1
            min_close_rate: 0.001
            revenue_target: 1000000000000
            avg_deal_size: 0.01
            currency: EUR
            """
        #expect(Self.parse(.goal, yaml).1 == [])
        let goal = try #require(Self.goal(yaml))
        #expect(goal.closedDeals == 1)
        #expect(
            goal.shortfall
                == Goal.Shortfall(deals: 1, averageDealSize: 0.01, revenue: 0.01, target: 1e12, dealsNeeded: 100_000_000_000_000))
    }

    @Test func theSmallestRateOfTheLargestTargetIsAThousandDeals() throws {
        let goal = try #require(Self.goal("period: 2026-Q1\nsql_target: 1000000\nmin_close_rate: 0.001\n"))
        #expect(goal.closedDeals == 1000)
        #expect(goal.closeRate == 0.001)
    }

    @Test(arguments: [
        (
            "sql_target: 1000001\nmin_closed: 1", "page.md:12:13",
            "sql_target 1000001 is out of range; expected a whole number from 1 to 1,000,000 (10^6)"
        ),
        (
            "sql_target: 9223372036854775807\nmin_close_rate: 1", "page.md:12:13",
            "sql_target 9223372036854775807 is out of range; expected a whole number from 1 to 1,000,000 (10^6)"
        ),
        (
            "sql_target: 99999999999999999999\nmin_closed: 1", "page.md:12:13",
            "sql_target 99999999999999999999 is out of range; expected a whole number from 1 to 1,000,000 (10^6)"
        ),
        (
            "sql_target: 10\nmin_closed: 1000001", "page.md:13:13",
            "min_closed 1000001 is out of range; expected a whole number from 1 to 1,000,000 (10^6)"
        ),
        (
            "sql_target: 10\nmin_close_rate: 1e-12", "page.md:13:17",
            "min_close_rate 1e-12 is out of range; expected a share from 0.001 (0.1%) to 1 (100%), e.g. 0.2 for 20%"
        ),
        (
            "sql_target: 10\nmin_close_rate: 0.0009", "page.md:13:17",
            "min_close_rate 0.0009 is out of range; expected a share from 0.001 (0.1%) to 1 (100%), e.g. 0.2 for 20%"
        ),
        (
            "sql_target: 10\nmin_closed: 1\nrevenue_target: 1e20\ncurrency: DKK", "page.md:14:17",
            "revenue_target 1e20 is out of range; expected an amount from 0.01 to 1,000,000,000,000 (10^12)"
        ),
        (
            "sql_target: 10\nmin_closed: 1\nrevenue_target: 1000000000001\ncurrency: DKK", "page.md:14:17",
            "revenue_target 1000000000001 is out of range; expected an amount from 0.01 to 1,000,000,000,000 (10^12)"
        ),
        (
            "sql_target: 10\nmin_closed: 1\nrevenue_target: .inf\ncurrency: DKK", "page.md:14:17",
            "revenue_target .inf is out of range; expected an amount from 0.01 to 1,000,000,000,000 (10^12)"
        ),
        (
            "sql_target: 10\nmin_closed: 1\navg_deal_size: 0.009\ncurrency: DKK", "page.md:14:16",
            "avg_deal_size 0.009 is out of range; expected an amount from 0.01 to 1,000,000,000,000 (10^12)"
        ),
    ])
    func aGoalNumberOnePastItsRangeIsAnError(fields: String, position: String, message: String) {
        let (block, problems) = Self.parse(.goal, "period: 2026-Q1\n" + fields + "\n")
        #expect(problems == ["\(position): error: \(message)"])
        #expect(block != nil, "the rest of the block is still read")
    }

    // MARK: - SLA

    @Test func theLongestDurationsRead() throws {
        let (block, problems) = Self.parse(
            .sla,
            """
            - stage: sql
              owner: Sales
              first_response: 5256000m
              attempts: {count: 1000000, within: 3650d}
            - stage: mql
              owner: Marketing
              first_response: 4h
              business_hours: {days: Mon-Sun, from: "00:00", to: "24:00", time_zone: UTC}
              escalation: {after: 521w, notify: Marketing lead}
            """)
        #expect(problems == [])
        guard case .sla(let sla)? = block, sla.rules.count == 2 else {
            Issue.record("not an SLA of two rules")
            return
        }
        #expect(sla.rules[0].firstResponse?.minutes() == BlockLimits.durationMinutes)
        #expect(sla.rules[0].attempts?.within.minutes() == BlockLimits.durationMinutes)
        #expect(sla.rules[1].escalation?.after.minutes(dayMinutes: 24 * 60, weekDays: 7) == 521 * 7 * 24 * 60)
        #expect(TimeSpan(87600, .hours).minutes() == BlockLimits.durationMinutes)
        #expect([TimeSpan.Unit.minutes, .hours, .days, .weeks].map(BlockLimits.maxDuration) == [5_256_000, 87600, 3650, 521])
    }

    @Test(arguments: [
        (
            "first_response: 1000000000000000w", "page.md:13:19",
            "first_response 1000000000000000w is out of range; expected a duration from 1w to 521w (10 years)"
        ),
        (
            "first_response: 522w", "page.md:13:19",
            "first_response 522w is out of range; expected a duration from 1w to 521w (10 years)"
        ),
        (
            "first_response: 99999999999999999999h", "page.md:13:19",
            "first_response 99999999999999999999h is out of range; expected a duration from 1h to 87600h (10 years)"
        ),
        (
            "first_response: 5256001m", "page.md:13:19",
            "first_response 5256001m is out of range; expected a duration from 1m to 5256000m (10 years)"
        ),
        (
            "first_response: 4h\n  escalation: {after: 3651d, notify: Boss}", "page.md:14:23",
            "after 3651d is out of range; expected a duration from 1d to 3650d (10 years)"
        ),
        (
            "first_response: 4h\n  attempts: {count: 6, within: 9223372036854775807d}", "page.md:14:32",
            "within 9223372036854775807d is out of range; expected a duration from 1d to 3650d (10 years)"
        ),
        (
            "first_response: 4h\n  attempts: {count: 1000001, within: 10d}", "page.md:14:21",
            "count 1000001 is out of range; expected a whole number from 1 to 1,000,000 (10^6)"
        ),
    ])
    func anSLANumberOnePastItsRangeIsAnError(fields: String, position: String, message: String) {
        let (_, problems) = Self.parse(.sla, "- stage: sql\n  owner: Sales\n  " + fields + "\n")
        #expect(problems == ["\(position): error: \(message)"])
    }

    @Test func theSuggestedEscalationStaysInRange() {
        let (_, problems) = Self.parse(
            .sla, "- stage: sql\n  owner: Sales\n  first_response: 521w\n  escalation: {after: 1d, notify: Boss}\n")
        #expect(
            problems == [
                "page.md:14:23: warning: escalation after 1d comes no later than first_response 521w; escalate only once the first response is overdue, e.g. after: 521w"
            ])
    }

    // MARK: - SQL definition

    @Test func theLargestPointsRead() throws {
        let (block, problems) = Self.parse(
            .sqlDefinition,
            """
            criteria:
              - {id: budget, label: Budget, points: 1000000}
              - {id: need, label: Need, points: 1000000}
            min_points: 2000000
            """)
        #expect(problems == [])
        guard case .sqlDefinition(let definition)? = block else {
            Issue.record("not an SQL definition")
            return
        }
        #expect(definition.totalPoints == 2_000_000)
    }

    @Test(arguments: [
        (
            "criteria:\n  - {id: a, label: A, points: 9223372036854775807}\n  - {id: b, label: B, points: 9223372036854775807}\nmin_points: 1",
            ["page.md:12:31", "page.md:13:31"],
            "points 9223372036854775807 is out of range; expected a whole number from 0 to 1,000,000 (10^6)"
        ),
        (
            "criteria:\n  - {id: a, label: A, points: 1000001}\nmin_points: 1", ["page.md:12:31"],
            "points 1000001 is out of range; expected a whole number from 0 to 1,000,000 (10^6)"
        ),
        (
            "criteria:\n  - {id: a, label: A, points: 10}\nmin_points: 1000000001", ["page.md:13:13"],
            "min_points 1000000001 is out of range; expected a whole number from 0 to 1,000,000,000 (10^9)"
        ),
    ])
    func pointsOnePastTheirRangeAreAnError(yaml: String, positions: [String], message: String) {
        let (_, problems) = Self.parse(.sqlDefinition, yaml + "\n")
        #expect(problems == positions.map { "\($0): error: \(message)" })
    }

    // MARK: - Formatting

    @Test func formattingANumberTooLargeForIntDoesNotTrap() {
        #expect(BlockFormat.money(1e20, currency: "DKK", .en) == "1e+20 DKK")
        #expect(BlockFormat.money(.infinity, currency: nil, .en) == "inf")
        #expect(BlockFormat.decimal(1e300, .en) == "1e+300")
        #expect(BlockFormat.percent(.nan, .en) == "nan%")
    }
}
