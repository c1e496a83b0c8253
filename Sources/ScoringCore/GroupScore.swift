/// How one question was answered across a group (rule 3 of DESIGN.md).
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

/// A group's score: any set of respondents, such as a team's round or one department (rule 3).
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

/// Running sums for one or more groups, filled in respondent order.
///
/// All sums live in one flat `[Double]`, which keeps the WebAssembly module small (one buffer to
/// check for uniqueness, no nested arrays to retain). Per group: `[complete count, sum of complete
/// means]`, then per question `[n, sum of answers, count of each scale value]`. Counts and sums of
/// integer answers are exact in `Double` far beyond any group size, so their order does not matter;
/// the sum of means is taken in respondent order.
struct GroupAccumulator {
    private var sums: [Double]
    private let questionStride: Int
    private let groupStride: Int

    init(_ questionnaire: Questionnaire, groups: Int) {
        questionStride = 2 + questionnaire.scaleValueCount
        groupStride = 2 + questionnaire.questionCount * questionStride
        sums = Array(repeating: 0, count: groups * groupStride)
    }

    mutating func add(_ answers: [Int?], score: RespondentScore, to group: Int, _ questionnaire: Questionnaire) {
        let base = group * groupStride
        if score.isComplete, let mean = score.mean {
            sums[base] += 1
            sums[base + 1] += mean
        }
        for question in 0..<answers.count {
            guard let answer = answers[question] else { continue }
            let slot = base + 2 + question * questionStride
            sums[slot] += 1
            sums[slot + 1] += Double(answer)
            sums[slot + 2 + (answer - questionnaire.scaleMin)] += 1
        }
    }

    func result(_ group: Int, _ questionnaire: Questionnaire) -> GroupScore {
        let base = group * groupStride
        let questions = [QuestionStats](count: questionnaire.questionCount) { question in
            let slot = base + 2 + question * questionStride
            let n = Int(sums[slot])
            return QuestionStats(
                n: n,
                mean: n > 0 ? sums[slot + 1] / Double(n) : nil,
                distribution: [Int](count: questionStride - 2) { value in Int(sums[slot + 2 + value]) }
            )
        }
        let complete = Int(sums[base])
        guard complete > 0 else { return GroupScore(n: 0, mean: nil, band: nil, questions: questions) }
        let mean = sums[base + 1] / Double(complete)
        return GroupScore(n: complete, mean: mean, band: questionnaire.band(for: mean), questions: questions)
    }
}
