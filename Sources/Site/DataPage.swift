internal import Content
internal import Core
internal import Mustache
internal import Render

/// A page Tandem makes from data rather than from Markdown: a questionnaire's form, a team's
/// results. It takes its place in the site like any page (navigation, breadcrumbs, language
/// switch), is rendered with its own layout, and sees its own values under `data`.
struct DataPage: Sendable {
    /// The same for every language of the page: `assessment/sales-marketing-alignment`. The page is
    /// written to `<key>/index.html` (under `da/` for Danish on an English site).
    var key: String
    var language: Language
    var title: String
    var description: String?
    /// Navigation order among its siblings.
    var weight: Int?
    /// The theme template, e.g. `layouts/form`.
    var layout: String
    /// The page's values, made once the whole site is known, so links can be computed.
    var context: @Sendable (PageLinker) -> [String: TemplateValue]
    /// Files written beside the page (downloads), by name.
    var files: [String: [UInt8]] = [:]
    /// At most how many bytes the page may weigh with the stylesheets, scripts and images it loads,
    /// and the file to name in the warning when it weighs more.
    var budget: (bytes: Int, source: String)?

    /// The folder the page is listed in: `assessment` for `assessment/sales-marketing-alignment`.
    var folder: String { URLPath.directory(key) }
}

/// Links from one page to the rest of the site, relative to that page.
struct PageLinker: Sendable {
    let site: SiteTree
    let page: Int
    /// Fingerprinted output paths of the theme's assets, by their path below `assets/`.
    let assets: [String: String]

    var language: Language { site.pages[page].language }

    /// The URL of a content page, `playbooks/sla.md#escalation`, in this page's language when it is
    /// translated; nil when there is no such page.
    func content(_ target: String) -> String? {
        guard let (index, fragment) = contentPage(target) else { return nil }
        return output(site.pages[index].outputPath) + (fragment.map { "#" + $0 } ?? "")
    }

    /// The title of the content page a link like `playbooks/sla.md#escalation` names, in this
    /// page's language when it is translated.
    func title(of target: String) -> String? {
        contentPage(target).map { site.titles[$0.index] }
    }

    /// The page a link like `playbooks/sla.md#escalation` names (in this page's language when it
    /// is translated, else in the main language) and the link's fragment.
    private func contentPage(_ target: String) -> (index: Int, fragment: String?)? {
        let (path, fragment) = URLPath.splitFragment(target)
        guard path.hasSuffix(".md"), let versions = site.byKey[String(path.dropLast(3))],
            let index = versions[language] ?? versions[site.config.language]
        else { return nil }
        return (index, fragment)
    }

    /// The URL of a file of the built site, by its path below the output folder.
    func output(_ path: String) -> String {
        URLPath.relative(from: site.pages[page].outputDirectory, to: path)
    }

    /// The URL of a theme asset (`tandem-scoring.js`), fingerprinted.
    func asset(_ name: String) -> String? {
        assets[name].map(output)
    }

    /// The URL of another data page by its key, in this page's language.
    func dataPage(_ key: String) -> String? {
        guard let versions = site.byKey[key], let index = versions[language] else { return nil }
        return output(site.pages[index].outputPath)
    }
}

/// Every data page of a site. Each kind of page is one provider, in its own file.
enum DataPages {
    static func all(data: SiteData, config: SiteConfig) -> [DataPage] {
        var pages: [DataPage] = []
        for provider in providers { pages += provider(data, config) }
        return pages
    }

    /// The kinds of data pages, in the order their pages are made.
    static let providers: [@Sendable (SiteData, SiteConfig) -> [DataPage]] = [
        FormPages.pages,
        ResultsPages.pages,
        PipelinePages.pages,
    ]
}
