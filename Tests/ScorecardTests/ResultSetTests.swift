import Core
import Formats
import Scorecard
import ScoringCore
import Testing

/// Every scoring rule on the fixture results, computed by hand.
///
/// Questionnaire `alignment`: scale 1–5, weights 1, 2, 1, complete at 2 answers, bands low 1,
/// mid 2.5, high 4; gaps need 2 answers per department and are flagged at 1.0.
///
/// | # | file         | department | answers (w 1, 2, 1) | mean                  | complete | band |
/// |---|--------------|------------|---------------------|-----------------------|----------|------|
/// | 0 | round-1.json | sales      | 5, 4, 3             | (5+8+3)/4 = 4.0       | yes      | high (exactly at 4) |
/// | 1 | round-1.json | sales      | 2, –, 3             | (2+3)/2 = 2.5         | yes      | mid (exactly at 2.5) |
/// | 2 | round-1.json | marketing  | 1, –, –             | 1.0                   | no       | –    |
/// | 3 | round-1.json | marketing  | 3, 2, –             | (3+4)/3 = 7/3         | yes      | low  |
/// | 4 | round-1.json | finance    | –, –, –             | none                  | no       | –    |
/// | 5 | round-2.csv  | sales      | 4, 4, 4             | 4.0                   | yes      | high |
/// | 6 | round-2.csv  | marketing  | 2, 2, 2             | 2.0                   | yes      | low  |
/// | 7 | round-2.csv  | marketing  | 3, 3, 3             | 3.0                   | yes      | mid  |
/// | 8 | round-2.csv  | sales      | 4, 5, –             | (4+10)/3 = 14/3       | yes      | high |
@Suite("Scoring results (rules 2–5)")
struct ResultSetTests {
    static func set() throws -> ResultSet {
        let alignment = try Fixtures.alignment()
        var results: [AssessmentResult] = []
        for (path, format) in [("content/results/round-1.json", ResultFile.Format.json), ("content/results/round-2.csv", .csv)] {
            let file = try ResultFile(bytes: try Fixtures.bytes(path), file: path, format: format)
            results += file.results(for: .only(alignment)).results
        }
        return ResultSet(assessment: alignment, results: results)
    }

    @Test func respondents() throws {
        let scores = try Self.set().scores()
        #expect(scores.map(\.mean) == [4.0, 2.5, 1.0, 7.0 / 3, nil, 4.0, 2.0, 3.0, 14.0 / 3])
        #expect(scores.map(\.answered) == [3, 2, 1, 2, 0, 3, 3, 3, 2])
        #expect(scores.map(\.isComplete) == [true, true, false, true, false, true, true, true, true])
        #expect(scores.map(\.band) == [2, 1, nil, 0, nil, 2, 0, 1, 2])
        #expect(scores[0].percent == 75)
        #expect(scores[1].percent == 37.5)
        #expect(scores[2].percent == 0)
        let sevenThirds: Double = 7.0 / 3
        #expect(scores[3].percent == (sevenThirds - 1) / 4 * 100)
        #expect(scores[4].percent == nil)
    }

    @Test func theWholeSet() throws {
        let report = try Self.set().report()
        // The complete respondents' means, in file order.
        let overall = (4.0 + 2.5 + 7.0 / 3 + 4.0 + 2.0 + 3.0 + 14.0 / 3) / 7
        #expect(report.all.n == 7)
        #expect(report.all.mean == overall)
        #expect(report.all.band == 1)
        // shared-goal: 5, 2, 1, 3, 4, 2, 3, 4; sla-followed: 4, 2, 4, 2, 3, 5; one-pipeline: 3, 3, 4, 2, 3.
        #expect(report.all.questions[0] == QuestionStats(n: 8, mean: 24.0 / 8, distribution: [1, 2, 2, 2, 1]))
        #expect(report.all.questions[1] == QuestionStats(n: 6, mean: 20.0 / 6, distribution: [0, 2, 1, 2, 1]))
        #expect(report.all.questions[2] == QuestionStats(n: 5, mean: 15.0 / 5, distribution: [0, 1, 3, 1, 0]))
        // Sales answered shared-goal 5, 2, 4, 4 and marketing 1, 3, 2, 3: a gap of 3.75 - 2.25 = 1.5, flagged.
        #expect(report.questionGaps[0] == Gap(value: 15.0 / 4 - 9.0 / 4, isFlagged: true))
        // sla-followed: sales 4, 4, 5 and marketing 2, 2, 3.
        #expect(report.questionGaps[1] == Gap(value: 13.0 / 3 - 7.0 / 3, isFlagged: true))
        // one-pipeline: sales 3, 3, 4 and marketing 2, 3 (both at least 2): 10/3 - 5/2.
        #expect(report.questionGaps[2] == Gap(value: 10.0 / 3 - 5.0 / 2, isFlagged: false))
        // Complete sales 4, 2.5, 4, 14/3 and marketing 7/3, 2, 3.
        let sales = (4.0 + 2.5 + 4.0 + 14.0 / 3) / 4
        let marketing = (7.0 / 3 + 2.0 + 3.0) / 3
        #expect(report.overallGap == Gap(value: sales - marketing, isFlagged: true))
    }

