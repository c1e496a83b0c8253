import Content
import Core
import Formats
import Foundation
import TestSupport
import Testing

@testable import Render

/// Each playbook block rendered in English and Danish, compared with the snapshots in `Snapshots/`
/// (re-record on purpose with `TANDEM_RECORD=1 swift test --filter BlockRenderingTests`).
@Suite struct BlockRenderingTests {
    static let snapshots = Repository.root + "/Tests/RenderTests/Snapshots"

    /// Sample blocks, by snapshot name, as an author writes them.
    static let samples: [(name: String, kind: PlaybookBlock.Kind, yaml: String)] = [
        (
            "pipeline", .pipeline,
            """
            - id: inquiry
              name: Inquiry
              owner: Marketing
              entry: "An identifiable person responds: a form, a download or an event."
              exit: "Fits the customer profile and reaches 50 points."
            - id: sql
              name: SQL
              owner: Sales
              entry: "Meets the SQL definition & is assigned to an account manager."
            - id: customer
              name: Customer
            """
        ),
        (
            "goal", .goal,
            """
            period: 2026-Q1
            sql_target: 120
            min_closed: 24
            revenue_target: 480000
            avg_deal_size: 20000
            currency: DKK
            owners: [Marketing lead, Sales director]
            """
        ),
        (
            "goal-shortfall", .goal,
            """
            team: Nordics
            period: 2026-Q3
            sql_target: 90
            min_close_rate: 0.25
            revenue_target: 612500.5
            avg_deal_size: 18750
            currency: EUR
            owners: Head of sales
            """
        ),
        (
            "goal-dates", .goal,
            """
            start: 2026-02-01
            end: 2026-04-30
            sql_target: 1500
            min_closed: 45
            revenue_target: 1000000
            currency: DKK
            """
        ),
        (
            "sla", .sla,
            """
            - stage: sql
              trigger: "An SQL is assigned to an account manager"
              owner: Sales
              first_response: 4h
              business_hours: {days: Mon-Fri, from: "08:00", to: "17:00", time_zone: Europe/Copenhagen}
              attempts: {count: 6, within: 10d}
              escalation: {after: 8h, notify: Sales manager, action: "Reassign to another account manager"}
              on_no_contact: recycle
            - stage: mql
              owner: Sales development
              first_response: 30m
              business_hours: {days: "Mon-Thu, Sat", from: "9:00", to: "15:30", time_zone: Europe/Oslo}
              attempts: {count: 1, within: 1d}
              escalation: {after: 1h, notify: Anna Berg}
              on_no_contact: disqualify
            - stage: opportunity
              owner: Sales
              first_response: 2d
              on_no_contact: reassign
            """
        ),
        (
            "sql-definition", .sqlDefinition,
            """
            framework: BANT
            criteria:
              - {id: need, label: Need, description: "Describes a problem we solve.", required: true, points: 25}
              - {id: authority, label: Authority, required: true, points: 20}
              - {id: timeline, label: Timeline, description: "Decides within 6 months.", points: 20}
              - {id: budget, label: Budget, points: 1}
            min_points: 60
            """
        ),
        (
            "sql-definition-custom", .sqlDefinition,
            """
            criteria:
              - {id: fit, label: "Fits the <ideal> customer profile", required: true}
            """
        ),
    ]

    static let cases: [String] = samples.flatMap { sample in Language.allCases.map { "\(sample.name).\($0.rawValue)" } }

    static func block(_ name: String) throws -> PlaybookBlock {
        let sample = try #require(samples.first { $0.name == name })
        let (block, problems) = PlaybookBlock.parse(sample.kind, yaml: sample.yaml, file: "sample.md", fenceLine: 1)
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
        return try #require(block)
    }

    static func stages(_ language: Language) -> (String) -> StageLink? {
        { id in
            guard let stage = Pipeline.standard(language).stage(id) else { return nil }
            return StageLink(name: stage.name, url: id == "sql" ? "../one-pipeline/index.html#stage-sql" : nil)
        }
    }

