import Core
import Formats
import Scorecard
import Testing

@Suite("Results files")
struct ResultTests {
    static func read(_ relative: String, format: ResultFile.Format) throws -> [AssessmentResult] {
        let file = try ResultFile(bytes: try Fixtures.bytes(relative), file: relative, format: format)
        let (results, diagnostics) = file.results(for: .only(try Fixtures.alignment()))
        #expect(diagnostics.isEmpty, "\(Fixtures.lines(diagnostics))")
        return results
    }

    static func errors(_ json: String, questionnaires: ResultQuestionnaires? = nil) throws -> [String] {
        let file = try ResultFile(bytes: Array(json.utf8), file: "r.json", format: .json)
        let lookup = try questionnaires ?? ResultQuestionnaires([Fixtures.alignment()])
        return Fixtures.lines(file.results(for: lookup).diagnostics)
    }

    @Test func readsAJSONArrayWithEveryField() throws {
        let results = try Self.read("content/results/round-1.json", format: .json)
        #expect(results.count == 5)
        let first = results[0]
        #expect(first.assessment == "alignment")
        #expect(first.version == 2)
        #expect(first.date == SimpleDate(year: 2026, month: 2, day: 10))
        #expect(first.department == "sales")
        #expect(first.respondent == "s1")
        #expect(first.team == "north")
        #expect(first.round == "2026-Q1")
        #expect(first.answers == [5, 4, 3])
        #expect(first.source == "content/results/round-1.json#0")
        // Answers in another order, absent and null ones, an absent version, a null team.
        #expect(results[2].answers == [1, nil, nil])
        #expect(results[3].answers == [3, 2, nil])
        #expect(results[4].answers == [nil, nil, nil])
        #expect(results[4].version == 2)
        #expect(results[4].team == nil)
        #expect(results[4].index == 4)
    }

    @Test func readsCSVWithQuotedCellsAndEmptyAnswers() throws {
        let results = try Self.read("content/results/round-2.csv", format: .csv)
        #expect(results.map(\.answers) == [[4, 4, 4], [2, 2, 2], [3, 3, 3], [4, 5, nil]])
        #expect(results.map(\.round) == ["2026-Q2", "2026-Q2", "2026-Q2", "2026-Q2"])
        #expect(results[3].respondent == "s2, the new one")
        #expect(results[2].team == "south")
        #expect(results[3].source == "content/results/round-2.csv#3")
        #expect(results.allSatisfy { $0.assessment == "alignment" && $0.version == 2 })
    }

    @Test func oneObjectIsOneResult() throws {
        let json = #"{"date": "2026-03-04", "department": "marketing", "round": "workshop", "answers": {"shared-goal": 4}}"#
        let file = try ResultFile(bytes: Array(json.utf8), file: "one.json", format: .json)
        let alignment = try Fixtures.alignment()
        let (results, diagnostics) = file.results(for: .only(alignment))
        #expect(diagnostics.isEmpty)
        #expect(results.map(\.source) == ["one.json#0"])
        #expect(results.first?.round == "workshop")
        #expect(file.assessmentIDs == [])
    }

    @Test func everyProblemOfAJSONFileIsReportedAtItsPath() throws {
        #expect(try Fixtures.resultErrors("invalid/results.json", format: .json) == (try Fixtures.expected("results.json")))
    }

    @Test func everyProblemOfACSVFileIsReportedAtItsCell() throws {
        #expect(try Fixtures.resultErrors("invalid/results.csv", format: .csv) == (try Fixtures.expected("results.csv")))
    }

    @Test func syntaxErrorsHaveLineAndColumn() throws {
        #expect(try Fixtures.resultErrors("invalid/syntax.json", format: .json) == (try Fixtures.expected("syntax.json")))
        #expect(try Fixtures.resultErrors("invalid/syntax.csv", format: .csv) == (try Fixtures.expected("syntax.csv")))
    }

    @Test func theExampleSitesResultsAreValid() throws {
        let (assessments, problems) = Assessment.loadAll(contentDirectory: Fixtures.exampleContent)
        #expect(problems.isEmpty)
        let folder = Fixtures.exampleContent + "/results"
        let files = FileSystem.listFiles(folder).filter { ResultFile.Format(path: $0) != nil }
        var count = 0
        for path in files {
            let file = try ResultFile.load(path: folder + "/" + path)
            let (results, diagnostics) = file.results(for: ResultQuestionnaires(assessments))
            #expect(diagnostics.isEmpty, "\(Fixtures.lines(diagnostics))")
            count += results.count
        }
        if !files.isEmpty { #expect(count > 0) }
    }

    @Test func theTopLevelMustHoldResults() throws {
        #expect(try Self.errors("42") == ["r.json: $: expected a result object, or an array of result objects, not 42"])
        #expect(try Self.errors("[]") == [])
    }

    @Test func keysThatAreNotPlainNamesAreQuotedInPaths() throws {
        let json = #"[{"assessment": "alignment", "date": "2026-01-01", "department": "x", "answers": {"a b": 1, "q\"": 2}}]"#
        #expect(
            try Self.errors(json) == [
                #"r.json: $[0].answers["a b"]: unknown question id "a b"; the questions of "alignment" are shared-goal, sla-followed, one-pipeline"#,
                #"r.json: $[0].answers["q\""]: unknown question id "q""; the questions of "alignment" are shared-goal, sla-followed, one-pipeline"#,
            ])
    }

    @Test func withoutAFallbackAResultMustNameItsQuestionnaire() throws {
        let json = #"{"date": "2026-01-01", "department": "sales", "answers": {}}"#
        #expect(
            try Self.errors(json) == [#"r.json: $: the result does not name its questionnaire; add "assessment": "alignment""#])
    }

    @Test func resultsAreMatchedToTheQuestionnaireTheyName() throws {
        let other = try Assessment.parse(
            """
            id: other
            version: 1
            scale: {min: 0, max: 10}
            gap_threshold: 2
            min_group_size: 1
            bands: [{id: all, min: 0, label: All}]
            questions: [{id: nps, text: "How likely are you to recommend us?"}]
            """, file: "other.yml")
        let json = #"""
            [{"assessment": "other", "date": "2026-01-01", "department": "sales", "answers": {"nps": 9}},
             {"assessment": "alignment", "date": "2026-01-01", "department": "sales", "answers": {"shared-goal": 5}},
             {"assessment": "other", "date": "2026-01-01", "department": "sales", "answers": {"nps": 11}}]
            """#
        let file = try ResultFile(bytes: Array(json.utf8), file: "r.json", format: .json)
        #expect(file.assessmentIDs == ["other", "alignment"])
        let (results, diagnostics) = file.results(for: ResultQuestionnaires([try Fixtures.alignment(), other]))
        #expect(results.map(\.assessment) == ["other", "alignment"])
        #expect(results.map(\.answers) == [[9], [5, nil, nil]])
        #expect(
            Fixtures.lines(diagnostics) == [
                "r.json: $[2].answers.nps: 11 is outside the scale 0–10; answer with a whole number from 0 to 10 or null"
            ])
    }
}
