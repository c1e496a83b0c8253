internal import Content
public import Core
internal import Markdown
internal import Minify
public import PipelineData
public import Render
internal import Scorecard

/// What `tandem build` is asked to do.
public struct BuildOptions: Sendable {
    /// The content folder (`content`).
    public var contentDirectory: String
    /// Theme layers, lowest first: the default theme, then the site's own `site-templates/`.
    public var themeLayers: [ThemeLayer]
    /// The output folder (`public`).
    public var outputDirectory: String
    public var includeDrafts = false
    /// Files every site with questionnaires publishes, by output path (the results JSON Schema).
    public var publishedFiles: [String: [UInt8]] = [:]
    /// The pipeline data is evaluated as of this instant instead of `crm/sources.yml`'s.
    public var pipelineAsOf: LocalTimestamp?
    /// A bad value in a row of a CRM export is an error instead of a warning.
    public var strictData = false

    public init(
        contentDirectory: String, themeLayers: [ThemeLayer], outputDirectory: String, includeDrafts: Bool = false,
        publishedFiles: [String: [UInt8]] = [:]
    ) {
        self.contentDirectory = contentDirectory
        self.themeLayers = themeLayers
        self.outputDirectory = outputDirectory
        self.includeDrafts = includeDrafts
        self.publishedFiles = publishedFiles
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
    public var warnings: [Diagnostic]
    /// Seconds per phase, in order: load, parse, render, write.
    public var timings: [(phase: String, seconds: Double)]
}

/// Builds a site: load, check, render, and write atomically.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Checks the whole site and renders it in memory without writing anything.
    ///
    /// - Returns: the warnings.
    /// - Throws: `DiagnosticsError` with every problem found.
    public func check() throws(DiagnosticsError) -> [Diagnostic] {
        var clock = PhaseClock()
        let output = try render(clock: &clock)
        return output.warnings
    }

    /// Builds the site into the output folder. The folder is replaced only when the whole build succeeds.
    ///
    /// - Throws: `DiagnosticsError` with every problem found; the output folder is then untouched.
    public func build() throws(DiagnosticsError) -> BuildReport {
        var clock = PhaseClock()
        let target = try OutputFolder.checked(
            options.outputDirectory, content: options.contentDirectory, themes: options.themeLayers.compactMap(\.directory))
        let output = try render(clock: &clock)
        do {
            try target.replace(with: output.files)
        } catch {
            throw DiagnosticsError([Diagnostic(SourceLocation(file: FileSystem.display(target.path)), error.description)])
        }
        clock.lap("write")
        return BuildReport(
            pages: output.pageCount, files: output.files.count, warnings: output.warnings, timings: clock.laps)
    }

    /// Renders the whole site in memory without writing anything (for `tandem serve`).
    ///
    /// - Parameter cache: what earlier renders of the same site can lend this one: pages whose text
    ///   and whose site (the set of pages and files) are unchanged are not parsed or rendered again.
    /// - Throws: `DiagnosticsError` with every problem found.
    public func renderInMemory(cache: BuildCache? = nil) throws(DiagnosticsError) -> RenderedSite {
        var clock = PhaseClock()
        let output = try render(clock: &clock, cache: cache)
        var files: [String: [UInt8]] = [:]
        for file in output.files { files[file.path] = file.bytes }
        return RenderedSite(files: files, pages: output.pageCount, warnings: output.warnings, timings: clock.laps)
    }

    /// The content folder must exist before anything is read from it.
    func checkContentFolder() throws(DiagnosticsError) {
        let content = options.contentDirectory
        guard FileSystem.isDirectory(content) else {
            throw DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: FileSystem.display(content)),
                    "the content folder does not exist; expected a folder of Markdown pages")
            ])
        }
    }

    struct Output {
        var files: [OutputFile]
        var pageCount: Int
        var warnings: [Diagnostic]
    }

    /// Renders the whole site in memory, step by step: load, parse, render the Markdown, collect
    /// the files, render the pages through the theme.
    ///
    /// Every problem of a step is collected before the build stops, so one run reports them all.
    func render(clock: inout PhaseClock, cache: BuildCache? = nil) throws(DiagnosticsError) -> Output {
        try checkContentFolder()
        var diagnostics = Diagnostics()
        var loaded = load(into: &diagnostics)
        clock.lap("load")
        var site = parse(&loaded, into: &diagnostics)
        clock.lap("parse")
        let rendered = renderMarkdown(of: &site, loaded, cache: cache, into: &diagnostics)
        // Warnings go with the errors, so one run reports every problem.
        guard !diagnostics.hasErrors, let theme = loaded.theme else { throw DiagnosticsError(diagnostics.all) }
        var files = collectFiles(loaded, theme: theme, into: &diagnostics)
        try diagnostics.throwIfErrors()
        try renderPages(of: site, rendered: rendered, theme: theme, into: &files, &diagnostics)
        clock.lap("render")
        return Output(files: files.all, pageCount: site.pages.count, warnings: Diagnostic.limited(diagnostics.warnings))
    }
}

