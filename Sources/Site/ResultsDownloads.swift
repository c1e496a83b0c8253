internal import Core
internal import Render
internal import Scorecard
internal import ScoringCore

/// The numbers of a team's round as files to download beside its page.
///
/// Both files hold exactly what the page may show (``Disclosure``), at full precision: a number
/// the page withholds is an empty cell in the CSV and `null` in the JSON. Numbers are written as
/// `tandem score --format json` writes them, the shortest text that reads back as the same `Double`.
enum ResultsDownloads {
    static let csvName = "aggregate.csv"
    static let jsonName = "aggregate.json"

    /// A CSV cell (RFC 4180): quoted when it holds a delimiter (`,` or `;`), a quote or a line break.
    ///
    /// Text that a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab or carriage return
    /// first) gets a `'` in front, so a team name cannot run code in the spreadsheet that opens the
    /// file. Every decision is made on Unicode scalars, not characters: `"\r\n"` is one `Character`
    /// that equals neither `"\r"` nor `"\n"`, and a quote followed by a combining mark is one
    /// `Character` that is not `"\""`, yet a CSV reader sees the bytes.
    static func cell(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let guarded = scalars.first.map(formulaStarts.contains) ?? false
        guard scalars.contains(where: quotedScalars.contains) else { return guarded ? "'" + text : text }
        var out = String.UnicodeScalarView()
        out.append("\"")
        if guarded { out.append("'") }
        for scalar in scalars {
            if scalar == "\"" { out.append("\"") }
            out.append(scalar)
        }
        out.append("\"")
        return String(out)
    }

    /// What a spreadsheet may read as the start of a formula.
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
    /// What makes a cell need quotes: both delimiters a spreadsheet may assume, the quote, CR and LF.
    private static let quotedScalars: Set<Unicode.Scalar> = [",", ";", "\"", "\r", "\n"]
}

extension ResultsView {
    // MARK: - CSV

