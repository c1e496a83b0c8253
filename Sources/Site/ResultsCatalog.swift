internal import Core
internal import Scorecard
internal import ScoringCore

/// The results of one questionnaire by team and round, scored by ``ResultSet`` (and so by
/// ScoringCore): the numbers every results page, chart and download shows.
struct ResultsCatalog: Sendable {
    /// One team's round: its report (docs/scoring.md, rules 3 and 4) and its trend (rule 5), as ResultSet made them.
    struct Round: Sendable {
        let label: String
        /// The last part of the page's key: `2026-q1`.
        let slug: String
        let report: GroupReport
        /// Every result of the round, complete or not.
        let respondents: Int
        /// The overall mean minus the previous round's; nil for the first round.
        let trend: Double?
    }

    struct Team: Sendable {
        /// As the results give it; nil for the results that name no team.
        let name: String?
        let slug: String
        /// In round order.
        let rounds: [Round]
    }

    let assessment: Assessment
    /// The folder of the catalog's pages: `results`, or `results/<assessment>` when a site has
    /// results for more than one questionnaire.
    let folder: String
    let teams: [Team]
    let disclosure: Disclosure

    /// Groups a questionnaire's results by team, then each team's by round, and scores each round
    /// once: every page and download of the round shows this report.
    ///
    /// - Parameter results: Results read for `assessment`.
    init(assessment: Assessment, results: [AssessmentResult], folder: String) {
        let all = ResultSet(assessment: assessment, results: results)
        var teamSlugs = Slug.Registry()
        var teams: [Team] = []
        // Teams are grouped, not scored: the pages show a team's rounds, never the whole team.
        for (name, members) in all.members(by: .team) {
            var roundSlugs = Slug.Registry()
            _ = roundSlugs.unique("index")  // the team's own page
            let rounds = all.subset(members).groups(by: .round).map { round in
                Round(
                    label: round.key ?? "", slug: roundSlugs.unique(round.key ?? ""), report: round.report,
                    respondents: round.members.count, trend: round.trend)
            }
            teams.append(Team(name: name, slug: teamSlugs.unique(name ?? "no team"), rounds: rounds))
        }
        self.assessment = assessment
        self.folder = folder
        self.teams = teams
        self.disclosure = Disclosure(minGroupSize: assessment.questionnaire.minGroupSize)
    }
}

/// Which numbers a results page may show (docs/scoring.md, rule 6): none that rests on fewer
/// than `minGroupSize` answers, and none from which such a number can be worked out.
///
/// A page shows a group's number and each department's. Were the group's and one department's
/// shown while the other department is too small, the small department's mean would follow by
/// subtraction; the same holds for the respondents in neither department. So the departments'
/// numbers are shown only when what they leave out of the group is nobody or a group large enough
/// itself. The gap (sales minus marketing) stays: with the group's mean it is one equation for
/// three unknown means, and ScoringCore computes it only when both departments are large enough.
struct Disclosure: Sendable {
    let minGroupSize: Int

    /// Why a number is not shown.
    enum Withheld: Sendable, Equatable {
        /// It rests on fewer than `minGroupSize` answers.
        case tooFew
        /// It would reveal a smaller group's number by subtraction.
        case protectsOthers
    }

    /// Whether a count of answers is large enough to show the numbers made from it.
    func shows(_ n: Int) -> Bool { n >= minGroupSize }

    /// Whether the departments' numbers may be shown beside the group's, given each one's count
    /// (for a question, its answers; overall, its complete respondents).
    func showsDepartments(all: Int, sales: Int, marketing: Int) -> Bool {
        let shown = (shows(sales) ? sales : 0) + (shows(marketing) ? marketing : 0)
        let rest = all - shown
        return rest == 0 || shows(rest)
    }

    /// A department's number: shown, or why not.
    func department(n: Int, all: Int, sales: Int, marketing: Int) -> Withheld? {
        guard shows(n) else { return .tooFew }
        return showsDepartments(all: all, sales: sales, marketing: marketing) ? nil : .protectsOthers
    }

    /// A round's trend is shown only when both rounds' overall means are.
    func showsTrend(current: GroupScore, previous: GroupScore?) -> Bool {
        guard let previous else { return false }
        return shows(current.n) && shows(previous.n)
    }
}
