internal import Content
internal import Core
internal import Markdown
internal import Render

/// Renders each page's Markdown, turning links to `.md` files into links to their built pages,
/// reporting links to pages, headings and files that do not exist, and rendering playbook blocks
/// (`pipeline`, `goal`, `sla`, `sql-definition`) as components.
struct LinkResolver: Sendable {
    let site: SiteTree
    let staticFiles: Set<String>
    let contentDisplay: String
    /// Found before rendering, so an SLA on any page can name and link the stages of the pipeline.
    let pipelines: SitePipelines
    /// The theme's wording of the blocks' labels per language (its UI strings whose keys start with `block`).
    let blockWords: [Language: [String: String]]
    /// What the CRM exports measured, for the `goal` and `sla` blocks; nil without pipeline data.
    let measures: PipelineMeasures?

    init(
        site: SiteTree, staticFiles: Set<String>, contentDisplay: String, blockWords: [Language: [String: String]] = [:],
        pipelineData: SitePipelineData? = nil
    ) {
        self.site = site
        self.staticFiles = staticFiles
        self.contentDisplay = contentDisplay
        self.pipelines = SitePipelines.scan(site)
        self.blockWords = blockWords
        self.measures = pipelineData.map { PipelineMeasures(data: $0, site: site) }
    }

    /// The UI strings of a theme that word the blocks, per language.
    static func blockWords(of theme: Theme?) -> [Language: [String: String]] {
        guard let theme else { return [:] }
        var words: [Language: [String: String]] = [:]
        for language in Language.allCases {
            words[language] = theme.strings(for: language).filter { $0.key.hasPrefix("block") }
        }
        return words
    }

    /// A hash of `blockWords`, so that pages rendered with other words are not taken from a cache.
    var blockWordsHash: UInt64 {
        var hash: UInt64 = 0
        for language in Language.allCases {
            for (key, value) in (blockWords[language] ?? [:]).sorted(by: { $0.key < $1.key }) {
                hash = Fingerprint.hash64((language.rawValue + key + "=" + value).utf8, seed: hash)
            }
        }
        return hash
    }

    func render(page index: Int, unsafeHTML: Bool) -> RenderedPage {
        let page = site.pages[index]
        guard let source = page.source else {
            return RenderedPage(title: site.titles[index], html: "", headings: [], diagnostics: [], anchors: [])
        }
        var diagnostics: [Diagnostic] = []
        var anchors: [AnchorReference] = []
        var blocks: [PlacedBlock] = []
        let options = MarkdownOptions(unsafeHTML: unsafeHTML, lineOffset: page.bodyLine)
        let result = Markdown.render(page.body, options: options) { reference in
            let location = SourceLocation(file: page.display, line: reference.line, column: reference.column)
            switch resolve(reference.destination, from: index, source: source) {
            case .keep:
                return nil
            case .page(let target, let url, let fragment):
                if let fragment, !fragment.isEmpty {
                    anchors.append(AnchorReference(location: location, target: target, fragment: fragment))
                }
                return url
            case .file(let url):
                return url
            case .problem(let message):
                diagnostics.append(Diagnostic(location, message))
                return nil
            }
        } renderBlock: { fenced in
            guard let kind = PlaybookBlock.Kind(info: fenced.info) else { return nil }
            let (block, problems) = PlaybookBlock.parse(
                kind, yaml: fenced.literal, file: page.display, fenceLine: fenced.line, fenceColumn: fenced.column)
            diagnostics.append(contentsOf: problems)
            let isValid = !problems.contains { $0.severity == .error }
            guard let block else { return nil }
            blocks.append(
                PlacedBlock(
                    block: block, location: SourceLocation(file: page.display, line: fenced.line, column: fenced.column),
                    isValid: isValid))
            // A block with errors stays a code block; the build stops on its errors anyway.
            guard isValid else { return nil }
            var context = BlockContext(language: page.language, words: blockWords[page.language] ?? [:]) {
                stageLink($0, from: index)
            }
            if let measures {
                context.goalMeasure = { measures.goal($0, from: index) }
                context.ruleMeasure = { measures.rule($0, from: index) }
            }
            return BlockHTML.render(block, context)
        }
        let title = page.front.title ?? result.title ?? site.titles[index]
        return RenderedPage(
            title: title, html: result.html,
            headings: result.headings.map { ($0.level, $0.text, $0.id) },
            diagnostics: diagnostics, anchors: anchors, blocks: blocks)
    }

