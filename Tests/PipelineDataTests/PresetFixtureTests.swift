import Content
import Core
import Testing

@testable import PipelineData

/// Each preset reads an export shaped like the real one (Fixtures/README.md).
@Suite struct PresetFixtureTests {
    @Test func hubSpotContactsAndDeals() throws {
        let crm = try CRMFolder(fixture: "hubspot")
        let (data, diagnostics) = crm.load()
        #expect(crm.lines(diagnostics) == [])
        let records = try #require(data).records
        #expect(records.count == 4)
        let sql = records.stages.firstIndex(of: "sql")!
        let mette = try #require(records.lead("101"))
        // 2026-01-07 09:00 in Copenhagen (+01:00).
        #expect(records.entry(mette, sql) == utc("2026-01-07T08:00:00Z"))
        #expect(records.firstTouch[mette] == utc("2026-01-07T09:30:00Z"))
        // Won through deal 9001, at its closing, worth its amount.
        #expect(records.status[mette] == .won)
        #expect(records.closedAt[mette] == utc("2026-02-10T10:00:00Z"))
        #expect(records.amount[mette] == 48_000 * 10_000)
        #expect(records.labelText(records.currency[mette]) == "DKK")
        // Lost through deal 9002, although the contact is still a Sales Qualified Lead.
        #expect(records.status[try #require(records.lead("102"))] == .lost)
        #expect(records.status[try #require(records.lead("103"))] == .open)
        #expect(records.entry(try #require(records.lead("103")), sql) == Records.none)
        #expect(data?.asOf == utc("2026-03-31T15:00:00Z"))
    }

    @Test func hubSpotNewerPortalHeaders() throws {
        let header =
            "\"Record ID\",\"Create Date\",\"Date entered \"\"Marketing Qualified Lead (Lifecycle Stage Pipeline)\"\"\",\"Date entered \"\"Sales Qualified Lead (Lifecycle Stage Pipeline)\"\"\",\"Original Traffic Source\"\r\n"
        let crm = try CRMFolder(files: [
            "sources.yml": "time_zone: Europe/Copenhagen\nsources: [{file: contacts.csv, preset: hubspot-contacts}]\n",
            "contacts.csv": header
                + "\"7\",\"2026-03-02 10:00\",\"2026-03-03 10:00\",\"2026-03-04 10:00\",\"Direct Traffic\"\r\n",
        ])
        let (data, diagnostics) = crm.load()
        #expect(crm.lines(diagnostics) == [])
        let records = try #require(data).records
        #expect(records.entry(0, records.stages.firstIndex(of: "mql")!) == utc("2026-03-03T09:00:00Z"))
        #expect(records.entry(0, records.stages.firstIndex(of: "sql")!) == utc("2026-03-04T09:00:00Z"))
    }

