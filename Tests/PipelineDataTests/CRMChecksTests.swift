import Content
import Core
import Testing

@testable import PipelineData

/// Every check of docs/pipeline.md, rule 6: the message and where it points.
@Suite struct CRMChecksTests {
    static func check(_ files: [String: String], strict: Bool = false) throws -> (data: CRMData?, lines: [String]) {
        let crm = try CRMFolder(files: files)
        let (data, diagnostics) = crm.load(strict: strict)
        return (data, crm.lines(diagnostics))
    }

    static let sources = "time_zone: Europe/Copenhagen\nsources:\n  - {file: leads.csv, preset: tandem}\n"

    @Test func unknownPreset() throws {
        let (data, lines) = try Self.check([
            "sources.yml": "time_zone: Europe/Copenhagen\nsources:\n  - {file: c.csv, preset: hubspot-contact}\n",
            "c.csv": "x\n",
        ])
        #expect(data == nil)
        #expect(
            lines == [
                "content/crm/sources.yml:3:27: error: preset \"hubspot-contact\" is not a preset; did you mean \"hubspot-contacts\"?"
            ])
    }

    @Test func unknownColumnAndField() throws {
        let (_, lines) = try Self.check([
            "sources.yml": """
            time_zone: Europe/Copenhagen
            sources:
              - file: leads.csv
                preset: tandem
                columns: {"Lead Ownr": owner, "Region": teem}

            """,
            "leads.csv": "lead_id,created_at,Lead Owner,Region\nx,2026-01-01,A,B\n",
        ])
        #expect(
            lines == [
                "content/crm/sources.yml:5:15: error: the column \"Lead Ownr\" is not in content/crm/leads.csv; did you mean \"Lead Owner\"?",
                "content/crm/sources.yml:5:35: error: \"teem\" is not a field of a tandem row; did you mean \"team\"?",
            ])
    }

    @Test func missingRequiredColumnNamesTheCandidates() throws {
        let (_, lines) = try Self.check([
            "sources.yml": "time_zone: Europe/Copenhagen\nsources:\n  - {file: c.csv, preset: hubspot-contacts}\n",
            "c.csv": "\"Contact\",\"Create Date\"\r\n\"1\",\"2026-01-01 10:00\"\r\n",
        ])
        #expect(
            lines == [
                "content/crm/c.csv:1:1: error: content/crm/c.csv has no lead_id column; expected \"Record ID\" or \"Contact ID\" (a hubspot-contacts export), or name yours in sources.yml with columns: {\"Your header\": lead_id}"
            ])
    }

    @Test func badTimestampAndAmountAreCountedWarnings() throws {
        let (data, lines) = try Self.check([
            "sources.yml": Self.sources,
            "leads.csv":
                "lead_id,created_at,sql_at,status,closed_at,amount\na,2026-01-05 09:00,31-01-2026,won,2026-02-01,12.5.0\nb,2026-01-32,,,,\n",
        ])
        #expect(
            lines == [
                "content/crm/leads.csv:2:20: warning: \"sql_at\" \"31-01-2026\" is not a timestamp; expected \(TimestampParser.expectedForms(order: nil)), or set date_order: dmy or mdy for this file in sources.yml",
                "content/crm/leads.csv:2:46: warning: \"amount\" \"12.5.0\" is not an amount; expected digits with \".\" before the decimals, e.g. 25000.50",
                "content/crm/leads.csv:3:3: warning: \"created_at\" \"2026-01-32\" is not a timestamp; expected \(TimestampParser.expectedForms(order: nil)); the row is left out",
            ])
        let quality = try #require(data).quality
        #expect(quality.rows == 2)
        #expect(quality.used == 1)
        #expect(quality.problems.map(\.count) == [1, 1, 1])
        #expect(quality.problems[2].message == "\"created_at\" is not a timestamp; the row is left out")
        #expect(
            quality.problems[0]
                == .init(
                    message: "\"sql_at\" is not a timestamp", count: 1,
                    first: .init(file: quality.problems[0].first.file, line: 2, column: 20)))
    }

    @Test func strictMakesRowProblemsErrors() throws {
        let (data, lines) = try Self.check(
            ["sources.yml": Self.sources, "leads.csv": "lead_id,created_at\na,yesterday\n"], strict: true)
        #expect(data == nil)
        #expect(
            lines == [
                "content/crm/leads.csv:2:3: error: \"created_at\" \"yesterday\" is not a timestamp; expected \(TimestampParser.expectedForms(order: nil)); the row is left out"
            ])
    }

    @Test func duplicateLeadIDsNameBothLines() throws {
        let (data, lines) = try Self.check([
            "sources.yml": Self.sources, "leads.csv": "lead_id,created_at\na,2026-01-01\nb,2026-01-02\na,2026-01-03\n",
        ])
        #expect(
            lines == [
                "content/crm/leads.csv:4:1: warning: this lead id is also on line 2 of content/crm/leads.csv; each lead once, please: this row is left out"
            ])
        #expect(data?.records.count == 2)
        // The id itself is personal: it is in neither message.
        #expect(data?.quality.problems.map(\.message) == ["a lead id used twice; the later row was left out"])
    }

    static let hubSpotHeader =
        "\"Record ID\",\"Create Date\",\"Became a Sales Qualified Lead Date\",\"Became an Evangelist Date\",\"Became a Demo Date\"\r\n\"1\",\"2026-01-01 10:00\",\"\",\"\",\"\"\r\n"

    @Test func stageMappingToNoStage() throws {
        let (data, lines) = try Self.check([
            "sources.yml": """
            time_zone: Europe/Copenhagen
            sources:
              - {file: c.csv, preset: hubspot-contacts, stages: {"Demo": demo}}

            """,
            "c.csv": Self.hubSpotHeader,
        ])
        #expect(data == nil)
        #expect(
            lines == [
                "content/crm/c.csv:1:92: warning: the column \"Became a Demo Date\" is the entry into the stage \"Demo\", which maps to no pipeline stage, so it is not used; map it in sources.yml, e.g. stages: {\"Demo\": customer}",
                "content/crm/sources.yml:3:62: error: stage \"demo\" is not a stage of the pipeline; expected one of: inquiry, mql, sal, sql, opportunity, customer",
            ])
    }

    @Test func stageColumnsAndLabelsThatMapNothing() throws {
        let (_, lines) = try Self.check([
            "sources.yml": """
            time_zone: Europe/Copenhagen
            sources:
              - {file: c.csv, preset: hubspot-contacts, stages: {"Sales Qualifed Lead": sql}}

            """,
            "c.csv": Self.hubSpotHeader,
        ])
        // Evangelist is no pipeline stage in HubSpot's own terms: its column is left out quietly.
        #expect(
            lines == [
                "content/crm/c.csv:1:92: warning: the column \"Became a Demo Date\" is the entry into the stage \"Demo\", which maps to no pipeline stage, so it is not used; map it in sources.yml, e.g. stages: {\"Demo\": customer}",
                "content/crm/sources.yml:3:77: warning: the stage label \"Sales Qualifed Lead\" occurs nowhere in content/crm/c.csv, neither as a stage nor in a header; it maps nothing; did you mean \"Sales Qualified Lead\"?",
            ])
    }

    @Test func naiveTimeInTheAutumnOverlapIsAWarning() throws {
        let (data, lines) = try Self.check([
            "sources.yml": Self.sources, "leads.csv": "lead_id,created_at\na,2025-10-26 02:30\nb,2025-10-26T02:30+01:00\n",
        ])
        #expect(
            lines == [
                "content/crm/leads.csv:2:3: warning: \"created_at\" \"2025-10-26 02:30\" happened twice in Europe/Copenhagen (the clocks were turned back); the earlier instant is used. Export with an offset (e.g. +02:00) to be exact"
            ])
        #expect(data?.records.createdAt == [utc("2025-10-26T00:30:00Z"), utc("2025-10-26T01:30:00Z")])
    }

    @Test func aFileThatIsNotCSV() throws {
        let (data, lines) = try Self.check([
            "sources.yml": Self.sources, "leads.csv": "lead_id,created_at\n\"a,2026-01-01\n",
        ])
        #expect(data == nil)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("content/crm/leads.csv:2:1: error: this file cannot be read as CSV: ") == true)
    }

    @Test func missingFileAndTimeZone() throws {
        let (_, lines) = try Self.check([
            "sources.yml": "sources:\n  - {file: leeds.csv, preset: tandem}\n", "leads.csv": "lead_id,created_at\n",
        ])
        #expect(
            lines == [
                "content/crm/sources.yml:1:1: error: sources.yml has no time_zone; add the zone of the exports' times, e.g. time_zone: Europe/Copenhagen"
            ])
        let (_, more) = try Self.check([
            "sources.yml": "time_zone: Europe/Copenhagen\nsources:\n  - {file: leeds.csv, preset: tandem}\n",
            "leads.csv": "lead_id,created_at\n",
        ])
        #expect(
            more == [
                "content/crm/sources.yml:3:12: error: there is no file leeds.csv in content/crm; did you mean \"leads.csv\"?"
            ])
    }

    @Test func pathsOutsideTheFolderAreRefused() throws {
        let (_, lines) = try Self.check([
            "sources.yml": "time_zone: Europe/Copenhagen\nsources:\n  - {file: ../site.yml, preset: tandem}\n"
        ])
        #expect(
            lines == [
                "content/crm/sources.yml:3:12: error: file \"../site.yml\" must be a path inside the crm folder, e.g. file: contacts.csv"
            ])
    }
}

