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
