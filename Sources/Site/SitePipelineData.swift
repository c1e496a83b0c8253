internal import Content
public import Core
internal import Markdown
public import PipelineData

/// What the site's playbook blocks say the pipeline data is held against: the main language's
/// pipeline (or the standard one), its goals with a period, and its SLA rules. A translation
/// repeats the same agreements, so only the main language's blocks count.
struct PipelineAgreements {
    var stages: [String]
    var goals: [Goal] = []
    var rules: [ServiceLevelAgreement.Rule] = []
    /// The first pipeline block of each language: the stages' names on that language's pages.
    var pipelines: [Language: Pipeline] = [:]

    /// Finds the blocks before the pages are rendered, so that the pipeline pages are part of the
    /// site (its navigation, its links) and the blocks can show their measure.
    ///
    /// Only the pages with a line that opens a `pipeline`, `goal` or `sla` fence are parsed (a
    /// translation's only for its pipeline); problems are left to the rendering pass, which
    /// reports them.
    init(pages: [Page], mainLanguage: Language) {
        var placed: [(location: SourceLocation, block: PlaybookBlock)] = []
        var translated: [(location: SourceLocation, language: Language, pipeline: Pipeline)] = []
        for page in pages
        where page.source != nil
            && SitePipelines.opensFence(
                page.body, words: page.language == mainLanguage ? ["pipeline", "goal", "sla"] : ["pipeline"])
        {
            _ = Markdown.render(page.body, options: MarkdownOptions(lineOffset: page.bodyLine)) { _ in
                nil
            } renderBlock: { fenced in
                guard let kind = PlaybookBlock.Kind(info: fenced.info), kind == .pipeline || kind == .goal || kind == .sla
                else { return nil }
                let (block, problems) = PlaybookBlock.parse(
                    kind, yaml: fenced.literal, file: page.display, fenceLine: fenced.line, fenceColumn: fenced.column)
                let location = SourceLocation(file: page.display, line: fenced.line, column: fenced.column)
                if let block, !problems.contains(where: { $0.severity == .error }) {
                    if page.language == mainLanguage {
                        placed.append((location, block))
                    } else if case .pipeline(let pipeline) = block {
                        translated.append((location, page.language, pipeline))
                    }
                }
                return nil
            }
        }
        placed.sort { $0.location < $1.location }
        var pipeline: Pipeline?
        for item in placed {
            switch item.block {
            case .pipeline(let found) where pipeline == nil: pipeline = found
            case .goal(let goal) where goal.period != nil: goals.append(goal)
            case .sla(let sla): rules.append(contentsOf: sla.rules.filter { $0.stage != nil && $0.firstResponse != nil })
            default: break
            }
        }
        stages = (pipeline ?? Pipeline.standard(mainLanguage)).ids
        if let pipeline { pipelines[mainLanguage] = pipeline }
        for item in translated.sorted(by: { $0.location < $1.location }) where pipelines[item.language] == nil {
            pipelines[item.language] = item.pipeline
        }
    }

    /// The zone of the first rule with business hours: what `sources.yml` falls back to.
    var businessZone: String? { rules.lazy.compactMap(\.businessHours?.timeZone).first }
}

/// The pipeline report of a site and what its pages need to show it: the stages' names per language.
struct SitePipelineData: Sendable {
    var report: PipelineReport
    var pipelines: [Language: Pipeline]

    /// A stage's name on a page in `language`: its translation's pipeline, the main one's, or the standard one's.
    func stageName(_ id: String, in language: Language, main: Language) -> String {
        pipelines[language]?.stage(id)?.name ?? pipelines[main]?.stage(id)?.name ?? Pipeline.standard(language).stage(id)?.name
            ?? id
    }
}

extension SiteBuilder {
    /// Reads `content/crm/` when it has a `sources.yml`, and computes the pipeline rules over the
    /// agreements of the site's pages; every problem goes into `diagnostics`. Nil when there is
    /// no pipeline data or it has errors.
    func pipelineReport(pages: [Page], config: SiteConfig, into diagnostics: inout Diagnostics) -> SitePipelineData? {
        let content = options.contentDirectory
        guard CRMLoader.hasData(contentDirectory: content) else { return nil }
        let agreements = PipelineAgreements(pages: pages, mainLanguage: config.language)
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
        return SitePipelineData(
            report: PipelineReport(data, goals: agreements.goals, rules: agreements.rules), pipelines: agreements.pipelines)
    }

    /// `tandem pipeline`: the site's agreements held against its CRM exports, without writing
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
        var loaded = load(into: &diagnostics, theme: false)
        var site = parse(&loaded, into: &diagnostics)
        // The pages are rendered for their checks: a block with a mistake stops this as it stops a build.
        _ = renderMarkdown(of: &site, loaded, cache: nil, into: &diagnostics)
        try diagnostics.throwIfErrors()
        guard let pipeline = loaded.data.pipeline else { throw DiagnosticsError(diagnostics.all) }
        return (pipeline.report, Diagnostic.limited(diagnostics.warnings))
    }
}
