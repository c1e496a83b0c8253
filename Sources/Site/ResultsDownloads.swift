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
        var out: [UInt8] = []
        func key(_ name: String) {
            JSONText.appendQuoted(name, to: &out)
            out += Array(": ".utf8)
        }
        func raw(_ text: String) { out += Array(text.utf8) }
        func count(_ n: Int, shown: Bool) {
            if shown { JSONText.appendInteger(n, to: &out) } else { raw("null") }
        }
        func score(_ n: Int, _ mean: Double?, shown: Bool) {
            raw("{")
            key("n")
            count(n, shown: shown)
            raw(", ")
            key("mean")
            JSONText.appendNumber(shown ? mean : nil, to: &out)
            raw("}")
        }

        raw("{")
        key("assessment")
        JSONText.appendQuoted(assessment.id, to: &out)
        raw(", ")
        key("version")
        JSONText.appendInteger(assessment.version, to: &out)
        raw(",\n ")
        key("team")
        if let name = catalog.teams[team].name { JSONText.appendQuoted(name, to: &out) } else { raw("null") }
        raw(", ")
        key("round")
        JSONText.appendQuoted(entry.label, to: &out)
        raw(",\n ")
        key("scale")
        raw("{")
        key("min")
        JSONText.appendInteger(assessment.scaleMin, to: &out)
        raw(", ")
        key("max")
        JSONText.appendInteger(assessment.scaleMax, to: &out)
        raw("}, ")
        key("min_group_size")
        JSONText.appendInteger(disclosure.minGroupSize, to: &out)
        raw(", ")
        key("gap_threshold")
        JSONText.appendNumber(assessment.questionnaire.gapThreshold, to: &out)
        raw(",\n ")
        key("respondents")
        count(entry.respondents, shown: disclosure.shows(entry.respondents))
        raw(",\n ")

        let showsAll = disclosure.shows(report.all.n)
        key("overall")
        raw("{")
        key("n")
        count(report.all.n, shown: showsAll)
        raw(", ")
        key("mean")
        JSONText.appendNumber(showsAll ? report.all.mean : nil, to: &out)
        raw(", ")
        key("band")
        if showsAll, let band = report.all.band {
            JSONText.appendQuoted(assessment.bands[band].id, to: &out)
        } else {
            raw("null")
        }
        raw("},\n ")
        key("sales")
        score(report.sales.n, report.sales.mean, shown: departmentWithheld(report.sales.n, report) == nil)
        raw(",\n ")
        key("marketing")
        score(report.marketing.n, report.marketing.mean, shown: departmentWithheld(report.marketing.n, report) == nil)
        raw(",\n ")
        key("questions")
        raw("[")
        for (q, question) in assessment.questions.enumerated() {
            let stats = report.all.questions[q]
            let shows = disclosure.shows(stats.n)
            raw(q == 0 ? "\n  {" : ",\n  {")
            key("id")
            JSONText.appendQuoted(question.id, to: &out)
            raw(", ")
            key("n")
            count(stats.n, shown: shows)
            raw(", ")
            key("mean")
            JSONText.appendNumber(shows ? stats.mean : nil, to: &out)
            raw(", ")
            key("distribution")
            if shows {
                raw("[")
                for (i, value) in stats.distribution.enumerated() {
                    if i > 0 { raw(", ") }
                    JSONText.appendInteger(value, to: &out)
                }
                raw("]")
            } else {
                raw("null")
            }
            raw(", ")
            key("sales")
            let sales = report.sales.questions[q]
            score(sales.n, sales.mean, shown: departmentWithheld(question: q, sales, report) == nil)
            raw(", ")
            key("marketing")
            let marketing = report.marketing.questions[q]
            score(marketing.n, marketing.mean, shown: departmentWithheld(question: q, marketing, report) == nil)
            raw(", ")
            key("gap")
            JSONText.appendNumber(report.questionGaps[q].value, to: &out)
            raw(", ")
            key("flagged")
            raw(report.questionGaps[q].isFlagged ? "true" : "false")
            raw("}")
        }
        raw(assessment.questions.isEmpty ? "],\n " : "\n ],\n ")
        key("gap")
        JSONText.appendNumber(report.overallGap.value, to: &out)
        raw(", ")
        key("flagged")
        raw(report.overallGap.isFlagged ? "true" : "false")
        raw(", ")
        key("trend")
        let rounds = catalog.teams[team].rounds
        let showsTrend = round > 0 && disclosure.showsTrend(current: report.all, previous: rounds[round - 1].report.all)
        JSONText.appendNumber(showsTrend ? entry.trend : nil, to: &out)
        raw("}\n")
        return out
    }
}
