internal import Content
internal import Core
internal import Mustache
internal import PipelineData
internal import Render

/// The pipeline report in one language: the values the pipeline layouts see under `data`.
///
/// A number reaches a template rounded for people (`display`) and at full precision (`full`, for
/// a `data-` attribute), so a reader or a test can check each against `tandem pipeline --format json`.
struct PipelineView: Sendable {
    let data: SitePipelineData
    let periods: [PipelinePages.Period]
    let language: Language
    let mainLanguage: Language

    var report: PipelineReport { data.report }
    var words: PipelineWords { PipelineWords(language) }

    func stageName(_ id: String) -> String { data.stageName(id, in: language, main: mainLanguage) }

    /// `{display, full}`; `full` is the value as the JSON writes it, empty for none.
    func number(_ display: String, _ full: Double?) -> TemplateValue {
        // Always a `full`, so that a number without one does not show an outer section's.
        ["display": .string(display), "full": .string(full.map(ScoreFormat.full) ?? "")]
    }

    /// A count the JSON writes as a whole number, shown as `display`.
    func number(_ display: String, count n: Int) -> TemplateValue {
        ["display": .string(display), "full": .string(String(n))]
    }

    func count(_ n: Int) -> TemplateValue { number(words.integer(n), count: n) }

    // MARK: - Index

    func indexContext(linker: PageLinker) -> [String: TemplateValue] {
        var context: [String: TemplateValue] = [
            "asOf": .string(words.measuredFrom(report)),
            "privacy": .string(words.privacy),
        ]
        // The latest period at a glance beside the SLA; the earlier ones below.
        let cards: [TemplateValue] = periods.indices.map { i in
            var entry: [String: TemplateValue] = [
                "title": .string(words.period(periods[i].label) + (periods[i].goal?.team.map { ", " + $0 } ?? "")),
                "metrics": .list(metrics(periods[i])),
            ]
            if let url = linker.dataPage(periods[i].key) { entry["url"] = .string(url) }
            return .object(entry)
        }
        if let first = cards.first { context["current"] = first }
        if cards.count > 1 {
            context["earlier"] = .list(Array(cards.dropFirst()))
            context["hasEarlier"] = true
        }
        if let quarter = report.funnel.last, let weakest = Self.weakest(quarter) {
            let stage = quarter.stages[weakest]
            context["weakest"] = .string(
                words.weakestStep(
                    quarter: words.period(quarter.quarter), stage: stageName(stage.stage),
                    next: stageName(
                        (quarter.stages[(weakest + 1)...].first { $0.entered > 0 } ?? quarter.stages[weakest + 1]).stage),
                    conversion: stage.conversion ?? 0))
            context["weakestConversion"] = .string(ScoreFormat.full(stage.conversion ?? 0))
        }
        let rules = latestRules(linker: linker)
        if !rules.isEmpty {
            context["rules"] = .list(rules)
            context["hasRules"] = true
        }
        return context
    }

    /// Each SLA rule's latest quarter with measured cases (else its latest), and the change
    /// since the quarter before.
    func latestRules(linker: PageLinker) -> [TemplateValue] {
        return slaStages.compactMap { stage -> TemplateValue? in
            let results = report.sla.filter { $0.stage == stage }
            guard let index = Self.latestMeasured(results) else { return nil }
            let latest = results[index]
            let span = words.span(latest.firstResponse, business: latest.businessHours != nil)
            var entry: [String: TemplateValue] = [
                "stage": .string(stageName(stage)),
                "stageID": .string(stage),
                "quarter": .string(words.period(latest.quarter)),
                "quarterID": .string(latest.quarter),
                "compliance": latest.counts.compliance.map { number(words.percent($0), $0) } ?? number("–", nil),
                "sentence": .string(words.compliance(latest.counts, span: span)),
            ]
            if index > 0, let now = latest.counts.compliance, let before = results[index - 1].counts.compliance {
                entry["change"] = .string(
                    words.points(now - before) + language.pick(" since ", " siden ")
                        + words.period(results[index - 1].quarter))
            }
            if let period = PipelinePages.period(showing: latest.quarter, in: periods), let url = linker.dataPage(period.key) {
                entry["url"] = .string(url)
            }
            return .object(entry)
        }
    }

