/// How one question was answered across a group (docs/scoring.md, rule 3).
public struct QuestionStats: Hashable, Sendable {
    /// The number of respondents who answered the question.
    public let n: Int
    /// The mean of their answers; `nil` when `n` is 0.
    public let mean: Double?
    /// The count of each scale value, from `scale.min` to `scale.max`.
    public let distribution: [Int]

    public init(n: Int, mean: Double?, distribution: [Int]) {
        self.n = n
        self.mean = mean
        self.distribution = distribution
    }
}
