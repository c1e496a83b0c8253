internal import Core

/// The files of a content folder, sorted into pages, data and files to copy.
struct ContentScan {
    /// Folders at the content root that hold data, not pages or files to publish.
    /// `crm/` holds CRM exports: personal data, never published (docs/pipeline.md, rule 7).
    static let dataFolders = ["assessments/", "results/", "crm/"]

    var pages: [Page] = []
    /// Files copied to the output as they are (images, PDFs, ...), relative to the content folder.
    var staticFiles: [String] = []
    var diagnostics: [Diagnostic] = []

    /// Why a content path cannot become a URL safely, or nil when it can: a control character (a
    /// tab or a newline vanishes from a URL in a browser, so `java<TAB>script:` would read as a
    /// scheme), or a backslash (read as `/` by browsers and by Windows hosts).
    static func unpublishableName(_ path: String) -> String? {
        for scalar in path.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                return "has the control character \\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
            if scalar == "\\" { return "has a backslash, which browsers and Windows hosts read as /" }
        }
        return nil
    }

    init(root: String, mainLanguage: Language) {
        let display = FileSystem.display(root)
        let listing = FileSystem.listing(root, privateFolders: Self.dataFolders + ["site.yml"])
        for (path, reason) in listing.skipped {
            diagnostics.append(Diagnostic(SourceLocation(file: display + "/" + path), reason, severity: .warning))
        }
        for path in listing.files {
            if let problem = Self.unpublishableName(path) {
                diagnostics.append(
                    Diagnostic(
                        SourceLocation(file: display + "/" + path),
                        "this file is not published: its name \(problem); rename it", severity: .warning))
                continue
            }
            if path == "site.yml" || Self.dataFolders.contains(where: { path.hasPrefix($0) }) { continue }
            guard let (key, language) = Page.key(ofFile: path) else {
                staticFiles.append(path)
                continue
            }
            let folder = URLPath.directory(path)
            var page = Page(
                source: path, display: display + "/" + path, language: language ?? mainLanguage,
                key: key, folder: folder, isIndex: URLPath.lastComponent(key) == "index")
            page.assignOutputPath(mainLanguage: mainLanguage)
            pages.append(page)
        }
        useReadmesAsIndexes(mainLanguage: mainLanguage)
        usePagesBesideFoldersAsIndexes(mainLanguage: mainLanguage)
    }

    /// A page beside a folder of the same name (`legal.md` and `legal/`) is the folder's page
    /// when the folder has no index page in that language; with one, an error names both.
    private mutating func usePagesBesideFoldersAsIndexes(mainLanguage: Language) {
        var folders = Set<String>()
        for page in pages {
            var folder = page.folder
            while !folder.isEmpty, folders.insert(folder).inserted { folder = URLPath.directory(folder) }
        }
        var indexes: [String: Int] = [:]
        for (i, page) in pages.enumerated() where page.isIndex { indexes[page.language.rawValue + ":" + page.folder] = i }
        for i in pages.indices where !pages[i].isIndex && folders.contains(pages[i].key) {
            let folder = pages[i].key
            if let index = indexes[pages[i].language.rawValue + ":" + folder] {
                // Said once: not again as two pages for one output file.
                pages[i].clashReported = true
                diagnostics.append(
                    Diagnostic(
                        SourceLocation(file: pages[i].display),
                        "this page and \(pages[index].display) would both be the page of the folder \(folder)/; keep one of them (a page beside a folder of the same name is the folder's page when the folder has no index.md)"
                    ))
                continue
            }
            pages[i].key = URLPath.join(folder, "index")
            pages[i].folder = folder
            pages[i].isIndex = true
            pages[i].assignOutputPath(mainLanguage: mainLanguage)
        }
    }

    /// Whether a page key names a `README` (`team/README`, any case): GitHub, GitBook and MkDocs
    /// show a folder's README as its page.
    static func isReadme(_ key: String) -> Bool { URLPath.lastComponent(key).lowercased() == "readme" }

    /// A folder's `README.md` is its index page (the top one the home page) when the folder has no
    /// `index.md` in that language; with both, an error names both.
    private mutating func useReadmesAsIndexes(mainLanguage: Language) {
        var indexes: [String: Int] = [:]
        for (i, page) in pages.enumerated() where page.isIndex { indexes[page.language.rawValue + ":" + page.folder] = i }
        var claimed: [String: Int] = [:]
        for i in pages.indices where Self.isReadme(pages[i].key) {
            let slot = pages[i].language.rawValue + ":" + pages[i].folder
            if let index = indexes[slot] ?? claimed[slot] {
                diagnostics.append(
                    Diagnostic(
                        SourceLocation(file: pages[i].display),
                        "this folder has both \(URLPath.lastComponent(pages[index].source ?? "")) and \(URLPath.lastComponent(pages[i].source ?? "")), and either would be its page; keep one of them (a README.md is the folder's page when there is no index.md)"
                    ))
                continue
            }
            claimed[slot] = i
            pages[i].key = URLPath.join(pages[i].folder, "index")
            pages[i].isIndex = true
            pages[i].assignOutputPath(mainLanguage: mainLanguage)
        }
    }
}
