internal import Content
internal import Core

/// One page of the built site in one language: a Markdown file, or a section page Tandem generates
/// for a folder that has no `index.md`.
struct Page: Sendable {
    /// The Markdown file relative to the content folder; nil for a generated section page.
    var source: String?
    /// The file's path as shown in messages (`content/playbooks/sla.md`).
    var display: String
    var language: Language
    /// The same for every translation of a page: `playbooks/sla`, `playbooks/index`, `index`.
    var key: String
    /// The folder the page belongs to (`playbooks` for `playbooks/sla.md` and `playbooks/index.md`).
    var folder: String
    /// `index.md` of a folder (a section page, or the home page).
    var isIndex: Bool
    var front = FrontMatter()
    var body: Substring = ""
    var bodyLine = 0
    /// A hash of the file's bytes, to know when a page changed.
    var textHash: UInt64 = 0
    /// The output file relative to the output folder: `da/playbooks/sla/index.html`.
    var outputPath = ""

    /// Whether the scan already reported that this page and another would be the same page
    /// (`legal.md` beside `legal/index.md`), so the clash of their output files is not said twice.
    var clashReported = false

    /// For a page made from data, what makes it.
    var data: DataPage?

    /// The folder of the output file: `da/playbooks/sla`.
    var outputDirectory: String { URLPath.directory(outputPath) }
    var isHome: Bool { key == "index" }

    /// Computes `outputPath`: the main language at the root, another under its code.
    mutating func assignOutputPath(mainLanguage: Language) {
        let prefix = language == mainLanguage ? "" : language.rawValue + "/"
        if isIndex {
            outputPath = prefix + URLPath.join(folder, "index.html")
        } else {
            outputPath = prefix + key + "/index.html"
        }
    }

    /// What a Markdown file's name says: its page key and, when the name carries one, its
    /// language (`playbooks/sla.da.md` -> `playbooks/sla`, `da`; `playbooks/sla.md` ->
    /// `playbooks/sla`, nil: the site's main language). Nil for a file that is not Markdown.
    static func key(ofFile path: String) -> (key: String, language: Language?)? {
        guard path.hasSuffix(".md") else { return nil }
        var name = String(URLPath.lastComponent(path).dropLast(3))
        var language: Language?
        if let dot = name.lastIndex(of: "."), let code = Language(rawValue: String(name[name.index(after: dot)...])) {
            language = code
            name = String(name[..<dot])
        }
        return (URLPath.join(URLPath.directory(path), name), language)
    }

    /// The Markdown file of a page key in a language: the inverse of ``key(ofFile:)``.
    static func file(ofKey key: String, language: Language, mainLanguage: Language) -> String {
        language == mainLanguage ? key + ".md" : key + "." + language.rawValue + ".md"
    }

    /// `section-01` -> `Section 01`; `one-pipeline.md` -> `One pipeline`.
    static func humanize(_ name: String) -> String {
        var words = name.replacingDashes
        if let first = words.first { words = first.uppercased() + words.dropFirst() }
        return words
    }
}

extension String {
    fileprivate var replacingDashes: String {
        String(map { $0 == "-" || $0 == "_" ? " " : $0 })
    }
}

/// What rendering a page's Markdown produced.
struct RenderedPage: Sendable {
    var title: String
    var html: String
    var headings: [(level: Int, text: String, id: String)]
    var diagnostics: [Diagnostic]
    var anchors: [AnchorReference]
    /// The playbook blocks of the page, for the checks across the site (`BlockChecks`).
    var blocks: [PlacedBlock] = []
}

/// A link to a heading of another page, checked once every page is rendered.
struct AnchorReference: Sendable {
    var location: SourceLocation
    var target: Int
    var fragment: String
}

/// A folder of pages in one language.
struct Section: Sendable {
    var folder: String
    var language: Language
    /// The section's own page (its `index.md` or a generated one).
    var page: Int
    var pages: [Int] = []
    var subsections: [String] = []
}

extension Page {
    /// A page made from data: `results/index` is the section page of `results/`.
    init(data: DataPage, mainLanguage: Language, contentDisplay: String) {
        let isIndex = URLPath.lastComponent(data.key) == "index"
        self.init(
            source: nil, display: "\(contentDisplay)/\(data.key) (made from data)", language: data.language,
            key: data.key, folder: data.folder, isIndex: isIndex)
        front.title = data.title
        front.description = data.description
        front.weight = data.weight
        self.data = data
        assignOutputPath(mainLanguage: mainLanguage)
    }

}
