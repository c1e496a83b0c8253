import Foundation
import TestSupport
import Testing

/// `tandem pipeline` as a process: the numbers of docs/pipeline.md's rules on a site whose
/// agreements and exports are the hand-computed cases of PipelineRulesTests.
@Suite struct PipelineCommandTests {
    static let playbook = """
        ---
        title: Agreements
        ---
        # Agreements

        ```pipeline
        - {id: inquiry, name: Inquiry}
        - {id: sql, name: SQL}
        ```

        ```goal
        period: 2025-Q2
        sql_target: 100
        min_closed: 20
        revenue_target: 200000
        currency: DKK
        ```

        ```sla
        - stage: sql
          owner: Sales
          first_response: 4h
          business_hours: {days: Mon-Fri, from: "08:00", to: "17:00", time_zone: Europe/Copenhagen, holidays: [DK]}
          escalation: {after: 8h, notify: Sales manager}
        ```

        """

    static let leads = """
        lead_id,created_at,sql_at,first_touch_at,status,closed_at,amount,currency,owner
        L1,2025-04-07 08:00,2025-04-07 09:00,2025-04-07 10:30,won,2025-04-20 12:00,10000,DKK,Ann
        L2,2025-04-07 12:00,2025-04-07 13:00,2025-04-07 17:00,,,,,Ann
        L3,2025-04-04 15:00,2025-04-04 16:00,2025-04-07 10:00,won,2025-04-30 12:00,5000,DKK,Bo
        L4,2025-04-16 16:00,2025-04-16 16:30,2025-04-22 11:30,,,,,Bo
        L5,2025-04-10 08:30,2025-04-10 09:00,2025-04-11 09:00,lost,2025-04-20 10:00,,,Bo
        L6,2025-04-14 08:00,2025-04-14 08:00,,,,,,Ann
        L7,2025-04-25 14:00,2025-04-25 15:00,,,,,,Ann
        L8,2025-03-25 09:00,2025-04-08 09:00,2025-04-01 10:00,,,,,Bo
        L9,2025-04-08 09:30,2025-04-08 10:00,,,,,,Ann
        L10,2025-04-28 09:00,2025-04-28 10:00,,,,,,Bo
        L11,2025-04-11 16:00,2025-04-11 17:00,2025-04-14 08:45,,,,,Bo

        """