    /// One row for the round overall, then one per question:
    /// `team,round,question,text,n,mean,band,count_1..count_N,sales_n,sales_mean,marketing_n,marketing_mean,gap,flagged`.
    func csv(_ team: Int, _ round: Int) -> [UInt8] {
        let entry = catalog.teams[team].rounds[round]
        let report = entry.report
        let scale = Array(assessment.scaleMin...assessment.scaleMax)
        // Numbers are written as they are; every text goes through `cell`.
        let text = ResultsDownloads.cell
        var lines: [[String]] = []
        lines.append(
            ["team", "round", "question", "text", "n", "mean", "band"] + scale.map { "count_\($0)" }
                + ["sales_n", "sales_mean", "marketing_n", "marketing_mean", "gap", "flagged"])
        let teamName = catalog.teams[team].name ?? ""
        let showsAll = disclosure.shows(report.all.n)
        let salesShown = departmentWithheld(report.sales.n, report) == nil
        let marketingShown = departmentWithheld(report.marketing.n, report) == nil
        lines.append(
            [
                text(teamName), text(entry.label), "overall", text(words.overall), showsAll ? String(report.all.n) : "",
                showsAll ? Self.csvNumber(report.all.mean) : "",
                showsAll ? report.all.band.map { text(assessment.bands[$0].id) } ?? "" : "",
            ]
                + scale.map { _ in "" }
                + [
                    salesShown ? String(report.sales.n) : "", salesShown ? Self.csvNumber(report.sales.mean) : "",
                    marketingShown ? String(report.marketing.n) : "", marketingShown ? Self.csvNumber(report.marketing.mean) : "",
                    Self.csvNumber(report.overallGap.value),
                    report.overallGap.value == nil ? "" : String(report.overallGap.isFlagged),
                ])
        for (q, question) in assessment.questions.enumerated() {
            let stats = report.all.questions[q]
            let shows = disclosure.shows(stats.n)
            let sales = report.sales.questions[q]
            let marketing = report.marketing.questions[q]
            let salesShown = departmentWithheld(question: q, sales, report) == nil
            let marketingShown = departmentWithheld(question: q, marketing, report) == nil
            let gap = report.questionGaps[q]
            lines.append(
                [
                    text(teamName), text(entry.label), text(question.id), text(question.text.text(in: language)),
                    shows ? String(stats.n) : "",
                    shows ? Self.csvNumber(stats.mean) : "", "",
                ]
                    + stats.distribution.map { shows ? String($0) : "" }
                    + [
                        salesShown ? String(sales.n) : "", salesShown ? Self.csvNumber(sales.mean) : "",
                        marketingShown ? String(marketing.n) : "", marketingShown ? Self.csvNumber(marketing.mean) : "",
                        Self.csvNumber(gap.value), gap.value == nil ? "" : String(gap.isFlagged),
                    ])
        }
        return Array((lines.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func csvNumber(_ value: Double?) -> String {
        value.map(ScoreFormat.full) ?? ""
    }

    // MARK: - JSON

    /// The round in the shapes of `tandem score --format json`, with each department beside the
    /// group; withheld numbers are `null`.
    func json(_ team: Int, _ round: Int) -> [UInt8] {
        let entry = catalog.teams[team].rounds[round]
        let report = entry.report
        var json = JSONWriter()
        json.raw("{")
        json.members(["assessment": .string(assessment.id), "version": .integer(assessment.version)])
        json.raw(",\n ")
        json.members(["team": .string(catalog.teams[team].name), "round": .string(entry.label)])
        json.raw(",\n ")
        json.key("scale")
        json.object(["min": .integer(assessment.scaleMin), "max": .integer(assessment.scaleMax)])
        json.raw(", ")
        json.members([
            "min_group_size": .integer(disclosure.minGroupSize),
            "gap_threshold": .number(assessment.questionnaire.gapThreshold),
        ])
        json.raw(",\n ")
        json.members(["respondents": .integer(disclosure.shows(entry.respondents) ? entry.respondents : nil)])
        json.raw(",\n ")

        let showsAll = disclosure.shows(report.all.n)
        let shown = ReportJSON(
            overall: .init(n: report.all.n, mean: report.all.mean, shown: showsAll),
            band: showsAll ? report.all.band.map { assessment.bands[$0].id } : nil,
            departments: (
                sales: .init(
                    n: report.sales.n, mean: report.sales.mean, shown: departmentWithheld(report.sales.n, report) == nil),
                marketing: .init(
                    n: report.marketing.n, mean: report.marketing.mean,
                    shown: departmentWithheld(report.marketing.n, report) == nil)
            ),
            questions: assessment.questions.indices.map { q in
                let stats = report.all.questions[q]
                let shows = disclosure.shows(stats.n)
                let sales = report.sales.questions[q]
                let marketing = report.marketing.questions[q]
                return ReportJSON.Question(
                    id: assessment.questions[q].id, score: .init(n: stats.n, mean: stats.mean, shown: shows),
                    distribution: shows ? stats.distribution : nil,
                    departments: (
                        sales: .init(
                            n: sales.n, mean: sales.mean, shown: departmentWithheld(question: q, sales, report) == nil),
                        marketing: .init(
                            n: marketing.n, mean: marketing.mean,
                            shown: departmentWithheld(question: q, marketing, report) == nil)
                    ),
                    gap: report.questionGaps[q])
            },
            gap: report.overallGap.value)
        shown.write(to: &json, indent: " ")
        json.raw(", ")
        let rounds = catalog.teams[team].rounds
        let showsTrend = round > 0 && disclosure.showsTrend(current: report.all, previous: rounds[round - 1].report.all)
        json.members([
            "flagged": .bool(report.overallGap.isFlagged), "trend": .number(showsTrend ? entry.trend : nil),
        ])
        json.raw("}\n")
        return json.bytes
    }
}
