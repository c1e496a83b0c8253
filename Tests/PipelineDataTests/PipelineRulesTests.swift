import Content
import Core
import Formats
import Testing

@testable import PipelineData

/// Rules 3–5 of docs/pipeline.md against cases computed by hand, at the boundaries.
@Suite struct PipelineRulesTests {
    /// Mon–Fri 08:00–17:00 in Copenhagen with Denmark's holidays; first response 4h, escalation after 8h.
    static var rule: ServiceLevelAgreement.Rule {
        var rule = ServiceLevelAgreement.Rule()
        rule.stage = "sql"
        rule.firstResponse = TimeSpan(4, .hours)
        rule.businessHours = BusinessHours(
            days: BusinessHours.weekdays, from: ClockTime(hour: 8, minute: 0), to: ClockTime(hour: 17, minute: 0),
            timeZone: "Europe/Copenhagen", holidays: [.denmark])
        rule.escalation = .init(after: TimeSpan(8, .hours), notify: "Sales manager")
        return rule
    }

    static var goal: Goal {
        var goal = Goal()
        goal.period = GoalPeriod(Quarter("2025-Q2")!)
        goal.sqlTarget = 100
        goal.minClosed = 20
        goal.revenueTarget = 200_000
        goal.currency = "DKK"
        return goal
    }

    /// Each lead is one boundary; the comment gives its business time and outcome.
    static let leads = """
        lead_id,created_at,sql_at,first_touch_at,status,closed_at,amount,currency
        L1,2025-04-07 08:00,2025-04-07 09:00,2025-04-07 10:30,won,2025-04-20 12:00,10000,DKK
        L2,2025-04-07 12:00,2025-04-07 13:00,2025-04-07 17:00,,,,
        L3,2025-04-04 15:00,2025-04-04 16:00,2025-04-07 10:00,won,2025-04-30 12:00,5000,DKK
        L4,2025-04-16 16:00,2025-04-16 16:30,2025-04-22 11:30,,,,
        L5,2025-04-10 08:30,2025-04-10 09:00,2025-04-11 09:00,lost,2025-04-20 10:00,,
        L6,2025-04-14 08:00,2025-04-14 08:00,,,,,
        L7,2025-04-25 14:00,2025-04-25 15:00,,,,,
        L8,2025-03-25 09:00,2025-04-08 09:00,2025-04-01 10:00,,,,
        L9,2025-04-08 09:30,2025-04-08 10:00,,,,,
        L10,2025-04-28 09:00,2025-04-28 10:00,,,,,
        L11,2025-04-11 16:00,2025-04-11 17:00,2025-04-14 08:45,,,,

        """
    // L1  09:00 -> 10:30                     1 h 30 m   met
    // L2  13:00 -> 17:00, the deadline        4 h        met (a touch exactly at the deadline)
    // L3  Fri 16:00 -> Mon 10:00              3 h        met (won, but closed after as_of)
    // L4  Wed 16:30 -> Tue 11:30 after Easter 4 h        met (Maundy Thursday to Easter Monday skipped)
    // L5  Thu 09:00 -> Fri 09:00              9 h        late, and past the 8h escalation
    // L6  Mon 08:00, no touch                            missed (due 12:00), escalate (16:00)
    // L7  Fri 15:00, no touch                            pending (due Mon 10:00, after as_of)
    // L8  first touch before the SQL, no touch rows      unmeasured
    // L9  only an automated touch                        missed, escalate (Wed 09:00)
    // L10 created after as_of                            does not exist yet
    // L11 Fri 17:00 (closing) -> Mon 08:45    45 m       met

    static let touches = "lead_id,at,kind,automated\nL9,2025-04-08 10:05,email,true\n"