@Suite struct CurrencyTests {
    @Test func mixedCurrenciesAreNeverAddedUp() throws {
        let crm = try CRMFolder(files: [
            "sources.yml": """
            time_zone: UTC
            as_of: 2026-03-31T00:00Z
            sources:
              - {file: contacts.csv, preset: hubspot-contacts}
              - {file: deals.csv, preset: hubspot-deals}

            """,
            "contacts.csv": """
            "Record ID","Create Date","Became a Sales Qualified Lead Date","Associated Deal IDs"
            "1","2026-01-05 09:00","2026-01-06 09:00","d1;d2"
            "2","2026-01-05 09:00","2026-01-07 09:00","d3"

            """,
            "deals.csv": """
            "Record ID","Deal Stage","Amount","Currency","Close Date","Create Date"
            "d1","Closed Won","1000","DKK","2026-02-01 10:00","2026-01-10 10:00"
            "d2","Closed Won","500","EUR","2026-02-02 10:00","2026-01-10 10:00"
            "d3","Closed Won","700","EUR","2026-02-03 10:00","2026-01-10 10:00"

            """,
        ])
        let (data, diagnostics) = crm.load()
        #expect(
            crm.lines(diagnostics) == [
                "content/crm/deals.csv:3: warning: this won deal's currency differs from another won deal of the same lead; it is not added to the lead's amount"
            ])
        var goal = Goal()
        goal.period = GoalPeriod(Quarter("2026-Q1")!)
        goal.currency = "DKK"
        let report = PipelineReport(try #require(data), goals: [goal], rules: [])
        let result = try #require(report.goals.first)
        #expect(result.won == 2)
        #expect(result.revenue == 1000)
        #expect(result.otherCurrencies.map(\.currency) == ["EUR"])
        #expect(result.otherCurrencies.map(\.amount) == [700])
    }
}

