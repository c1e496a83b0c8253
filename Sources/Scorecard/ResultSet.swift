public import ScoringCore

/// The results of one questionnaire, scored by ScoringCore (docs/scoring.md, rules 2–5).
///
/// This is the one place where results meet ScoringCore, for `tandem score` and the results pages
/// alike, so both show the same numbers.
public struct ResultSet: Sendable {
    public let assessment: Assessment
    /// In the order they were read: group means sum in this order.
    public let results: [AssessmentResult]

    /// The results of a questionnaire, to score.
    ///
    /// - Parameters:
    ///   - assessment: The questionnaire.
    ///   - results: Results that ``ResultFile/results(for:)`` read for this questionnaire. Reading
    ///     checked their answers; they are not checked again.
    public init(assessment: Assessment, results: [AssessmentResult]) {
        self.assessment = assessment
        self.results = results
    }

    /// The results at some positions of ``results``, in that order, as a set of their own.
    public func subset(_ positions: [Int]) -> ResultSet {
        ResultSet(assessment: assessment, results: positions.map { results[$0] })
    }

    /// Each result's score (rule 2), in the order of ``results``.
    public func scores() -> [RespondentScore] {
        let questionnaire = assessment.questionnaire
        return results.map { questionnaire.score(validated: $0.answers) }
    }

    /// The score of all results together, of each department, and the gap (rules 3 and 4).
    public func report() -> GroupReport {
        assessment.questionnaire.report(validated: results.map(\.respondentForScoring))
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

    /// The results grouped by a dimension and scored, in the order of ``members(by:)``.
    public func groups(by dimension: Dimension) -> [Group] {
        let grouped = members(by: dimension)
        let reports = grouped.map { subset($0.members).report() }
        let trends: [Double?] =
            dimension == .round
            ? Rounds.trend(reports.map(\.all.mean))
            : Array(repeating: nil, count: reports.count)
        return grouped.indices.map { i in
            Group(key: grouped[i].key, members: grouped[i].members, report: reports[i], trend: trends[i])
        }
    }

    /// The positions of the results that share each key of a dimension, without scoring them: in
    /// the order of their keys (byte-wise, so ISO dates and quarters sort by time), the results
    /// without a team last.
    public func members(by dimension: Dimension) -> [(key: String?, members: [Int])] {
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
        return ordered.map { ($0, members[$0]!) }
    }
}