    static func report() throws -> (PipelineReport, CRMFolder, [Diagnostic]) {
        let crm = try CRMFolder(files: [
            "sources.yml": """
            time_zone: Europe/Copenhagen
            as_of: 2025-04-25T17:00
            sources:
              - {file: leads.csv, preset: tandem}
              - {file: touches.csv, preset: tandem-touches}

            """,
            "leads.csv": leads, "touches.csv": touches,
        ])
        let (data, diagnostics) = crm.load(stages: ["inquiry", "sql"])
        let report = PipelineReport(try #require(data), goals: [goal], rules: [rule])
        return (report, crm, diagnostics)
    }

    @Test func slaOutcomes() throws {
        let (report, _, _) = try Self.report()
        #expect(report.sla.count == 1)
        let result = try #require(report.sla.first)
        #expect(result.quarter == "2025-Q2")
        let counts = result.counts
        #expect(counts.cases == 10)
        #expect(counts.met == 5)
        #expect(counts.late == 1)
        #expect(counts.missed == 2)
        #expect(counts.pending == 1)
        #expect(counts.unmeasured == 1)
        #expect(counts.compliance == 0.625)
        // 2700, 5400, 10800, 14400, 14400, 32400: the mean of the middle two, and the 6th (⌈5.4⌉) for p90.
        #expect(counts.medianSeconds == 12_600)
        #expect(counts.p90Seconds == 32_400)
        #expect(counts.shouldEscalate == 3)
    }

    @Test func goalAttainment() throws {
        let (report, _, _) = try Self.report()
        let goal = try #require(report.goals.first)
        #expect(goal.period == "2025-Q2")
        #expect(goal.delivered == 10)
        #expect(goal.won == 1)
        #expect(goal.closeRate == 0.1)
        #expect(goal.revenue == 10_000)
        #expect(goal.currency == "DKK")
        #expect(goal.minClosed == 20)
        // 24 days 17 hours of the quarter's 91 days had passed at 2025-04-25T15:00Z.
        #expect(goal.expectedToDate == 27.15201465201465)
        #expect(
            goal.months == [
                .init(month: "2025-04", delivered: 10), .init(month: "2025-05", delivered: 0),
                .init(month: "2025-06", delivered: 0),
            ])
    }

    @Test func asOfBeforeTheNewestRecordIsAWarning() throws {
        let (_, crm, diagnostics) = try Self.report()
        #expect(
            crm.lines(diagnostics) == [
                "content/crm/sources.yml:2:8: warning: as_of 2025-04-25T15:00:00Z is before the newest record (2025-04-30T10:00:00Z); what happened after as_of is left out of the numbers"
            ])
    }

    @Test func withoutAnEscalationShouldEscalateIsNull() throws {
        let crm = try CRMFolder(files: [
            "sources.yml":
                "time_zone: Europe/Copenhagen\nas_of: 2025-04-25T17:00\nsources: [{file: leads.csv, preset: tandem}]\n",
            "leads.csv": Self.leads,
        ])
        var rule = Self.rule
        rule.escalation = nil
        let report = PipelineReport(try #require(crm.load(stages: ["inquiry", "sql"]).data), goals: [], rules: [rule])
        #expect(report.sla.first?.counts.shouldEscalate == nil)
        let json = String(decoding: report.json(), as: UTF8.self)
        #expect(json.contains("\"should_escalate\": null"))
    }

    @Test func funnel() throws {
        let crm = try CRMFolder(files: [
            "sources.yml":
                "time_zone: Europe/Copenhagen\nas_of: 2025-06-30T00:00Z\nsources: [{file: leads.csv, preset: tandem}]\n",
            "leads.csv": """
            lead_id,created_at,mql_at,sql_at,status,closed_at
            A,2025-01-10T10:00Z,2025-01-12T10:00Z,2025-04-02T10:00Z,,
            B,2025-01-20T10:00Z,,,,
            C,2025-02-01T00:00Z,2025-02-03T12:00Z,,won,2025-03-01T00:00Z

            """,
        ])
        let report = PipelineReport(try #require(crm.load(stages: ["inquiry", "mql", "sql"]).data), goals: [], rules: [])
        #expect(report.funnel.map(\.quarter) == ["2025-Q1", "2025-Q2"])
        #expect(
            report.funnel[0].stages == [
                .init(stage: "inquiry", entered: 3, advanced: 2, conversion: 2.0 / 3.0, medianDays: 2.25),
                .init(stage: "mql", entered: 2, advanced: 2, conversion: 1, medianDays: 80),
                .init(stage: "sql", entered: 0, advanced: 0, conversion: nil, medianDays: nil),
            ])
        #expect(report.funnel[1].stages[2] == .init(stage: "sql", entered: 1, advanced: 0, conversion: 0, medianDays: nil))
    }

    @Test func nothingPersonalInTheOutput() throws {
        let (report, _, _) = try Self.report()
        let json = String(decoding: report.json(), as: UTF8.self)
        let text = report.text()
        for id in ["L1", "L5", "L11"] {
            #expect(!json.contains("\"\(id)\""))
            #expect(!text.contains(" \(id) "))
        }
    }
}

