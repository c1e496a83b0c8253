internal import Content
public import Core

/// The files of a new site, made from the example site that ships with Tandem.
public enum Scaffold {
    /// The new site's files, by path relative to the site folder (`content/...`).
    ///
    /// - Parameters:
    ///   - example: the example content folder's files, by path.
    ///   - language: the new site's main language. For Danish, the Danish pages become the main
    ///     pages (`sla.da.md` -> `sla.md`) and the English ones translations (`sla.md` -> `sla.en.md`).
    ///   - name: the client's or team's name, shown as the brand.
    /// - Returns: every file of the example but its results and its CRM exports, which belong to the
    ///   example's client.
    /// - Throws: `DiagnosticsError` when the example's `site.yml` does not parse (a packaging bug).
    public static func files(example: [String: [UInt8]], language: Language, name: String?) throws(DiagnosticsError)
        -> [String: [UInt8]]
    {
        var config = SiteConfig()
        if let settings = example["site.yml"] {
            config = try SiteConfig.parse(String(decoding: settings, as: UTF8.self), file: "site.yml")
        }
        var files: [String: [UInt8]] = [:]
        // The example's results and CRM exports belong to its example client, not to the new site.
        for (path, bytes) in example where path != "site.yml" && !path.hasPrefix("results/") && !path.hasPrefix("crm/") {
            files["content/" + renamed(path, from: config.language, to: language)] = bytes
        }
        files["content/site.yml"] = Array(siteYAML(config, language: language, name: name).utf8)
        return files
    }

    /// `sla.md` <-> `sla.da.md` when the main language changes; other files keep their names.
    static func renamed(_ path: String, from old: Language, to new: Language) -> String {
        guard old != new, let (key, language) = Page.key(ofFile: path) else { return path }
        return Page.file(ofKey: key, language: language ?? old, mainLanguage: new)
    }

    /// A commented `site.yml` for the new site (JSON strings are YAML double-quoted strings).
    static func siteYAML(_ example: SiteConfig, language: Language, name: String?) -> String {
        let other = Language.allCases.first { $0 != language } ?? .en
        var yaml = "# The site's settings: see docs/authoring.md in the Tandem repository.\n"
        yaml += "title: \(JSONText.quoted(example.title(in: language)))\n"
        yaml += "description: \(JSONText.quoted(example.description(in: language)))\n"
        yaml += "language: \(language.rawValue)\n"
        yaml += "# base_url: https://example.org/playbook/   # set it to get sitemap.xml and canonical links\n"
        yaml += "brand:\n"
        yaml += "  name: \(JSONText.quoted(name ?? example.brand.name ?? example.title(in: language)))\n"
        yaml += "  # logo: assets/logo.svg                   # an SVG or PNG in the content folder\n"
        yaml += "  primary: \(JSONText.quoted(example.brand.primary))\n"
        yaml += "  accent: \(JSONText.quoted(example.brand.accent))\n"
        yaml += "translations:\n"
        yaml += "  \(other.rawValue):\n"
        yaml += "    title: \(JSONText.quoted(example.title(in: other)))\n"
        yaml += "    description: \(JSONText.quoted(example.description(in: other)))\n"
        return yaml
    }
}
