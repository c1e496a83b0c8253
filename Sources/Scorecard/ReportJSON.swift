public import Core
public import ScoringCore

/// A group's report in the JSON shapes of docs/scoring.md, shared by `tandem score --format json`
/// and the results downloads (`aggregate.json`), so both write the same objects the same way:
///
/// `"overall": {"n", "mean", "band"}`, then (the downloads) `"sales"` and `"marketing"`
/// `{"n", "mean"}`, then `"questions"`, one per line, each
/// `{"id", "n", "mean", "distribution", ["sales", "marketing",] "gap", "flagged"}`, then `"gap"`.
/// A number the writer withholds is `nil` here and `null` in the JSON.
public struct ReportJSON: Sendable {
    /// A count and a mean: `{"n": 12, "mean": 3.4166666666666665}`.
    public struct Score: Sendable {
        public var n: Int?
        public var mean: Double?

        /// Both numbers, or both `nil` when not `shown`.
        public init(n: Int, mean: Double?, shown: Bool = true) {
            self.n = shown ? n : nil
            self.mean = shown ? mean : nil
        }

        var members: KeyValuePairs<String, JSONValue> { ["n": .integer(n), "mean": .number(mean)] }
    }

    public struct Question: Sendable {
        public var id: String
        public var score: Score
        public var distribution: [Int]?
        /// The departments beside the question; nil writes no keys for them.
        public var departments: (sales: Score, marketing: Score)?
        public var gap: Gap

        public init(id: String, score: Score, distribution: [Int]?, departments: (sales: Score, marketing: Score)?, gap: Gap) {
            self.id = id
            self.score = score
            self.distribution = distribution
            self.departments = departments
            self.gap = gap
        }
    }

    public var overall: Score
    /// The band's id.
    public var band: String?
    /// The departments beside the group; nil writes no keys for them.
    public var departments: (sales: Score, marketing: Score)?
    public var questions: [Question]
    public var gap: Double?

    public init(
        overall: Score, band: String?, departments: (sales: Score, marketing: Score)?, questions: [Question], gap: Double?
    ) {
        self.overall = overall
        self.band = band
        self.departments = departments
        self.questions = questions
        self.gap = gap
    }

    /// Every number of `report`, without the departments: what `tandem score` writes.
    public init(_ report: GroupReport, assessment: Assessment) {
        self.init(
            overall: Score(n: report.all.n, mean: report.all.mean), band: report.all.band.map { assessment.bands[$0].id },
            departments: nil,
            questions: report.all.questions.enumerated().map { position, stats in
                Question(
                    id: assessment.questions[position].id, score: Score(n: stats.n, mean: stats.mean),
                    distribution: stats.distribution, departments: nil, gap: report.questionGaps[position])
            },
            gap: report.overallGap.value)
    }

    /// `"overall": {...},\n "questions": [...],\n "gap": x` with `indent` after each line break
    /// (and one more space before each question).
    public func write(to json: inout JSONWriter, indent: String) {
        json.key("overall")
        json.object(["n": .integer(overall.n), "mean": .number(overall.mean), "band": .string(band)])
        json.raw(",\n" + indent)
        if let departments {
            json.key("sales")
            json.object(departments.sales.members)
            json.raw(",\n" + indent)
            json.key("marketing")
            json.object(departments.marketing.members)
            json.raw(",\n" + indent)
        }
        json.key("questions")
        json.raw("[")
        for (position, question) in questions.enumerated() {
            json.raw((position == 0 ? "\n" : ",\n") + indent + " {")
            json.members([
                "id": .string(question.id), "n": .integer(question.score.n), "mean": .number(question.score.mean),
                "distribution": .integers(question.distribution),
            ])
            if let departments = question.departments {
                json.raw(", ")
                json.key("sales")
                json.object(departments.sales.members)
                json.raw(", ")
                json.key("marketing")
                json.object(departments.marketing.members)
            }
            json.raw(", ")
            json.members(["gap": .number(question.gap.value), "flagged": .bool(question.gap.isFlagged)])
            json.raw("}")
        }
        json.raw((questions.isEmpty ? "],\n" : "\n" + indent + "],\n") + indent)
        json.key("gap")
        json.number(gap)
    }
}