    /// The SLA rules' stages, in the order of the rules.
    var slaStages: [String] {
        var stages: [String] = []
        for result in report.sla where !stages.contains(result.stage) { stages.append(result.stage) }
        return stages
    }

    /// The last result with measured cases, else the last one.
    static func latestMeasured(_ results: [PipelineReport.SLAResult]) -> Int? {
        results.lastIndex { $0.counts.compliance != nil } ?? (results.isEmpty ? nil : results.count - 1)
    }

    /// A goal's headline numbers: SQLs against the target and the pace, won deals against the
    /// minimum, the close rate, revenue against the target.
    func metrics(_ period: PipelinePages.Period) -> [TemplateValue] {
        guard let goal = period.goal else { return [] }
        guard goal.started else {
            return [["label": .string(words.sqlsLabel), "value": number("–", nil), "note": .string(words.notStarted)]]
        }
        var list: [TemplateValue] = []
        var sqlNote: [String] = []
        if let target = goal.sqlTarget, target > 0 {
            sqlNote.append(words.shareOfTarget(Double(goal.delivered) / Double(target)))
            if let expected = goal.expectedToDate {
                sqlNote.append(
                    words.pace(delivered: goal.delivered, expected: expected, ended: expected >= Double(target) - 1e-9))
            }
        }
        list.append([
            "key": "delivered", "label": .string(words.sqlsLabel),
            "value": number(
                goal.sqlTarget.map { words.ofTarget(words.integer(goal.delivered), words.integer($0)) }
                    ?? words.integer(goal.delivered), count: goal.delivered),
            "note": .string(sqlNote.joined(separator: "; ")),
            "attributes": attributes([
                ("delivered", String(goal.delivered)), ("sql-target", goal.sqlTarget.map(String.init)),
                ("expected-to-date", goal.expectedToDate.map(ScoreFormat.full)),
            ]),
        ])
        list.append([
            "key": "won", "label": .string(words.wonLabel),
            "value": number(
                goal.minClosed.map { words.ofAtLeast(words.integer(goal.won), words.integer($0)) } ?? words.integer(goal.won),
                count: goal.won),
            "attributes": attributes([("won", String(goal.won)), ("min-closed", goal.minClosed.map(String.init))]),
        ])
        if let rate = goal.closeRate {
            var entry: [String: TemplateValue] = [
                "key": "close-rate", "label": .string(words.closeRateLabel), "value": number(words.percent(rate), rate),
                "attributes": attributes([("close-rate", ScoreFormat.full(rate))]),
            ]
            if let min = goal.minClosed, let target = goal.sqlTarget, target > 0 {
                entry["note"] = .string(words.closeRateTarget(Double(min) / Double(target)))
            }
            list.append(.object(entry))
        }
        if let revenue = goal.revenue {
            var entry: [String: TemplateValue] = [
                "key": "revenue", "label": .string(words.revenueLabel),
                "value": number(
                    goal.revenueTarget.map {
                        words.ofTarget(words.money(revenue, goal.currency), words.money($0, goal.currency))
                    } ?? words.money(revenue, goal.currency), revenue),
                "attributes": attributes([
                    ("revenue", ScoreFormat.full(revenue)), ("revenue-target", goal.revenueTarget.map(ScoreFormat.full)),
                ]),
            ]
            var notes: [String] = []
            if let target = goal.revenueTarget, target > 0 { notes.append(words.shareOfTarget(revenue / target)) }
            for other in goal.otherCurrencies { notes.append(words.notConverted(other.amount, other.currency)) }
            if !notes.isEmpty { entry["note"] = .string(notes.joined(separator: "; ")) }
            list.append(.object(entry))
        }
        return list
    }

    /// `data-name="value as the JSON writes it"` pairs for a template: `[{name, value}]`, nil
    /// values left out.
    func attributes(_ pairs: [(String, String?)]) -> TemplateValue {
        .list(pairs.compactMap { name, value in value.map { ["name": .string(name), "value": .string($0)] } })
    }

    // MARK: - A period