// MARK: - The steps of a render

extension SiteBuilder {
    /// What the load step reads.
    struct LoadedSite {
        var config: SiteConfig
        /// Nil when the theme has mistakes (they are among the diagnostics).
        var theme: Theme?
        var scan: ContentScan
        var data: SiteData
    }

    /// Load: settings, theme, and every file of the content folder.
    func load(into diagnostics: inout Diagnostics, theme loadsTheme: Bool = true) -> LoadedSite {
        let content = options.contentDirectory
        let config = loadConfig(into: &diagnostics)
        var theme: Theme?
        if loadsTheme {
            do {
                theme = try Theme.load(layers: options.themeLayers, trimIndentation: config.minify)
                diagnostics.append(contentsOf: theme?.warnings ?? [])
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        let scan = ContentScan(root: content, mainLanguage: config.language)
        diagnostics.append(contentsOf: scan.diagnostics)
        let data = SiteData.load(content: content, language: config.language, into: &diagnostics)
        return LoadedSite(config: config, theme: theme, scan: scan, data: data)
    }

    /// The settings of `site.yml`; the defaults when it is missing, has mistakes or links outside
    /// the content folder.
    private func loadConfig(into diagnostics: inout Diagnostics) -> SiteConfig {
        let content = options.contentDirectory
        let configPath = content + "/site.yml"
        if FileSystem.exists(configPath), !FileSystem.isInside(configPath, FileSystem.canonical(content)) {
            diagnostics.error(
                SourceLocation(file: FileSystem.display(configPath)),
                "site.yml is a symbolic link to a file outside the content folder; put the site's settings in the content folder")
        } else if let text = FileSystem.readText(configPath) {
            do {
                let config = try SiteConfig.parse(text, file: FileSystem.display(configPath))
                diagnostics.append(contentsOf: config.contrastWarnings)
                return config
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        return SiteConfig()
    }

    /// Parse: front matter of every page, in parallel, then the pipeline data measured against
    /// the pages' agreements, then the pages made from data; the site they make.
    func parse(_ loaded: inout LoadedSite, into diagnostics: inout Diagnostics) -> SiteTree {
        var pages = readPages(loaded.scan, into: &diagnostics)
        loaded.data.pipeline = pipelineReport(pages: pages, config: loaded.config, into: &diagnostics)
        addDataPages(loaded, to: &pages, into: &diagnostics)
        let site = SiteTree(pages: pages, config: loaded.config)
        diagnostics.append(contentsOf: site.diagnostics)
        return site
    }

    /// The Markdown pages of the content folder with their front matter read, in parallel; drafts
    /// only with `includeDrafts`.
    private func readPages(_ scan: ContentScan, into diagnostics: inout Diagnostics) -> [Page] {
        let content = options.contentDirectory
        let includeDrafts = options.includeDrafts
        let parsed = parallelMap(scan.pages.count) { i -> (Page?, [Diagnostic]) in
            var page = scan.pages[i]
            let path = content + "/" + page.source!
            guard let bytes = FileSystem.readBytes(path) else {
                return (nil, [Diagnostic(SourceLocation(file: page.display), "cannot read this file")])
            }
            page.textHash = Fingerprint.hash64(bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            do throws(DiagnosticsError) {
                // A page whose front matter has mistakes is still checked, so one run reports them all.
                let (front, body, bodyLine, problems) = try FrontMatter.read(text, file: page.display)
                if front.draft && !includeDrafts { return (nil, problems) }
                page.front = front
                page.body = body
                page.bodyLine = bodyLine
                return (page, problems)
            } catch {
                return (nil, error.diagnostics)
            }
        }
        var pages: [Page] = []
        for (page, problems) in parsed {
            diagnostics.append(contentsOf: problems)
            if let page { pages.append(page) }
        }
        return pages
    }

    /// The pages made from data (results, questionnaires), each checked for its layout in the theme.
    private func addDataPages(_ loaded: LoadedSite, to pages: inout [Page], into diagnostics: inout Diagnostics) {
        let config = loaded.config
        for dataPage in DataPages.all(data: loaded.data, config: config) {
            pages.append(
                Page(data: dataPage, mainLanguage: config.language, contentDisplay: FileSystem.display(options.contentDirectory)))
            if let theme = loaded.theme, !theme.templateNames.contains(dataPage.layout) {
                diagnostics.error(
                    SourceLocation(file: options.themeLayers.last?.name ?? "site-templates"),
                    "the theme has no \(dataPage.layout).mustache, which the page \(dataPage.key) needs")
            }
        }
    }

    /// Render the Markdown of every page, resolving links between pages; then give the site its
    /// pages' titles and check what needs every page rendered: links to headings, blocks and
    /// questions' `improve:` links.
    func renderMarkdown(
        of site: inout SiteTree, _ loaded: LoadedSite, cache: BuildCache?, into diagnostics: inout Diagnostics
    ) -> [RenderedPage] {
        let rendered = markdownPages(of: site, loaded, cache: cache)
        for (i, page) in rendered.enumerated() {
            diagnostics.append(contentsOf: page.diagnostics)
            site.titles[i] = page.title
        }
        site.orderChildren()
        diagnostics.append(contentsOf: Self.checkAnchors(site: site, rendered: rendered))
        diagnostics.append(contentsOf: BlockChecks(site: site, rendered: rendered).diagnostics.all)
        diagnostics.append(contentsOf: Self.checkImproveLinks(loaded.data.assessments, site: site, rendered: rendered))
        return rendered
    }

    /// Every page's Markdown as HTML, in parallel; a page the cache has for the same text and the
    /// same site is not rendered again.
    private func markdownPages(of site: SiteTree, _ loaded: LoadedSite, cache: BuildCache?) -> [RenderedPage] {
        let resolver = LinkResolver(
            site: site, staticFiles: Set(loaded.scan.staticFiles), contentDisplay: FileSystem.display(options.contentDirectory),
            blockWords: LinkResolver.blockWords(of: loaded.theme), pipelineData: loaded.data.pipeline)
        let unsafeHTML = loaded.config.unsafeHTML
        // The blocks show the pipeline's numbers, so new exports make the pages new (only a cache asks).
        let reportHash = cache == nil ? 0 : loaded.data.pipeline.map { Fingerprint.hash64($0.report.json()) } ?? 0
        let siteHash = Fingerprint.hash64(
            String(site.fingerprint(staticFiles: loaded.scan.staticFiles)).utf8, seed: resolver.blockWordsHash ^ reportHash)
        let allPages = site.pages
        return parallelMap(allPages.count) { i in
            let page = allPages[i]
            if let cache, let source = page.source,
                let hit = cache.page(source, textHash: page.textHash, siteHash: siteHash)
            {
                return hit
            }
            let result = resolver.render(page: i, unsafeHTML: unsafeHTML)
            if let cache, let source = page.source {
                cache.store(source, textHash: page.textHash, siteHash: siteHash, page: result)
            }
            return result
        }
    }

    /// Each link to `#fragment` of another page must name one of that page's headings.
    private static func checkAnchors(site: SiteTree, rendered: [RenderedPage]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for page in rendered {
            for anchor in page.anchors where !rendered[anchor.target].headings.contains(where: { $0.id == anchor.fragment }) {
                let ids = rendered[anchor.target].headings.map(\.id)
                let target = site.pages[anchor.target].display
                problems.append(
                    Diagnostic(
                        anchor.location,
                        "the link points to #\(anchor.fragment), but \(target) has no heading with that id"
                            + (Suggestion.closest(to: anchor.fragment, in: ids).map { "; did you mean #\($0)?" }
                                ?? (ids.isEmpty
                                    ? "; that page has no headings"
                                    : "; its headings are #" + ids.prefix(8).joined(separator: ", #")))
                    ))
            }
        }
        return problems
    }

    /// The files a build writes, as the steps after the Markdown collect them.
    private struct SiteFiles {
        var all: [OutputFile] = []
        /// The theme's assets' output paths, by their paths in the theme.
        var assetURLs: [String: String] = [:]
        var logoPath: String?
        /// Where the content folder's own files are in `all`.
        var contentRange: Range<Int> = 0..<0
    }

    /// Assets: the theme's, fingerprinted, the logo, and the content folder's own files.
    private func collectFiles(_ loaded: LoadedSite, theme: Theme, into diagnostics: inout Diagnostics) -> SiteFiles {
        var files = SiteFiles()
        // The pipeline pages' stylesheet only with pipeline pages: a site without CRM exports is
        // written exactly as before they existed.
        let unused: Set<String> = loaded.data.pipeline == nil ? [Self.pipelineStylesheet] : []
        Self.addAssets(of: theme, minify: loaded.config.minify, skipping: unused, to: &files)
        if !loaded.data.assessments.isEmpty {
            for (path, bytes) in options.publishedFiles { files.all.append(OutputFile(path: path, bytes: bytes)) }
        }
        addLogo(loaded.config, to: &files, into: &diagnostics)
        addContentFiles(loaded.scan.staticFiles, to: &files, into: &diagnostics)
        return files
    }

    static let pipelineStylesheet = "pipeline.css"

    /// The theme's assets under `assets/`, fingerprinted (minified first when the site asks for
    /// it), but for those in `skipping`.
    private static func addAssets(of theme: Theme, minify: Bool, skipping: Set<String>, to files: inout SiteFiles) {
        let kept = theme.assets.filter { !skipping.contains($0.path) }
        let assets = minify ? Self.minified(kept) : kept
        for asset in assets {
            let path = "assets/" + Fingerprint.name(asset.path, hash: Fingerprint.hash(asset.bytes))
            files.assetURLs[asset.path] = path
            files.all.append(OutputFile(path: path, bytes: asset.bytes))
            if asset.path == "scoring.wasm" {
                // Browsers refuse to fetch files from file://, so the module also ships inside a
                // script: deflated (tandem-scoring.js inflates it), then base64, 60% of the bytes.
                let packed = Deflate.compress(asset.bytes) ?? asset.bytes
                let script = Array("globalThis.TandemScoringWasm = \"\(Base64.encode(packed))\";\n".utf8)
                let scriptPath = "assets/" + Fingerprint.name("scoring-wasm.js", hash: Fingerprint.hash(script))
                files.assetURLs["scoring-wasm.js"] = scriptPath
                files.all.append(OutputFile(path: scriptPath, bytes: script))
            }
        }
    }

    /// The logo of `brand.logo`, fingerprinted.
    private func addLogo(_ config: SiteConfig, to files: inout SiteFiles, into diagnostics: inout Diagnostics) {
        guard let logo = config.brand.logo else { return }
        let location = config.locations["brand.logo"] ?? SourceLocation(file: config.file ?? "site.yml")
        switch Self.readLogo(logo, content: options.contentDirectory) {
        case .success(let bytes):
            let path = "assets/" + Fingerprint.name(URLPath.lastComponent(logo), hash: Fingerprint.hash(bytes))
            files.logoPath = path
            files.all.append(OutputFile(path: path, bytes: bytes))
        case .failure(let problem):
            diagnostics.error(location, "brand.logo \"\(logo)\" \(problem.why)")
        }
    }

    /// The content folder's own files (images, PDFs, ...), copied as they are.
    private func addContentFiles(_ paths: [String], to files: inout SiteFiles, into diagnostics: inout Diagnostics) {
        let content = options.contentDirectory
        let start = files.all.count
        for path in paths {
            guard let bytes = FileSystem.readBytes(content + "/" + path) else {
                diagnostics.error(SourceLocation(file: FileSystem.display(content + "/" + path)), "cannot read this file")
                continue
            }
            files.all.append(OutputFile(path: path, bytes: bytes))
        }
        files.contentRange = start..<files.all.count
    }

    /// Render every page through the theme, then add the pages, their data's files, the 404 page
    /// and the sitemap to the files, leaving out the content folder's files they would shadow.
    private func renderPages(
        of site: SiteTree, rendered: [RenderedPage], theme: Theme, into files: inout SiteFiles,
        _ diagnostics: inout Diagnostics
    ) throws(DiagnosticsError) {
        let renderer = PageRenderer(
            site: site, rendered: rendered, theme: theme, assets: files.assetURLs, logo: files.logoPath)
        let (pageTexts, notFound) = Self.themedPages(renderer, count: site.pages.count, into: &diagnostics)
        try diagnostics.throwIfErrors()
        if site.pages.contains(where: { $0.data?.budget != nil }) {
            var sizes: [String: Int] = [:]
            for file in files.all { sizes[file.path] = file.bytes.count }
            diagnostics.append(contentsOf: PageWeight.warnings(pages: site.pages, html: pageTexts, sizes: sizes))
        }
        files.all += zip(site.pages, pageTexts).map { OutputFile(path: $0.outputPath, text: $1) }
        for page in site.pages {
            for (name, bytes) in page.data?.files ?? [:] {
                files.all.append(OutputFile(path: URLPath.join(page.outputDirectory, name), bytes: bytes))
            }
        }
        files.all.append(OutputFile(path: "404.html", text: notFound))
        if let sitemap = Sitemap.xml(site: site) { files.all.append(OutputFile(path: "sitemap.xml", text: sitemap)) }
        files.all = Self.withoutShadowedFiles(
            files.all, contentFiles: files.contentRange, site: site, content: options.contentDirectory, into: &diagnostics)
    }

    /// Every page's HTML, rendered in parallel, and the 404 page's; a page that fails is left out
    /// and its problem collected.
    private static func themedPages(
        _ renderer: PageRenderer, count: Int, into diagnostics: inout Diagnostics
    ) -> (pages: [String], notFound: String) {
        let renderedPages = parallelMap(count) { i in Result { () throws(Diagnostic) in try renderer.render(page: i) } }
        var pageTexts: [String] = []
        pageTexts.reserveCapacity(renderedPages.count)
        for page in renderedPages {
            switch page {
            case .success(let text): pageTexts.append(text)
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        let notFound: String
        do { notFound = try renderer.renderNotFound() } catch {
            diagnostics.append(error)
            notFound = ""
        }
        return (pageTexts, notFound)
    }
}

extension SiteBuilder {
    struct LogoProblem: Error {
        var why: String
    }

    /// The logo's bytes: a file inside the content folder (a link is followed only to a file inside it).
    static func readLogo(_ logo: String, content: String) -> Result<[UInt8], LogoProblem> {
        let expected = "; expected a file relative to \(FileSystem.display(content)), such as assets/logo.svg"
        guard !logo.hasPrefix("/"), let relative = URLPath.normalize(logo), !relative.isEmpty else {
            return .failure(LogoProblem(why: "is outside the content folder" + expected))
        }
        let path = content + "/" + relative
        guard let resolved = FileSystem.resolved(path), FileSystem.isRegularFile(resolved) else {
            return .failure(LogoProblem(why: "does not exist" + expected))
        }
        let root = FileSystem.canonical(content)
        guard resolved.hasPrefix(root + "/") else {
            return .failure(LogoProblem(why: "is a symbolic link to \(resolved), outside the content folder" + expected))
        }
        guard let bytes = FileSystem.readBytes(resolved) else {
            return .failure(LogoProblem(why: "cannot be read" + expected))
        }
        return .success(bytes)
    }

    /// Leaves out, with a warning, each file of the content folder whose output path is one that
    /// Tandem writes itself (a page, `404.html`, `sitemap.xml`, the results schema, a theme asset)
    /// or a folder of one: otherwise one of the two would silently replace the other.
    static func withoutShadowedFiles(
        _ files: [OutputFile], contentFiles range: Range<Int>, site: SiteTree, content: String,
        into diagnostics: inout Diagnostics
    ) -> [OutputFile] {
        guard !range.isEmpty else { return files }
        var generated: [String: String] = [:]
        var folders = Set<String>()
        for page in site.pages { generated[page.outputPath] = page.source.map { "the page made from \($0)" } }
        for (i, file) in files.enumerated() where !range.contains(i) {
            var folder = URLPath.directory(file.path)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = URLPath.directory(folder) }
            if generated[file.path] == nil {
                generated[file.path] =
                    switch file.path {
                    case "404.html": "the 404 page (the theme's layouts/404.mustache)"
                    case "sitemap.xml": "the sitemap"
                    case let path where path.hasPrefix("schemas/"): "the results JSON Schema that Tandem publishes"
                    case let path where path.hasPrefix("assets/"): "a file of the theme"
                    default: "a page of the site"
                    }
            }
        }
        var shadowed = Set<Int>()
        for i in range {
            let path = files[i].path
            var clash =
                generated[path].map { (path, $0) } ?? (folders.contains(path) ? (path, "a folder of the site's pages") : nil)
            // A file below one Tandem writes as a file (`404.html/x.png`) cannot be written either.
            var folder = URLPath.directory(path)
            while clash == nil, !folder.isEmpty {
                if let what = generated[folder] { clash = (folder, what) }
                folder = URLPath.directory(folder)
            }
            guard let (where_, what) = clash else { continue }
            shadowed.insert(i)
            diagnostics.warning(
                SourceLocation(file: FileSystem.display(content + "/" + path)),
                "this file is not published: " + (where_ == path ? "its output path \(path)" : "its folder \(where_)")
                    + " is \(what); rename or move the file")
        }
        guard !shadowed.isEmpty else { return files }
        return files.indices.filter { !shadowed.contains($0) }.map { files[$0] }
    }
}

/// Wall-clock time per build phase, for `--timings`.
struct PhaseClock {
    var start = ContinuousClock.now
    var laps: [(phase: String, seconds: Double)] = []

    mutating func lap(_ phase: String) {
        let now = ContinuousClock.now
        let elapsed = now - start
        laps.append((phase, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        start = now
    }
}

extension SiteBuilder {
    /// Each question's `improve:` link must name a page of the site and, when it has a `#fragment`,
    /// one of that page's headings.
    static func checkImproveLinks(_ assessments: [Assessment], site: SiteTree, rendered: [RenderedPage]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for assessment in assessments {
            for link in assessment.improveLinks {
                let key = link.page.hasSuffix(".md") ? String(link.page.dropLast(3)) : link.page
                // Anchors are in the language of the link's questionnaire file, so check that page.
                guard let versions = site.byKey[key],
                    let index = versions[link.language] ?? versions[site.config.language] ?? versions.values.min()
                else {
                    problems.append(
                        Diagnostic(
                            link.location,
                            "improve: \(link.target) names a page that does not exist; write the path of a page in the content folder, like playbooks/sla.md#escalation"
                                + Suggestion.didYouMean(link.page, in: site.byKey.keys.map { $0 + ".md" })))
                    continue
                }
                guard let fragment = link.fragment, !fragment.isEmpty else { continue }
                let ids = rendered[index].headings.map(\.id)
                if !ids.contains(fragment) {
                    problems.append(
                        Diagnostic(
                            link.location,
                            "improve: \(link.target) points to #\(fragment), but \(site.pages[index].display) has no heading with that id"
                                + (Suggestion.closest(to: fragment, in: ids).map { "; did you mean #\($0)?" } ?? "")))
                }
            }
        }
        return problems
    }
}

extension SiteBuilder {
    /// The theme's assets with their CSS and JavaScript minified, in parallel; others unchanged,
    /// and so are files already minified by their makers (`*.min.js`, `*.min.css`).
    static func minified(_ assets: [Theme.Asset]) -> [Theme.Asset] {
        parallelMap(assets.count) { i in
            var asset = assets[i]
            if asset.path.hasSuffix(".min.css") || asset.path.hasSuffix(".min.js") {
                return asset
            } else if asset.path.hasSuffix(".css") {
                asset.bytes = Array(Minify.css(String(decoding: asset.bytes, as: UTF8.self)).utf8)
            } else if asset.path.hasSuffix(".js") {
                asset.bytes = Array(Minify.javaScript(String(decoding: asset.bytes, as: UTF8.self)).utf8)
            }
            return asset
        }
    }
}

/// Base64 (RFC 4648), for the scoring module inside a script.
enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], 61, 61]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], 61]
        }
        return String(decoding: out, as: UTF8.self)
    }
}