    static func site(
        sources: String =
            "time_zone: Europe/Copenhagen\nas_of: 2026-01-01T00:00Z\nsources:\n  - {file: leads.csv, preset: tandem}\n  - {file: touches.csv, preset: tandem-touches}\n"
    ) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("pipeline")
        try folder.write("content/site.yml", "title: Pipeline\n")
        try folder.write("content/agreements.md", playbook)
        try folder.write("content/crm/sources.yml", sources)
        try folder.write("content/crm/leads.csv", leads)
        try folder.write("content/crm/touches.csv", "lead_id,at,kind,automated\nL9,2025-04-08 10:05,email,true\n")
        return folder
    }

    @Test func jsonHasTheRulesNumbers() throws {
        let folder = try Self.site()
        let result = try Tandem.run(["pipeline", "--as-of", "2025-04-25T17:00", "--format", "json"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let expected = """
            {"as_of": "2025-04-25T15:00:00Z", "time_zone": "Europe/Copenhagen",
             "goals": [{"period": "2025-Q2", "team": null, "sql_target": 100, "delivered": 10, "expected_to_date": 27.15201465201465, "won": 1, "min_closed": 20, "close_rate": 0.1, "revenue": 10000.0, "revenue_target": 200000.0, "currency": "DKK", "months": [{"month": "2025-04", "delivered": 10}, {"month": "2025-05", "delivered": 0}, {"month": "2025-06", "delivered": 0}], "other_currencies": [],
               "by_source": [{"source": null, "delivered": 10, "won": 1, "revenue": 10000.0}],
               "by_campaign": [{"campaign": null, "delivered": 10, "won": 1, "revenue": 10000.0}]}],
             "sla": [{"stage": "sql", "quarter": "2025-Q2", "cases": 10, "met": 5, "late": 1, "missed": 2, "pending": 1, "unmeasured": 1, "compliance": 0.625, "median_s": 12600.0, "p90_s": 32400.0, "should_escalate": 3, "response_bands": [{"up_to_s": 3600, "count": 1}, {"up_to_s": 14400, "count": 4}, {"up_to_s": 28800, "count": 0}, {"up_to_s": null, "count": 1}],
               "months": [{"month": "2025-04", "cases": 10, "met": 5, "late": 1, "missed": 2, "pending": 1, "unmeasured": 1, "compliance": 0.625, "median_s": 12600.0, "p90_s": 32400.0, "should_escalate": 3, "response_bands": [{"up_to_s": 3600, "count": 1}, {"up_to_s": 14400, "count": 4}, {"up_to_s": 28800, "count": 0}, {"up_to_s": null, "count": 1}]}]}],
             "funnel": [{"quarter": "2025-Q1", "stages": [{"stage": "inquiry", "entered": 1, "advanced": 1, "conversion": 1.0, "median_days": 13.958333333333334}, {"stage": "sql", "entered": 0, "advanced": 0, "conversion": null, "median_days": null}]},
              {"quarter": "2025-Q2", "stages": [{"stage": "inquiry", "entered": 9, "advanced": 9, "conversion": 1.0, "median_days": 0.041666666666666664}, {"stage": "sql", "entered": 10, "advanced": 1, "conversion": 0.1, "median_days": null}]}],
             "data_quality": {"rows": 12, "used": 12, "problems": []}}

            """
        #expect(result.stdout == expected)
        // No lead's id or owner's name: show_owners is not set.
        for secret in ["L1", "L11", "Ann", "Bo"] { #expect(!result.stdout.contains("\"\(secret)\"")) }
    }

    @Test func textIsASummaryForPeople() throws {
        let folder = try Self.site()
        let result = try Tandem.run(["pipeline", "--as-of", "2025-04-25T17:00"], in: folder.path)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("Goal 2025-Q2: SQLs 10 of 100 (10%), expected 27 by 2025-04-25"))
        #expect(lines.contains("  won 1 of at least 20, close rate 10%"))
        #expect(lines.contains("  revenue 10,000 of 200,000 DKK"))
        #expect(
            lines.contains(
                "SLA sql 2025-Q2: 63% within 4 business hours, median 3 h 30 m, p90 9 h; 3 should have been escalated"))
        #expect(lines.contains("  10 cases: 5 met, 1 late, 2 missed, 1 pending, 1 unmeasured"))
        #expect(lines.contains("Data: 12 rows read, 12 used"))
    }

    @Test func ownersOnlyWhenTheSourcesSaySo() throws {
        let folder = try Self.site(
            sources:
                "time_zone: Europe/Copenhagen\nshow_owners: true\nsources:\n  - {file: leads.csv, preset: tandem}\n")
        let result = try Tandem.run(["pipeline", "--as-of", "2025-04-25T17:00", "--format", "json"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"owners\": [{\"owner\": \"Ann\", \"cases\": 5,"))
        #expect(result.stdout.contains("{\"owner\": \"Bo\", \"cases\": 5,"))
    }

    @Test func problemsGoToStandardErrorAndNothingIsPrinted() throws {
        let folder = try Self.site(sources: "time_zone: Europe/Copenhagn\nsources:\n  - {file: leads.csv, preset: tandom}\n")
        let result = try Tandem.run(["pipeline", "--format", "json"], in: folder.path)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                content/crm/sources.yml:1:12: error: time_zone "Europe/Copenhagn" is not an IANA time zone; write a Region/City name such as Europe/Copenhagen
                content/crm/sources.yml:3:31: error: preset "tandom" is not a preset; did you mean "tandem"?

                """)
    }

    @Test func aSiteWithoutExportsSaysWhereToPutThem() throws {
        let folder = try TemporaryFolder("pipeline")
        try folder.write("content/index.md", "# Home\n")
        let result = try Tandem.run(["pipeline"], in: folder.path)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "content/crm/sources.yml: error: there is no sources.yml; put the CRM exports in content/crm and list them in sources.yml (docs/pipeline.md)\n"
        )
    }

    @Test func badAsOf() throws {
        let folder = try Self.site()
        let result = try Tandem.run(["pipeline", "--as-of", "tomorrow"], in: folder.path)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--as-of \"tomorrow\" is not a time; expected 2026-03-31, "))
    }

    @Test func buildChecksTheExportsAndNeverPublishesThem() throws {
        let folder = try Self.site()
        try folder.write("content/crm/leads.csv", Self.leads + "L12,2025-13-01 09:00,,,,,,,\n")
        let check = try Tandem.run(["check"], in: folder.path)
        #expect(check.status == 0)
        #expect(
            check.stderr.contains("content/crm/leads.csv:13:5: warning: \"created_at\" \"2025-13-01 09:00\" is not a timestamp"))
        let strict = try Tandem.run(["check", "--strict"], in: folder.path)
        #expect(strict.status == 1)
        let build = try Tandem.run(["build"], in: folder.path)
        #expect(build.status == 0)
        let published = FileManager.default.enumerator(atPath: folder.path + "/public")?.allObjects as? [String] ?? []
        #expect(!published.isEmpty)
        #expect(!published.contains { $0.hasPrefix("crm") || $0.hasSuffix(".csv") })
        for file in published where file.hasSuffix(".html") {
            let html = try String(contentsOfFile: folder.path + "/public/" + file, encoding: .utf8)
            #expect(!html.contains("L11"))
        }
    }
}