    @Test func salesforceOpportunitiesFromDanishExcel() throws {
        let crm = try CRMFolder(fixture: "salesforce-danish")
        let (data, diagnostics) = crm.load()
        // Windows-1252 is detected, and said.
        #expect(
            crm.lines(diagnostics) == [
                "content/crm/opportunities.csv: warning: this file is not UTF-8; it is read as Windows-1252 (what Excel saves as plain CSV). Set encoding: windows-1252 in sources.yml to say so, or save it as \"CSV UTF-8\""
            ])
        let data_ = try #require(data)
        let records = data_.records
        // No lead file: each opportunity is a lead; the footer is not read.
        #expect(records.count == 3)
        #expect(data_.quality.rows == 3)
        let won = try #require(records.lead("0065g00000AbCdE"))
        #expect(records.status[won] == .won)
        #expect(records.amount[won] == 1_250_005_000)
        #expect(records.closedAt[won] == utc("2026-01-14T23:00:00Z"))
        #expect(records.createdAt[won] == utc("2025-12-01T23:00:00Z"))
        #expect(records.labelText(records.currency[won]) == "DKK")
        #expect(records.labelText(records.owner[won]) == "Søren Ærø")
        #expect(records.status[try #require(records.lead("0065g00000AbCdF"))] == .lost)
        // An open opportunity's Close Date is expected, not closed.
        let open = try #require(records.lead("0065g00000AbCdG"))
        #expect(records.status[open] == .open)
        #expect(records.closedAt[open] == Records.none)
    }

    @Test func salesforceLeadsFromAUSUser() throws {
        let crm = try CRMFolder(fixture: "salesforce-leads")
        let (data, diagnostics) = crm.load()
        #expect(crm.lines(diagnostics) == [])
        let records = try #require(data).records
        #expect(records.count == 3)
        let ann = try #require(records.lead("00Q5g00000Ab001"))
        // 9:15 AM in New York (EST, -05:00 before 8 March 2026).
        #expect(records.createdAt[ann] == utc("2026-03-02T14:15:00Z"))
        // The earlier of First Call Date and First Email Date.
        #expect(records.firstTouch[ann] == utc("2026-03-02T15:30:00Z"))
        // 8:20 AM on 10 March is EDT (-04:00).
        #expect(records.firstTouch[try #require(records.lead("00Q5g00000Ab002"))] == utc("2026-03-10T12:20:00Z"))
        // Without an opportunities file there is nothing to join: the links are not even read.
        #expect(records.dealLinks.isEmpty)
    }

    @Test func pipedriveDeals() throws {
        let crm = try CRMFolder(fixture: "pipedrive")
        let (data, diagnostics) = crm.load()
        #expect(crm.lines(diagnostics) == [])
        let records = try #require(data).records
        #expect(records.count == 3)
        let won = try #require(records.lead("1"))
        #expect(records.status[won] == .won)
        #expect(records.closedAt[won] == utc("2026-02-27T14:05:00Z"))
        #expect(records.amount[won] == 125_005_000)
        #expect(records.labelText(records.currency[won]) == "EUR")
        // The en dash in "Deal – Deal created" is read as a hyphen.
        #expect(records.createdAt[try #require(records.lead("3"))] == utc("2026-03-01T13:00:00Z"))
        let lost = try #require(records.lead("2"))
        #expect(records.status[lost] == .lost)
        #expect(records.closedAt[lost] == utc("2026-03-03T10:00:00Z"))
    }

    @Test func normalizedJSONWithTouches() throws {
        let crm = try CRMFolder(fixture: "tandem")
        let (data, diagnostics) = crm.load()
        #expect(crm.lines(diagnostics) == [])
        let data_ = try #require(data)
        let records = data_.records
        #expect(records.count == 3)
        let a1 = try #require(records.lead("a1"))
        #expect(records.createdAt[a1] == utc("2026-01-05T08:00:00Z"))
        #expect(records.status[a1] == .won)
        // A date alone is that day's local midnight.
        #expect(records.closedAt[a1] == utc("2026-01-31T23:00:00Z"))
        #expect(records.amount[a1] == 20_000 * 10_000)
        #expect(records.labelText(records.team[a1]) == "Nordics")
        #expect(records.touches.count == 2)
        // Without as_of: the latest timestamp anywhere, touch rows included.
        #expect(data_.asOf == utc("2026-02-28T23:00:00Z"))
    }
}

@Suite struct SalesforceJoinTests {
    @Test func aConvertedLeadIsWonThroughItsOpportunity() throws {
        let crm = try CRMFolder(files: [
            "sources.yml": """
            time_zone: America/New_York
            as_of: 2026-03-31T17:00
            sources:
              - {file: leads.csv, preset: salesforce-leads, date_order: mdy}
              - {file: opportunities.csv, preset: salesforce-opportunities, date_order: mdy, currency: USD}

            """,
            "leads.csv": """
            "Lead ID","Create Date","Lead Status","Converted Opportunity ID"
            "00Q1","3/2/2026 9:15 AM","Closed - Converted","0061"
            "00Q2","3/3/2026 9:15 AM","Working - Contacted",""

            """,
            "opportunities.csv": """
            "Opportunity ID","Created Date","Stage","Amount","Close Date"
            "0061","3/4/2026","Closed Won","12,500.00","3/20/2026"

            """,
        ])
        let (data, diagnostics) = crm.load()
        #expect(crm.lines(diagnostics) == [])
        let records = try #require(data).records
        let converted = try #require(records.lead("00Q1"))
        #expect(records.status[converted] == .won)
        #expect(records.amount[converted] == 12_500 * 10_000)
        #expect(records.labelText(records.currency[converted]) == "USD")
        #expect(records.status[try #require(records.lead("00Q2"))] == .open)
    }
}
