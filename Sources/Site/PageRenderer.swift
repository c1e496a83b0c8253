internal import Model
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

    init(site: SiteTree, rendered: [RenderedPage], theme: Theme, assets: [String: String], logo: String?) {
        self.site = site
        self.rendered = rendered
        self.theme = theme
        self.assets = assets
        self.logo = logo
        self.year = site.pages.compactMap { $0.front.date?.year }.max().map(String.init) ?? ""
    }

    func render(page index: Int) -> String {
        let page = site.pages[index]
        let layout = page.isHome ? "layouts/home" : page.isIndex ? "layouts/section" : "layouts/page"
        return theme.render(layout, context: context(for: index))
    }

    /// `404.html`: served for any missing path, so its links start from the site root.
    func renderNotFound() -> String {
        let language = site.config.language
        let strings = theme.strings(for: language)
        let root = site.config.baseURL ?? "/"
        var context = common(language: language, directory: nil, root: root)
        context["page"] = [
            "title": strings["pageNotFound"] ?? "Page not found", "description": strings["pageNotFoundText"] ?? "",
            "content": "", "toc": [Any](), "hasToc": false, "isHome": false, "isSection": false,
            "children": [Any](), "hasChildren": false,
        ] as [String: Any]
        let nav = navigation(language: language, current: nil, link: { root + site.pages[$0].outputPath })
        context["nav"] = nav
        context["navHTML"] = navigationHTML(nav, language: language, strings: context["t"]!)
        context["breadcrumbs"] = [Any]()
        context["hasBreadcrumbs"] = false
        context["translations"] = [Any]()
        context["hasTranslations"] = false
        return theme.render("layouts/404", context: context)
    }

    func context(for index: Int) -> [String: Any] {
        let page = site.pages[index]
        let directory = page.outputDirectory
        let languageRoot = page.language == site.config.language ? "" : page.language.rawValue
        let root = URLPath.up(from: directory).dropLast(URLPath.up(from: languageRoot).count)
        var context = common(language: page.language, directory: directory, root: String(root))
        let link = { (target: Int) in URLPath.relative(from: directory, to: site.pages[target].outputPath) }
        let body = rendered[index]

        var toc: [[String: Any]] = []
        for heading in body.headings where heading.level == 2 || heading.level == 3 {
            let entry: [String: Any] = ["id": heading.id, "text": heading.text, "children": [Any](), "hasChildren": false]
            if heading.level == 3, !toc.isEmpty {
                var children = toc[toc.count - 1]["children"] as! [Any]
                children.append(entry)
                toc[toc.count - 1]["children"] = children
                toc[toc.count - 1]["hasChildren"] = true
            } else {
                toc.append(entry)
            }
        }
        var children: [[String: Any]] = []
        if page.isIndex, let section = site.section(page.language, page.folder) {
            for child in site.children(of: section) {
                children.append([
                    "title": site.titles[child], "description": site.pages[child].front.description ?? "",
                    "url": link(child),
                ])
            }
        }
        var pageContext: [String: Any] = [
            "title": body.title,
            "content": body.html,
            "toc": toc,
            "hasToc": toc.count >= 2,
            "isHome": page.isHome,
            "isSection": page.isIndex && !page.isHome,
            "children": children,
            "hasChildren": !children.isEmpty,
        ]
        // Absent values are left out, so `{{#page.date}}` sections are skipped.
        if let description = page.front.description { pageContext["description"] = description }
        if let date = page.front.date {
            pageContext["date"] = date.formatted(page.language)
            pageContext["dateISO"] = date.description
        }
        context["page"] = pageContext
        let nav = navigation(language: page.language, current: index, link: link)
        context["nav"] = nav
        context["navHTML"] = navigationHTML(nav, language: page.language, strings: context["t"]!)
        let crumbs = site.ancestors(of: index).map {
            ["title": site.titles[$0], "url": link($0), "isHome": site.pages[$0].isHome] as [String: Any]
        }
        context["breadcrumbs"] = crumbs
        context["hasBreadcrumbs"] = !crumbs.isEmpty
        var translations: [[String: Any]] = []
        for language in Language.allCases {
            guard let other = site.byKey[page.key]?[language] else { continue }
            translations.append([
                "lang": language.rawValue, "name": language.nativeName, "url": link(other), "current": other == index,
            ])
        }
        context["translations"] = translations
        context["hasTranslations"] = translations.count >= 2
        if let base = site.config.baseURL {
            context["canonical"] = base + Sitemap.prettyURL(page.outputPath)
        }
        return context
    }

    /// What every page sees: language, strings, site, assets, CSP.
    func common(language: Language, directory: String?, root: String) -> [String: Any] {
        let assetURL = { (path: String) in
            directory.map { URLPath.relative(from: $0, to: path) } ?? root + path
        }
        var files: [String: String] = [:]
        for (name, path) in assets {
            files[name.map { $0.isLetter || $0.isNumber ? $0 : "_" }.reduce(into: "") { $0.append($1) }] = assetURL(path)
        }
        var assetContext: [String: Any] = ["files": files]
        if let css = assets["style.css"] { assetContext["css"] = assetURL(css) }
        let home = site.section(language, "").map { site.pages[$0.page].outputPath } ?? "index.html"
        let config = site.config
        var brand: [String: Any] = [
            "name": config.brand.name ?? config.title(in: language),
            "primary": config.brand.primary, "accent": config.brand.accent,
        ]
        if let logo { brand["logo"] = assetURL(logo) }
        return [
            "lang": language.rawValue,
            "t": theme.strings(for: language),
            "root": root,
            "site": [
                "title": config.title(in: language),
                "description": config.description(in: language),
                "brand": brand,
                "homeURL": assetURL(home),
            ] as [String: Any],
            "assets": assetContext,
            "csp": Self.contentSecurityPolicy,
            "year": year,
        ]
    }

    /// `partials/nav` rendered for one navigation. Most pages share their navigation with their
    /// siblings (same links, same current entry), so each distinct one is rendered once.
    func navigationHTML(_ nav: [[String: Any]], language: Language, strings: Any) -> String {
        var key = language.rawValue
        func append(_ items: [[String: Any]]) {
            for item in items {
                key += "\u{1}\(item["url"]!)\u{2}\(item["title"]!)\u{2}\(item["current"]!)\(item["active"]!)"
                append(item["children"] as! [[String: Any]])
                key += "\u{3}"
            }
        }
        append(nav)
        if let html = navigationCache.storage.withLock({ $0[key] }) { return html }
        var html = theme.render("partials/nav", context: ["nav": nav, "t": strings, "lang": language.rawValue])
        // The layout writes `{{{navHTML}}}` on a line of its own, which ends the line already.
        if html.hasSuffix("\n") { html.removeLast() }
        navigationCache.storage.withLock { $0[key] = html }
        return html
    }

    /// The top level of a language's pages, with the section of the current page expanded.
    func navigation(language: Language, current: Int?, link: (Int) -> String) -> [[String: Any]] {
        guard let root = site.section(language, "") else { return [] }
        let ancestors = Set(current.map { site.ancestors(of: $0) } ?? [])
        func item(_ entry: Int, depth: Int) -> [String: Any] {
            let page = site.pages[entry]
            let active = ancestors.contains(entry) || entry == current
            var children: [[String: Any]] = []
            if depth == 0, active, page.isIndex, let section = site.section(language, page.folder) {
                let entries = site.children(of: section)
                if entries.count <= Self.expandLimit {
                    children = entries.map { item($0, depth: depth + 1) }
                }
            }
            return [
                "title": site.titles[entry], "url": link(entry), "current": entry == current,
                "active": active, "children": children, "hasChildren": !children.isEmpty,
            ]
        }
        return site.children(of: root).map { item($0, depth: 0) }
    }
}

/// Rendered template fragments shared by the rendering threads.
final class FragmentCache: Sendable {
    let storage = Mutex<[String: String]>([:])
}