    @Test(arguments: cases)
    func matchesItsSnapshot(_ name: String) throws {
        let parts = name.split(separator: ".")
        let language = try #require(Language(rawValue: String(parts[1])))
        let html = BlockHTML.render(
            try Self.block(String(parts[0])), BlockContext(language: language, stage: Self.stages(language)))
        let expected = try Snapshot.expected(html, file: Self.snapshots + "/" + name + ".html")
        #expect(html == expected, "\(name) differs from Snapshots/\(name).html; set TANDEM_RECORD=1 to re-record on purpose")
    }

    @Test func everyValueIsEscaped() {
        let pipeline = Pipeline(stages: [
            Pipeline.Stage(id: "x", name: "<script>alert(1)</script>", owner: "R&D \"team\"", entry: "a < b", exit: nil)
        ])
        let html = BlockHTML.render(.pipeline(pipeline), BlockContext(language: .en))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Owner: R&amp;D &quot;team&quot;"))
        #expect(html.contains("<dd>a &lt; b</dd>"))
    }

    @Test func numbersFollowThePageLanguage() throws {
        let goal = try Self.block("goal")
        let english = BlockHTML.render(goal, BlockContext(language: .en))
        let danish = BlockHTML.render(goal, BlockContext(language: .da))
        #expect(english.contains("480,000\u{A0}DKK"))
        #expect(english.contains("20%"))
        #expect(danish.contains("480.000\u{A0}kr."))
        #expect(danish.contains("20\u{A0}%"))
    }

    @Test func theSLASentenceReadsLikeTheAgreement() throws {
        let sla = try Self.block("sla")
        let html = BlockHTML.render(sla, BlockContext(language: .en, stage: Self.stages(.en)))
        #expect(
            html.contains(
                "Sales contacts every SQL within 4 business hours (Monday to Friday, 08:00\u{2060}–\u{2060}17:00 Europe/Copenhagen), "
                    + "with 6 attempts over 10 days; after 8 business hours without contact, the sales manager is notified."))
        let danish = BlockHTML.render(sla, BlockContext(language: .da, stage: Self.stages(.da)))
        #expect(
            danish.contains(
                "Sales kontakter hvert lead i fasen SQL inden for 4 arbejdstimer (mandag til fredag, 08.00\u{2060}–\u{2060}17.00 Europe/Copenhagen)"
            ))
        #expect(danish.contains("efter 8 arbejdstimer uden kontakt eskaleres leadet til Sales manager."))
    }

    @Test func theGoalSaysWhenItsArithmeticFallsShort() throws {
        let html = BlockHTML.render(try Self.block("goal-shortfall"), BlockContext(language: .en))
        #expect(
            html.contains(
                "23 deals × 18,750\u{A0}EUR = 431,250\u{A0}EUR, below the 612,500.50\u{A0}EUR target. At this deal size the target takes 33 deals."
            ))
        #expect(html.contains("role=\"note\""))
    }

    @Test func aThemeRewordsTheLabelsAndCaptions() throws {
        let words = [
            "blockGoal": "Joint target", "blockPipelineStages": "Our funnel: {count} steps, {first} → {last} {unknown}",
            "blockOwner": "Responsible",
        ]
        let goal = BlockHTML.render(try Self.block("goal"), BlockContext(language: .en, words: words))
        #expect(goal.contains("Joint target"))
        #expect(!goal.contains("Shared goal"))
        let pipeline = BlockHTML.render(try Self.block("pipeline"), BlockContext(language: .en, words: words))
        #expect(pipeline.contains("Our funnel: 3 steps, Inquiry → Customer {unknown}"), "\(pipeline)")
        #expect(pipeline.contains("Responsible"))
        // Without words of the theme's, the built-in ones.
        let danish = BlockHTML.render(try Self.block("goal"), BlockContext(language: .da))
        #expect(danish.contains("Fælles mål"))
        #expect(BlockWords.keys.count == Set(BlockWords.keys.map(\.key)).count)
    }

    @Test func docsListEveryKeyWithItsWords() throws {
        let text = try Repository.text("docs/blocks.md")
        for (key, english, danish) in BlockWords.keys {
            #expect(text.contains("| `\(key)` | \(english) | \(danish) |"), "docs/blocks.md lacks \(key)")
        }
    }

    @Test func rolesReadAsRolesAndNamesAsNames() {
        #expect(BlockWords.englishRole("Sales manager") == "the sales manager")
        #expect(BlockWords.englishRole("Head of sales development") == "the head of sales development")
        #expect(BlockWords.englishRole("Anna Berg") == "Anna Berg")
        #expect(BlockWords.englishRole("Marketing") == "Marketing")
        #expect(BlockWords.englishRole("CRM admin") == "CRM admin")
    }
}

