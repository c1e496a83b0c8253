public import ScoringCore

/// The results of one questionnaire, scored by ScoringCore (docs/scoring.md, rules 2–5).
///
/// This is the one place where results meet ScoringCore, for `tandem score` and the results pages
/// alike, so both show the same numbers.
public struct ResultSet: Sendable {
    public let assessment: Assessment
    /// In the order they were read: group means sum in this order.
    public let results: [AssessmentResult]

    /// Checks that every result's answers fit the questionnaire.
    ///
    /// - Throws: The first result whose answers do not (its `respondent` is its position in
    ///   `results`); results read by ``ResultFile/results(for:)`` for this questionnaire always fit.
    public init(assessment: Assessment, results: [AssessmentResult]) throws(ScoringError) {
        for (index, result) in results.enumerated() {
            try assessment.questionnaire.validate(result.answers, respondent: index)
        }
        self.assessment = assessment
        self.results = results
    }

    /// Each result's score (rule 2), in the order of ``results``.
    public func scores() -> [RespondentScore] {
        let questionnaire = assessment.questionnaire
        // Validated in `init`.
        return results.map { try! questionnaire.score($0.answers) }
    }

    /// The score of all results together, of each department, and the gap (rules 3 and 4).
    public func report() -> GroupReport {
        Self.report(results, assessment.questionnaire)
    }

    /// What results can be grouped by.
    public enum Dimension: String, Sendable, CaseIterable {
        case department, team, round
    }

    /// A group of results that share a department, team or round.
    public struct Group: Sendable {
        /// The department, team or round; `nil` for the results that give no team.
        public let key: String?
        /// The positions of the group's results in ``ResultSet/results``.
        public let members: [Int]
        public let report: GroupReport
        /// For rounds: the overall mean minus the previous round's (rule 5); `nil` for the first
        /// round, when either mean is missing, and for other dimensions.
        public let trend: Double?
    }

    /// The results grouped by a dimension, in the order of their keys (byte-wise, so ISO dates
    /// and quarters sort by time); the results without a team come last.
    public func groups(by dimension: Dimension) -> [Group] {
        var members: [String?: [Int]] = [:]
        var keys: [String?] = []
        for (index, result) in results.enumerated() {
            let key: String? =
                switch dimension {
                case .department: result.department
                case .team: result.team
                case .round: result.round
                }
            if members[key] == nil { keys.append(key) }
            members[key, default: []].append(index)
        }
        let named = keys.compactMap { $0 }
        var ordered: [String?] = Rounds.order(named.map { Array($0.utf8) }).map { named[$0] }
        if keys.contains(where: { $0 == nil }) { ordered.append(nil) }

        let questionnaire = assessment.questionnaire
        let reports = ordered.map { key in Self.report(members[key]!.map { results[$0] }, questionnaire) }
        let trends: [Double?] =
            dimension == .round
            ? Rounds.trend(reports.map(\.all.mean))
            : Array(repeating: nil, count: reports.count)
        return ordered.indices.map { i in
            Group(key: ordered[i], members: members[ordered[i]]!, report: reports[i], trend: trends[i])
        }
    }

    private static func report(_ results: [AssessmentResult], _ questionnaire: Questionnaire) -> GroupReport {
        // Validated in `init`.
        try! questionnaire.report(results.map(\.respondentForScoring))
    }
}
