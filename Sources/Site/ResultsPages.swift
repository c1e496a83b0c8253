internal import Content
internal import Core
internal import Render
internal import Scorecard

/// The scorecard results pages (issue 5): an index of every team and round, a page per team with
/// its trend, and a page per team's round with its scores, the sales-versus-marketing gap, charts,
/// what to work on first and the numbers as CSV and JSON.
///
/// Every number comes from ``ResultSet`` (so from ScoringCore) and passes ``Disclosure`` before it
/// is shown. Pages are made in every language of the site and of its questionnaires.
enum ResultsPages {
    /// The section's navigation position: after the playbooks (10) and the self-assessment (50).
    static let weight = 60

    static func pages(data: SiteData, config: SiteConfig) -> [DataPage] {
        let withResults = data.assessments.filter { assessment in data.results.contains { $0.assessment == assessment.id } }
        guard !withResults.isEmpty else { return [] }
        var folderSlugs = Slug.Registry()
        _ = folderSlugs.unique("index")
        let catalogs = withResults.map { assessment in
            ResultsCatalog(
                assessment: assessment, results: data.results.filter { $0.assessment == assessment.id },
                folder: withResults.count == 1 ? "results" : "results/" + folderSlugs.unique(assessment.id))
        }

        var languages = [config.language]
        for language in config.translations.keys.sorted() + catalogs.flatMap(\.assessment.languages)
        where !languages.contains(language) {
            languages.append(language)
        }

        var pages: [DataPage] = []
        for language in languages {
            let words = ResultsWords(language)
            let views = catalogs.map { ResultsView(catalog: $0, language: language) }
            pages.append(
                DataPage(
                    key: "results/index", language: language, title: words.resultsTitle, description: words.resultsDescription,
                    weight: weight, layout: "layouts/results-index",
                    context: { linker in ResultsView.indexContext(views, linker: linker, showTitles: views.count > 1) }))
            for view in views {
                if catalogs.count > 1 {
                    pages.append(
                        DataPage(
                            key: view.catalog.folder + "/index", language: language, title: view.assessmentTitle,
                            description: words.resultsDescription, weight: nil, layout: "layouts/results-index",
                            context: { linker in ResultsView.indexContext([view], linker: linker, showTitles: false) }))
                }
                for team in view.catalog.teams.indices {
                    pages.append(
                        DataPage(
                            key: view.teamKey(team), language: language, title: view.teamName(team),
                            description: words.teamDescription(view.teamName(team)), weight: nil, layout: "layouts/results-team",
                            context: { linker in view.teamContext(team, linker: linker) }))
                    for round in view.catalog.teams[team].rounds.indices {
                        let label = view.catalog.teams[team].rounds[round].label
                        pages.append(
                            DataPage(
                                key: view.roundKey(team, round), language: language,
                                title: words.roundTitle(team: view.teamName(team), round: label),
                                description: words.roundDescription(team: view.teamName(team), round: label), weight: round,
                                layout: "layouts/results-round",
                                context: { linker in view.roundContext(team, round, linker: linker) },
                                files: [
                                    ResultsDownloads.csvName: view.csv(team, round),
                                    ResultsDownloads.jsonName: view.json(team, round),
                                ]))
                    }
                }
            }
        }
        return pages
    }
}
