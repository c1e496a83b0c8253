import Content
import Core
import Formats
import Testing

/// The parsers of playbook blocks: values, and every mistake with its position in the Markdown file.
@Suite struct BlockParsingTests {
    /// Parses a block whose opening fence is on line 10 of `page.md`, so its YAML starts on line 11.
    static func parse(_ kind: PlaybookBlock.Kind, _ yaml: String) -> (PlaybookBlock?, [String]) {
        let (block, problems) = PlaybookBlock.parse(kind, yaml: yaml, file: "page.md", fenceLine: 10)
        return (block, problems.sorted().map(\.description))
    }

    // MARK: - Values

    @Test(arguments: [
        ("30m", TimeSpan(30, .minutes)), ("4h", TimeSpan(4, .hours)), ("2d", TimeSpan(2, .days)),
        ("1w", TimeSpan(1, .weeks)), ("90M", TimeSpan(90, .minutes)),
    ])
    func readsDurations(_ text: String, _ span: TimeSpan) {
        #expect(TimeSpan(text) == span)
    }

    @Test(arguments: ["4 hours", "4", "h", "4x", "-4h", "1h30m", "", "4.5h"])
    func rejectsWhatIsNotADuration(_ text: String) {
        #expect(TimeSpan(text) == nil)
    }

    @Test func durationsCountBusinessDays() {
        #expect(TimeSpan(2, .days).minutes() == 2 * 24 * 60)
        #expect(TimeSpan(2, .days).minutes(dayMinutes: 9 * 60) == 18 * 60)
        #expect(TimeSpan(1, .weeks).minutes(dayMinutes: 9 * 60, weekDays: 5) == 45 * 60)
    }

