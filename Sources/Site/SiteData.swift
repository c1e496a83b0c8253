internal import Core
public import Scorecard

/// The data of a site beside its pages: its questionnaires and its scorecard results.
public struct SiteData: Sendable {
    public var assessments: [Assessment] = []
    /// Every valid result of `results/**`, in file order, with the file it came from.
    public var results: [AssessmentResult] = []
    /// The CRM exports of `crm/` measured against the site's goals and SLA (docs/pipeline.md);
    /// nil without a `crm/sources.yml` or when the data has errors.
    var pipeline: SitePipelineData?

    public init(assessments: [Assessment] = [], results: [AssessmentResult] = []) {
        self.assessments = assessments
        self.results = results
    }

    /// The questionnaire with an id, if the site has it.
    public func assessment(_ id: String) -> Assessment? {
        assessments.first { $0.id == id }
    }

    /// Loads `assessments/` and `results/` of a content folder; every problem goes to `diagnostics`.
    static func load(content: String, language: Language, into diagnostics: inout Diagnostics) -> SiteData {
        var data = SiteData()
        let (assessments, problems) = Assessment.loadAll(contentDirectory: content, language: language)
        data.assessments = assessments
        diagnostics.append(contentsOf: problems)
        // With one questionnaire, results that do not name theirs (a spreadsheet export) are for it.
        let questionnaires = ResultQuestionnaires(assessments, fallback: assessments.count == 1 ? assessments[0] : nil)
        // Files are read and checked in parallel (a site may keep years of results, one file each),
        // and gathered in file order.
        let paths = FileSystem.listFiles(content + "/results", within: content).filter { ResultFile.Format(path: $0) != nil }
        let loaded = parallelMap(paths.count) { i -> ([AssessmentResult], [Diagnostic]) in
            do throws(DiagnosticsError) {
                let file = try ResultFile.load(path: content + "/results/" + paths[i])
                return file.results(for: questionnaires)
            } catch {
                return ([], error.diagnostics)
            }
        }
        for (results, problems) in loaded {
            data.results += results
            diagnostics.append(contentsOf: problems)
        }
        return data
    }
}
