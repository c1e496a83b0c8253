/// Why a questionnaire or a set of answers cannot be scored.
///
/// Positions are 0-based indices into the questionnaire's questions, its bands, or the respondents
/// given to a group call, so that a loader can map each case back to the `file:line:column` of the
/// value that caused it.
public enum ScoringError: Error, Equatable, Sendable {
    // MARK: - Questionnaire

    /// `scale.min` is not below `scale.max`, or either lies outside ``Questionnaire/scaleLimits``.
    case invalidScale(min: Int, max: Int)
    /// The questionnaire has no questions.
    case noQuestions
    /// The weight of the question at `question` is not a number greater than 0 and at most
    /// ``Questionnaire/maxWeight``.
    case invalidWeight(question: Int)
    /// The questionnaire has no bands.
    case noBands
    /// The first band's `min` is not `scale.min`.
    case firstBandNotAtScaleMin
    /// The band at `band` does not start above the band before it.
    case bandsNotSorted(band: Int)
    /// The band at `band` starts above `scale.max` (or its `min` is not a finite number).
    case bandOutOfScale(band: Int)
    /// `min_answered` is below 1 or above the number of questions.
    case invalidMinAnswered(minAnswered: Int, questionCount: Int)
    /// `gap_threshold` is not a number from 0 to the width of the scale (`scale.max - scale.min`).
    case invalidGapThreshold
    /// `min_group_size` is below 1.
    case invalidMinGroupSize(Int)

    // MARK: - Answers

    /// A respondent gave `actual` answers where the questionnaire has `expected` questions.
    ///
    /// `respondent` is the respondent's position in a group call, `nil` for a single respondent.
    case answerCountMismatch(respondent: Int?, expected: Int, actual: Int)
    /// The answer `value` to the question at `question` lies outside the scale.
    ///
    /// `respondent` is the respondent's position in a group call, `nil` for a single respondent.
    case answerOutOfRange(respondent: Int?, question: Int, value: Int)
}
