internal import Content
internal import Core
internal import Markdown

/// `sitemap.xml`, written only when the site has a base URL.
enum Sitemap {
    static func xml(site: SiteTree) -> String? {
        guard let base = site.config.baseURL else { return nil }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in site.pages.sorted(by: { $0.outputPath < $1.outputPath }) {
            xml += "  <url><loc>" + HTML.escaped(base + prettyURL(page.outputPath), for: .attribute) + "</loc>"
            if let date = page.front.date { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// `playbooks/sla/index.html` -> `playbooks/sla/`, as a web server serves it, percent-encoded.
    static func prettyURL(_ outputPath: String) -> String {
        URLPath.encoded(
            outputPath.hasSuffix("index.html") ? String(outputPath.dropLast("index.html".count)) : outputPath)
    }
}
