internal import Content
internal import Core

/// Every page of a site in every language, with its sections, ordered for navigation.
struct SiteTree: Sendable {
    var config: SiteConfig
    var pages: [Page]
    /// Titles by page index (from front matter, the first heading or the file name).
    var titles: [String]
    /// Sections by language and folder (`""` is the root).
    var sections: [Language: [String: Section]] = [:]
    /// Page index by key, per language.
    var byKey: [String: [Language: Int]] = [:]
    var diagnostics: [Diagnostic] = []
    /// Each section's children in navigation order, once `orderChildren()` has run.
    private var childOrder: [Language: [String: [Int]]] = [:]

    init(pages: [Page], config: SiteConfig) {
        self.config = config
        self.pages = pages
        self.titles = pages.map { $0.front.title ?? Page.humanize(URLPath.lastComponent($0.isIndex ? $0.folder : $0.key)) }

        // Two sources for one output file is an error naming both.
        var outputs: [String: Int] = [:]
        for (i, page) in pages.enumerated() {
            if let first = outputs[page.outputPath] {
                if page.clashReported || pages[first].clashReported { continue }
                diagnostics.append(
                    Diagnostic(
                        SourceLocation(file: page.display),
                        "this page would be written to \(page.outputPath), like \(pages[first].display); rename or remove one of them"
                    ))
            } else {
                outputs[page.outputPath] = i
            }
        }

        // Sections: every folder that holds a page, and its parents, in each language.
        for i in pages.indices {
            let page = pages[i]
            byKey[page.key, default: [:]][page.language] = i
            var folder = page.folder
            while true {
                if sections[page.language]?[folder] == nil {
                    sections[page.language, default: [:]][folder] = Section(folder: folder, language: page.language, page: -1)
                }
                if folder.isEmpty { break }
                folder = URLPath.directory(folder)
            }
        }
        // Sorted, so generated pages come in the same order in every build.
        for language in sections.keys.sorted() {
            for folder in sections[language]!.keys.sorted() {
                let key = URLPath.join(folder, "index")
                if let index = byKey[key]?[language] {
                    sections[language]![folder]!.page = index
                } else {
                    // A folder without index.md still gets a page listing what is in it.
                    var page = Page(
                        source: nil, display: FileSystem.display(URLPath.join(folder, "index.md")),
                        language: language, key: key, folder: folder, isIndex: true)
                    page.assignOutputPath(mainLanguage: config.language)
                    self.pages.append(page)
                    titles.append(folder.isEmpty ? config.title(in: language) : Page.humanize(URLPath.lastComponent(folder)))
                    byKey[key, default: [:]][language] = self.pages.count - 1
                    sections[language]![folder]!.page = self.pages.count - 1
                }
            }
        }
        for i in self.pages.indices where !self.pages[i].isIndex {
            sections[self.pages[i].language]![self.pages[i].folder]!.pages.append(i)
        }
        for language in sections.keys.sorted() {
            for folder in sections[language]!.keys.sorted() where !folder.isEmpty {
                sections[language]![URLPath.directory(folder)]!.subsections.append(folder)
            }
        }
    }

    /// The pages and sections directly below a section, ordered by weight, then title.
    func children(of section: Section) -> [Int] {
        if let ordered = childOrder[section.language]?[section.folder] { return ordered }
        return computeChildren(of: section, sortTitles: titles.map { $0.lowercased() })
    }

    /// Orders every section's children once the titles are final (every page asks for its
    /// navigation, so sorting on each request would repeat the same work thousands of times).
    mutating func orderChildren() {
        let sortTitles = titles.map { $0.lowercased() }
        var order: [Language: [String: [Int]]] = [:]
        for (language, folders) in sections {
            for (folder, section) in folders {
                order[language, default: [:]][folder] = computeChildren(of: section, sortTitles: sortTitles)
            }
        }
        childOrder = order
    }

    private func computeChildren(of section: Section, sortTitles: [String]) -> [Int] {
        let folders = sections[section.language]!
        let entries = section.pages + section.subsections.map { folders[$0]!.page }
        return entries.sorted { a, b in
            let wa = pages[a].front.weight ?? Int.max
            let wb = pages[b].front.weight ?? Int.max
            if wa != wb { return wa < wb }
            if sortTitles[a] != sortTitles[b] { return sortTitles[a] < sortTitles[b] }
            return pages[a].outputPath < pages[b].outputPath
        }
    }

    func section(_ language: Language, _ folder: String) -> Section? {
        sections[language]?[folder]
    }

    /// The section page of each folder from the home page down to the page's parent.
    func ancestors(of page: Int) -> [Int] {
        let p = pages[page]
        if p.isHome { return [] }
        var folders: [String] = []
        var folder = p.isIndex ? URLPath.directory(p.folder) : p.folder
        while true {
            folders.append(folder)
            if folder.isEmpty { break }
            folder = URLPath.directory(folder)
            if p.isIndex && p.folder.isEmpty { break }
        }
        return folders.reversed().compactMap { section(p.language, $0)?.page }
    }

    /// A hash of everything a page's links are resolved against: every page's key, language and
    /// output path, the files to copy, and the settings that change Markdown rendering.
    func fingerprint(staticFiles: [String]) -> UInt64 {
        var hash = Fingerprint.hash64("\(config.language.rawValue)\(config.unsafeHTML)".utf8)
        for page in pages {
            hash = Fingerprint.hash64(page.key.utf8, seed: hash)
            hash = Fingerprint.hash64(page.language.rawValue.utf8, seed: hash)
            hash = Fingerprint.hash64(page.outputPath.utf8, seed: hash)
        }
        for file in staticFiles { hash = Fingerprint.hash64(file.utf8, seed: hash) }
        return hash
    }
}
