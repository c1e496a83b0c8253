internal import Core
internal import Mustache
internal import Render
internal import Scorecard
internal import ScoringCore

/// One questionnaire's results in one language: the values the results templates see under `data`.
///
/// A number reaches a template as an object that always says whether it is shown, so a section
/// never falls through to a value of an outer context:
/// `{shown: true, display: "3.7", full: "3.6666666666666665"}` or
/// `{shown: false, withheld: "fewer than 3 answers"}`. Gaps add `flagged`.
struct ResultsView: Sendable {
    let catalog: ResultsCatalog
    let language: Language

    var words: ResultsWords { ResultsWords(language) }
    var assessment: Assessment { catalog.assessment }
    var disclosure: Disclosure { catalog.disclosure }

    /// The questionnaire's id as a heading, for sites with results for several questionnaires.
    var assessmentTitle: String {
        let words = assessment.id.map { $0 == "-" || $0 == "_" ? " " : $0 }
        return String(words.prefix(1)).uppercased() + String(words.dropFirst())
    }

    func teamName(_ team: Int) -> String { catalog.teams[team].name ?? words.noTeam }
    func teamKey(_ team: Int) -> String { catalog.folder + "/" + catalog.teams[team].slug + "/index" }
    func roundKey(_ team: Int, _ round: Int) -> String {
        catalog.folder + "/" + catalog.teams[team].slug + "/" + catalog.teams[team].rounds[round].slug
    }

    // MARK: - Numbers

    func withheldText(_ reason: Disclosure.Withheld) -> String {
        switch reason {
        case .tooFew: words.fewerThan(disclosure.minGroupSize)
        case .protectsOthers: words.protectsOthers
        }
    }

    /// A mean, or why it is not shown; `–` when there is no number (nobody answered).
    func number(_ value: Double?, withheld: Disclosure.Withheld?) -> TemplateValue {
        if let withheld {
            return [
                "shown": false, "withheld": .string(withheldText(withheld)),
                "reason": .string(withheld == .tooFew ? "too-few" : "protects-others"),
            ]
        }
        guard let value else { return ["shown": false, "withheld": "–"] }
        return ["shown": true, "display": .string(words.score(value)), "full": .string(ScoreFormat.full(value))]
    }

    /// A count of answers or respondents, shown only when it is large enough.
    func count(_ n: Int) -> TemplateValue {
        disclosure.shows(n)
            ? ["shown": true, "display": .string(words.integer(n)), "full": .string(String(n))]
            : ["shown": false, "withheld": .string(words.fewerThan(disclosure.minGroupSize)), "reason": "too-few"]
    }

    /// A group's own score (everyone in it).
    func groupScore(_ score: GroupScore) -> TemplateValue {
        number(score.mean, withheld: disclosure.shows(score.n) ? nil : .tooFew)
    }

    /// A department's overall score beside its group's.
    func departmentScore(_ score: GroupScore, in report: GroupReport) -> TemplateValue {
        number(score.mean, withheld: departmentWithheld(score.n, report))
    }

    func departmentWithheld(_ n: Int, _ report: GroupReport) -> Disclosure.Withheld? {
        disclosure.department(n: n, all: report.all.n, sales: report.sales.n, marketing: report.marketing.n)
    }

    func departmentWithheld(question: Int, _ stats: QuestionStats, _ report: GroupReport) -> Disclosure.Withheld? {
        disclosure.department(
            n: stats.n, all: report.all.questions[question].n, sales: report.sales.questions[question].n,
            marketing: report.marketing.questions[question].n)
    }

    /// A gap (sales minus marketing), with its sign, and whether it is flagged.
    func gap(_ gap: Gap) -> TemplateValue {
        guard let value = gap.value else { return ["shown": false, "withheld": "–", "flagged": false] }
        var object: [String: TemplateValue] = [
            "shown": true, "display": .string(words.signed(value)), "full": .string(ScoreFormat.full(value)),
            "flagged": .bool(gap.isFlagged),
        ]
        if gap.isFlagged { object["reason"] = .string(words.flagReason(value)) }
        return .object(object)
    }

    /// The band of a group's mean, when the mean is shown.
    func band(_ score: GroupScore) -> TemplateValue? {
        guard disclosure.shows(score.n), let index = score.band else { return nil }
        let band = assessment.bands[index]
        var object: [String: TemplateValue] = [
            "id": .string(band.id), "label": .string(band.label.text(in: language)), "position": .int(index + 1),
            "of": .int(assessment.bands.count),
        ]
        if let message = band.message { object["message"] = .string(message.text(in: language)) }
        return .object(object)
    }

    /// The change of a round's overall mean since the previous round, when both are shown.
    func change(_ team: Int, _ round: Int) -> TemplateValue? {
        let rounds = catalog.teams[team].rounds
        guard round > 0, let trend = rounds[round].trend,
            disclosure.showsTrend(current: rounds[round].report.all, previous: rounds[round - 1].report.all)
        else { return nil }
        let direction = ScoreFormat.roundsToZero(trend) ? "flat" : trend > 0 ? "up" : "down"
        return [
            "display": .string(words.signed(trend)), "full": .string(ScoreFormat.full(trend)), "direction": .string(direction),
            "since": .string(rounds[round - 1].label), "text": .string(words.change(trend, since: rounds[round - 1].label)),
        ]
    }

