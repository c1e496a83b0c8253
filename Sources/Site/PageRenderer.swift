internal import Content
internal import Core
internal import Formats
internal import Mustache
internal import Render
internal import Synchronization

/// Builds the context a theme template sees (documented in docs/themes.md) and renders pages.
struct PageRenderer: Sendable {
    /// No inline script; wasm may compile; nothing from other hosts.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"

    /// A section expands in the navigation when it has at most this many entries.
    static let expandLimit = 40

    let site: SiteTree
    let rendered: [RenderedPage]
    let theme: Theme
    /// Fingerprinted output paths of the theme's assets, by their path below `assets/`.
    let assets: [String: String]
    let logo: String?
    let year: String
    let navigationCache = FragmentCache()
    let commonCache = ContextCache()
    /// The UI strings of each language, converted once.
    let strings: [Language: TemplateValue]

    init(site: SiteTree, rendered: [RenderedPage], theme: Theme, assets: [String: String], logo: String?) {
        self.site = site
        self.rendered = rendered
        self.theme = theme
        self.assets = assets
        self.logo = logo
        self.year = site.pages.compactMap { $0.front.date?.year }.max().map(String.init) ?? ""
        var strings: [Language: TemplateValue] = [:]
        for language in Language.allCases {
            strings[language] = .object(theme.strings(for: language).mapValues { .string($0) })
        }
        self.strings = strings
    }

    /// - Throws: a `Diagnostic` at the template's file when the render goes over the theme's limits.
    func render(page index: Int) throws(Diagnostic) -> String {
        let page = site.pages[index]
        let layout = page.data?.layout ?? (page.isHome ? "layouts/home" : page.isIndex ? "layouts/section" : "layouts/page")
        var context = try context(for: index)
        if let data = page.data {
            context["data"] = .object(data.context(PageLinker(site: site, page: index, assets: assets)))
        }
        return try theme.render(layout, context: .object(context), page: page.display)
    }

    /// `404.html`: served for any missing path, so its links start from the site root.
    func renderNotFound() throws(Diagnostic) -> String {
        let language = site.config.language
        let text = theme.strings(for: language)
        let root = site.config.baseURL ?? "/"
        var context = common(language: language, directory: nil, root: root)
        context["page"] = [
            "title": .string(text["pageNotFound"] ?? "Page not found"),
            "description": .string(text["pageNotFoundText"] ?? ""),
            "content": "", "toc": [], "hasToc": false, "isHome": false, "isSection": false,
            "children": [], "hasChildren": false,
        ]
        let nav = try navigationHTML(
            navigation(language: language, current: nil, link: { root + URLPath.encoded(site.pages[$0].outputPath) }),
            language: language,
            page: "404.html")
        context["nav"] = nav.value
        context["navHTML"] = .string(nav.html)
        context["breadcrumbs"] = []
        context["hasBreadcrumbs"] = false
        context["translations"] = []
        context["hasTranslations"] = false
        return try theme.render("layouts/404", context: .object(context), page: "404.html")
    }

