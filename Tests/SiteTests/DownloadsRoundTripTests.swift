import Foundation
import Render
import Site
import Testing

/// Every CSV a results site publishes reads back, cell for cell, with a strict RFC 4180 reader of
/// its own (not `CSVTable`, the site's reader of results, so the test does not trust code under test).
@Suite struct DownloadsRoundTripTests {
    /// Team names that have broken CSV writers: line breaks (as one `Character` or alone), quotes,
    /// delimiters and formula starts.
    static let teams = [
        "Acme\r\n=2+5", "Lone\rCR", "Line\nfeed", "=SUM(A1:A9)", "+cmd|' /C calc'!A0", "-1+1", "@at",
        "\r=starts with CR", "\tleading tab", "Quote \"x\", y; z", "semi;colon", "comma,team",
        "\"\u{301} quote with a combining mark", "plain",
    ]
    /// Question texts, which the CSV writes beside the team.
    static let questions = ["=1+1 is it?", "Does it work,\r\n really; \"ok\"?", "Plain question"]
    static let rounds = ["R\r\n-1", "2026-Q1"]

    /// What a cell must read back as: the text, with a `'` in front when a spreadsheet would take it
    /// for a formula.
    static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    static func writeSite(in folder: String) throws {
        let content = folder + "/content"
        let escaping = Fixtures.root + "/results-escaping/content"
        try FileManager.default.createDirectory(atPath: content + "/results", withIntermediateDirectories: true)
        for file in ["site.yml", "index.md", "assessments", "playbooks"] {
            try FileManager.default.copyItem(atPath: escaping + "/" + file, toPath: content + "/" + file)
        }
        let questionnaire = try String(contentsOfFile: content + "/assessments/mini.yml", encoding: .utf8)
        var replaced = questionnaire
        for (original, hostile) in zip(
            [
                "\"Does sales follow up every lead?\"", "\"Is there a shared definition of a qualified lead?\"",
                "\"Is there a shared goal?\"",
            ], questions)
        {
            let yaml =
                "\""
                + hostile.replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n") + "\""
            replaced = replaced.replacingOccurrences(of: original, with: yaml)
        }
        try replaced.write(toFile: content + "/assessments/mini.yml", atomically: false, encoding: .utf8)

        var records: [[String: Any]] = []
        for (t, team) in teams.enumerated() {
            for (r, round) in rounds.enumerated() {
                for (i, department) in ["sales", "sales", "marketing", "marketing"].enumerated() {
                    records.append([
                        "assessment": "mini", "version": 1, "date": "2026-0\(r + 2)-02", "department": department,
                        "respondent": "r\(t)-\(r)-\(i)", "team": team, "round": round,
                        "answers": ["follow-up": 1 + (i + t) % 5, "definition": 1 + (i * 2 + r) % 5, "goal": 3],
                    ])
                }
            }
        }
        let json = try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: URL(fileURLWithPath: content + "/results/hostile.json"))
    }

    @Test func everyPublishedCSVReadsBackCellForCell() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.writeSite(in: folder)
        let theme: [ThemeLayer] = [.directory(Fixtures.defaultTheme)]
        _ = try SiteBuilder(
            options: BuildOptions(
                contentDirectory: folder + "/content", themeLayers: theme, outputDirectory: folder + "/public")
        ).build()
        let csvs = Fixtures.tree(folder + "/public").filter { $0.key.hasSuffix(".csv") }
        #expect(csvs.count == Self.teams.count * Self.rounds.count)

        let header =
            ["team", "round", "question", "text", "n", "mean", "band"] + (1...5).map { "count_\($0)" }
            + ["sales_n", "sales_mean", "marketing_n", "marketing_mean", "gap", "flagged"]
        var seen: Set<[String]> = []
        for (path, bytes) in csvs {
            let rows: [[String]]
            do { rows = try StrictCSV.parse(Array(bytes)) } catch {
                Issue.record("\(path): \(error)")
                continue
            }
            #expect(rows.count == 2 + Self.questions.count, "\(path)")
            #expect(rows.first == header, "\(path)")
            for row in rows { #expect(row.count == header.count, "\(path)") }
            guard rows.count == 2 + Self.questions.count else { continue }
            let team = rows[1][0]
            let round = rows[1][1]
            seen.insert([team, round])
            #expect(rows[1][2...3] == ["overall", "Overall"], "\(path)")
            for (q, question) in Self.questions.enumerated() {
                #expect(rows[2 + q][0...1] == [team, round], "\(path)")
                #expect(rows[2 + q][3] == Self.guarded(question), "\(path)")
            }
        }
        let expected = Self.teams.flatMap { team in Self.rounds.map { [Self.guarded(team), Self.guarded($0)] } }
        #expect(seen == Set(expected))
    }

    @Test func theFormulaGuardAndQuotesWorkOnScalarsNotCharacters() throws {
        let csv = Array("team\r\n\"Acme\r\n=2+5\"\r\n\"'\r=x\"\r\n".utf8)
        #expect(try StrictCSV.parse(csv) == [["team"], ["Acme\r\n=2+5"], ["'\r=x"]])
        #expect(throws: StrictCSV.Failure.self) { try StrictCSV.parse(Array("a\r\nb\rc\r\n".utf8)) }
        #expect(throws: StrictCSV.Failure.self) { try StrictCSV.parse(Array("a\"b\r\n".utf8)) }
    }
}

/// RFC 4180, strictly: records end with CRLF; a field is quoted (`""` for a quote, any byte
/// inside) or holds no quote, CR or LF; the delimiter is `,`; every record has as many fields as
/// the first.
enum StrictCSV {
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let problem: String
        var description: String { "byte \(offset): \(problem)" }
    }

    static func parse(_ bytes: [UInt8]) throws -> [[String]] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        var records: [[String]] = []
        var record: [String] = []
        var i = 0
        while i < bytes.count {
            var field: [UInt8] = []
            if bytes[i] == quote {
                i += 1
                while true {
                    guard i < bytes.count else { throw Failure(offset: i, problem: "unclosed quote") }
                    if bytes[i] == quote {
                        if i + 1 < bytes.count, bytes[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    field.append(bytes[i])
                    i += 1
                }
            } else {
                while i < bytes.count, bytes[i] != comma, bytes[i] != cr {
                    guard bytes[i] != quote, bytes[i] != lf else {
                        throw Failure(offset: i, problem: "a quote or a line feed in an unquoted field")
                    }
                    field.append(bytes[i])
                    i += 1
                }
            }
            guard let text = String(validating: field, as: UTF8.self) else {
                throw Failure(offset: i, problem: "not UTF-8")
            }
            record.append(text)
            guard i < bytes.count else { throw Failure(offset: i, problem: "the last record does not end with CRLF") }
            if bytes[i] == comma {
                i += 1
                continue
            }
            guard bytes[i] == cr, i + 1 < bytes.count, bytes[i + 1] == lf else {
                throw Failure(offset: i, problem: "expected a comma or CRLF after a field")
            }
            i += 2
            if let first = records.first, first.count != record.count {
                throw Failure(offset: i, problem: "a record of \(record.count) fields after one of \(first.count)")
            }
            records.append(record)
            record = []
        }
        return records
    }
}
