internal import Markdown
internal import Model

/// Renders each page's Markdown, turning links to `.md` files into links to their built pages and
/// reporting links to pages, headings and files that do not exist.
struct LinkResolver: Sendable {
    let site: SiteTree
    let staticFiles: Set<String>
    let contentDisplay: String

    func render(page index: Int, unsafeHTML: Bool) -> RenderedPage {
        let page = site.pages[index]
        guard let source = page.source else {
            return RenderedPage(title: site.titles[index], html: "", headings: [], diagnostics: [], anchors: [])
        }
        var diagnostics: [Diagnostic] = []
        var anchors: [AnchorReference] = []
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
        }
        let title = page.front.title ?? result.title ?? site.titles[index]
        return RenderedPage(
            title: title, html: result.html,
            headings: result.headings.map { ($0.level, $0.text, $0.id) },
            diagnostics: diagnostics, anchors: anchors)
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
            return .problem("the link \"\(destination)\" points outside the content folder; link to a page or file inside \(contentDisplay)")
        }
        let suffix = fragment.map { "#" + $0 } ?? ""
        if resolved.hasSuffix(".md") {
            var name = String(URLPath.lastComponent(resolved).dropLast(3))
            var fileLanguage = site.config.language
            if let dot = name.lastIndex(of: "."), let code = Language(rawValue: String(name[name.index(after: dot)...])) {
                fileLanguage = code
                name = String(name[..<dot])
            }
            let key = URLPath.join(URLPath.directory(resolved), name)
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
            "the link \"\(destination)\" points to \(contentDisplay)/\(resolved), which does not exist; link to a Markdown page (.md) or a file in the content folder")
    }
}