@Suite struct HolidayWordsTests {
    @Test func businessHoursSayWhichHolidaysStopTheClock() {
        let hours = BusinessHours(
            days: BusinessHours.weekdays, from: ClockTime(hour: 8, minute: 0), to: ClockTime(hour: 17, minute: 0),
            timeZone: "Europe/Copenhagen", holidays: [.denmark, .date(SimpleDate(year: 2026, month: 12, day: 24))])
        #expect(
            BlockWords(.en).businessHours(hours)
                == "Monday to Friday, 08:00\u{2060}–\u{2060}17:00 (Europe/Copenhagen), not on Danish public holidays and 24 December 2026"
        )
        #expect(
            BlockWords(.da).businessHours(hours)
                == "mandag til fredag, 08.00\u{2060}–\u{2060}17.00 (Europe/Copenhagen), ikke på helligdage og 24. december 2026")
        var plain = hours
        plain.holidays = []
        #expect(BlockWords(.en).businessHours(plain).hasSuffix("(Europe/Copenhagen)"))
    }
}

/// The measured line a goal or an SLA shows on a site with pipeline data.
@Suite struct BlockMeasureTests {
    static let snapshots = BlockRenderingTests.snapshots

    static func measure(_ language: Language, stage: String) -> BlockMeasure {
        BlockMeasure(
            label: language.pick("Measured", "Målt"),
            text: language.pick("\(stage): 86% <within> 4 h.", "\(stage): 86 % inden for 4 t."),
            linkText: language.pick("See the pipeline.", "Se pipelinen."), url: "../pipeline/2026-q1/index.html",
            data: ["compliance": "0.86", "stage": stage])
    }

    @Test(arguments: Language.allCases)
    func aGoalAndAnSLAShowTheirMeasure(_ language: Language) throws {
        var context = BlockContext(language: language, stage: BlockRenderingTests.stages(language))
        context.goalMeasure = { _ in Self.measure(language, stage: "goal") }
        context.ruleMeasure = { rule in rule.stage == "sql" ? Self.measure(language, stage: "sql") : nil }
        let html =
            BlockHTML.render(try BlockRenderingTests.block("goal"), context)
            + BlockHTML.render(try BlockRenderingTests.block("sla"), context)
        let name = "measured.\(language.rawValue)"
        let expected = try Snapshot.expected(html, file: Self.snapshots + "/" + name + ".html")
        #expect(html == expected, "\(name) differs from Snapshots/\(name).html; set TANDEM_RECORD=1 to re-record on purpose")
        // Escaped, with its numbers in data- attributes, and only for the rule that has one.
        if language == .en { #expect(html.contains("&lt;within&gt;")) }
        #expect(html.contains("data-compliance=\"0.86\" data-stage=\"sql\""))
        #expect(html.components(separatedBy: "class=\"tandem-measure\"").count == 3)
    }

    @Test func withoutMeasuresTheBlocksAreAsBefore() throws {
        for name in ["goal", "sla"] {
            let context = BlockContext(language: .en, stage: BlockRenderingTests.stages(.en))
            let html = BlockHTML.render(try BlockRenderingTests.block(name), context)
            #expect(!html.contains("tandem-measure"))
            #expect(html == (try Snapshot.expected(html, file: Self.snapshots + "/" + name + ".en.html")))
        }
    }
}