    // MARK: - Rows

    /// A round as a row of the index's, the team's and the trend's tables.
    func roundRow(_ team: Int, _ round: Int, linker: PageLinker, current: Int? = nil) -> TemplateValue {
        let entry = catalog.teams[team].rounds[round]
        let report = entry.report
        var row: [String: TemplateValue] = [
            "label": .string(entry.label),
            "isCurrent": .bool(round == current),
            "respondents": count(entry.respondents),
            "complete": count(report.all.n),
            "overall": groupScore(report.all),
            "sales": departmentScore(report.sales, in: report),
            "marketing": departmentScore(report.marketing, in: report),
            "gap": gap(report.overallGap),
        ]
        if let url = linker.dataPage(roundKey(team, round)) { row["roundURL"] = .string(url) }
        row["band"] = band(report.all)
        row["hasBand"] = .bool(row["band"] != nil)
        row["change"] = change(team, round)
        row["hasChange"] = .bool(row["change"] != nil)
        return .object(row)
    }

    // MARK: - Charts

    /// The trend chart of a team's rounds up to `last`, or nil with fewer than two rounds.
    func trendChart(_ team: Int, through last: Int, current: Int?) -> String? {
        let rounds = Array(catalog.teams[team].rounds[...last])
        guard rounds.count >= 2 else { return nil }
        func values(_ pick: (GroupReport) -> (GroupScore, Disclosure.Withheld?)) -> [Double?] {
            rounds.map { round in
                let (score, withheld) = pick(round.report)
                return withheld == nil ? score.mean : nil
            }
        }
        let series = [
            ChartSeries(
                name: words.overall, values: values { ($0.all, disclosure.shows($0.all.n) ? nil : .tooFew) }, style: .overall),
            ChartSeries(name: words.sales, values: values { ($0.sales, departmentWithheld($0.sales.n, $0)) }, style: .sales),
            ChartSeries(
                name: words.marketing, values: values { ($0.marketing, departmentWithheld($0.marketing.n, $0)) },
                style: .marketing),
        ].filter { !$0.isEmpty }
        guard !series.isEmpty else { return nil }
        let labels = rounds.map(\.label)
        return TrendChart(
            id: "results-trend", title: words.trendTitle,
            description: words.trendDescription(
                rounds: labels, min: assessment.scaleMin, max: assessment.scaleMax, series: series),
            rounds: labels, series: series, scaleMin: assessment.scaleMin, scaleMax: assessment.scaleMax,
            bands: assessment.bands.map { TrendChart.Band(min: $0.min, label: $0.label.text(in: language)) }, current: current,
            language: language
        ).svg()
    }

    /// The radar chart of a round, or the reason there is none.
    func radarChart(_ report: GroupReport) -> (svg: String?, note: String?) {
        let questions = assessment.questions.indices
        guard questions.count >= 3 else { return (nil, words.radarNeedsThreeQuestions) }
        let overall = questions.map { q in disclosure.shows(report.all.questions[q].n) ? report.all.questions[q].mean : nil }
        func department(_ score: GroupScore) -> ChartSeries.Values {
            let values = questions.map { q in
                departmentWithheld(question: q, score.questions[q], report) == nil ? score.questions[q].mean : nil
            }
            let note = values.contains { $0 != nil } ? nil : withheldText(departmentWithheld(score.n, report) ?? .tooFew)
            return ChartSeries.Values(values: values, note: note)
        }
        let sales = department(report.sales)
        let marketing = department(report.marketing)
        let series = [
            ChartSeries(name: words.overall, values: overall, style: .overall),
            ChartSeries(name: words.sales, values: sales.values, style: .sales, note: sales.note),
            ChartSeries(name: words.marketing, values: marketing.values, style: .marketing, note: marketing.note),
        ]
        guard series.contains(where: { !$0.isEmpty }) else { return (nil, words.radarNothingToShow) }
        var largest: (question: Int, gap: Double)?
        for q in questions {
            if let value = report.questionGaps[q].value, abs(value) > abs(largest?.gap ?? 0) { largest = (q + 1, value) }
        }
        let chart = RadarChart(
            id: "results-radar", title: words.radarTitle,
            description: words.radarDescription(
                questions: questions.count, min: assessment.scaleMin, max: assessment.scaleMax, largestGap: largest),
            axes: assessment.questions.map { $0.text.text(in: language) }, axisNumbers: questions.map { String($0 + 1) },
            scaleMin: assessment.scaleMin, scaleMax: assessment.scaleMax, series: series, language: language)
        return (chart.svg(), nil)
    }
}

extension ChartSeries {
    /// A series' values with the reason it has none, if so.
    struct Values {
        var values: [Double?]
        var note: String?
    }
}