    func context(for index: Int) throws(Diagnostic) -> [String: TemplateValue] {
        let page = site.pages[index]
        let directory = page.outputDirectory
        let languageRoot = page.language == site.config.language ? "" : page.language.rawValue
        let root = URLPath.up(from: directory).dropLast(URLPath.up(from: languageRoot).count)
        var context = common(language: page.language, directory: directory, root: String(root))
        let link = { (target: Int) in URLPath.relative(from: directory, to: site.pages[target].outputPath) }
        let body = rendered[index]

        // The table of contents: each h2 with the h3s below it.
        var toc: [(id: String, text: String, children: [TemplateValue])] = []
        for heading in body.headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 3, !toc.isEmpty {
                toc[toc.count - 1].children.append([
                    "id": .string(heading.id), "text": .string(heading.text), "children": [], "hasChildren": false,
                ])
            } else {
                toc.append((heading.id, heading.text, []))
            }
        }
        var children: [TemplateValue] = []
        if page.isIndex, let section = site.section(page.language, page.folder) {
            for child in site.children(of: section) {
                var entry: [String: TemplateValue] = ["title": .string(site.titles[child]), "url": .string(link(child))]
                if let description = site.pages[child].front.description { entry["description"] = .string(description) }
                children.append(.object(entry))
            }
        }
        var pageContext: [String: TemplateValue] = [
            "title": .string(body.title),
            "content": .string(body.html),
            "toc": .list(
                toc.map {
                    [
                        "id": .string($0.id), "text": .string($0.text), "children": .list($0.children),
                        "hasChildren": .bool(!$0.children.isEmpty),
                    ]
                }),
            "hasToc": .bool(toc.count >= 2),
            "isHome": .bool(page.isHome),
            "isSection": .bool(page.isIndex && !page.isHome),
            "children": .list(children),
            "hasChildren": .bool(!children.isEmpty),
        ]
        // Absent values are left out, so `{{#page.date}}` sections are skipped.
        if let description = page.front.description { pageContext["description"] = .string(description) }
        if let date = page.front.date {
            pageContext["date"] = .string(date.formatted(page.language))
            pageContext["dateISO"] = .string(date.description)
        }
        context["page"] = .object(pageContext)
        let nav = try navigationHTML(
            navigation(language: page.language, current: index, link: link), language: page.language, page: page.display)
        context["nav"] = nav.value
        context["navHTML"] = .string(nav.html)
        let crumbs: [TemplateValue] = site.ancestors(of: index).map {
            ["title": .string(site.titles[$0]), "url": .string(link($0)), "isHome": .bool(site.pages[$0].isHome)]
        }
        context["breadcrumbs"] = .list(crumbs)
        context["hasBreadcrumbs"] = .bool(!crumbs.isEmpty)
        var translations: [TemplateValue] = []
        for language in Language.allCases {
            guard let other = site.byKey[page.key]?[language] else { continue }
            translations.append([
                "lang": .string(language.rawValue), "name": .string(language.nativeName), "url": .string(link(other)),
                "current": .bool(other == index),
            ])
        }
        context["translations"] = .list(translations)
        context["hasTranslations"] = .bool(translations.count >= 2)
        if let base = site.config.baseURL {
            context["canonical"] = .string(base + Sitemap.prettyURL(page.outputPath))
        }
        return context
    }

    /// What every page sees: language, strings, site, assets, CSP.
    ///
    /// Its URLs point at the root's `index.html`, `assets/` and `da/index.html`, so they depend only
    /// on the page's language, its depth and its first folder: computed once for each of those.
    func common(language: Language, directory: String?, root: String) -> [String: TemplateValue] {
        guard let directory else { return makeCommon(language: language, directory: nil, root: root) }
        let first = directory.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        let depth = directory.isEmpty ? 0 : directory.utf8.count(where: { $0 == 0x2F }) + 1
        let key = "\(language.rawValue)/\(depth)/\(first)/\(root)"
        if let cached = commonCache.storage.withLock({ $0[key] }) { return cached }
        let made = makeCommon(language: language, directory: directory, root: root)
        commonCache.storage.withLock { $0[key] = made }
        return made
    }

    private func makeCommon(language: Language, directory: String?, root: String) -> [String: TemplateValue] {
        let assetURL = { (path: String) in
            directory.map { URLPath.relative(from: $0, to: path) } ?? root + URLPath.encoded(path)
        }
        var files: [String: TemplateValue] = [:]
        for (name, path) in assets {
            files[String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })] = .string(assetURL(path))
        }
        var assetContext: [String: TemplateValue] = ["files": .object(files)]
        if let css = assets["style.css"] { assetContext["css"] = .string(assetURL(css)) }
        let home = site.section(language, "").map { site.pages[$0.page].outputPath } ?? "index.html"
        let config = site.config
        var brand: [String: TemplateValue] = [
            "name": .string(config.brand.name ?? config.title(in: language)),
            "primary": .string(config.brand.primary), "accent": .string(config.brand.accent),
        ]
        if let logo { brand["logo"] = .string(assetURL(logo)) }
        return [
            "lang": .string(language.rawValue),
            "t": strings[language] ?? [:],
            "root": .string(root),
            "site": [
                "title": .string(config.title(in: language)),
                "description": .string(config.description(in: language)),
                "brand": .object(brand),
                "homeURL": .string(assetURL(home)),
            ],
            "assets": .object(assetContext),
            "csp": .string(Self.contentSecurityPolicy),
            "year": .string(year),
        ]
    }

    /// One entry of the navigation.
    struct NavigationItem {
        var title: String
        var url: String
        var current: Bool
        var active: Bool
        var children: [NavigationItem]

        var value: TemplateValue {
            [
                "title": .string(title), "url": .string(url), "current": .bool(current), "active": .bool(active),
                "children": .list(children.map(\.value)), "hasChildren": .bool(!children.isEmpty),
            ]
        }
    }

    /// `partials/nav` rendered for one navigation. Most pages share their navigation with their
    /// siblings (same links, same current entry), so each distinct one is rendered once.
    ///
    /// - Parameter page: the first page that needs it, for messages.
    func navigationHTML(
        _ nav: [NavigationItem], language: Language, page: String
    ) throws(Diagnostic) -> (html: String, value: TemplateValue) {
        var key = language.rawValue
        func append(_ items: [NavigationItem]) {
            for item in items {
                key += "\u{1}"
                key += item.url
                key += "\u{2}"
                key += item.title
                key += item.current ? "\u{2}c" : "\u{2}-"
                key += item.active ? "a" : "-"
                append(item.children)
                key += "\u{3}"
            }
        }
        append(nav)
        if let cached = navigationCache.storage.withLock({ $0[key] }) { return cached }
        let value = TemplateValue.list(nav.map(\.value))
        var html = try theme.render(
            "partials/nav", context: ["nav": value, "t": strings[language] ?? [:], "lang": .string(language.rawValue)],
            page: page)
        // The layout writes `{{{navHTML}}}` on a line of its own, which ends the line already.
        if html.hasSuffix("\n") { html.removeLast() }
        navigationCache.storage.withLock { $0[key] = (html, value) }
        return (html, value)
    }

    /// The top level of a language's pages, with the section of the current page expanded.
    func navigation(language: Language, current: Int?, link: (Int) -> String) -> [NavigationItem] {
        guard let root = site.section(language, "") else { return [] }
        let ancestors = Set(current.map { site.ancestors(of: $0) } ?? [])
        func item(_ entry: Int, depth: Int) -> NavigationItem {
            let page = site.pages[entry]
            let active = ancestors.contains(entry) || entry == current
            var children: [NavigationItem] = []
            if depth == 0, active, page.isIndex, let section = site.section(language, page.folder) {
                let entries = site.children(of: section)
                if entries.count <= Self.expandLimit {
                    children = entries.map { item($0, depth: depth + 1) }
                }
            }
            return NavigationItem(
                title: site.titles[entry], url: link(entry), current: entry == current, active: active, children: children)
        }
        return site.children(of: root).map { item($0, depth: 0) }
    }
}

/// Rendered template fragments shared by the rendering threads.
final class FragmentCache: Sendable {
    let storage = Mutex<[String: (html: String, value: TemplateValue)]>([:])
}

/// Values shared by the pages at the same place in the tree.
final class ContextCache: Sendable {
    let storage = Mutex<[String: [String: TemplateValue]]>([:])
}
