public import Formats
public import ScoringCore

/// One respondent's answers to a questionnaire, read from a results file and validated against it.
///
/// Results are made only by reading a results file against its questionnaire
/// (``ResultFile/results(for:)``), which checks every answer once: a result has one answer per
/// question of its questionnaire, each on the scale or `nil`. ``ResultSet`` and ScoringCore take
/// that as given and do not check the answers again.
public struct AssessmentResult: Sendable, Hashable {
    /// The id of the questionnaire the answers belong to.
    public let assessment: String
    /// The questionnaire's version, as the result gave it or as the questionnaire has it.
    public let version: Int
    public let date: SimpleDate
    /// Any text; `sales` and `marketing` are compared for the gap.
    public let department: String
    public let respondent: String?
    /// The team or client, when given.
    public let team: String?
    /// The cohort label: as given, or the date's quarter (`2026-Q1`).
    public let round: String
    /// One entry per question, by position in the questionnaire; `nil` is unanswered.
    public let answers: [Int?]
    /// The results file, as shown to the user.
    public let file: String
    /// The result's position in its file: the array index in JSON, the data row (from 0) in CSV.
    public let index: Int

    /// For the readers of results files only, once they have checked every value.
    init(
        assessment: String, version: Int, date: SimpleDate, department: String, respondent: String? = nil,
        team: String? = nil, round: String? = nil, answers: [Int?], file: String, index: Int
    ) {
        self.assessment = assessment
        self.version = version
        self.date = date
        self.department = department
        self.respondent = respondent
        self.team = team
        self.round = round ?? date.quarter
        self.answers = answers
        self.file = file
        self.index = index
    }

    /// `results/a.json#3`: where the result came from, as `tandem score` shows it.
    public var source: String { "\(file)#\(index)" }

    /// The department as far as the gap is concerned.
    public var scoringDepartment: Department {
        switch department {
        case "sales": .sales
        case "marketing": .marketing
        default: .other
        }
    }

    /// The result in ScoringCore's terms.
    public var respondentForScoring: Respondent {
        Respondent(department: scoringDepartment, answers: answers)
    }
}

/// The fields of a result, which are also the CSV columns that are not question ids.
public enum ResultColumns {
    /// Every field but `answers`, in the order of the documented format.
    public static let all = ["assessment", "version", "date", "department", "respondent", "team", "round"]
    /// The fields of a JSON result object.
    static let jsonKeys = ["assessment", "version", "date", "department", "respondent", "team", "round", "answers"]
}
