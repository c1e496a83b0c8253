import Formats
import Foundation
import ScoringCore
import Testing

/// `tandem score` run as a process on the ScorecardTests fixtures (numbers derived in ResultSetTests).
@Suite("tandem score")
struct ScoreCommandTests {
    static let fixtures = Tandem.repository + "/Tests/ScorecardTests/Fixtures"

    static func score(_ arguments: [String]) throws -> Tandem.Result {
        try Tandem.run(["score"] + arguments + ["--content", "content"], in: fixtures)
    }

    static func expected(_ name: String) throws -> String {
        try String(contentsOfFile: fixtures + "/invalid/\(name).expected", encoding: .utf8)
    }

    @Test func jsonIsTheDocumentedShapeAtFullPrecision() throws {
        let result = try Self.score(["content/results/round-1.json", "content/results/round-2.csv", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(
            result.stdout == #"""
                {"assessment": "alignment", "version": 2,
                 "respondents": [
                  {"source": "content/results/round-1.json#0", "department": "sales", "mean": 4.0, "percent": 75.0, "band": "high", "answered": 3, "complete": true},
                  {"source": "content/results/round-1.json#1", "department": "sales", "mean": 2.5, "percent": 37.5, "band": "mid", "answered": 2, "complete": true},
                  {"source": "content/results/round-1.json#2", "department": "marketing", "mean": 1.0, "percent": 0.0, "band": null, "answered": 1, "complete": false},
                  {"source": "content/results/round-1.json#3", "department": "marketing", "mean": 2.3333333333333335, "percent": 33.333333333333336, "band": "low", "answered": 2, "complete": true},
                  {"source": "content/results/round-1.json#4", "department": "finance", "mean": null, "percent": null, "band": null, "answered": 0, "complete": false},
                  {"source": "content/results/round-2.csv#0", "department": "sales", "mean": 4.0, "percent": 75.0, "band": "high", "answered": 3, "complete": true},
                  {"source": "content/results/round-2.csv#1", "department": "marketing", "mean": 2.0, "percent": 25.0, "band": "low", "answered": 3, "complete": true},
                  {"source": "content/results/round-2.csv#2", "department": "marketing", "mean": 3.0, "percent": 50.0, "band": "mid", "answered": 3, "complete": true},
                  {"source": "content/results/round-2.csv#3", "department": "sales", "mean": 4.666666666666667, "percent": 91.66666666666667, "band": "high", "answered": 2, "complete": true}
                 ],
                 "overall": {"n": 7, "mean": 3.214285714285715, "band": "mid"},
                 "questions": [
                  {"id": "shared-goal", "n": 8, "mean": 3.0, "distribution": [1, 2, 2, 2, 1], "gap": 1.5, "flagged": true},
                  {"id": "sla-followed", "n": 6, "mean": 3.3333333333333335, "distribution": [0, 2, 1, 2, 1], "gap": 1.9999999999999996, "flagged": true},
                  {"id": "one-pipeline", "n": 5, "mean": 3.0, "distribution": [0, 1, 3, 1, 0], "gap": 0.8333333333333335, "flagged": false}
                 ],
                 "gap": 1.3472222222222223}

                """#)
    }

    /// Read with Tandem's own parser: Foundation's `JSONSerialization` on Linux rounds some
    /// doubles wrongly (it reads `1.3472222222222223` as `1.3472222222222228`).
    @Test func jsonNumbersReadBackAsTheHandComputedDoubles() throws {
        let result = try Self.score(["content/results", "--format", "json"])
        let json = try JSONDocument(parsing: Array(result.stdout.utf8))
        func member(_ object: Int, _ key: String) -> Int? {
            json.members(object).first { json.string($0.key) == key }?.value
        }
        let respondents = Array(json.elements(try #require(member(json.root, "respondents"))))
        let sevenThirds: Double = 7.0 / 3
        let fourteenThirds: Double = 14.0 / 3
        #expect(member(respondents[3], "mean").flatMap(json.number) == sevenThirds)
        #expect(member(respondents[3], "percent").flatMap(json.number) == (sevenThirds - 1) / 4 * 100)
        #expect(member(respondents[8], "mean").flatMap(json.number) == fourteenThirds)
        let overall = try #require(member(json.root, "overall"))
        let completeMeans: [Double] = [4.0, 2.5, sevenThirds, 4.0, 2.0, 3.0, fourteenThirds]
        #expect(member(overall, "mean").flatMap(json.number) == completeMeans.reduce(0, +) / 7)
        let salesMean: Double = (4.0 + 2.5 + 4.0 + fourteenThirds) / 4
        let marketingMean: Double = (sevenThirds + 2.0 + 3.0) / 3
        #expect(member(json.root, "gap").flatMap(json.number) == salesMean - marketingMean)
    }

    @Test func roundsCarryTheirTrend() throws {
        let result = try Self.score(["content/results", "--format", "json", "--by", "round"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["by"] as? String == "round")
        let groups = try #require(json["groups"] as? [[String: Any]])
        #expect(groups.map { $0["group"] as? String } == ["2026-Q1", "2026-Q2"])
        #expect(groups.map { $0["respondents"] as? Int } == [5, 4])
        let first: Double = (4.0 + 2.5 + 7.0 / 3) / 3
        let second: Double = (4.0 + 2.0 + 3.0 + 14.0 / 3) / 4
        // Exact values are compared as text: see jsonNumbersReadBackAsTheHandComputedDoubles.
        #expect(result.stdout.contains(#""overall": {"n": 3, "mean": \#(first), "band": "mid"}"#))
        #expect(result.stdout.contains(#""gap": null, "trend": null},"#))
        #expect(result.stdout.contains(#", "trend": \#(second - first)}"#))
        #expect(result.stdout.contains(#"{"group": "2026-Q1", "respondents": 5,"#))
    }

    @Test func textIsATableForPeople() throws {
        let result = try Self.score(["content/results"])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                alignment (version 2): 9 results from 2 files, 7 complete

                Overall     3.21  55.4%  n 7  On the way
                Sales       3.79         n 4
                Marketing   2.44         n 3
                Gap        +1.35              flagged

                Question      Mean  n  Sales  Marketing    Gap
                shared-goal   3.00  8   3.75       2.25  +1.50  flagged
                sla-followed  3.33  6   4.33       2.33  +2.00  flagged
                one-pipeline  3.00  5   3.33       2.50  +0.83

                Means are on the scale 1–5; a gap is sales minus marketing, shown when both have at least 2 answers, and flagged at 1.00 or more either way.

                """)
    }

    @Test func textGroupsByTeamWithTheResultsWithoutOneLast() throws {
        let result = try Self.score(["content/results", "--by", "team"])
        #expect(result.status == 0)
        let headings = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Team ") || $0 == "All results" }
        #expect(headings == ["Team north: 4 results", "Team south: 3 results", "Team (no team): 2 results", "All results"])
    }

    @Test func invalidResultsExitOneWithOneLinePerProblem() throws {
        let result = try Self.score(["--assessment", "alignment", "invalid/results.json", "invalid/results.csv"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == (try Self.expected("results.json")) + (try Self.expected("results.csv")))
        #expect(
            result.stderr.split(separator: "\n").first
                == "invalid/results.json: $[0].answers.shared-goal: 6 is outside the scale 1–5; answer with a whole number from 1 to 5 or null"
        )
    }

    @Test func anInvalidQuestionnaireIsReportedAtItsNodes() throws {
        let result = try Self.score(["--assessment", "invalid/numbers.yml", "content/results"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == (try Self.expected("numbers.yml")))
    }

    @Test func syntaxErrorsOfEveryFileAreReported() throws {
        let result = try Self.score(["invalid/syntax.json", "invalid/syntax.csv", "content/results/round-1.json"])
        #expect(result.status == 1)
        #expect(result.stderr == (try Self.expected("syntax.json")) + (try Self.expected("syntax.csv")))
    }

    @Test func theQuestionnaireIsFoundByIdOrReportedMissing() throws {
        let byID = try Self.score(["--assessment", "alignment", "content/results/round-2.csv"])
        #expect(byID.status == 0)
        let misspelt = try Self.score(["--assessment", "alignmnt", "content/results/round-1.json"])
        #expect(misspelt.status == 1)
        #expect(
            misspelt.stderr
                == "content/assessments/alignmnt.yml: no questionnaire \"alignmnt\" (named by --assessment); did you mean \"alignment\"?\n"
        )
        let unnamed = try Self.score(["content/results/round-2.csv"])
        #expect(unnamed.status == 1)
        #expect(
            unnamed.stderr
                == "tandem score: the results do not name their questionnaire; pass --assessment with a questionnaire's id or .yml file\n"
        )
        let missingFile = try Self.score(["content/results/nothing.json"])
        #expect(missingFile.status == 1)
        #expect(missingFile.stderr == "content/results/nothing.json: cannot read the results file; check that the file exists\n")
    }

    @Test func usageErrorsExitSixtyFour() throws {
        let result = try Self.score(["content/results", "--format", "xml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--format"))
        let noFiles = try Tandem.run(["score"], in: Self.fixtures)
        #expect(noFiles.status == 64)
    }

    @Test func theExampleSiteScores() throws {
        let result = try Tandem.run(["score", "content/results", "--by", "round"], in: Tandem.repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("sales-marketing-alignment (version 1): "))
    }
}