    func periodContext(_ index: Int, linker: PageLinker) -> [String: TemplateValue] {
        let period = periods[index]
        var context: [String: TemplateValue] = [
            "asOf": .string(words.measuredFrom(report)),
            "privacy": .string(words.privacy),
            "period": .string(words.period(period.label)),
            "periodID": .string(period.label),
            "metrics": .list(metrics(period)),
            "quality": quality(),
        ]
        if let url = linker.dataPage(PipelinePages.folder + "/index") { context["indexURL"] = .string(url) }
        if let goal = period.goal {
            if goal.started, !goal.months.isEmpty { context["months"] = months(goal, id: "pipeline-sqls-\(index)") }
            if !goal.bySource.isEmpty { context["bySource"] = breakdown(goal.bySource, goal: goal) }
            // Campaigns only when the export names some.
            if goal.byCampaign.contains(where: { $0.label != nil }) {
                context["byCampaign"] = breakdown(goal.byCampaign, goal: goal)
            }
        }
        let rules = slaRules(period, index: index)
        if !rules.isEmpty { context["rules"] = .list(rules) }
        let funnel = report.funnel.filter { period.quarters.contains($0.quarter) }
        if !funnel.isEmpty {
            context["funnel"] = .list(funnel.map { funnelQuarter($0) })
            context["hasFunnel"] = true
        }
        return context
    }

    /// The SQLs month by month: the running total against the straight line to the target.
    func months(_ goal: PipelineReport.GoalResult, id: String) -> TemplateValue {
        var total = 0
        let asOfMonth = String(report.asOfDate.prefix(7))
        var totals: [Int?] = []
        var rows: [TemplateValue] = []
        for (i, month) in goal.months.enumerated() {
            let future = month.month > asOfMonth
            total += month.delivered
            totals.append(future ? nil : total)
            var row: [String: TemplateValue] = [
                "month": .string(words.month(month.month)), "delivered": count(month.delivered),
                "total": future ? number("–", nil) : count(total),
            ]
            if let target = goal.sqlTarget {
                let pace = Double(target) * Double(i + 1) / Double(goal.months.count)
                row["pace"] = number(words.integer(Int(pace.rounded())), pace)
            }
            rows.append(.object(row))
        }
        let chart = CumulativeChart(
            id: id, title: language.pick("SQLs delivered, month by month", "Leverede SQL'er, måned for måned"),
            description: language.pick(
                "The running total of SQLs at the end of each month against a straight line to the target of \(goal.sqlTarget.map(words.integer) ?? "–").",
                "Det løbende antal SQL'er ved hver måneds udgang mod en lige linje til målet på \(goal.sqlTarget.map(words.integer) ?? "–")."
            ), labels: goal.months.map { words.month($0.month, short: true) }, totals: totals, target: goal.sqlTarget,
            totalName: language.pick("SQLs so far", "SQL'er indtil nu"),
            targetName: language.pick("Pace to the target", "Takt mod målet"), language: language)
        return ["chart": .string(chart.svg()), "rows": .list(rows), "hasPace": .bool(goal.sqlTarget != nil)]
    }

    func breakdown(_ rows: [PipelineReport.Breakdown], goal: PipelineReport.GoalResult) -> TemplateValue {
        [
            "hasRevenue": .bool(goal.revenue != nil),
            "rows": .list(
                rows.map { row in
                    var entry: [String: TemplateValue] = [
                        "label": .string(row.label ?? language.pick("(none in the export)", "(ingen i eksporten)")),
                        "delivered": count(row.delivered), "won": count(row.won),
                    ]
                    if let revenue = row.revenue { entry["revenue"] = number(words.money(revenue, goal.currency), revenue) }
                    if row.delivered > 0 {
                        entry["rate"] = number(words.percent(Double(row.won) / Double(row.delivered)), nil)
                    }
                    return .object(entry)
                }),
        ]
    }

    // MARK: - The SLA

