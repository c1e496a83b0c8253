internal import Content
public import Core
public import PipelineData

/// What the site's playbook blocks say the pipeline data is held against: the main language's
/// pipeline (or the standard one), its goals with a period, and its SLA rules. A translation
/// repeats the same agreements, so only the main language's blocks count.
struct PipelineAgreements {
    var stages: [String]
    var goals: [Goal] = []
    var rules: [ServiceLevelAgreement.Rule] = []

    init(site: SiteTree, rendered: [RenderedPage]) {
        let main = site.config.language
        var pipeline: Pipeline?
        var placed: [PlacedBlock] = []
        for (index, page) in rendered.enumerated() where site.pages[index].language == main {
            placed.append(contentsOf: page.blocks)
        }
        placed.sort { $0.location < $1.location }
        for item in placed {
            switch item.block {
            case .pipeline(let found) where pipeline == nil: pipeline = found
            case .goal(let goal) where item.isValid && goal.period != nil: goals.append(goal)
            case .sla(let sla): rules.append(contentsOf: sla.rules.filter { $0.stage != nil && $0.firstResponse != nil })
            default: break
            }
        }
        stages = (pipeline ?? Pipeline.standard(main)).ids
    }

    /// The zone of the first rule with business hours: what `sources.yml` falls back to.
    var businessZone: String? { rules.lazy.compactMap(\.businessHours?.timeZone).first }
}

extension SiteBuilder {
    /// Reads `content/crm/` when it has a `sources.yml`, and computes the pipeline rules; every
    /// problem goes into `diagnostics`. Nil when there is no pipeline data or it has errors.
    func pipelineReport(site: SiteTree, rendered: [RenderedPage], into diagnostics: inout Diagnostics) -> PipelineReport? {
        let content = options.contentDirectory
        guard CRMLoader.hasData(contentDirectory: content) else { return nil }
        let agreements = PipelineAgreements(site: site, rendered: rendered)
        let (data, problems) = CRMLoader.load(
            contentDirectory: content, stages: agreements.stages, fallbackZone: agreements.businessZone,
            asOf: options.pipelineAsOf, strict: options.strictData, teams: agreements.goals.contains { $0.team != nil })
        diagnostics.append(contentsOf: problems)
        if !agreements.stages.contains("sql") {
            for goal in agreements.goals {
                diagnostics.warning(
                    goal.location ?? SourceLocation(file: FileSystem.display(content)),
                    "this goal counts SQLs, the leads that enter the stage \"sql\", but the pipeline has no stage with that id, so no lead is counted; give the sales-qualified stage the id sql"
                )
            }
        }
        guard let data else { return nil }
        return PipelineReport(data, goals: agreements.goals, rules: agreements.rules)
    }

    /// `tandem pipeline`: the site's agreements held against its CRM exports, without rendering
    /// any page.
    ///
    /// - Returns: the report and the warnings.
    /// - Throws: `DiagnosticsError` with every problem, also when the site has no `crm/sources.yml`.
    public func pipeline() throws(DiagnosticsError) -> (report: PipelineReport, warnings: [Diagnostic]) {
        try checkContentFolder()
        let content = options.contentDirectory
        guard CRMLoader.hasData(contentDirectory: content) else {
            throw DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: FileSystem.display(content + "/" + CRMLoader.folder + "/sources.yml")),
                    "there is no sources.yml; put the CRM exports in \(FileSystem.display(content + "/" + CRMLoader.folder)) and list them in sources.yml (docs/pipeline.md)"
                )
            ])
        }
        var diagnostics = Diagnostics()
        let loaded = load(into: &diagnostics, theme: false)
        var site = parse(loaded, into: &diagnostics)
        let rendered = renderMarkdown(of: &site, loaded, cache: nil, into: &diagnostics)
        let report = pipelineReport(site: site, rendered: rendered, into: &diagnostics)
        try diagnostics.throwIfErrors()
        guard let report else { throw DiagnosticsError(diagnostics.all) }
        return (report, Diagnostic.limited(diagnostics.warnings))
    }
}
