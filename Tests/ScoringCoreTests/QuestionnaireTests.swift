import ScoringCore
import Testing

@Suite("Questionnaire validation")
struct QuestionnaireTests {
    static func make(
        scaleMin: Int = 1, scaleMax: Int = 5, weights: [Double] = [1, 1, 1], bandMins: [Double] = [1, 2.5, 4],
        minAnswered: Int? = nil, gapThreshold: Double = 1.5, minGroupSize: Int = 3
    ) throws(ScoringError) -> Questionnaire {
        try Questionnaire(
            scaleMin: scaleMin, scaleMax: scaleMax, weights: weights, bandMins: bandMins,
            minAnswered: minAnswered, gapThreshold: gapThreshold, minGroupSize: minGroupSize
        )
    }

    @Test func acceptsAValidQuestionnaireAndDefaultsMinAnsweredToAll() throws {
        let q = try Self.make()
        #expect(q.questionCount == 3)
        #expect(q.minAnswered == 3)
        #expect(q.scaleValueCount == 5)
        #expect(try Self.make(minAnswered: 1).minAnswered == 1)
    }

    @Test(arguments: [
        (1, 1), (5, 1), (-1001, 5), (1, 1001),
    ])
    func rejectsAnInvalidScale(min: Int, max: Int) {
        #expect(throws: ScoringError.invalidScale(min: min, max: max)) {
            try Self.make(scaleMin: min, scaleMax: max, bandMins: [Double(min)])
        }
    }

    @Test func acceptsTheScaleLimits() throws {
        let q = try Self.make(scaleMin: -1000, scaleMax: 1000, bandMins: [-1000])
        #expect(q.scaleValueCount == 2001)
    }

    @Test func rejectsNoQuestions() {
        #expect(throws: ScoringError.noQuestions) { try Self.make(weights: []) }
    }

    @Test(arguments: [0.0, -1, .nan, .infinity, -.infinity])
    func rejectsAWeightThatIsNotPositiveAndFinite(weight: Double) {
        #expect(throws: ScoringError.invalidWeight(question: 1)) { try Self.make(weights: [1, weight, 1]) }
    }

    @Test func rejectsNoBands() {
        #expect(throws: ScoringError.noBands) { try Self.make(bandMins: []) }
    }

    @Test(arguments: [[2.0, 3], [0.5, 2.5], [.nan, 2.5]])
    func rejectsAFirstBandNotAtScaleMin(bandMins: [Double]) {
        #expect(throws: ScoringError.firstBandNotAtScaleMin) { try Self.make(bandMins: bandMins) }
    }

    @Test(arguments: [
        ([1.0, 4, 2.5], 2), ([1.0, 2.5, 2.5], 2), ([1.0, 1], 1), ([1.0, .nan], 1),
    ])
    func rejectsUnsortedBands(bandMins: [Double], band: Int) {
        #expect(throws: ScoringError.bandsNotSorted(band: band)) { try Self.make(bandMins: bandMins) }
    }

    @Test func rejectsABandAboveTheScale() throws {
        #expect(throws: ScoringError.bandOutOfScale(band: 2)) { try Self.make(bandMins: [1, 2.5, 5.5]) }
        #expect(throws: ScoringError.bandOutOfScale(band: 1)) { try Self.make(bandMins: [1, .infinity]) }
        #expect(try Self.make(bandMins: [1, 5]).bandMins == [1, 5])
    }

    @Test(arguments: [0, -1, 4])
    func rejectsMinAnsweredOutsideTheQuestionCount(minAnswered: Int) {
        #expect(throws: ScoringError.invalidMinAnswered(minAnswered: minAnswered, questionCount: 3)) {
            try Self.make(minAnswered: minAnswered)
        }
    }

    @Test(arguments: [-0.5, .nan, .infinity])
    func rejectsAnInvalidGapThreshold(threshold: Double) {
        #expect(throws: ScoringError.invalidGapThreshold) { try Self.make(gapThreshold: threshold) }
    }

    @Test func acceptsAZeroGapThreshold() throws {
        #expect(try Self.make(gapThreshold: 0).gapThreshold == 0)
    }

    @Test func rejectsAMinGroupSizeBelowOne() {
        #expect(throws: ScoringError.invalidMinGroupSize(0)) { try Self.make(minGroupSize: 0) }
    }

    @Test func reportsTheFirstBrokenRuleInParameterOrder() {
        #expect(throws: ScoringError.invalidWeight(question: 0)) {
            try Self.make(weights: [0], bandMins: [], minAnswered: 9, minGroupSize: 0)
        }
    }

    @Test func describesErrorsWithOneBasedPositions() {
        #expect(
            ScoringError.invalidWeight(question: 2).description
                == "question 3: weight must be a number greater than 0 and at most 1000")
        #expect(
            ScoringError.answerOutOfRange(respondent: 0, question: 1, value: 9).description
                == "respondent 1: question 2: answer 9 is outside the scale"
        )
        #expect(
            ScoringError.answerOutOfRange(respondent: nil, question: 1, value: 9).description
                == "question 2: answer 9 is outside the scale"
        )
        #expect(ScoringError.bandsNotSorted(band: 2).description.contains("band 3"))
    }
}
