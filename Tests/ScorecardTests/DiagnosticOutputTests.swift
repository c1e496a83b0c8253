import Core
import Scorecard
import Testing

/// How diagnostics read on a terminal: one line each, control characters escaped, and at most
/// `Diagnostic.perFileLimit` of one file.
@Suite struct DiagnosticOutputTests {
    @Test func controlCharactersOfTheFileAndTheMessageAreEscaped() {
        let diagnostic = Diagnostic(
            SourceLocation(file: "content/\u{1B}[2J.md", line: 3, column: 4),
            "\"a\nb.md:1:1: error: forged\" \r\t\u{0}\u{7F}\u{85}\u{9F} \u{2028}\u{2029} \u{202A}\u{202E}\u{2066}\u{2069} ok ü 😀")
        #expect(
            diagnostic.description
                == #"content/\u{1B}[2J.md:3:4: error: "a\u{A}b.md:1:1: error: forged" \u{D}\u{9}\u{0}\u{7F}\u{85}\u{9F} "#
                + #"\u{2028}\u{2029} \u{202A}\u{202E}\u{2066}\u{2069} ok ü 😀"#)
        #expect(!diagnostic.description.contains("\n"))
        #expect(diagnostic.message.contains("\n"), "the message stays raw")
        #expect(diagnostic.location.file == "content/\u{1B}[2J.md", "and so does the file, for JSON")
        #expect(
            JSONText.quoted(diagnostic.location.file) == #""content/\u001b[2J.md""#,
            "JSON escapes the raw text as JSON does")
    }

    @Test func aJSONPathIsEscapedToo() {
        let diagnostic = Diagnostic(SourceLocation(file: "r.json", line: 1, column: 2, path: "$[0].answers.q\u{1B}"), "bad")
        #expect(diagnostic.description == #"r.json: $[0].answers.q\u{1B}: error: bad"#)
    }

    @Test func textWithoutControlCharactersIsUnchanged() {
        let diagnostic = Diagnostic(SourceLocation(file: "a.md", line: 1), "\"4 hours\" is not a duration; ü \\u{1B}")
        #expect(diagnostic.description == #"a.md:1: error: "4 hours" is not a duration; ü \u{1B}"#)
    }

    @Test func atMostAHundredProblemsOfAFileThenOneLineForTheRest() {
        var problems: [Diagnostic] = []
        for line in (1...250).reversed() { problems.append(Diagnostic(SourceLocation(file: "b.md", line: line), "bad")) }
        problems.append(Diagnostic(SourceLocation(file: "a.md", line: 1), "one"))
        problems.append(Diagnostic(SourceLocation(file: "c.md", line: 7), "a warning", severity: .warning))
        let lines = DiagnosticsError(problems).description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 1 + 100 + 1 + 1)
        #expect(lines[0] == "a.md:1: error: one")
        #expect(lines[1] == "b.md:1: error: bad")
        #expect(lines[100] == "b.md:100: error: bad")
        #expect(lines[101] == "b.md: error: and 150 more problems in this file")
        #expect(lines[102] == "c.md:7: warning: a warning")
    }

    @Test func limitingTwiceCountsTheSameAndOneMoreIsSingular() {
        var problems = (1...101).map { Diagnostic(SourceLocation(file: "b.md", line: $0), "bad", severity: .warning) }
        let once = Diagnostic.limited(problems)
        #expect(once.last?.description == "b.md: warning: and 1 more problem in this file")
        #expect(Diagnostic.limited(once) == once)
        problems.append(Diagnostic(SourceLocation(file: "b.md", line: 200), "worse"))
        #expect(Diagnostic.limited(problems).last?.description == "b.md: error: and 2 more problems in this file")
    }

    @Test(.timeLimit(.minutes(1)))
    func aCSVWithAMillionUnknownColumnsReportsAHundredAndCountsTheRest() throws {
        var text = "date,department"
        for column in 0..<1_000_000 { text += ",x\(column)" }
        text += "\r\n"
        let file = try ResultFile(bytes: Array(text.utf8), file: "results/wide.csv", format: .csv)
        // Quadratic work here would take hours; the suite's time limit of a minute catches it
        // without a clock in the test, which a loaded machine makes flaky.
        let (results, diagnostics) = file.results(for: .only(try Fixtures.alignment()))
        #expect(results.isEmpty)
        #expect(diagnostics.count == 101)
        #expect(diagnostics.first?.description.hasPrefix("results/wide.csv:1:17: error: unknown column \"x0\"") == true)
        #expect(diagnostics.last?.description == "results/wide.csv: error: and 999,900 more problems in this file")
        let lines = DiagnosticsError(diagnostics).description.split(separator: "\n")
        #expect(lines.count == 101)
        #expect(lines.last == "results/wide.csv: error: and 999,900 more problems in this file")
    }

    @Test func aJSONFileWithManyBadAnswersReportsAHundred() throws {
        let record = #"{"date": "2026-02-10", "department": "sales", "answers": {"q": 1}}"#
        let json = "[" + Array(repeating: record, count: 300).joined(separator: ",\n") + "]"
        let file = try ResultFile(bytes: Array(json.utf8), file: "r.json", format: .json)
        let (_, diagnostics) = file.results(for: .only(try Fixtures.alignment()))
        #expect(diagnostics.count == 101)
        #expect(diagnostics.last?.description.hasPrefix("r.json: error: and ") == true)
        #expect(diagnostics.last?.omitted ?? 0 > 0)
    }
}