    /// A stage of the pipeline that pages in this page's language refer to, linked to where it is shown.
    func stageLink(_ id: String, from index: Int) -> StageLink? {
        let page = site.pages[index]
        let (pipeline, entry) = pipelines.pipeline(for: page.language)
        guard let stage = pipeline.stage(id) else { return nil }
        guard let entry else { return StageLink(name: stage.name) }
        let anchor = "#" + BlockHTML.stageAnchor(id)
        if entry.page == index { return StageLink(name: stage.name, url: anchor) }
        return StageLink(
            name: stage.name, url: URLPath.relative(from: page.outputDirectory, to: site.pages[entry.page].outputPath) + anchor)
    }

    /// The key of the folder page a file became (docs/authoring.md): a folder's `README.md`, or a
    /// page beside a folder of its name (`legal.md` for `legal/`); nil when no page is that file.
    func indexKey(ofFile key: String) -> String? {
        let candidates = [
            ContentScan.isReadme(key) ? URLPath.join(URLPath.directory(key), "index") : nil, URLPath.join(key, "index"),
        ]
        for candidate in candidates.compactMap({ $0 }) {
            guard let versions = site.byKey[candidate] else { continue }
            if versions.values.contains(where: { site.pages[$0].source.flatMap { Page.key(ofFile: $0) }?.key == key }) {
                return candidate
            }
        }
        return nil
    }

    enum Resolution {
        case keep
        case page(Int, url: String, fragment: String?)
        case file(url: String)
        case problem(String)
    }

    func resolve(_ destination: String, from index: Int, source: String) -> Resolution {
        if destination.isEmpty || destination.hasPrefix("/") || URLPath.isExternal(destination) { return .keep }
        let page = site.pages[index]
        let (rawPath, fragment) = URLPath.splitFragment(destination)
        let path = URLPath.percentDecoded(rawPath.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "")
        if path.isEmpty {
            return .page(index, url: destination, fragment: fragment.map(URLPath.percentDecoded))
        }
        guard let resolved = URLPath.normalize(URLPath.join(URLPath.directory(source), path)) else {
            return .problem(
                "the link \"\(destination)\" points outside the content folder; link to a page or file inside \(contentDisplay)")
        }
        let suffix = fragment.map { "#" + $0 } ?? ""
        if var (key, language) = Page.key(ofFile: resolved) {
            // A link to a folder's README.md goes to the folder's page when the README is it.
            if site.byKey[key] == nil, let index = indexKey(ofFile: key) { key = index }
            let fileLanguage = language ?? site.config.language
            guard let versions = site.byKey[key], let target = versions[page.language] ?? versions[fileLanguage] else {
                let known = site.byKey.keys.map { $0 + ".md" }
                return .problem(
                    "the link \"\(destination)\" points to \(contentDisplay)/\(resolved), which does not exist or is a draft"
                        + Suggestion.didYouMean(key + ".md", in: known))
            }
            let url = URLPath.relative(from: page.outputDirectory, to: site.pages[target].outputPath) + suffix
            return .page(target, url: url, fragment: fragment.map(URLPath.percentDecoded))
        }
        if staticFiles.contains(resolved) {
            return .file(url: URLPath.relative(from: page.outputDirectory, to: resolved) + suffix)
        }
        let folder = resolved.hasSuffix("/") ? String(resolved.dropLast()) : resolved
        if let section = site.section(page.language, folder) ?? site.section(site.config.language, folder) {
            let url = URLPath.relative(from: page.outputDirectory, to: site.pages[section.page].outputPath) + suffix
            return .page(section.page, url: url, fragment: fragment.map(URLPath.percentDecoded))
        }
        return .problem(
            "the link \"\(destination)\" points to \(contentDisplay)/\(resolved), which does not exist; link to a Markdown page (.md) or a file in the content folder"
        )
    }
}