    /// Each SLA rule's quarters in the period, with the compliance of every quarter up to the
    /// period's end as a chart.
    func slaRules(_ period: PipelinePages.Period, index: Int) -> [TemplateValue] {
        let last = period.quarters.last ?? ""
        return slaStages.enumerated().map { r, stage in
            let all = report.sla.filter { $0.stage == stage && $0.quarter <= last }
            let shown = all.filter { period.quarters.contains($0.quarter) }
            let name = stageName(stage)
            let anyRule = report.sla.first { $0.stage == stage }!
            let span = words.span(anyRule.firstResponse, business: anyRule.businessHours != nil)
            var entry: [String: TemplateValue] = [
                "title": .string(words.ruleTitle(name)), "stageID": .string(stage),
                "id": .string("pipeline-sla-\(Slug.make(stage))"),
                "rule": .string(
                    language.pick("First response within \(span).", "Første svar inden for \(span).")),
                "quarters": .list(
                    shown.enumerated().map { q, result in slaQuarter(result, id: "pipeline-\(index)-\(r)-\(q)", span: span) }),
            ]
            if shown.isEmpty { entry["empty"] = .string(words.capitalized(words.noCases(name)) + ".") }
            if all.count > 1 {
                let chart = BarChart(
                    id: "pipeline-\(index)-\(r)-compliance",
                    title: language.pick("\(name): SLA kept, quarter by quarter", "\(name): SLA overholdt, kvartal for kvartal"),
                    description: language.pick(
                        "The share of measured cases answered within \(span), per quarter.",
                        "Andelen af målte tilfælde besvaret inden for \(span), pr. kvartal."),
                    rows: all.map {
                        BarChart.Row(
                            label: words.period($0.quarter), value: $0.counts.compliance,
                            text: $0.counts.compliance.map(words.percent) ?? "–", isCurrent: period.quarters.contains($0.quarter))
                    }, scale: 1)
                entry["complianceChart"] = .string(chart.svg())
                entry["complianceRows"] = .list(
                    all.map {
                        [
                            "quarter": .string(words.period($0.quarter)),
                            "compliance": $0.counts.compliance.map { c in number(words.percent(c), c) } ?? number("–", nil),
                            "measured": count($0.counts.met + $0.counts.late + $0.counts.missed),
                        ]
                    })
            }
            return .object(entry)
        }
    }

    func slaQuarter(_ result: PipelineReport.SLAResult, id: String, span: String) -> TemplateValue {
        let counts = result.counts
        var entry: [String: TemplateValue] = [
            "quarter": .string(words.period(result.quarter)), "quarterID": .string(result.quarter),
            "sentence": .string(words.capitalized(words.compliance(counts, span: span))),
            "cases": count(counts.cases),
            "outcomes": .list(
                words.outcomes.map { key, label, help in
                    let n =
                        switch key {
                        case "met": counts.met
                        case "late": counts.late
                        case "missed": counts.missed
                        case "pending": counts.pending
                        default: counts.unmeasured
                        }
                    return ["key": .string(key), "label": .string(label), "help": .string(help), "count": count(n)]
                }),
            "months": .list(result.months.map { month($0.month, $0.counts) }),
            "hasEscalation": .bool(counts.shouldEscalate != nil),
            "medianLabel": .string(language.pick("median", "median")),
            "p90Label": .string(language.pick("90% answered within", "90 % besvaret inden for")),
        ]
        if let median = counts.medianSeconds { entry["median"] = number(words.duration(median), median) }
        if let p90 = counts.p90Seconds { entry["p90"] = number(words.duration(p90), p90) }
        if let escalate = counts.shouldEscalate {
            entry["escalate"] = count(escalate)
            entry["escalateSentence"] = .string(words.capitalized(words.shouldEscalate(escalate)) + ".")
        }
        let answered = counts.met + counts.late
        if answered > 0 {
            let labels = words.bandLabels
            let rows = counts.bands.enumerated().map { i, n in
                BarChart.Row(
                    label: labels[i], value: Double(n),
                    text: words.integer(n) + " (" + words.percent(Double(n) / Double(answered)) + ")")
            }
            let chart = BarChart(
                id: id + "-bands",
                title: language.pick(
                    "\(words.period(result.quarter)): time to the first response",
                    "\(words.period(result.quarter)): tid til første svar"),
                description: language.pick(
                    "How many of the \(words.integer(answered)) answered cases were answered within each band of business time.",
                    "Hvor mange af de \(words.integer(answered)) besvarede tilfælde der blev besvaret inden for hvert interval af arbejdstid."
                ),
                rows: rows, scale: Double(counts.bands.max() ?? 1))
            entry["bandsChart"] = .string(chart.svg())
            entry["bands"] = .list(
                counts.bands.enumerated().map { i, n in
                    [
                        "label": .string(labels[i]), "count": count(n),
                        "share": number(words.percent(Double(n) / Double(answered)), nil),
                    ]
                })
        }
        if let owners = result.owners, !owners.isEmpty {
            entry["hasOwners"] = true
            entry["owners"] = .list(
                owners.map { owner in
                    [
                        "owner": .string(owner.owner), "cases": count(owner.counts.cases),
                        "compliance": owner.counts.compliance.map { number(words.percent($0), $0) } ?? number("–", nil),
                        "median": owner.counts.medianSeconds.map { number(words.duration($0), $0) } ?? number("–", nil),
                    ]
                })
        }
        return .object(entry)
    }

