import Scorecard
import ScoringCore
import Testing

/// The numbers of a questionnaire: weights and `gap_threshold` have ranges that keep every score
/// finite, so `tandem score` never has a NaN or an infinity to write as JSON.
@Suite struct ScoringRangeTests {
    static func questionnaire(scale: String = "{min: 1, max: 5}", gap: String = "1", weight: String = "1") -> String {
        """
        id: s
        version: 1
        scale: \(scale)
        gap_threshold: \(gap)
        min_group_size: 1
        bands: [{id: x, min: \(scale.contains("-1000") ? "-1000" : "1"), label: X}]
        questions:
          - id: a
            text: A
            weight: \(weight)
          - id: b
            text: B
            weight: \(weight)

        """
    }

    // MARK: - Weights

    @Test func aWeightOf1e308IsAnErrorAtItsPosition() {
        #expect(
            Fixtures.questionnaireErrors(Self.questionnaire(weight: "1e308"), file: "s.yml") == [
                "s.yml:10:13: question \"a\": weight 1e308 is out of range; expected a number above 0 and at most 1000",
                "s.yml:13:13: question \"b\": weight 1e308 is out of range; expected a number above 0 and at most 1000",
            ])
        #expect(
            Fixtures.questionnaireErrors(Self.questionnaire(weight: "1000.001"), file: "s.yml").first
                == "s.yml:10:13: question \"a\": weight 1000.001 is out of range; expected a number above 0 and at most 1000")
    }

    @Test func theLargestWeightsOnTheWidestScaleScoreFiniteNumbers() throws {
        let assessment = try Assessment.parse(
            Self.questionnaire(scale: "{min: -1000, max: 1000}", gap: "2000", weight: "1000"), file: "s.yml")
        let questionnaire = assessment.questionnaire
        #expect(questionnaire.weights == [1000, 1000])
        for answers in [[1000, 1000], [-1000, 1000], [-1000, -1000], [1000, nil]] as [[Int?]] {
            let score = try questionnaire.score(answers)
            #expect(score.mean?.isFinite == true && score.percent?.isFinite == true, "\(answers)")
        }
        let report = try questionnaire.report([
            Respondent(department: .sales, answers: [1000, 1000]),
            Respondent(department: .marketing, answers: [-1000, -1000]),
        ])
        #expect(report.overallGap == Gap(value: 2000, isFlagged: true))
    }

    @Test func scoringCoreRejectsWhatWouldMakeAMeanNonFinite() {
        for weight in [1e308, Questionnaire.maxWeight.nextUp, .infinity, .nan] {
            #expect(throws: ScoringError.invalidWeight(question: 0), "\(weight)") {
                try Questionnaire(
                    scaleMin: 1, scaleMax: 5, weights: [weight], bandMins: [1], gapThreshold: 1, minGroupSize: 1)
            }
        }
        #expect(
            (try? Questionnaire(
                scaleMin: 1, scaleMax: 5, weights: [Questionnaire.maxWeight], bandMins: [1], gapThreshold: 4, minGroupSize: 1))
                != nil)
    }

    // MARK: - gap_threshold

    @Test(arguments: [
        (
            "1e308",
            "s.yml:4:16: gap_threshold 1e308 is out of range; expected a number from 0 to 4, the width of the scale (scale.max - scale.min)"
        ),
        (
            "4.5",
            "s.yml:4:16: gap_threshold 4.5 is out of range; expected a number from 0 to 4, the width of the scale (scale.max - scale.min)"
        ),
        (
            ".inf",
            "s.yml:4:16: gap_threshold .inf is out of range; expected a number from 0 to 4, the width of the scale (scale.max - scale.min)"
        ),
    ])
    func aGapThresholdBeyondTheScaleIsAnError(gap: String, message: String) {
        #expect(Fixtures.questionnaireErrors(Self.questionnaire(gap: gap), file: "s.yml") == [message])
    }

    @Test func aGapThresholdAsWideAsTheScaleReads() throws {
        #expect(try Assessment.parse(Self.questionnaire(gap: "4"), file: "s.yml").questionnaire.gapThreshold == 4)
    }
}
