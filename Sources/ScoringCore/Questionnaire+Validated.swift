// Native callers only: Scripts/build-wasm.sh leaves this file out. The WebAssembly module scores
// what JavaScript hands it, so it checks every answer; a loader that checked its results on reading
// (Scorecard's ResultFile) scores them with these entries and does not check them again.

extension Questionnaire {
    /// Scores answers that were checked already: ``score(_:)`` without checking them again.
    ///
    /// - Parameter answers: Answers that ``validate(_:respondent:)`` accepts; others give
    ///   meaningless numbers or stop the program.
    /// - Returns: The respondent's mean, percent, answered count, completeness and band.
    public func score(validated answers: [Int?]) -> RespondentScore {
        scoreValidated(answers)
    }

    /// Scores a group whose answers were checked already: ``report(_:)`` without checking them again.
    ///
    /// The steps are those of ``report(_:)`` after its check, which keeps its own copy so that the
    /// committed WebAssembly module stays byte for byte what these sources build (a shared function
    /// changes its bytes); `GroupScoreTests` check that the two agree.
    ///
    /// - Parameter respondents: The group, in the order its results were read; every one's answers
    ///   must be answers that ``validate(_:respondent:)`` accepts. Others give meaningless numbers
    ///   or stop the program.
    /// - Returns: The group's, each department's and the gap's numbers.
    public func report(validated respondents: [Respondent]) -> GroupReport {
        // Group 0 is everyone, 1 sales, 2 marketing.
        var groups = GroupAccumulator(self, groups: 3)
        for respondent in respondents {
            let score = scoreValidated(respondent.answers)
            groups.add(respondent.answers, score: score, to: 0, self)
            if respondent.department != .other {
                groups.add(respondent.answers, score: score, to: 1 + Int(respondent.department.rawValue), self)
            }
        }
        let salesScore = groups.result(1, self)
        let marketingScore = groups.result(2, self)
        let questionGaps = [Gap](count: questionCount) { question in
            let s = salesScore.questions[question]
            let m = marketingScore.questions[question]
            return gap(sales: s.mean, salesCount: s.n, marketing: m.mean, marketingCount: m.n)
        }
        return GroupReport(
            all: groups.result(0, self),
            sales: salesScore,
            marketing: marketingScore,
            questionGaps: questionGaps,
            overallGap: gap(
                sales: salesScore.mean,
                salesCount: salesScore.n,
                marketing: marketingScore.mean,
                marketingCount: marketingScore.n
            )
        )
    }
}