/// What the pipeline pages show beside rules 3 and 4: response-time bands, months, channels and
/// campaigns, at their boundaries.
@Suite struct PipelinePageNumbersTests {
    /// Mon 2025-04-07 from 08:00 in business time: exactly 1 h, 1 h 1 min, exactly 8 h (the next
    /// day 08:00), and 8 h 1 min.
    static let leads = """
        lead_id,created_at,sql_at,first_touch_at,status,closed_at,amount,currency,source,campaign
        B1,2025-04-07 08:00,2025-04-07 08:00,2025-04-07 09:00,won,2025-04-10 12:00,1000,DKK,Referrals,Webinar
        B2,2025-04-07 08:00,2025-04-07 08:00,2025-04-07 09:01,won,2025-04-10 12:00,2000,DKK,Referrals,
        B3,2025-04-07 09:00,2025-04-07 09:00,2025-04-08 08:00,,,,,Paid Social,Webinar
        B4,2025-05-05 09:00,2025-05-05 09:00,2025-05-06 08:01,,,,,,
        B5,2025-05-06 09:00,2025-05-06 09:00,,,,,,Paid Social,
        B6,2025-06-02 09:00,2025-06-02 09:00,2025-06-02 09:30,lost,2025-06-10 10:00,,,Referrals,Guide

        """

    static func report() throws -> PipelineReport {
        let crm = try CRMFolder(files: [
            "sources.yml":
                "time_zone: Europe/Copenhagen\nas_of: 2025-06-30T17:00\nsources:\n  - {file: leads.csv, preset: tandem}\n",
            "leads.csv": leads,
        ])
        let (data, _) = crm.load(stages: ["inquiry", "sql"])
        return PipelineReport(try #require(data), goals: [PipelineRulesTests.goal], rules: [PipelineRulesTests.rule])
    }

    @Test func responseTimesFallInBandsWithTheirUpperEdgeIncluded() throws {
        let counts = try #require(try Self.report().sla.first).counts
        #expect(PipelineReport.responseBands == [3_600, 14_400, 28_800])
        // B1 and B6 (30 min) within 1 h; B2 (1 h 1 min) in 1–4 h; B3 (8 h) in 4–8 h; B4 (8 h 1 min) over 8 h.
        #expect(counts.bands == [2, 1, 1, 1])
        #expect(counts.bands.reduce(0, +) == counts.met + counts.late)
    }

    @Test func eachQuartersMonthsCountTheCasesThatStartedInThem() throws {
        let result = try #require(try Self.report().sla.first)
        #expect(result.months.map(\.month) == ["2025-04", "2025-05", "2025-06"])
        #expect(result.months.map(\.counts.cases) == [3, 2, 1])
        // April: B1, B2 met, B3 late (8 h); May: B4 late, B5 missed; June: B6 met.
        #expect(result.months.map(\.counts.met) == [2, 0, 1])
        #expect(result.months.map(\.counts.late) == [1, 1, 0])
        #expect(result.months.map(\.counts.missed) == [0, 1, 0])
        // The months add up to the quarter.
        #expect(result.months.map(\.counts.cases).reduce(0, +) == result.counts.cases)
        #expect(result.months.compactMap(\.counts.shouldEscalate).reduce(0, +) == result.counts.shouldEscalate)
    }

    @Test func sqlsAndWonDealsBySourceAndCampaign() throws {
        let goal = try #require(try Self.report().goals.first)
        #expect(goal.quarters == ["2025-Q2"])
        #expect(goal.started)
        // Most SQLs first, then by name; the leads without a label last.
        #expect(goal.bySource.map(\.label) == ["Referrals", "Paid Social", nil])
        #expect(goal.bySource.map(\.delivered) == [3, 2, 1])
        #expect(goal.bySource.map(\.won) == [2, 0, 0])
        #expect(goal.bySource.map(\.revenue) == [3_000, 0, 0])
        #expect(goal.byCampaign.map(\.label) == ["Webinar", "Guide", nil])
        #expect(goal.byCampaign.map(\.delivered) == [2, 1, 3])
        #expect(goal.byCampaign.map(\.won) == [1, 0, 1])
        #expect(goal.bySource.map(\.delivered).reduce(0, +) == goal.delivered)
    }

    @Test func asOfIsAlsoWrittenAsTheLocalTime() throws {
        let report = try Self.report()
        #expect(report.asOfDate == "2025-06-30")
        #expect(report.asOfTime == "17:00")
    }
}