    @Test func roundsAndTheirTrend() throws {
        let groups = try Self.set().groups(by: .round)
        #expect(groups.map(\.key) == ["2026-Q1", "2026-Q2"])
        #expect(groups.map(\.members) == [[0, 1, 2, 3, 4], [5, 6, 7, 8]])
        let first = (4.0 + 2.5 + 7.0 / 3) / 3
        let second = (4.0 + 2.0 + 3.0 + 14.0 / 3) / 4
        #expect(groups[0].report.all.mean == first)
        #expect(groups[1].report.all.mean == second)
        #expect(groups[0].trend == nil)
        #expect(groups[1].trend == second - first)
        // Round 1 has one complete marketing respondent, fewer than min_group_size: no overall gap.
        #expect(groups[0].report.overallGap == Gap(value: nil, isFlagged: false))
        // Round 1, sla-followed: one sales answer only, so no gap.
        #expect(groups[0].report.questionGaps[1] == Gap(value: nil, isFlagged: false))
        // Round 1, shared-goal: sales 5, 2 and marketing 1, 3: 3.5 - 2 = 1.5, flagged.
        #expect(groups[0].report.questionGaps[0] == Gap(value: 1.5, isFlagged: true))
    }

    @Test func teamsSortedWithTheResultsWithoutATeamLast() throws {
        let groups = try Self.set().groups(by: .team)
        #expect(groups.map(\.key) == ["north", "south", nil])
        #expect(groups.map(\.members) == [[0, 2, 5, 6], [1, 7, 8], [3, 4]])
        #expect(groups.allSatisfy { $0.trend == nil })
        let departments = try Self.set().groups(by: .department)
        #expect(departments.map(\.key) == ["finance", "marketing", "sales"])
        #expect(departments[0].report.all.n == 0)
        #expect(departments[0].report.all.mean == nil)
    }

    /// Answers are checked once, on reading: one that does not fit never becomes a result, so a
    /// set is scored without checking again.
    @Test func answersThatDoNotFitNeverReachASet() throws {
        let alignment = try Fixtures.alignment()
        let json =
            #"{"assessment": "alignment", "date": "2026-01-01", "department": "sales", "#
            + #""answers": {"shared-goal": 1, "sla-followed": 9}}"#
        let file = try ResultFile(bytes: Array(json.utf8), file: "x.json", format: .json)
        let read = file.results(for: .only(alignment))
        #expect(read.results.isEmpty)
        #expect(read.diagnostics.map(\.location.path) == ["$.answers.sla-followed"])
        #expect(read.diagnostics.first?.message.hasPrefix("9 is outside the scale 1–5") == true)
        #expect(ResultSet(assessment: alignment, results: read.results).report().all.n == 0)
    }

    @Test func membersAreTheGroupsWithoutTheirReports() throws {
        let set = try Self.set()
        for dimension in ResultSet.Dimension.allCases {
            let groups = set.groups(by: dimension)
            let members = set.members(by: dimension)
            #expect(members.map(\.key) == groups.map(\.key))
            #expect(members.map(\.members) == groups.map(\.members))
            #expect(members.map { set.subset($0.members).report() } == groups.map(\.report))
        }
    }
}