    @Test func readsClockTimesQuartersAndDays() {
        #expect(ClockTime("08:00") == ClockTime(hour: 8, minute: 0))
        #expect(ClockTime("8:30")?.description == "08:30")
        #expect(ClockTime("24:00") != nil)
        for bad in ["24:30", "12:60", "8", "08.00", "8:5", "noon"] { #expect(ClockTime(bad) == nil, "\(bad)") }
        #expect(Quarter("2026-Q1")?.start == SimpleDate("2026-01-01"))
        #expect(Quarter("2024-q1")?.end == SimpleDate("2024-03-31"))
        #expect(Quarter("2026-Q4")?.end == SimpleDate("2026-12-31"))
        for bad in ["2026-Q5", "2026-Q0", "26-Q1", "2026Q1", "Q1-2026"] { #expect(Quarter(bad) == nil, "\(bad)") }
        #expect(Weekday(name: "mon") == .monday)
        #expect(Weekday(name: "Sunday") == .sunday)
        #expect(Weekday(name: "Fry") == nil)
    }

    @Test func periodsOverlapWhenTheyShareADay() {
        let q1 = GoalPeriod(Quarter("2026-Q1")!)
        #expect(q1.overlaps(GoalPeriod(start: SimpleDate("2026-03-31")!, end: SimpleDate("2026-05-01")!)))
        #expect(!q1.overlaps(GoalPeriod(Quarter("2026-Q2")!)))
    }

    @Test func formatsNumbersForEachLanguage() {
        #expect(BlockFormat.integer(480_000, .en) == "480,000")
        #expect(BlockFormat.integer(480_000, .da) == "480.000")
        #expect(BlockFormat.integer(1_000_000, .da) == "1.000.000")
        #expect(BlockFormat.integer(999, .en) == "999")
        #expect(BlockFormat.decimal(0.25, .da) == "0,25")
        #expect(BlockFormat.decimal(1234.5, .en) == "1,234.5")
        #expect(BlockFormat.decimal(-0.5, .en) == "-0.5")
        #expect(BlockFormat.money(480_000, currency: "DKK", .en) == "480,000 DKK")
        #expect(BlockFormat.money(480_000, currency: "DKK", .da) == "480.000 kr.")
        #expect(BlockFormat.money(19_999.5, currency: "EUR", .da) == "19.999,50 EUR")
        #expect(BlockFormat.percent(0.2, .en) == "20%")
        #expect(BlockFormat.percent(0.235, .da) == "23,5 %")
    }

    // MARK: - Blocks

    @Test func recognisesBlocksByTheirInfoString() {
        #expect(PlaybookBlock.Kind(info: "goal") == .goal)
        #expect(PlaybookBlock.Kind(info: "sql-definition title=x") == .sqlDefinition)
        #expect(PlaybookBlock.Kind(info: "yaml") == nil)
        #expect(PlaybookBlock.Kind(info: "") == nil)
    }

    @Test func readsAGoalAndDerivesItsNumbers() throws {
        let (block, problems) = Self.parse(
            .goal, "period: 2026-Q1\nsql_target: 120\nmin_close_rate: 0.2\navg_deal_size: 20000\ncurrency: dkk\n")
        #expect(problems.isEmpty)
        guard case .goal(let goal)? = block else { Issue.record("not a goal"); return }
        #expect(goal.period?.quarter == Quarter("2026-Q1"))
        #expect(goal.closedDeals == 24, "120 × 0.2 is 24 deals, not 25")
        #expect(goal.revenue == 480_000)
        #expect(goal.currency == "DKK")
        #expect(goal.shortfall == nil)
    }

    @Test func aGoalThatCannotReachItsRevenueHasAShortfall() throws {
        let (block, _) = Self.parse(
            .goal,
            "period: 2026-Q1\nsql_target: 120\nmin_closed: 24\nrevenue_target: 600000\navg_deal_size: 20000\ncurrency: DKK\n")
        guard case .goal(let goal)? = block else { Issue.record("not a goal"); return }
        #expect(
            goal.shortfall
                == Goal.Shortfall(deals: 24, averageDealSize: 20_000, revenue: 480_000, target: 600_000, dealsNeeded: 30))
    }

    @Test func goalMistakesArePositionedInTheMarkdownFile() {
        let (_, problems) = Self.parse(
            .goal,
            """
            period: 2026-Q5
            sql_target: 0
            min_closed: 24
            min_close_rate: 1.5
            revenue_target: 480.000
            currency: kroner
            ownres: [Sales]
            """)
        #expect(
            problems == [
                "page.md:11:9: error: period \"2026-Q5\" is not a quarter; write it like 2026-Q1 (Q1 to Q4), or give start: and end: dates instead",
                "page.md:12:13: error: sql_target is 0; it must be 1 or more, e.g. sql_target: 120",
                "page.md:14:17: error: min_close_rate 1.5 is outside 0–1; write the share of SQLs that must close, above 0 and at most 1, e.g. 0.2 for 20%",
                "page.md:14:17: error: write either min_closed or min_close_rate, not both; keep the one you agreed on",
                "page.md:15:17: error: revenue_target \"480.000\" is not a number; write it without thousands separators, e.g. revenue_target: 480000",
                "page.md:16:11: error: currency \"kroner\" is not a currency code; write the three-letter code, e.g. DKK, EUR or USD",
                "page.md:17:1: error: unknown key \"ownres\" in the goal block; did you mean \"owners\"?",
            ])
    }

