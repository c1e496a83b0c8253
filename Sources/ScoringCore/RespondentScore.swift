/// One respondent's score (docs/scoring.md, rule 2).
public struct RespondentScore: Hashable, Sendable {
    /// `Σ(wᵢ·aᵢ) / Σwᵢ` over the answered questions; `nil` when nothing is answered.
    public let mean: Double?
    /// `(mean − scale.min) / (scale.max − scale.min) × 100`; `nil` when nothing is answered.
    public let percent: Double?
    /// The number of answered questions.
    public let answered: Int
    /// Whether `answered` reaches the questionnaire's `minAnswered`.
    public let isComplete: Bool
    /// The index of the band that `mean` falls in; `nil` unless the respondent is complete.
    public let band: Int?

    /// Makes a score from its parts, for callers that decode or build one; scoring uses
    /// ``Questionnaire/score(_:)``.
    public init(mean: Double?, percent: Double?, answered: Int, isComplete: Bool, band: Int?) {
        self.mean = mean
        self.percent = percent
        self.answered = answered
        self.isComplete = isComplete
        self.band = band
    }
}

extension Questionnaire {
    /// Scores one respondent.
    ///
    /// The weighted sums run in questionnaire order, in `Double`, so every build of this module —
    /// native or WebAssembly — returns the same bits.
    ///
    /// - Parameter answers: One entry per question, by position; `nil` is unanswered.
    /// - Returns: The respondent's mean, percent, answered count, completeness and band.
    /// - Throws: ``ScoringError/answerCountMismatch(respondent:expected:actual:)`` or
    ///   ``ScoringError/answerOutOfRange(respondent:question:value:)``.
    public func score(_ answers: [Int?]) throws(ScoringError) -> RespondentScore {
        try validate(answers)
        return scoreValidated(answers)
    }

    /// Scores answers that ``validate(_:respondent:)`` accepted.
    // Not inlined: one copy serves every caller, which keeps the WebAssembly module small.
    @inline(never)
    func scoreValidated(_ answers: [Int?]) -> RespondentScore {
        var weightedSum = 0.0
        var weightSum = 0.0
        var answered = 0
        for question in 0..<weights.count {
            guard let answer = answers[question] else { continue }
            weightedSum += weights[question] * Double(answer)
            weightSum += weights[question]
            answered += 1
        }
        let isComplete = answered >= minAnswered
        guard answered > 0 else {
            return RespondentScore(mean: nil, percent: nil, answered: 0, isComplete: isComplete, band: nil)
        }
        let mean = weightedSum / weightSum
        return RespondentScore(
            mean: mean,
            percent: percent(of: mean),
            answered: answered,
            isComplete: isComplete,
            band: isComplete ? band(for: mean) : nil
        )
    }

    /// Where `mean` lies on the scale, from 0 (`scaleMin`) to 100 (`scaleMax`).
    public func percent(of mean: Double) -> Double {
        (mean - Double(scaleMin)) / Double(scaleMax - scaleMin) * 100
    }
}
