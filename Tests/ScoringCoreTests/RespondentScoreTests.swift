import ScoringCore
import Testing

/// docs/scoring.md, rule 2, with every expected number worked out by hand.
@Suite("Respondent scoring (rule 2)")
struct RespondentScoreTests {
    /// Scale 1–5, bands from 1, 2.5 and 4.
    static func questionnaire(weights: [Double], minAnswered: Int? = nil) throws -> Questionnaire {
        try Questionnaire(
            scaleMin: 1, scaleMax: 5, weights: weights, bandMins: [1, 2.5, 4], minAnswered: minAnswered,
            gapThreshold: 1.5, minGroupSize: 3
        )
    }

    @Test func weightsCountInTheMean() throws {
        // (1·5 + 2·2 + 1·3) / (1 + 2 + 1) = 12 / 4 = 3; (3 − 1) / 4 × 100 = 50.
        let score = try Self.questionnaire(weights: [1, 2, 1]).score([5, 2, 3])
        #expect(score == RespondentScore(mean: 3, percent: 50, answered: 3, isComplete: true, band: 1))
    }

    @Test func fractionalWeights() throws {
        // (0.5·1 + 1.5·5) / (0.5 + 1.5) = 8 / 2 = 4; percent 75; band from 4.
        let score = try Self.questionnaire(weights: [0.5, 1.5]).score([1, 5])
        #expect(score == RespondentScore(mean: 4, percent: 75, answered: 2, isComplete: true, band: 2))
    }

    @Test func unansweredQuestionsLeaveTheMeanAndTheWeightSum() throws {
        // (1·5 + 1·3) / (1 + 1) = 4: the unanswered weight 2 does not count.
        let score = try Self.questionnaire(weights: [1, 2, 1], minAnswered: 2).score([5, nil, 3])
        #expect(score == RespondentScore(mean: 4, percent: 75, answered: 2, isComplete: true, band: 2))
    }

    @Test func anIncompleteRespondentHasAMeanButNoBand() throws {
        let score = try Self.questionnaire(weights: [1, 2, 1], minAnswered: 3).score([5, nil, 3])
        #expect(score == RespondentScore(mean: 4, percent: 75, answered: 2, isComplete: false, band: nil))
    }

    @Test func nothingAnsweredHasNoMeanPercentOrBand() throws {
        let score = try Self.questionnaire(weights: [1, 1, 1], minAnswered: 1).score([nil, nil, nil])
        #expect(score == RespondentScore(mean: nil, percent: nil, answered: 0, isComplete: false, band: nil))
    }

    @Test func oneQuestion() throws {
        let q = try Self.questionnaire(weights: [2])
        #expect(try q.score([5]) == RespondentScore(mean: 5, percent: 100, answered: 1, isComplete: true, band: 2))
        #expect(try q.score([1]) == RespondentScore(mean: 1, percent: 0, answered: 1, isComplete: true, band: 0))
        #expect(try q.score([nil]) == RespondentScore(mean: nil, percent: nil, answered: 0, isComplete: false, band: nil))
    }

    @Test(arguments: [
        // answers, mean, band: band mins are 1, 2.5 and 4, each reached exactly.
        ([1, 1], 1.0, 0), ([2, 2], 2.0, 0), ([2, 3], 2.5, 1), ([3, 4], 3.5, 1), ([4, 4], 4.0, 2), ([5, 5], 5.0, 2),
    ])
    func bandBoundariesBelongToTheBandTheyStart(answers: [Int], mean: Double, band: Int) throws {
        let score = try Self.questionnaire(weights: [1, 1]).score(answers)
        #expect(score.mean == mean)
        #expect(score.band == band)
    }

    @Test func aMeanJustBelowABoundaryStaysInTheBandBelow() throws {
        let q = try Questionnaire(
            scaleMin: 1, scaleMax: 5, weights: [1, 1, 1], bandMins: [1, 2 + 1.0 / 3, 4], gapThreshold: 1, minGroupSize: 1
        )
        // 7 / 3 = 2.3333333333333335, the nearest Double to 2⅓: exactly the band's min.
        #expect(try q.score([2, 2, 3]).band == 1)
        #expect(q.band(for: (2 + 1.0 / 3).nextDown) == 0)
    }

    @Test func theDesignExample() throws {
        // The `tandem score` example of docs/scoring.md: nine questions, weight 1, answers summing to 31.
        let q = try Self.questionnaire(weights: Array(repeating: 1, count: 9))
        let score = try q.score([4, 4, 3, 3, 4, 3, 4, 3, 3])
        #expect(score.mean == 3.4444444444444446)
        #expect(score.percent == 61.111111111111114)
        #expect(score.band == 1)
        #expect(score.answered == 9)
    }

    @Test func aMeanRoundedBelowScaleMinIsInTheFirstBand() throws {
        // Σ(w·3) / Σw with these weights rounds to just below 3.
        let weights = [0.1, 0.2, 0.3]
        let q = try Questionnaire(
            scaleMin: 3, scaleMax: 7, weights: weights, bandMins: [3, 5], gapThreshold: 1, minGroupSize: 1
        )
        let mean = (0.1 * 3 + 0.2 * 3 + 0.3 * 3) / (0.1 + 0.2 + 0.3)
        #expect(mean == 2.9999999999999996)
        let score = try q.score([3, 3, 3])
        #expect(score.mean == mean)
        #expect(score.band == 0)
        #expect(score.percent! < 0)  // by the rule's formula; displays round it to 0
    }

    @Test func rejectsAnAnswerOutsideTheScale() throws {
        let q = try Self.questionnaire(weights: [1, 1, 1])
        #expect(throws: ScoringError.answerOutOfRange(respondent: nil, question: 2, value: 6)) { try q.score([1, 2, 6]) }
        #expect(throws: ScoringError.answerOutOfRange(respondent: nil, question: 0, value: 0)) { try q.score([0, 2, 6]) }
    }

    @Test func rejectsTheWrongNumberOfAnswers() throws {
        let q = try Self.questionnaire(weights: [1, 1, 1])
        #expect(throws: ScoringError.answerCountMismatch(respondent: nil, expected: 3, actual: 2)) { try q.score([1, 2]) }
    }
}
