internal import Mustache
internal import Render
internal import Scorecard
internal import ScoringCore

// The `data` each results layout sees (`layouts/results-index`, `results-team`, `results-round`).
extension ResultsView {
    /// How many questions "What to work on first" lists at most, and how many of the lowest-scoring.
    static let workOnFirstLimit = 5
    static let lowestCount = 3

    // MARK: - Index

    static func indexContext(_ views: [ResultsView], linker: PageLinker, showTitles: Bool) -> [String: TemplateValue] {
        guard let first = views.first else { return [:] }
        let sizes = Set(views.map(\.disclosure.minGroupSize))
        var context: [String: TemplateValue] = [
            "questionnaires": .list(
                views.map { view in
                    var entry: [String: TemplateValue] = [
                        "teams": .list(
                            view.catalog.teams.indices.map { team in
                                var object: [String: TemplateValue] = [
                                    "name": .string(view.teamName(team)),
                                    "rounds": .list(
                                        view.catalog.teams[team].rounds.indices.map { view.roundRow(team, $0, linker: linker) }),
                                ]
                                if let url = linker.dataPage(view.teamKey(team)) { object["url"] = .string(url) }
                                return .object(object)
                            })
                    ]
                    if showTitles {
                        entry["title"] = .string(view.assessmentTitle)
                        if let url = linker.dataPage(view.catalog.folder + "/index") { entry["url"] = .string(url) }
                    }
                    return .object(entry)
                })
        ]
        if sizes.count == 1 { context["privacy"] = .string(first.words.privacy(first.disclosure.minGroupSize)) }
        return context
    }

    // MARK: - Team

    func teamContext(_ team: Int, linker: PageLinker) -> [String: TemplateValue] {
        let rounds = catalog.teams[team].rounds
        var context: [String: TemplateValue] = [
            "team": .string(teamName(team)),
            "scale": .string(words.scale(assessment.scaleMin, assessment.scaleMax)),
            "rounds": .list(rounds.indices.map { roundRow(team, $0, linker: linker) }),
            "privacy": .string(words.privacy(disclosure.minGroupSize)),
        ]
        if let svg = trendChart(team, through: rounds.count - 1, current: nil) {
            context["trendChart"] = .string(svg)
        } else {
            context["trendNote"] = .string(words.trendNeedsTwoRounds)
        }
        return context
    }

    // MARK: - A team's round

    func roundContext(_ team: Int, _ round: Int, linker: PageLinker) -> [String: TemplateValue] {
        let entry = catalog.teams[team].rounds[round]
        let report = entry.report
        var context: [String: TemplateValue] = [
            "team": .string(teamName(team)),
            "round": .string(entry.label),
            "scale": .string(words.scale(assessment.scaleMin, assessment.scaleMax)),
            "privacy": .string(words.privacy(disclosure.minGroupSize)),
            "gapExplained": .string(
                words.gapExplained(threshold: assessment.questionnaire.gapThreshold, size: disclosure.minGroupSize)),
            "summary": summary(team, round),
            "questions": .list(assessment.questions.indices.map { question($0, report, linker: linker) }),
            "distributionKey": .string(
                DistributionBar.key(
                    values: (assessment.scaleMin...assessment.scaleMax).map { words.integer($0) },
                    label: words.distributionKey(
                        min: assessment.scaleMin, max: assessment.scaleMax, low: assessment.labels?.low.text(in: language),
                        high: assessment.labels?.high.text(in: language)))),
            "rounds": .list((0...round).map { roundRow(team, $0, linker: linker, current: round) }),
            "downloads": ["csv": .string(ResultsDownloads.csvName), "json": .string(ResultsDownloads.jsonName)],
        ]
        if let labels = assessment.labels {
            context["scaleLow"] = .string(labels.low.text(in: language))
            context["scaleHigh"] = .string(labels.high.text(in: language))
        }
        if let url = linker.dataPage(teamKey(team)) { context["teamURL"] = .string(url) }
        let radar = radarChart(report)
        if let svg = radar.svg { context["radarChart"] = .string(svg) }
        if let note = radar.note { context["radarNote"] = .string(note) }
        if let svg = trendChart(team, through: round, current: round) {
            context["trendChart"] = .string(svg)
        } else {
            context["trendNote"] = .string(words.trendNeedsTwoRounds)
        }
        let work = workOnFirst(team, round, linker: linker)
        context["workOnFirst"] = .list(work)
        context["hasWorkOnFirst"] = .bool(!work.isEmpty)
        return context
    }

    /// The headline numbers of a round: overall score, band, counts, each department and the gap.
    func summary(_ team: Int, _ round: Int) -> TemplateValue {
        let entry = catalog.teams[team].rounds[round]
        let report = entry.report
        var summary: [String: TemplateValue] = [
            "overall": groupScore(report.all),
            "respondents": count(entry.respondents),
            "complete": count(report.all.n),
            "gap": gap(report.overallGap),
            "departments": [
                [
                    "name": .string(words.sales), "style": "sales", "score": departmentScore(report.sales, in: report),
                    "complete": count(report.sales.n),
                ],
                [
                    "name": .string(words.marketing), "style": "marketing",
                    "score": departmentScore(report.marketing, in: report),
                    "complete": count(report.marketing.n),
                ],
            ],
        ]
        if disclosure.shows(report.all.n) {
            summary["completeText"] = .string(words.complete(report.all.n))
            summary["respondentsText"] = .string(words.respondents(entry.respondents))
        }
        let shown = disclosure.shows(report.all.n) ? report.all.mean : nil
        let bandLabels = assessment.bands.map { $0.label.text(in: language) }
        summary["scaleChart"] = .string(
            BandScale(
                id: "results-scale", title: words.scaleTitle,
                description: words.scaleDescription(
                    score: shown, band: shown == nil ? nil : report.all.band.map { bandLabels[$0] }, bands: bandLabels,
                    min: assessment.scaleMin, max: assessment.scaleMax),
                scaleMin: assessment.scaleMin, scaleMax: assessment.scaleMax,
                bands: assessment.bands.map { TrendChart.Band(min: $0.min, label: $0.label.text(in: language)) }, value: shown,
                language: language
            ).svg())
        summary["band"] = band(report.all)
        summary["hasBand"] = .bool(summary["band"] != nil)
        summary["change"] = change(team, round)
        summary["hasChange"] = .bool(summary["change"] != nil)
        return .object(summary)
    }

