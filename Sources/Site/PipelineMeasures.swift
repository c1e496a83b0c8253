internal import Content
internal import Core
internal import PipelineData
internal import Render

/// The "measured" lines the `goal` and `sla` blocks show when the site has pipeline data: the
/// latest numbers for the goal's period, or the rule's latest quarter with measured cases, each
/// linking to the pipeline page they come from.
struct PipelineMeasures: Sendable {
    let data: SitePipelineData
    let periods: [PipelinePages.Period]
    let site: SiteTree

    init(data: SitePipelineData, site: SiteTree) {
        self.data = data
        self.periods = PipelinePages.periods(data.report)
        self.site = site
    }

    var report: PipelineReport { data.report }

    /// The URL of a pipeline page from a page, in that page's language.
    func url(_ key: String, from page: Int) -> String? {
        let from = site.pages[page]
        guard let index = site.byKey[key]?[from.language] else { return nil }
        return URLPath.relative(from: from.outputDirectory, to: site.pages[index].outputPath)
    }

    func goal(_ goal: Goal, from page: Int) -> BlockMeasure? {
        guard let label = goal.period?.description,
            let period = periods.first(where: { $0.goal?.period == label && $0.goal?.team == goal.team }),
            let result = period.goal
        else { return nil }
        let words = PipelineWords(site.pages[page].language)
        var parts: [String] = []
        if !result.started {
            parts.append(words.notStarted)
        } else {
            var sqls =
                result.sqlTarget.map { words.ofTarget(words.integer(result.delivered), words.integer($0)) }
                ?? words.integer(result.delivered)
            sqls += " " + words.language.pick("SQLs", "SQL'er")
            if let expected = result.expectedToDate, let target = result.sqlTarget, expected < Double(target) - 1e-9 {
                sqls += " (" + words.pace(delivered: result.delivered, expected: expected, ended: false) + ")"
            }
            parts.append(sqls)
            var won = words.integer(result.won)
            if let min = result.minClosed { won = words.ofAtLeast(won, words.integer(min)) }
            parts.append(won + " " + words.language.pick("deals won", "vundne aftaler"))
            if let revenue = result.revenue {
                parts.append(
                    result.revenueTarget.map {
                        words.ofTarget(words.money(revenue, result.currency), words.money($0, result.currency))
                    } ?? words.money(revenue, result.currency))
            }
        }
        let text =
            words.capitalized(words.language.pick("as of ", "pr. ") + words.asOf(report)) + ": " + parts.joined(separator: ", ")
            + "."
        var numbers: [String: String] = ["delivered": String(result.delivered), "won": String(result.won)]
        if let expected = result.expectedToDate { numbers["expected-to-date"] = ScoreFormat.full(expected) }
        if let revenue = result.revenue { numbers["revenue"] = ScoreFormat.full(revenue) }
        return BlockMeasure(
            label: words.measuredLabel, text: text, linkText: words.seePage(period.label), url: url(period.key, from: page),
            data: numbers)
    }

    func rule(_ rule: ServiceLevelAgreement.Rule, from page: Int) -> BlockMeasure? {
        guard let stage = rule.stage, let span = rule.firstResponse else { return nil }
        let language = site.pages[page].language
        let words = PipelineWords(language)
        let name = data.stageName(stage, in: language, main: site.config.language)
        let results = report.sla.filter { $0.stage == stage && $0.firstResponse == span }
        guard let index = PipelineView.latestMeasured(results) else {
            return BlockMeasure(
                label: words.measuredLabel, text: words.capitalized(words.noCases(name)) + ".", linkText: words.seeIndex,
                url: url(PipelinePages.folder + "/index", from: page))
        }
        let result = results[index]
        let counts = result.counts
        var text =
            name + " " + words.measuredIn(result.quarter) + ": "
            + words.compliance(counts, span: words.span(span, business: rule.businessHours != nil))
        if let median = counts.medianSeconds { text += ", " + words.median(median) }
        if let escalate = counts.shouldEscalate, escalate > 0 { text += "; " + words.shouldEscalate(escalate) }
        text += "."
        var numbers: [String: String] = [
            "stage": stage, "quarter": result.quarter, "met": String(counts.met),
            "measured": String(counts.met + counts.late + counts.missed),
        ]
        if let compliance = counts.compliance { numbers["compliance"] = ScoreFormat.full(compliance) }
        if let median = counts.medianSeconds { numbers["median-s"] = ScoreFormat.full(median) }
        if let escalate = counts.shouldEscalate { numbers["should-escalate"] = String(escalate) }
        let period = PipelinePages.period(showing: result.quarter, in: periods)
        return BlockMeasure(
            label: words.measuredLabel, text: text, linkText: period.map { words.seePage($0.label) } ?? words.seeIndex,
            url: url(period?.key ?? PipelinePages.folder + "/index", from: page), data: numbers)
    }
}
