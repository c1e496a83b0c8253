/// A group's score: any set of respondents, such as a team's round or one department (docs/scoring.md, rule 3).
public struct GroupScore: Hashable, Sendable {
    /// The number of complete respondents.
    public let n: Int
    /// The mean of the complete respondents' means; `nil` when `n` is 0.
    public let mean: Double?
    /// The index of the band that `mean` falls in; `nil` when `n` is 0.
    public let band: Int?
    /// Per question, in questionnaire order.
    public let questions: [QuestionStats]

    public init(n: Int, mean: Double?, band: Int?, questions: [QuestionStats]) {
        self.n = n
        self.mean = mean
        self.band = band
        self.questions = questions
    }
}

extension Questionnaire {
    /// Aggregates a group of respondents.
    ///
    /// Per question it counts and averages everyone who answered it, complete or not; the overall
    /// mean averages the complete respondents' means, summed in the order given.
    ///
    /// - Parameter respondents: Each respondent's answers, by question position.
    /// - Returns: The group's score.
    /// - Throws: The first invalid answer, naming the respondent's position.
    public func group(_ respondents: [[Int?]]) throws(ScoringError) -> GroupScore {
        for (index, answers) in respondents.enumerated() {
            try validate(answers, respondent: index)
        }
        var accumulator = GroupAccumulator(self, groups: 1)
        for answers in respondents {
            accumulator.add(answers, score: scoreValidated(answers), to: 0, self)
        }
        return accumulator.result(0, self)
    }
}