    /// One question's row: its numbers, its spread, each department's mean and the gap.
    func question(_ position: Int, _ report: GroupReport, linker: PageLinker) -> TemplateValue {
        let question = assessment.questions[position]
        let stats = report.all.questions[position]
        let sales = report.sales.questions[position]
        let marketing = report.marketing.questions[position]
        let gapValue = gap(report.questionGaps[position])
        var row: [String: TemplateValue] = [
            "number": .string(String(position + 1)),
            "id": .string(question.id),
            "question": .string(question.text.text(in: language)),
            "answers": count(stats.n),
            "mean": number(stats.mean, withheld: disclosure.shows(stats.n) ? nil : .tooFew),
            "sales": number(sales.mean, withheld: departmentWithheld(question: position, sales, report)),
            "marketing": number(marketing.mean, withheld: departmentWithheld(question: position, marketing, report)),
            "gap": gapValue,
            "isFlagged": .bool(report.questionGaps[position].isFlagged),
        ]
        if disclosure.shows(stats.n) {
            row["distribution"] = .string(
                DistributionBar(
                    counts: stats.distribution, scaleMin: assessment.scaleMin,
                    label: words.distribution(stats.distribution, scaleMin: assessment.scaleMin)
                ).svg())
        }
        if let low = question.low { row["low"] = .string(low.text(in: language)) }
        if let high = question.high { row["high"] = .string(high.text(in: language)) }
        return .object(row)
    }

    /// "What to work on first": the flagged questions, the largest gap first, then the
    /// lowest-scoring ones, each with why it is listed and a link to the playbook page that helps.
    func workOnFirst(_ team: Int, _ round: Int, linker: PageLinker) -> [TemplateValue] {
        let rounds = catalog.teams[team].rounds
        let report = rounds[round].report
        let questions = assessment.questions.indices
        let flagged = questions.filter { report.questionGaps[$0].isFlagged }
            .sorted { a, b in
                let (gapA, gapB) = (abs(report.questionGaps[a].value!), abs(report.questionGaps[b].value!))
                return gapA != gapB ? gapA > gapB : a < b
            }
        let scored = questions.filter { disclosure.shows(report.all.questions[$0].n) && report.all.questions[$0].mean != nil }
        let lowest = scored.sorted { a, b in
            let (meanA, meanB) = (report.all.questions[a].mean!, report.all.questions[b].mean!)
            return meanA != meanB ? meanA < meanB : a < b
        }.prefix(Self.lowestCount)
        // Flagged in earlier rounds of the team: a gap that keeps coming back, most often first.
        let earlierFlags = questions.map { q in rounds[..<round].filter { $0.report.questionGaps[q].isFlagged }.count }
        let recurring = questions.filter { earlierFlags[$0] > 0 }.sorted { a, b in
            earlierFlags[a] != earlierFlags[b] ? earlierFlags[a] > earlierFlags[b] : a < b
        }
        var chosen: [Int] = []
        for q in flagged + lowest + recurring where !chosen.contains(q) && chosen.count < Self.workOnFirstLimit {
            chosen.append(q)
        }

        return chosen.map { q in
            let question = assessment.questions[q]
            var reasons: [TemplateValue] = []
            if let gap = report.questionGaps[q].value, report.questionGaps[q].isFlagged {
                let sales = report.sales.questions[q]
                let marketing = report.marketing.questions[q]
                if departmentWithheld(question: q, sales, report) == nil,
                    departmentWithheld(question: q, marketing, report) == nil,
                    let s = sales.mean, let m = marketing.mean
                {
                    reasons.append(.string(words.largeGapReason(sales: s, marketing: m, gap: gap)))
                } else {
                    reasons.append(.string(words.flagReason(gap)))
                }
            }
            if lowest.contains(q), let mean = report.all.questions[q].mean {
                reasons.append(.string(words.lowScoreReason(mean)))
            }
            if earlierFlags[q] > 0 {
                let now = report.questionGaps[q]
                reasons.append(
                    .string(
                        now.isFlagged
                            ? words.flaggedBefore(earlierFlags[q]) : words.flaggedEarlier(earlierFlags[q], gapNow: now.value)))
            }
            var item: [String: TemplateValue] = [
                "number": .string(String(q + 1)),
                "question": .string(question.text.text(in: language)),
                "reasons": .list(reasons),
                "isFlagged": .bool(report.questionGaps[q].isFlagged),
                "linkText": .string(words.improveLink),
            ]
            if let target = question.improve(in: language)?.target, let url = linker.content(target) {
                item["improveURL"] = .string(url)
                if let title = linker.title(of: target) { item["improveTitle"] = .string(title) }
            }
            return .object(item)
        }
    }
}
