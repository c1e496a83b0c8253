import Core
import Foundation
import PipelineData
import Render
import Site
import TestSupport
import Testing

/// The pipeline pages and the blocks' measured lines (docs/pipeline.md, "The pipeline pages").
@Suite struct PipelinePagesTests {
    @Test func thePipelineFixtureMatchesItsSnapshotInBothLanguages() throws {
        let output = Fixtures.temporaryFolder() + "/public"
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path) }
        _ = try SiteBuilder(options: Fixtures.options("pipeline", output: output)).build()
        let built = Fixtures.tree(output)
        var snapshot: [String: Data] = [:]
        for (path, bytes) in built where path.hasSuffix(".html") { snapshot[path] = bytes }
        snapshot["files.txt"] = Data((built.keys.sorted().joined(separator: "\n") + "\n").utf8)
        let expected = try Snapshot.expectedTree(snapshot, folder: Fixtures.root + "/pipeline/expected")
        #expect(expected.keys.sorted() == snapshot.keys.sorted(), "set TANDEM_RECORD=1 to re-record on purpose")
        for (path, bytes) in snapshot {
            let want = expected[path].map { String(decoding: $0, as: UTF8.self) }
            #expect(String(decoding: bytes, as: UTF8.self) == want, "\(path) differs from its snapshot")
        }
        // Both languages, the index and a page per goal period, newest first.
        for path in [
            "pipeline/index.html", "pipeline/2026-q1/index.html", "pipeline/2025-q4/index.html",
            "da/pipeline/index.html", "da/pipeline/2026-q1/index.html", "da/pipeline/2025-q4/index.html",
        ] {
            #expect(built[path] != nil, "\(path)")
        }
        let playbook = String(decoding: built["playbook/index.html"] ?? Data(), as: UTF8.self)
        #expect(playbook.contains("<strong class=\"tandem-measure__label\">Measured:</strong>"))
        #expect(playbook.contains("href=\"../pipeline/2026-q1/index.html\""))
        let danish = String(decoding: built["da/playbook/index.html"] ?? Data(), as: UTF8.self)
        #expect(danish.contains("<strong class=\"tandem-measure__label\">Målt:</strong>"))
        #expect(danish.contains("SQL i 1. kvartal 2026: 100\u{00A0}% inden for 4 arbejdstimer (9 af 9 målte)"))
    }

    /// No lead's id, name, e-mail address or phone number reaches any file of the site, and the
    /// exports are not copied: for the fixture and for the example site.
    @Test(arguments: ["fixture", "example"])
    func noRowOfTheExportsReachesTheSite(site: String) throws {
        let content = site == "fixture" ? Fixtures.root + "/pipeline/content" : Repository.exampleContent
        let output = Fixtures.temporaryFolder() + "/public"
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path) }
        var options = Fixtures.options("pipeline", output: output)
        options.contentDirectory = content
        _ = try SiteBuilder(options: options).build()
        let built = Fixtures.tree(output)
        #expect(built.keys.contains { $0.hasPrefix("pipeline/") })
        #expect(!built.keys.contains { $0.hasPrefix("crm/") || $0.hasSuffix(".csv") && !$0.contains("results") })

        var secrets = Set<String>()
        let exports = try FileManager.default.contentsOfDirectory(atPath: content + "/crm").filter { $0.hasSuffix(".csv") }
        #expect(!exports.isEmpty)
        for export in exports {
            let text = try String(contentsOfFile: content + "/crm/" + export, encoding: .utf8)
            let lines = text.split(whereSeparator: \.isNewline).map { Self.cells(String($0)) }
            guard let header = lines.first else { continue }
            for row in lines.dropFirst() {
                for (name, value) in zip(header, row) where !value.isEmpty {
                    switch name {
                    case "Record ID", "Associated Deal IDs", "Associated Contact IDs", "Email", "Phone Number":
                        secrets.formUnion(value.split(separator: ";").map(String.init))
                    case "First Name":
                        if let last = header.firstIndex(of: "Last Name"), last < row.count {
                            secrets.insert(value + " " + row[last])
                        }
                    case "Deal Name": secrets.insert(value)
                    default: break
                    }
                }
            }
        }
        #expect(secrets.count > 20)
        let wanted = Set(secrets.map { Self.tokens($0).joined(separator: " ") })
        for (path, bytes) in built {
            // Every run of up to three words of the file, to look each secret up at once.
            let words = Self.tokens(String(decoding: bytes, as: UTF8.self))
            var runs = Set<String>()
            for i in words.indices {
                runs.insert(words[i])
                if i + 1 < words.count { runs.insert(words[i] + " " + words[i + 1]) }
                if i + 2 < words.count { runs.insert(words[i] + " " + words[i + 1] + " " + words[i + 2]) }
            }
            for secret in wanted.intersection(runs) {
                Issue.record("\(path) contains \(secret) from the CRM exports")
            }
        }
    }

    /// The example site's pipeline pages show exactly what `tandem pipeline --format json`
    /// computes: each number's full value is in a `data-` attribute beside its rounded text.
    @Test func theExampleSitesPagesShowTheReportsNumbers() throws {
        let output = Fixtures.temporaryFolder() + "/public"
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path) }
        var options = Fixtures.options("pipeline", output: output)
        options.contentDirectory = Repository.exampleContent
        _ = try SiteBuilder(options: options).build()
        let report = try SiteBuilder(options: options).pipeline().report
        let built = Fixtures.tree(output)
        func page(_ path: String) -> String { String(decoding: built[path] ?? Data(), as: UTF8.self) }
        #expect(!report.goals.isEmpty)
        for language in ["", "da/"] {
            let index = page(language + "pipeline/index.html")
            for goal in report.goals {
                let slug = goal.period.lowercased()
                let html = page(language + "pipeline/\(slug)/index.html")
                #expect(!html.isEmpty, "\(language)pipeline/\(slug)")
                for text in [html, index] {
                    #expect(text.contains("data-delivered=\"\(goal.delivered)\""), "\(goal.period)")
                    #expect(text.contains("data-won=\"\(goal.won)\""), "\(goal.period)")
                    if let expected = goal.expectedToDate {
                        #expect(text.contains("data-expected-to-date=\"\(Self.full(expected))\""), "\(goal.period)")
                    }
                    if let revenue = goal.revenue { #expect(text.contains("data-revenue=\"\(Self.full(revenue))\"")) }
                    if let rate = goal.closeRate { #expect(text.contains("data-close-rate=\"\(Self.full(rate))\"")) }
                }
                // The running total: each month's SQLs.
                for month in goal.months where month.month <= String(report.asOfDate.prefix(7)) {
                    #expect(html.contains("data-value=\"\(month.delivered)\""), "\(month.month)")
                }
                // Each SLA quarter of the period: its outcomes, its escalations and its bands.
                for result in report.sla where goal.quarters.contains(result.quarter) {
                    let quarter = try #require(
                        Self.section(of: html, from: "data-quarter=\"\(result.quarter)\"", to: "<div class=\"pipeline-quarter\""))
                    let counts = result.counts
                    for (key, n) in [
                        ("met", counts.met), ("late", counts.late), ("missed", counts.missed), ("pending", counts.pending),
                        ("unmeasured", counts.unmeasured),
                    ] {
                        #expect(
                            quarter.contains("<tr data-outcome=\"\(key)\">")
                                && Self.row(quarter, "data-outcome=\"\(key)\"")?
                                    .contains("data-value=\"\(n)\"") == true,
                            "\(result.quarter) \(key)")
                    }
                    if let escalate = counts.shouldEscalate {
                        #expect(html.contains("data-should-escalate=\"\(escalate)\""), "\(result.quarter)")
                    }
                    if let median = counts.medianSeconds { #expect(html.contains("data-value=\"\(Self.full(median))\"")) }
                }
            }
            // The latest quarter of each rule on the index, with its compliance.
            for stage in Set(report.sla.map(\.stage)) {
                let results = report.sla.filter { $0.stage == stage }
                guard let latest = results.last(where: { $0.counts.compliance != nil }) else { continue }
                #expect(
                    index.contains(
                        "data-stage=\"\(stage)\" data-quarter=\"\(latest.quarter)\" data-compliance=\"\(Self.full(latest.counts.compliance!))\""
                    ))
                // The SLA page's measured line says the same.
                let sla = page(language + "playbooks/sla/index.html")
                #expect(sla.contains("data-compliance=\"\(Self.full(latest.counts.compliance!))\""))
                #expect(sla.contains("data-met=\"\(latest.counts.met)\""))
            }
            // The data's quality.
            #expect(index.isEmpty == false)
            let period = page(language + "pipeline/\(report.goals[0].period.lowercased())/index.html")
            #expect(period.contains("data-rows=\"\(report.quality.rows)\" data-used=\"\(report.quality.used)\""))
        }
    }

    /// Without `crm/`, nothing of the pipeline is written: no pages, no stylesheet, no measured
    /// lines, and the navigation does not name it (the rich fixture's snapshot, recorded before
    /// the pipeline pages existed, checks the rest byte for byte).
    @Test func aSiteWithoutExportsHasNoPipelineAtAll() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Fixtures.root + "/pipeline/content", toPath: folder + "/content")
        try FileManager.default.removeItem(atPath: folder + "/content/crm")
        var options = Fixtures.options("pipeline", output: folder + "/public")
        options.contentDirectory = folder + "/content"
        _ = try SiteBuilder(options: options).build()
        let built = Fixtures.tree(folder + "/public")
        #expect(!built.keys.contains { $0.contains("pipeline") })
        for (path, bytes) in built where path.hasSuffix(".html") {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("tandem-measure"), "\(path)")
            #expect(!text.contains("pipeline/"), "\(path)")
        }
    }

    // MARK: - Helpers

    /// A `Double` as `tandem pipeline --format json` writes it.
    static func full(_ value: Double) -> String { ScoreFormat.full(value) }

    /// The cells of a line of a CSV file whose fields are all quoted (a HubSpot export).
    static func cells(_ line: String) -> [String] {
        var line = line
        if line.hasPrefix("\"") { line.removeFirst() }
        if line.hasSuffix("\"") { line.removeLast() }
        return line.components(separatedBy: "\",\"").map { $0.replacingOccurrences(of: "\"\"", with: "\"") }
    }

    /// The words of a text: runs of letters, digits and the characters of e-mail addresses and
    /// phone numbers (`@ . _ + -`), without a sentence's final full stop.
    static func tokens(_ text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || "@._+-".contains($0)) }.map { word in
            var word = Substring(word)
            while word.last == "." { word = word.dropLast() }
            return String(word)
        }.filter { !$0.isEmpty }
    }

    /// The text from `start` to the next `end` (or to the end of the text).
    static func section(of text: String, from start: String, to end: String) -> String? {
        guard let range = text.range(of: start) else { return nil }
        let rest = text[range.lowerBound...]
        return String(rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)])
    }

    /// The table row that holds `marker`.
    static func row(_ text: String, _ marker: String) -> String? {
        section(of: text, from: marker, to: "</tr>")
    }
}
