internal import Model

/// The files of a content folder, sorted into pages, data and files to copy.
struct ContentScan {
    /// Folders at the content root that hold data, not pages or files to publish.
    static let dataFolders = ["assessments/", "results/"]

    var pages: [Page] = []
    /// Files copied to the output as they are (images, PDFs, ...), relative to the content folder.
    var staticFiles: [String] = []
    var diagnostics: [Diagnostic] = []

    init(root: String, mainLanguage: Language) {
        let display = FileSystem.display(root)
        for path in FileSystem.listFiles(root) {
            if path == "site.yml" || Self.dataFolders.contains(where: { path.hasPrefix($0) }) { continue }
            guard path.hasSuffix(".md") else {
                staticFiles.append(path)
                continue
            }
            let folder = URLPath.directory(path)
            var name = String(URLPath.lastComponent(path).dropLast(3))
            var language = mainLanguage
            if let dot = name.lastIndex(of: "."), let code = Language(rawValue: String(name[name.index(after: dot)...])) {
                language = code
                name = String(name[..<dot])
            }
            let isIndex = name == "index"
            var page = Page(
                source: path, display: display + "/" + path, language: language,
                key: URLPath.join(folder, name), folder: folder, isIndex: isIndex)
            page.assignOutputPath(mainLanguage: mainLanguage)
            pages.append(page)
        }
    }
}
