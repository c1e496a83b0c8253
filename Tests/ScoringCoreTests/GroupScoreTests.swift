import ScoringCore
import Testing

/// docs/scoring.md, rules 3 and 4, on one small, hand-computed group.
///
/// Scale 1–5, three questions of weight 1, complete at 2 answers, bands from 1, 2.5 and 4.
///
/// | respondent | department | answers        | mean | complete |
/// |------------|------------|----------------|------|----------|
/// | 0          | sales      | 5, 4, –        | 4.5  | yes      |
/// | 1          | sales      | 3, 3, 3        | 3    | yes      |
/// | 2          | marketing  | 1, –, –        | 1    | no       |
/// | 3          | marketing  | 2, 2, 5        | 3    | yes      |
/// | 4          | other      | 4, 5, 3        | 4    | yes      |
@Suite("Group scoring and gap (rules 3 and 4)")
struct GroupScoreTests {
    static let respondents = [
        Respondent(department: .sales, answers: [5, 4, nil]),
        Respondent(department: .sales, answers: [3, 3, 3]),
        Respondent(department: .marketing, answers: [1, nil, nil]),
        Respondent(department: .marketing, answers: [2, 2, 5]),
        Respondent(department: .other, answers: [4, 5, 3]),
    ]

    static func questionnaire(gapThreshold: Double = 1.5, minGroupSize: Int = 2) throws -> Questionnaire {
        try Questionnaire(
            scaleMin: 1, scaleMax: 5, weights: [1, 1, 1], bandMins: [1, 2.5, 4], minAnswered: 2,
            gapThreshold: gapThreshold, minGroupSize: minGroupSize
        )
    }

    @Test func groupOverallIsTheMeanOfCompleteRespondentsMeans() throws {
        let group = try Self.questionnaire().group(Self.respondents.map(\.answers))
        // (4.5 + 3 + 3 + 4) / 4 = 3.625; respondent 2 is incomplete.
        #expect(group.n == 4)
        #expect(group.mean == 3.625)
        #expect(group.band == 1)
    }

    @Test func perQuestionStatsCountEveryoneWhoAnswered() throws {
        let group = try Self.questionnaire().group(Self.respondents.map(\.answers))
        #expect(
            group.questions == [
                // 5 + 3 + 1 + 2 + 4 = 15 over 5, the incomplete respondent included.
                QuestionStats(n: 5, mean: 3, distribution: [1, 1, 1, 1, 1]),
                // 4 + 3 + 2 + 5 = 14 over 4.
                QuestionStats(n: 4, mean: 3.5, distribution: [0, 1, 1, 1, 1]),
                // 3 + 5 + 3 = 11 over 3.
                QuestionStats(n: 3, mean: 11.0 / 3, distribution: [0, 0, 2, 0, 1]),
            ]
        )
    }

    @Test func anEmptyGroupHasNoMeanOrBand() throws {
        let group = try Self.questionnaire().group([])
        #expect(
            group
                == GroupScore(
                    n: 0, mean: nil, band: nil,
                    questions: Array(repeating: QuestionStats(n: 0, mean: nil, distribution: [0, 0, 0, 0, 0]), count: 3)))
    }

    @Test func aGroupOfIncompleteRespondentsHasNoMeanButHasQuestionStats() throws {
        let group = try Self.questionnaire().group([[1, nil, nil], [nil, nil, 5]])
        #expect(group.n == 0)
        #expect(group.mean == nil)
        #expect(group.band == nil)
        #expect(group.questions.map(\.n) == [1, 0, 1])
        #expect(group.questions.map(\.mean) == [1, nil, 5])
    }

    @Test func reportSplitsDepartments() throws {
        let report = try Self.questionnaire().report(Self.respondents)
        #expect(report.all == (try Self.questionnaire().group(Self.respondents.map(\.answers))))
        // Sales: respondents 0 and 1, both complete: (4.5 + 3) / 2 = 3.75.
        #expect(report.sales.n == 2)
        #expect(report.sales.mean == 3.75)
        #expect(report.sales.band == 1)
        // Marketing: only respondent 3 is complete.
        #expect(report.marketing.n == 1)
        #expect(report.marketing.mean == 3)
        #expect(report.marketing.questions.map(\.n) == [2, 1, 1])
        #expect(report.marketing.questions.map(\.mean) == [1.5, 2, 5])
    }

    @Test func gapNeedsMinGroupSizeAnswersFromBothDepartments() throws {
        let report = try Self.questionnaire(gapThreshold: 1.5, minGroupSize: 2).report(Self.respondents)
        #expect(
            report.questionGaps == [
                // Sales 5, 3 → 4; marketing 1, 2 → 1.5: 2.5, at or above 1.5.
                Gap(value: 2.5, isFlagged: true),
                // Marketing answered once: no gap.
                Gap(value: nil, isFlagged: false),
                // Sales answered once: no gap.
                Gap(value: nil, isFlagged: false),
            ]
        )
        // One complete marketing respondent is below the size: no overall gap.
        #expect(report.overallGap == Gap(value: nil, isFlagged: false))
    }

    @Test func gapWithEnoughAnswers() throws {
        let report = try Self.questionnaire(gapThreshold: 1.5, minGroupSize: 1).report(Self.respondents)
        // Sales 4, 3 → 3.5; marketing 2 → 2: 1.5, exactly the threshold.
        #expect(report.questionGaps[1] == Gap(value: 1.5, isFlagged: true))
        // Sales 3; marketing 5: −2, flagged by magnitude.
        #expect(report.questionGaps[2] == Gap(value: -2, isFlagged: true))
        // Overall: 3.75 − 3 = 0.75, below 1.5.
        #expect(report.overallGap == Gap(value: 0.75, isFlagged: false))
    }

    @Test func gapJustBelowTheThresholdIsNotFlagged() throws {
        let report = try Self.questionnaire(gapThreshold: 2.5.nextUp, minGroupSize: 2).report(Self.respondents)
        #expect(report.questionGaps[0] == Gap(value: 2.5, isFlagged: false))
    }

    @Test func invalidAnswersNameTheRespondent() throws {
        let q = try Self.questionnaire()
        #expect(throws: ScoringError.answerOutOfRange(respondent: 1, question: 0, value: 7)) {
            try q.group([[1, 2, 3], [7, 2, 3]])
        }
        #expect(throws: ScoringError.answerCountMismatch(respondent: 2, expected: 3, actual: 4)) {
            try q.report(Self.respondents.prefix(2) + [Respondent(department: .sales, answers: [1, 2, 3, 4])])
        }
    }

    /// The entries for answers checked on reading give what the checking entries give.
    @Test func validatedEntriesAgreeWithTheCheckingOnes() throws {
        for (threshold, size) in [(1.5, 2), (1.5, 1), (2.5.nextUp, 2)] {
            let q = try Self.questionnaire(gapThreshold: threshold, minGroupSize: size)
            #expect(q.report(validated: Self.respondents) == (try q.report(Self.respondents)))
            #expect(q.report(validated: []) == (try q.report([])))
            for respondent in Self.respondents {
                #expect(q.score(validated: respondent.answers) == (try q.score(respondent.answers)))
            }
        }
    }
}