    func month(_ label: String, _ counts: PipelineReport.SLACounts) -> TemplateValue {
        var row: [String: TemplateValue] = [
            "month": .string(words.month(label)), "cases": count(counts.cases), "met": count(counts.met),
            "late": count(counts.late), "missed": count(counts.missed), "pending": count(counts.pending),
            "compliance": counts.compliance.map { number(words.percent($0), $0) } ?? number("–", nil),
        ]
        if let escalate = counts.shouldEscalate { row["escalate"] = count(escalate) }
        return .object(row)
    }

    // MARK: - The funnel

    func funnelQuarter(_ quarter: PipelineReport.FunnelQuarter) -> TemplateValue {
        [
            "quarter": .string(words.period(quarter.quarter)),
            "stages": .list(
                quarter.stages.enumerated().map { i, stage in
                    var row: [String: TemplateValue] = [
                        "stage": .string(stageName(stage.stage)), "entered": count(stage.entered),
                        "advanced": count(stage.advanced),
                        "conversion": stage.conversion.map { number(words.percent($0), $0) } ?? number("–", nil),
                        "medianDays": stage.medianDays.map { number(words.days($0), $0) } ?? number("–", nil),
                    ]
                    // The weakest step: the lowest conversion of a stage before the last.
                    if i < quarter.stages.count - 1, let weakest = Self.weakest(quarter), weakest == i {
                        row["weakest"] = .bool(true)
                    }
                    return .object(row)
                }),
        ]
    }

    /// The stage (before the last) with the lowest conversion among those leads entered.
    static func weakest(_ quarter: PipelineReport.FunnelQuarter) -> Int? {
        quarter.stages.dropLast().indices.filter { quarter.stages[$0].entered > 0 && quarter.stages[$0].conversion != nil }
            .min { quarter.stages[$0].conversion! < quarter.stages[$1].conversion! }
    }

    // MARK: - Data quality

    /// `crm/deals.csv:8` for `content/crm/deals.csv:8`: where a problem is, from the content
    /// folder, the same wherever the site is built from.
    static func withinContent(_ location: String) -> String {
        let parts = location.split(separator: "/", omittingEmptySubsequences: false)
        guard let folder = parts.dropLast().lastIndex(of: Substring(CRMLoader.folder)) else { return location }
        return parts[folder...].joined(separator: "/")
    }

    func quality() -> TemplateValue {
        let quality = report.quality
        var entry: [String: TemplateValue] = [
            "rows": count(quality.rows), "used": count(quality.used),
            "sentence": .string(
                language.pick(
                    "\(words.integer(quality.rows)) rows read, \(words.integer(quality.used)) used.",
                    "\(words.integer(quality.rows)) rækker læst, \(words.integer(quality.used)) brugt.")),
        ]
        if !quality.problems.isEmpty {
            entry["hasProblems"] = true
            entry["problems"] = .list(
                quality.problems.map {
                    [
                        "message": .string($0.message), "count": count($0.count),
                        "first": .string(Self.withinContent($0.first.description)),
                    ]
                })
        }
        return .object(entry)
    }
}
