internal import Content
internal import Core
internal import PipelineData

/// The pipeline pages (docs/pipeline.md, "The pipeline pages"): an index with a card per goal
/// period and the SLA's latest quarter, and a page per period for the monthly review. Made only
/// when the site has `crm/sources.yml` and its data reads without errors, in every language of
/// the site. Every number comes from ``PipelineReport``, the numbers `tandem pipeline` prints.
enum PipelinePages {
    /// The section's navigation position: after the playbooks (10), before the self-assessment (50).
    static let weight = 30
    static let folder = "pipeline"

    /// A period with a page: a goal's period, or a quarter of data when the site has no goal.
    struct Period: Sendable {
        /// `pipeline/2026-q1`
        var key: String
        /// `2026-Q1`, as `tandem pipeline` writes it.
        var label: String
        var goal: PipelineReport.GoalResult?
        /// The quarters it covers, `2026-Q1`.
        var quarters: [String]
    }

    static func periods(_ report: PipelineReport) -> [Period] {
        var slugs = Slug.Registry()
        _ = slugs.unique("index")
        if !report.goals.isEmpty {
            // The latest first: this quarter's review is the page people open.
            let goals = report.goals.enumerated().sorted { a, b in
                let (qa, qb) = (a.element.quarters.first ?? "", b.element.quarters.first ?? "")
                return qa != qb ? qa > qb : a.offset < b.offset
            }.map(\.element)
            return goals.map { goal in
                Period(
                    key: folder + "/" + slugs.unique(goal.period + (goal.team.map { " " + $0 } ?? "")), label: goal.period,
                    goal: goal, quarters: goal.quarters)
            }
        }
        let quarters = Set(report.sla.map(\.quarter) + report.funnel.map(\.quarter)).sorted(by: >)
        return quarters.map { Period(key: folder + "/" + slugs.unique($0), label: $0, goal: nil, quarters: [$0]) }
    }

    /// The period whose page shows a quarter: the first that covers it.
    static func period(showing quarter: String, in periods: [Period]) -> Period? {
        periods.first { $0.quarters.contains(quarter) }
    }

    static func pages(data: SiteData, config: SiteConfig) -> [DataPage] {
        guard let pipeline = data.pipeline else { return [] }
        let periods = periods(pipeline.report)
        var languages = [config.language]
        for language in config.translations.keys.sorted() where !languages.contains(language) { languages.append(language) }
        var pages: [DataPage] = []
        for language in languages {
            let words = PipelineWords(language)
            let view = PipelineView(data: pipeline, periods: periods, language: language, mainLanguage: config.language)
            pages.append(
                DataPage(
                    key: folder + "/index", language: language, title: words.indexTitle, description: words.indexDescription,
                    weight: weight, layout: "layouts/pipeline-index", context: { linker in view.indexContext(linker: linker) }))
            for (i, period) in periods.enumerated() {
                pages.append(
                    DataPage(
                        key: period.key, language: language, title: words.periodTitle(period.label, team: period.goal?.team),
                        description: words.periodDescription(period.label, team: period.goal?.team), weight: i,
                        layout: "layouts/pipeline-period", context: { linker in view.periodContext(i, linker: linker) }))
            }
        }
        return pages
    }
}
