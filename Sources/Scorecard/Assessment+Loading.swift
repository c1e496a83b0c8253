public import Core

// MARK: - Loading questionnaires from files

extension Assessment {
    /// Loads a questionnaire file and, beside it, its translations (`<name>.<language>.yml`).
    ///
    /// - Parameters:
    ///   - path: The questionnaire's `.yml` file.
    ///   - language: The language of its texts (the site's main language).
    ///   - translations: Whether to read and check the translation files too; `tandem score`
    ///     needs only the numbers and ids.
    ///   - nameMustMatchID: Whether the file must be named after the questionnaire's id, as it
    ///     must in a content folder, where results find their questionnaire by id.
    ///   - boundary: The canonical folder translations must be inside (the content folder), if any.
    /// - Returns: The validated questionnaire.
    /// - Throws: `DiagnosticsError` with every problem in the file and its translations.
    public static func load(
        file path: String, language: Language = .en, translations: Bool = true, nameMustMatchID: Bool = false,
        within boundary: String? = nil
    ) throws(DiagnosticsError) -> Assessment {
        let display = FileSystem.display(path)
        guard let text = FileSystem.readText(path) else {
            throw DiagnosticsError([
                Diagnostic(SourceLocation(file: display), "cannot read the questionnaire; check that the file exists")
            ])
        }
        let (folder, name, ext) = Self.split(path)
        // Composed once: the declared language picks the translations, then the same nodes are read.
        let document = QuestionnaireDocument(text, file: display)
        let language = document.declaredLanguage ?? language
        var found: [Translation] = []
        if translations {
            for other in Language.allCases where other != language {
                let candidate = folder + name + "." + other.rawValue + ext
                // In a content folder, a translation is read only from inside it (never through a link out).
                if boundary.map({ FileSystem.isInside(candidate, $0) }) ?? true, let text = FileSystem.readText(candidate) {
                    found.append(Translation(language: other, text: text, file: FileSystem.display(candidate)))
                }
            }
        }
        return try parse(document, language: language, translations: found, expectedID: nameMustMatchID ? name : nil)
    }

    /// Loads every questionnaire of a content folder's `assessments/`, with its translations.
    ///
    /// Files are `<id>.yml` (or `.yaml`) and translations `<id>.<language>.yml`. A translation
    /// without its questionnaire, or a file for a language Tandem does not know, is an error.
    ///
    /// - Parameters:
    ///   - contentDirectory: The content folder.
    ///   - language: The site's main language, the language of the questionnaires' own texts.
    /// - Returns: The questionnaires that are valid, sorted by id, and the problems of the others;
    ///   no questionnaires and no problems when the folder does not exist.
    public static func loadAll(contentDirectory: String, language: Language = .en) -> (
        assessments: [Assessment], diagnostics: [Diagnostic]
    ) {
        let folder = contentDirectory + "/assessments"
        var assessments: [Assessment] = []
        var diagnostics: [Diagnostic] = []
        let files = FileSystem.listFiles(folder, within: contentDirectory).filter { !$0.contains("/") && (Self.isYAML($0)) }
        let mains = Set(files.map { Self.split($0) }.filter { !$0.name.contains(".") }.map(\.name))
        var seen: Set<String> = []
        for file in files {
            let path = folder + "/" + file
            let (_, name, _) = Self.split(file)
            if let dot = name.lastIndex(of: ".") {
                let base = String(name[..<dot])
                let code = String(name[name.index(after: dot)...])
                if Language(rawValue: code) == nil {
                    diagnostics.append(
                        Diagnostic(
                            SourceLocation(file: FileSystem.display(path)),
                            "\"\(code)\" is not a language Tandem knows (\(Language.allNames.joined(separator: ", "))); "
                                + "a questionnaire's file is named <id>.yml and its translations <id>.<language>.yml"))
                } else if !mains.contains(base) {
                    diagnostics.append(
                        Diagnostic(
                            SourceLocation(file: FileSystem.display(path)),
                            "a translation of \(base).yml, which does not exist; add the questionnaire or rename this file"))
                }
                continue
            }
            guard seen.insert(name).inserted else {
                diagnostics.append(
                    Diagnostic(
                        SourceLocation(file: FileSystem.display(path)),
                        "a second file for the questionnaire \"\(name)\"; keep one of \(name).yml and \(name).yaml"))
                continue
            }
            do {
                assessments.append(
                    try load(
                        file: path, language: language, nameMustMatchID: true,
                        within: FileSystem.canonical(contentDirectory)))
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        return (assessments, diagnostics.sorted())
    }

    /// The questionnaire file for an id in a content folder: `assessments/<id>.yml` (or `.yaml`),
    /// or `nil` when there is none.
    public static func path(forID id: String, contentDirectory: String) -> String? {
        guard isValidID(id) else { return nil }
        for ext in [".yml", ".yaml"] {
            let path = contentDirectory + "/assessments/" + id + ext
            if FileSystem.exists(path) { return path }
        }
        return nil
    }

    /// The ids of the questionnaires in a content folder, for did-you-mean suggestions.
    public static func ids(contentDirectory: String) -> [String] {
        FileSystem.listFiles(contentDirectory + "/assessments", within: contentDirectory)
            .filter { !$0.contains("/") && isYAML($0) }
            .map { split($0).name }
            .filter { !$0.contains(".") }
    }

    static func isYAML(_ path: String) -> Bool { path.hasSuffix(".yml") || path.hasSuffix(".yaml") }

    /// `content/assessments/x.yml` -> (`content/assessments/`, `x`, `.yml`).
    static func split(_ path: String) -> (folder: String, name: String, ext: String) {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let folder = String(path[..<slash])
        var name = String(path[slash...])
        var ext = ""
        for candidate in [".yml", ".yaml"] where name.hasSuffix(candidate) {
            ext = candidate
            name.removeLast(candidate.count)
        }
        return (folder, name, ext)
    }
}