@Suite struct DealJoinTests {
    static let sources = """
        time_zone: UTC
        as_of: 2026-03-31T00:00Z
        sources:
          - {file: contacts.csv, preset: hubspot-contacts}
          - {file: deals.csv, preset: hubspot-deals, currency: DKK}

        """

    @Test func dealsCountAsTheyStoodAtAsOf() throws {
        let crm = try CRMFolder(files: [
            "sources.yml": Self.sources,
            "contacts.csv": """
            "Record ID","Create Date","Became a Sales Qualified Lead Date"
            "1","2026-01-05 09:00","2026-01-06 09:00"
            "2","2026-01-05 09:00","2026-01-07 09:00"

            """,
            // Lead 1: won in February (100) and again in May (900, after as_of). Lead 2: its only
            // deal is created after as_of, so it has none yet.
            "deals.csv": """
            "Record ID","Deal Stage","Amount","Close Date","Create Date","Associated Contact IDs"
            "d1","Closed Won","100","2026-02-01 10:00","2026-01-10 10:00","1"
            "d2","Closed Won","900","2026-05-01 10:00","2026-01-10 10:00","1"
            "d3","Closed Won","500","2026-05-02 10:00","2026-04-10 10:00","2"

            """,
        ])
        let (data, diagnostics) = crm.load()
        #expect(crm.lines(diagnostics).map { $0.contains("is before the newest record") } == [true])
        let records = try #require(data).records
        let one = try #require(records.lead("1"))
        #expect(records.status[one] == .won)
        #expect(records.amount[one] == 100 * 10_000)
        #expect(records.status[try #require(records.lead("2"))] == .open)
    }

    @Test func hubSpotFlagsDecideOverTheStageLabel() throws {
        let crm = try CRMFolder(files: [
            "sources.yml": Self.sources,
            "contacts.csv": "\"Record ID\",\"Create Date\"\n\"1\",\"2026-01-05 09:00\"\n\"2\",\"2026-01-05 09:00\"\n",
            "deals.csv": """
            "Record ID","Deal Stage","Is closed won","Is closed lost","Close Date","Create Date","Associated Contact IDs"
            "d1","Closed Won","false","false","2026-02-01 10:00","2026-01-10 10:00","1"
            "d2","Contract sent","false","true","2026-02-01 10:00","2026-01-10 10:00","2"

            """,
        ])
        let records = try #require(crm.load().data).records
        #expect(records.status[try #require(records.lead("1"))] == .open)
        #expect(records.status[try #require(records.lead("2"))] == .lost)
    }

