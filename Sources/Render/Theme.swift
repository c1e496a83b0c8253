public import Core
internal import Formats
public import Mustache

/// A theme: Mustache layouts and partials, UI strings per language, and assets (CSS, JS, wasm).
///
/// A theme is made of layers: the default theme, then a site's own `site-templates/`, whose files
/// replace the default's file by file.
public struct Theme: Sendable {
    /// A file of the theme's `assets/` folder.
    public struct Asset: Sendable {
        /// Path below `assets/`, e.g. `style.css`.
        public var path: String
        public var bytes: [UInt8]
        /// Where it came from, for messages.
        public var source: String
    }

    /// The layouts every theme must have.
    public static let requiredLayouts = ["layouts/home", "layouts/section", "layouts/page", "layouts/404", "partials/nav"]

    let library: TemplateLibrary
    public let templateNames: Set<String>
    /// Where each template comes from, as messages name it, by the template's name.
    let templateFiles: [String: String]
    public let assets: [Asset]
    let strings: [Language: [String: String]]
    /// Problems that do not stop a build, such as a symbolic link that was not followed.
    public let warnings: [Diagnostic]

    /// Loads a theme from its layers, lowest first.
    ///
    /// - Parameters:
    ///   - layers: folders laid out like `site-templates/`; a later folder's file replaces an
    ///     earlier folder's file with the same path. Missing folders are skipped.
    ///   - trimIndentation: parse the templates without the indentation of their lines (see `Template`).
    /// - Throws: `DiagnosticsError` for a template that does not parse (with line and column), a missing
    ///   layout or partial, or an i18n file that is not a map of strings.
    public static func load(layers: [ThemeLayer], trimIndentation: Bool = false) throws(DiagnosticsError) -> Theme {
        var files: [String: (source: ThemeLayer, display: String)] = [:]
        // UI strings merge key by key, lowest layer first: a site's i18n file need only hold what it changes.
        var stringFiles: [(relative: String, source: ThemeLayer, display: String)] = []
        var diagnostics = Diagnostics()
        for layer in layers {
            var found: [(String, String)] = []
            switch layer {
            case .directory(let folder):
                let listing = FileSystem.listing(folder)
                for (path, reason) in listing.skipped {
                    diagnostics.append(
                        Diagnostic(SourceLocation(file: FileSystem.display(folder + "/" + path)), reason, severity: .warning))
                }
                found = listing.files.map { ($0, FileSystem.display(folder + "/" + $0)) }
            case .files(let name, let contents):
                found = contents.keys.sorted().map { ($0, "\(name): \($0)") }
            }
            for (relative, display) in found {
                if relative.hasPrefix("i18n/"), relative.hasSuffix(".yml") {
                    stringFiles.append((relative, layer, display))
                } else {
                    files[relative] = (layer, display)
                }
            }
        }
        func read(_ relative: String, from layer: ThemeLayer) -> [UInt8]? {
            switch layer {
            case .directory(let folder): FileSystem.readBytes(folder + "/" + relative)
            case .files(_, let contents): contents[relative]
            }
        }
        var library = TemplateLibrary()
        var names = Set<String>()
        var templateFiles: [String: String] = [:]
        var references: [(name: String, location: SourceLocation)] = []
        var assets: [Asset] = []
        var strings: [Language: [String: String]] = [:]

        for relative in files.keys.sorted() {
            let (layer, display) = files[relative]!
            if relative.hasSuffix(".mustache") {
                let name = String(relative.dropLast(".mustache".count))
                guard let text = read(relative, from: layer).map({ String(decoding: $0, as: UTF8.self) }) else {
                    diagnostics.error(SourceLocation(file: display), "cannot read this template")
                    continue
                }
                names.insert(name)  // a template that does not parse exists; only its syntax is wrong
                templateFiles[name] = display
                do {
                    let template = try Template(text, trimIndentation: trimIndentation)
                    library.register(template, named: name)
                    references += template.partialReferences.map {
                        ($0.name, SourceLocation(file: display, line: $0.line, column: $0.column))
                    }
                } catch {
                    diagnostics.error(
                        SourceLocation(file: display, line: error.line, column: error.column),
                        "this template does not parse: \(error.message)")
                }
            } else if relative.hasPrefix("assets/") {
                guard let bytes = read(relative, from: layer) else {
                    diagnostics.error(SourceLocation(file: display), "cannot read this asset")
                    continue
                }
                assets.append(Asset(path: String(relative.dropFirst("assets/".count)), bytes: bytes, source: display))
            }
        }
        for (relative, layer, display) in stringFiles {
            let code = String(relative.dropFirst("i18n/".count).dropLast(".yml".count))
            guard let language = Language(rawValue: code) else { continue }
            let text = read(relative, from: layer).map { String(decoding: $0, as: UTF8.self) } ?? ""
            strings[language, default: [:]].merge(loadStrings(text, display: display, into: &diagnostics)) { $1 }
        }
        let searched = layers.map(\.name).joined(separator: " and ")
        let top = layers.last?.name ?? "site-templates"
        for layout in requiredLayouts where !names.contains(layout) {
            diagnostics.error(
                SourceLocation(file: top),
                "the theme has no \(layout).mustache; expected it in \(searched)")
        }
        for reference in references where !names.contains(reference.name) {
            diagnostics.error(
                reference.location,
                "the partial \"\(reference.name)\" does not exist; expected \(reference.name).mustache in \(searched)"
                    + Suggestion.didYouMean(reference.name, in: names))
        }
        for language in Language.allCases where strings[language] == nil {
            diagnostics.error(
                SourceLocation(file: top),
                "the theme has no i18n/\(language.rawValue).yml with its \(language.nativeName) UI strings")
        }
        try diagnostics.throwIfErrors()
        return Theme(
            library: library, templateNames: names, templateFiles: templateFiles, assets: assets, strings: strings,
            warnings: diagnostics.warnings)
    }

