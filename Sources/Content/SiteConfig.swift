public import Core
internal import Formats
internal import Foundation
internal import Yams

/// The settings of `site.yml`. A content folder without the file gets `SiteConfig()`.
public struct SiteConfig: Sendable, Equatable {
    public struct Brand: Sendable, Equatable {
        public var name: String?
        /// The logo's path relative to the content folder.
        public var logo: String?
        public var primary: String = "#1d4ed8"
        public var accent: String = "#b45309"
    }

    /// Texts of the site in a language other than its main one.
    public struct Translation: Sendable, Equatable {
        public var title: String?
        public var description: String?
    }

    public var title: String = "Playbook"
    public var description: String = ""
    public var language: Language = .en
    /// Absolute base URL ending in `/`, or nil.
    public var baseURL: String?
    public var unsafeHTML: Bool = false
    /// Whether the build makes the theme's CSS and JavaScript and its templates' indentation smaller.
    public var minify: Bool = true
    public var brand = Brand()
    public var translations: [Language: Translation] = [:]
    /// Where the settings came from, for error messages.
    public var file: String?
    /// Where each setting is written (`brand.primary` -> line and column), for warnings.
    public var locations: [String: SourceLocation] = [:]

    public init() {}

    public func title(in language: Language) -> String {
        language == self.language ? title : translations[language]?.title ?? title
    }

    public func description(in language: Language) -> String {
        language == self.language ? description : translations[language]?.description ?? description
    }

    static let keys = ["title", "description", "language", "base_url", "unsafe_html", "minify", "brand", "translations"]
    static let brandKeys = ["name", "logo", "primary", "accent"]
    static let translationKeys = ["title", "description"]

    /// Reads `site.yml`; every problem is reported with its line and column.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the path shown in messages.
    /// - Throws: `DiagnosticsError` with every problem found.
    public static func parse(_ text: String, file: String) throws(DiagnosticsError) -> SiteConfig {
        var reader = YAMLReader(file: file)
        var config = SiteConfig()
        config.file = file
        guard let root = reader.parse(text) else {
            try reader.diagnostics.throwIfErrors()
            return config
        }
        if let fields = reader.fields(root, "site.yml", allowed: keys) {
            if let title = reader.string(fields["title"], "title") { config.title = title }
            if let description = reader.string(fields["description"], "description") { config.description = description }
            if let node = fields["language"], let code = reader.string(node, "language") {
                if let language = Language(rawValue: code) {
                    config.language = language
                } else {
                    reader.error(node, "language \"\(code)\" is not supported; expected en or da")
                }
            }
            if let node = fields["base_url"], let url = reader.string(node, "base_url") {
                if url.hasPrefix("https://") || url.hasPrefix("http://") {
                    config.baseURL = url.hasSuffix("/") ? url : url + "/"
                } else {
                    reader.error(node, "base_url \"\(url)\" must be an absolute URL such as https://example.org/playbook/")
                }
            }
            if let unsafe = reader.bool(fields["unsafe_html"], "unsafe_html") { config.unsafeHTML = unsafe }
            if let minify = reader.bool(fields["minify"], "minify") { config.minify = minify }
            if let brand = reader.fields(fields["brand"], "brand", allowed: brandKeys) {
                config.brand.name = reader.string(brand["name"], "brand.name")
                config.brand.logo = reader.string(brand["logo"], "brand.logo")
                if let node = brand["logo"] { config.locations["brand.logo"] = reader.location(node) }
                for key in ["primary", "accent"] {
                    guard let node = brand[key], let colour = reader.string(node, "brand.\(key)") else { continue }
                    config.locations["brand.\(key)"] = reader.location(node)
                    if Colour(hex: colour) == nil {
                        reader.error(node, "brand.\(key) \"\(colour)\" is not a colour; write it as #rrggbb, e.g. #1d4ed8")
                    } else if key == "primary" {
                        config.brand.primary = colour.lowercased()
                    } else {
                        config.brand.accent = colour.lowercased()
                    }
                }
            }
            if let translations = reader.mapping(fields["translations"], "translations", allowed: []) {
                for entry in translations {
                    guard let language = Language(rawValue: entry.key) else {
                        reader.error(entry.keyNode, "translations has an unknown language \"\(entry.key)\"; expected en or da")
                        continue
                    }
                    guard let texts = reader.fields(entry.value, "translations.\(entry.key)", allowed: translationKeys)
                    else { continue }
                    config.translations[language] = Translation(
                        title: reader.string(texts["title"], "title"),
                        description: reader.string(texts["description"], "description"))
                }
            }
        }
        try reader.diagnostics.throwIfErrors()
        return config
    }
}

extension SiteConfig {
    /// WCAG 2.1 contrast problems of the brand colours as the default theme uses them: the primary
    /// colour for links on white and as the background of white text (AA: 4.5:1), the accent for
    /// rules, markers and borders on white (non-text: 3:1).
    public var contrastWarnings: [Diagnostic] {
        let white = Colour(hex: "#ffffff")!
        var warnings: [Diagnostic] = []
        let checks: [(key: String, colour: String, minimum: Double, use: String)] = [
            ("brand.primary", brand.primary, 4.5, "links on white and white text on it"),
            ("brand.accent", brand.accent, 3.0, "rules and markers on white"),
        ]
        for check in checks {
            guard let colour = Colour(hex: check.colour) else { continue }
            let ratio = colour.contrast(with: white)
            guard ratio < check.minimum else { continue }
            let location = locations[check.key] ?? SourceLocation(file: file ?? "site.yml")
            warnings.append(
                Diagnostic(
                    location,
                    "\(check.key) \(check.colour) has a contrast of \(Colour.format(ratio)):1 against white (#ffffff), below the \(Colour.format(check.minimum)):1 that WCAG AA asks for \(check.use); choose a darker colour",
                    severity: .warning))
        }
        return warnings
    }
}

/// An sRGB colour written `#rrggbb` (or `#rgb`).
public struct Colour: Sendable, Equatable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init?(hex: String) {
        var digits = Substring(hex)
        guard digits.first == "#" else { return nil }
        digits = digits.dropFirst()
        if digits.count == 3 { digits = Substring(digits.flatMap { [$0, $0] }) }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        red = Double((value >> 16) & 0xFF) / 255
        green = Double((value >> 8) & 0xFF) / 255
        blue = Double(value & 0xFF) / 255
    }

    /// Relative luminance, as WCAG 2.1 defines it.
    public var luminance: Double {
        func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The WCAG contrast ratio, from 1 to 21.
    public func contrast(with other: Colour) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// `4.48` for messages: two decimals, rounded down so a ratio just below a limit never reads as the limit.
    static func format(_ ratio: Double) -> String {
        FixedPoint(digits: 2, rounding: .down).format(ratio)
    }
}