    @Test func goalPeriodsByDates() {
        let (block, problems) = Self.parse(.goal, "start: 2026-02-01\nend: 2026-04-30\nsql_target: 10\nmin_closed: 2\n")
        #expect(problems.isEmpty)
        guard case .goal(let goal)? = block else { Issue.record("not a goal"); return }
        #expect(goal.period == GoalPeriod(start: SimpleDate("2026-02-01")!, end: SimpleDate("2026-04-30")!))
        let (_, backwards) = Self.parse(.goal, "start: 2026-04-30\nend: 2026-02-01\nsql_target: 10\nmin_closed: 2\n")
        #expect(
            backwards == [
                "page.md:12:6: error: end 2026-02-01 is before start 2026-04-30; the period must end on or after the day it starts"
            ])
    }

    @Test func readsAnSLARule() {
        let (block, problems) = Self.parse(
            .sla,
            """
            - stage: sql
              owner: Sales
              first_response: 4h
              business_hours: {days: "Mon-Wed, Fri", from: "8:00", to: "16:30", time_zone: Europe/Copenhagen}
              attempts: {count: 6, within: 10d}
              escalation: {after: 8h, notify: Sales manager}
              on_no_contact: recycle
            """)
        #expect(problems.isEmpty)
        guard case .sla(let sla)? = block, let rule = sla.rules.first else { Issue.record("not an SLA"); return }
        #expect(rule.stage == "sql")
        #expect(rule.stageLocation == SourceLocation(file: "page.md", line: 11, column: 10))
        #expect(rule.firstResponse == TimeSpan(4, .hours))
        #expect(rule.businessHours?.days == [.monday, .tuesday, .wednesday, .friday])
        #expect(rule.businessHours?.dayRuns == [1...3, 5...5])
        #expect(rule.businessHours?.dayMinutes == 8 * 60 + 30)
        #expect(rule.attempts == ServiceLevelAgreement.Attempts(count: 6, within: TimeSpan(10, .days)))
        #expect(rule.escalation == ServiceLevelAgreement.Escalation(after: TimeSpan(8, .hours), notify: "Sales manager"))
        #expect(rule.onNoContact == .recycle)
    }

    @Test func slaMistakesArePositionedInTheMarkdownFile() {
        let (_, problems) = Self.parse(
            .sla,
            """
            - stage: sql
              owner: Sales
              first_response: 4 hours
              business_hours: {days: Fri-Mon, from: "17:00", to: "08:00", time_zone: Europe/Copenhagn}
              attempts: {count: -1, within: 0d}
              escalation: {after: 2h, notify: Sales manager}
              on_no_contact: nurture
            """)
        #expect(
            problems == [
                "page.md:13:19: error: first_response \"4 hours\" is not a duration; write it like 30m, 4h or 2d",
                "page.md:14:26: error: days \"Fri-Mon\": Fri-Mon runs backwards; write days in week order, Monday first, e.g. Mon-Fri",
                "page.md:14:41: error: from 17:00 is after to 08:00; business hours start before they end on the same day, e.g. from: \"08:00\", to: \"17:00\"",
                "page.md:14:74: error: time_zone \"Europe/Copenhagn\" is not an IANA time zone; write a Region/City name such as Europe/Copenhagen; did you mean \"Europe/Copenhagen\"?",
                "page.md:15:21: error: count is -1; it must be 1 or more, e.g. count: 6",
                "page.md:15:33: error: within is 0d, but it must be longer than zero, e.g. within: 4h",
                "page.md:17:18: error: on_no_contact \"nurture\" is not an action; expected one of: recycle, disqualify, reassign",
            ])
    }

    @Test func anEscalationBeforeTheFirstResponseIsAWarning() {
        let (block, problems) = Self.parse(
            .sla, "- stage: sql\n  owner: Sales\n  first_response: 1d\n  escalation: {after: 4h, notify: Boss}\n")
        #expect(block != nil)
        #expect(
            problems == [
                "page.md:14:23: warning: escalation after 4h comes no later than first_response 1d; escalate only once the first response is overdue, e.g. after: 2d"
            ])
    }

    @Test func readsAPipeline() {
        let (block, problems) = Self.parse(
            .pipeline, "- {id: mql, name: MQL, owner: Marketing}\n- id: sql\n  name: SQL\n  entry: Meets the definition\n")
        #expect(problems.isEmpty)
        guard case .pipeline(let pipeline)? = block else { Issue.record("not a pipeline"); return }
        #expect(pipeline.ids == ["mql", "sql"])
        #expect(pipeline.stages[1].entry == "Meets the definition")
        #expect(Pipeline.standard(.da).stages.map(\.name) == ["Henvendelse", "MQL", "SAL", "SQL", "Salgsmulighed", "Kunde"])
    }

    @Test func pipelineMistakes() {
        let (block, problems) = Self.parse(
            .pipeline, "- id: sql\n  name: SQL\n- id: sql\n  name: Again\n- id: Sales Qualified\n- name: Nameless\n")
        #expect(
            problems == [
                "page.md:13:7: error: the stage id \"sql\" is used twice (first on line 11); give each stage its own id",
                "page.md:15:3: error: a pipeline stage has no name; add the name people use for the stage, e.g. name: SQL",
                "page.md:15:7: error: id \"Sales Qualified\" is not an id; use lowercase letters, digits and dashes, e.g. sales-qualified",
                "page.md:16:3: error: a pipeline stage has no id; add one such as id: sql (SLA rules refer to stages by id)",
            ])
        guard case .pipeline(let pipeline)? = block else { Issue.record("not a pipeline"); return }
        #expect(pipeline.ids == ["sql"], "stages with a valid id are kept for the SLA checks")
    }

    @Test func readsAnSQLDefinition() {
        let (block, problems) = Self.parse(
            .sqlDefinition,
            """
            framework: bant
            criteria:
              - {id: need, label: Need, required: true, points: 25}
              - {id: budget, label: Budget, points: 10}
            min_points: 30
            """)
        #expect(problems.isEmpty)
        guard case .sqlDefinition(let definition)? = block else { Issue.record("not an SQL definition"); return }
        #expect(definition.framework == .bant)
        #expect(definition.totalPoints == 35)
        #expect(definition.requiredPoints == 25)
    }

    @Test(arguments: [
        // min_points above every point there is
        (
            "criteria:\n  - {id: a, label: A, required: true, points: 10}\n  - {id: b, label: B, points: 10}\nmin_points: 30\n",
            "page.md:14:13: error: min_points 30 is more than all criteria give together (20 points); lower min_points to at most 20 or give the criteria more points"
        ),
        // only required criteria, and together they fall short
        (
            "criteria:\n  - {id: a, label: A, required: true, points: 10}\n  - {id: b, label: B, required: true, points: 5}\nmin_points: 20\n",
            "page.md:14:13: error: min_points 20 can never be reached: every criterion is required and together they give 15 points; lower min_points to 15 or add criteria that are not required"
        ),
        // the required criteria meet min_points on their own
        (
            "criteria:\n  - {id: a, label: A, required: true, points: 20}\n  - {id: b, label: B, points: 5}\nmin_points: 15\n",
            "page.md:14:13: warning: min_points 15 is always met: the required criteria alone give 20 points, so the other criteria never decide; raise min_points above 20 or leave it out"
        ),
        // nothing sorts any lead out
        (
            "criteria:\n  - {id: a, label: A, points: 20}\n",
            "page.md:11:1: error: with no required criteria and no min_points every lead qualifies; mark criteria with required: true, or set min_points"
        ),
        // the same id twice
        (
            "criteria:\n  - {id: a, label: A, required: true}\n  - {id: a, label: B}\n",
            "page.md:13:10: error: the criterion id \"a\" is used twice (first on line 12); give each criterion its own id"
        ),
    ])
    func sqlDefinitionRules(_ yaml: String, _ expected: String) {
        #expect(Self.parse(.sqlDefinition, yaml).1 == [expected])
    }

    @Test func anEmptyBlockAndBrokenYAMLPointAtTheBlock() {
        #expect(
            Self.parse(.goal, "").1 == [
                "page.md:10:1: error: the goal block is empty; expected the goal's fields, starting with period: 2026-Q1"
            ])
        let (block, problems) = Self.parse(.sla, "- stage: sql\n  owner: [Sales\n")
        #expect(block == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("page.md:13:1: error: this is not valid YAML") == true)
    }
}