    /// Renders one of the theme's templates.
    ///
    /// - Parameters:
    ///   - template: the template's name, its path without `.mustache`, e.g. `layouts/page`.
    ///   - context: what the template sees (see docs/themes.md).
    ///   - page: what is being rendered, as messages name it, e.g. `content/index.md`.
    /// - Returns: the rendered text; empty when the theme has no such template.
    /// - Throws: a `Diagnostic` at the template's file when the render goes over `TemplateLimits`.
    public func render(_ template: String, context: TemplateValue, page: String? = nil) throws(Diagnostic) -> String {
        do {
            return try library.render(template, context: context) ?? ""
        } catch {
            let file = templateFiles[template] ?? template + ".mustache"
            throw Diagnostic(SourceLocation(file: file), "rendering \(page ?? "this template") \(error.message)")
        }
    }

    /// The UI strings for a language.
    public func strings(for language: Language) -> [String: String] {
        strings[language] ?? [:]
    }

    // MARK: - Helpers

    static func loadStrings(_ text: String, display: String, into diagnostics: inout Diagnostics) -> [String: String] {
        var reader = YAMLReader(file: display)
        var result: [String: String] = [:]
        if let root = reader.parse(text),
            let entries = reader.mapping(root, "the UI strings", allowed: [])
        {
            for entry in entries {
                if let value = reader.string(entry.value, entry.key) { result[entry.key] = value }
            }
        }
        diagnostics.append(contentsOf: reader.diagnostics.all)
        return result
    }
}

/// Where a theme's files come from: a folder, or files carried in memory (the built-in theme).
public enum ThemeLayer: Sendable {
    case directory(String)
    case files(name: String, [String: [UInt8]])

    /// How the layer is named in messages.
    public var name: String {
        switch self {
        case .directory(let folder): FileSystem.display(folder)
        case .files(let name, _): name
        }
    }

    /// The folder, for a layer read from disk.
    public var directory: String? {
        if case .directory(let folder) = self { return folder }
        return nil
    }
}
