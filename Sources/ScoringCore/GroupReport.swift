/// Everything the results of one group show: its own score, each department's, and the gap.
public struct GroupReport: Hashable, Sendable {
    /// All respondents of the group, whatever their department.
    public let all: GroupScore
    /// The respondents from sales.
    public let sales: GroupScore
    /// The respondents from marketing.
    public let marketing: GroupScore
    /// The gap per question, in questionnaire order.
    public let questionGaps: [Gap]
    /// The gap between the departments' overall means.
    public let overallGap: Gap

    public init(all: GroupScore, sales: GroupScore, marketing: GroupScore, questionGaps: [Gap], overallGap: Gap) {
        self.all = all
        self.sales = sales
        self.marketing = marketing
        self.questionGaps = questionGaps
        self.overallGap = overallGap
    }
}

extension Questionnaire {
    /// Scores a group and the gap between its sales and marketing respondents in one pass.
    ///
    /// - Parameter respondents: The group, in the order its results were read; the overall means
    ///   sum in this order.
    /// - Returns: The group's, each department's and the gap's numbers.
    /// - Throws: The first invalid answer, naming the respondent's position.
    public func report(_ respondents: [Respondent]) throws(ScoringError) -> GroupReport {
        for (index, respondent) in respondents.enumerated() {
            try validate(respondent.answers, respondent: index)
        }
        return reportValidated(respondents)
    }

    /// The report of a group whose answers ``validate(_:respondent:)`` accepted.
    // Not inlined: one copy serves `report(_:)` and `report(validated:)`.
    @inline(never)
    func reportValidated(_ respondents: [Respondent]) -> GroupReport {
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