    @Test func aDuplicateInJSONIsNamedByItsPath() throws {
        let crm = try CRMFolder(files: [
            "sources.yml": "time_zone: UTC\nsources: [{file: leads.json, preset: tandem}]\n",
            "leads.json": #"[{"lead_id": "a", "created_at": "2026-01-01"}, {"lead_id": "a", "created_at": "2026-01-02"}]"#,
        ])
        #expect(
            crm.lines(crm.load().diagnostics) == [
                "content/crm/leads.json: $[1].lead_id: warning: this lead id is also at $[0] of content/crm/leads.json; each lead once, please: this row is left out"
            ])
    }
}

/// A large lead file is read in two halves at once; whatever the file, the result must be the
/// one reading it in order gives.
@Suite struct HalvesTests {
    static func texts() -> [String] {
        var texts: [String] = []
        var rows = ["lead_id,created_at,sql_at,first_touch_at,status,closed_at,amount,currency,team,source,campaign"]
        for i in 0..<300 {
            let day = 1 + i % 28
            let hour = 8 + i % 9
            rows.append(
                "L\(i),2026-01-\(day < 10 ? "0" : "")\(day) \(hour):00,2026-02-\(day < 10 ? "0" : "")\(day) \(hour):30,,\(i % 3 == 0 ? "won" : "open"),2026-03-01,\(i * 10),DKK,T\(i % 4),S\(i % 5),\(i % 7 == 0 ? "" : "C\(i % 7)")"
            )
        }
        let plain = rows.joined(separator: "\n") + "\n"
        texts.append(plain)
        texts.append(rows.joined(separator: "\r\n") + "\r\n")
        // An id of the first half repeated in the second, and one repeated inside the second.
        texts.append(plain + "L3,2026-01-05 10:00,,,,,,,,,\nL250,2026-01-05 10:00,,,,,,,,,\n")
        // Bad values in both halves, more than are shown one by one.
        var bad = rows
        for i in stride(from: 1, to: bad.count, by: 20) { bad[i] = "X\(i),2026-13-01 10:00,,,,,,,,," }
        texts.append(bad.joined(separator: "\n") + "\n")
        // A quoted line break right at the middle.
        var quoted = rows
        quoted[150] = "Q150,2026-01-05 10:00,,,,,,,\"team\nwith a line break\",S9,"
        texts.append(quoted.joined(separator: "\n") + "\n")
        // An unclosed quote in the second half.
        var broken = rows
        broken[250] = "B250,\"2026-01-05 10:00,,,,,,,,,"
        texts.append(broken.joined(separator: "\n") + "\n")
        return texts
    }

    @Test(arguments: 0..<6)
    func halvesReadAsInOrder(_ index: Int) throws {
        let crm = try CRMFolder(files: [
            "sources.yml": "time_zone: Europe/Copenhagen\nsources: [{file: leads.csv, preset: tandem}]\n",
            "leads.csv": Self.texts()[index],
        ])
        let stages = Pipeline.standardIDs
        let inOrder = CRMLoader.load(contentDirectory: crm.content, stages: stages, fallbackZone: nil, halvesFrom: .max)
        let halves = CRMLoader.load(contentDirectory: crm.content, stages: stages, fallbackZone: nil, halvesFrom: 0)
        #expect(crm.lines(halves.diagnostics) == crm.lines(inOrder.diagnostics))
        #expect(halves.data?.asOf == inOrder.data?.asOf)
        guard let a = inOrder.data, let b = halves.data else {
            #expect((inOrder.data == nil) == (halves.data == nil))
            return
        }
        #expect((0..<a.records.count).map { a.records.ids.id($0) } == (0..<b.records.count).map { b.records.ids.id($0) })
        #expect(a.records.createdAt == b.records.createdAt)
        #expect(a.records.entries == b.records.entries)
        #expect(a.records.status == b.records.status)
        #expect(a.records.amount == b.records.amount)
        #expect(a.records.team.map { a.records.labelText($0) } == b.records.team.map { b.records.labelText($0) })
        #expect(a.records.source.map { a.records.labelText($0) } == b.records.source.map { b.records.labelText($0) })
        #expect(a.records.campaign.map { a.records.labelText($0) } == b.records.campaign.map { b.records.labelText($0) })
        #expect(a.records.source.contains { a.records.labelText($0) == "S4" })
        #expect(a.records.origin.map(\.line) == b.records.origin.map(\.line))
        #expect(a.quality.rows == b.quality.rows)
        #expect(a.quality.used == b.quality.used)
        #expect(a.quality.problems == b.quality.problems)
        let report = { (data: CRMData) in String(decoding: PipelineReport(data, goals: [], rules: []).json(), as: UTF8.self) }
        #expect(report(a) == report(b))
    }
}
