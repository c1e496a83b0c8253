import Core
import Foundation
import Render
import Testing

@testable import Site

/// What a content folder can make Tandem read or publish: never a file outside it through a
/// symbolic link, never a link a browser would run, never a file that replaces Tandem's own.
@Suite struct ContentSafetyTests {
    /// A copy of a small site in a new folder: `site/content/` with a home page and `site.yml`.
    static func site(pages: [String: String] = [:]) throws -> String {
        let folder = Fixtures.temporaryFolder()
        let content = folder + "/site/content"
        try FileManager.default.createDirectory(atPath: content + "/guides", withIntermediateDirectories: true)
        try "title: Safety\nlanguage: en\n".write(toFile: content + "/site.yml", atomically: false, encoding: .utf8)
        try "---\ntitle: Home\n---\n# Home\n".write(toFile: content + "/index.md", atomically: false, encoding: .utf8)
        try "---\ntitle: SLA\n---\n# SLA\n".write(toFile: content + "/guides/sla.md", atomically: false, encoding: .utf8)
        for (path, text) in pages {
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: content + "/" + path).deletingLastPathComponent().path,
                withIntermediateDirectories: true)
            try text.write(toFile: content + "/" + path, atomically: false, encoding: .utf8)
        }
        return folder
    }

    static func options(_ folder: String) -> BuildOptions {
        BuildOptions(
            contentDirectory: folder + "/site/content", themeLayers: [.directory(Fixtures.defaultTheme)],
            outputDirectory: folder + "/site/public")
    }

    static func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    /// The warnings with the temporary folder's path removed.
    static func warnings(_ report: BuildReport, in folder: String) -> [String] {
        let prefix = FileSystem.display(folder + "/site/")
        return report.warnings.map { $0.description.replacingOccurrences(of: prefix, with: "") }
            .map { $0.replacingOccurrences(of: FileSystem.canonical(folder), with: "TMP") }
    }

    @Test func linksOutOfTheContentFolderAreSkippedWithAWarning() throws {
        let folder = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = folder + "/site/content"
        try "secret\n".write(toFile: folder + "/secret.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/elsewhere", withIntermediateDirectories: true)
        try "---\ntitle: Elsewhere\n---\n".write(toFile: folder + "/elsewhere/page.md", atomically: false, encoding: .utf8)
        try Self.link(content + "/passwd.txt", to: folder + "/secret.txt")
        try Self.link(content + "/environ", to: "/proc/self/environ")
        try Self.link(content + "/outside", to: "../../elsewhere")
        try Self.link(content + "/gone.txt", to: "nothing-here")
        let report = try SiteBuilder(options: Self.options(folder)).build()
        #expect(
            Self.warnings(report, in: folder) == [
                "content/environ: warning: is a symbolic link to /proc/\(getpid())/environ, outside content; skipped, because only links to files inside it are read",
                "content/gone.txt: warning: is a symbolic link to nothing (its target does not exist); skipped",
                "content/outside: warning: is a symbolic link to TMP/elsewhere, outside content; skipped, because only links to files inside it are read",
                "content/passwd.txt: warning: is a symbolic link to TMP/secret.txt, outside content; skipped, because only links to files inside it are read",
            ])
        let output = Fixtures.tree(folder + "/site/public")
        #expect(output["passwd.txt"] == nil && output["environ"] == nil && output["outside/page/index.html"] == nil)
        #expect(!output.values.contains { String(decoding: $0, as: UTF8.self).contains("secret") })
    }

    @Test func linksToHiddenFilesAndToTheSitesDataAreSkipped() throws {
        let folder = try Self.site(pages: [
            ".env": "TOKEN=secret", "results/2026.txt": "sales 3", "notes/.git/config": "[core]",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = folder + "/site/content"
        try Self.link(content + "/cfg.txt", to: ".env")
        try Self.link(content + "/git", to: "notes/.git")
        try Self.link(content + "/answers.txt", to: "results/2026.txt")
        try Self.link(content + "/settings.txt", to: "site.yml")
        try Self.link(content + "/results/copy.txt", to: "2026.txt")  // inside the data: fine
        let report = try SiteBuilder(options: Self.options(folder)).build()
        #expect(
            Self.warnings(report, in: folder) == [
                "content/answers.txt: warning: is a symbolic link to results/2026.txt, which is the site's data, not a file to publish; skipped",
                "content/cfg.txt: warning: is a symbolic link to a hidden file or folder (.env); skipped",
                "content/git: warning: is a symbolic link to a hidden file or folder (notes/.git); skipped",
                "content/settings.txt: warning: is a symbolic link to site.yml, which is the site's data, not a file to publish; skipped",
            ])
        let output = Fixtures.tree(folder + "/site/public")
        #expect(output["cfg.txt"] == nil && output["answers.txt"] == nil && output["settings.txt"] == nil)
        #expect(!output.keys.contains { $0.hasPrefix("git/") })
    }

    @Test func dataFoldersLinkedFromOutsideAreNotRead() throws {
        let folder = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(
            atPath: Fixtures.root + "/results-basic/content/assessments", toPath: folder + "/elsewhere")
        try Self.link(folder + "/site/content/assessments", to: "../../elsewhere")
        let report = try SiteBuilder(options: Self.options(folder)).build()
        #expect(
            Self.warnings(report, in: folder) == [
                "content/assessments: warning: is a symbolic link to TMP/elsewhere, outside content; skipped, because only links to files inside it are read"
            ])
        #expect(Fixtures.tree(folder + "/site/public")["schemas/result.schema.json"] == nil, "no questionnaire was loaded")
    }

    @Test func linksInsideTheContentFolderArePublished() throws {
        let folder = try Self.site(pages: ["assets/logo.svg": "<svg/>"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = folder + "/site/content"
        try Self.link(content + "/logo.svg", to: "assets/logo.svg")
        try Self.link(content + "/handbook", to: "guides")
        let report = try SiteBuilder(options: Self.options(folder)).build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let output = Fixtures.tree(folder + "/site/public")
        #expect(output["logo.svg"] == Data("<svg/>".utf8))
        #expect(output["handbook/sla/index.html"] != nil)
        #expect(output["guides/sla/index.html"] != nil)
    }

    @Test func loopsEndWithAWarning() throws {
        let folder = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = folder + "/site/content"
        try Self.link(content + "/again", to: ".")
        try Self.link(content + "/guides/up", to: "..")
        try Self.link(content + "/guides/deeper", to: "../guides")
        // A link to a folder inside is followed once; links inside what it reaches are not followed again.
        try Self.link(content + "/mirror", to: "guides")
        let report = try SiteBuilder(options: Self.options(folder)).build()
        #expect(
            Self.warnings(report, in: folder) == [
                "content/again: warning: is a symbolic link to a folder that holds it (a loop); skipped",
                "content/guides/deeper: warning: is a symbolic link to a folder that holds it (a loop); skipped",
                "content/guides/up: warning: is a symbolic link to a folder that holds it (a loop); skipped",
                "content/mirror/deeper: warning: is a symbolic link to a folder that holds it (a loop); skipped",
                "content/mirror/up: warning: is a symbolic link to a folder that holds it (a loop); skipped",
            ])
        // The home page, guides/ with its SLA page, and mirror/ with the same: each once.
        #expect(report.pages == 5)
    }

    @Test func aPageNamedLikeASchemeLinksToItselfPercentEncoded() throws {
        let folder = try Self.site(pages: [
            "javascript:alert(document.domain).md": "---\ntitle: Trap\n---\n# Trap\n",
            "a#b?c%d.md": "---\ntitle: Odd\n---\n# Odd\n",
            "files/ javascript:x.pdf": "pdf",
            "links.md": "---\ntitle: Links\n---\n[pdf](files/%20javascript:x.pdf) [odd](a%23b%3Fc%25d.md)\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteBuilder(options: Self.options(folder)).build()
        let output = Fixtures.tree(folder + "/site/public")
        #expect(output["javascript:alert(document.domain)/index.html"] != nil)
        let home = String(decoding: output["index.html"]!, as: UTF8.self)
        #expect(home.contains("href=\"javascript%3Aalert(document.domain)/index.html\""))
        #expect(home.contains("href=\"a%23b%3Fc%25d/index.html\""))
        #expect(!home.contains("href=\"javascript:"))
        let notFound = String(decoding: output["404.html"]!, as: UTF8.self)
        #expect(notFound.contains("href=\"/javascript%3Aalert(document.domain)/index.html\""))
        #expect(notFound.contains("href=\"/a%23b%3Fc%25d/index.html\""))
        let links = String(decoding: output["links/index.html"]!, as: UTF8.self)
        #expect(links.contains("href=\"../files/%20javascript%3Ax.pdf\""))
        #expect(links.contains("href=\"../a%23b%3Fc%25d/index.html\""))
    }

    @Test func namesWithControlCharactersAreSkippedWithAWarning() throws {
        let folder = try Self.site(pages: ["java\tscript:alert(1).md": "---\ntitle: Tab\n---\n", "a\u{1B}[2J.pdf": "x"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try SiteBuilder(options: Self.options(folder)).build()
        let warnings = report.warnings.map(\.message).sorted()
        #expect(
            warnings == [
                "this file is not published: its name has the control character \\u{1B}; rename it",
                "this file is not published: its name has the control character \\u{9}; rename it",
            ])
        #expect(report.pages == 3)  // the home page, guides/ and guides/sla
    }

    @Test func aContentFileNeverReplacesWhatTandemWrites() throws {
        let folder = try Self.site(pages: [
            "index.html": "<p>mine</p>", "404.html": "<p>lost</p>", "schemas/result.schema.json": "{}",
            "guides/sla/index.html": "<p>old</p>", "assessments/.keep.yml": "", "guides/index.html/x.png": "x",
        ])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try SiteBuilder(options: Self.options(folder)).build()
        #expect(
            Self.warnings(report, in: folder) == [
                "content/404.html: warning: this file is not published: its output path 404.html is the 404 page (the theme's layouts/404.mustache); rename or move the file",
                "content/guides/index.html/x.png: warning: this file is not published: its folder guides/index.html is a page of the site; rename or move the file",
                "content/guides/sla/index.html: warning: this file is not published: its output path guides/sla/index.html is the page made from guides/sla.md; rename or move the file",
                "content/index.html: warning: this file is not published: its output path index.html is the page made from index.md; rename or move the file",
            ])
        #expect(Fixtures.tree(folder + "/site/public")["guides/index.html/x.png"] == nil)
        let output = Fixtures.tree(folder + "/site/public")
        #expect(!String(decoding: output["index.html"]!, as: UTF8.self).contains("mine"))
        #expect(!String(decoding: output["404.html"]!, as: UTF8.self).contains("lost"))
        // Without questionnaires Tandem publishes no schema, so the content folder's own is published.
        #expect(output["schemas/result.schema.json"] == Data("{}".utf8))
    }

    @Test func aContentSchemaNeverReplacesThePublishedOne() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Fixtures.root + "/results-basic", toPath: folder + "/site")
        let content = folder + "/site/content"
        try FileManager.default.createDirectory(atPath: content + "/schemas", withIntermediateDirectories: true)
        try "{}".write(toFile: content + "/schemas/result.schema.json", atomically: false, encoding: .utf8)
        var options = Self.options(folder)
        let schema = Array("{\"$id\": \"tandem\"}".utf8)
        options.publishedFiles = ["schemas/result.schema.json": schema]
        let report = try SiteBuilder(options: options).build()
        #expect(
            Self.warnings(report, in: folder).contains(
                "content/schemas/result.schema.json: warning: this file is not published: its output path schemas/result.schema.json is the results JSON Schema that Tandem publishes; rename or move the file"
            ))
        #expect(Fixtures.tree(folder + "/site/public")["schemas/result.schema.json"] == Data(schema))
    }

    @Test func aThemeLinkOutOfItsFolderIsSkippedWithAWarning() throws {
        let folder = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let theme = folder + "/site/site-templates"
        try FileManager.default.createDirectory(atPath: theme + "/assets", withIntermediateDirectories: true)
        try "secret".write(toFile: folder + "/secret.css", atomically: false, encoding: .utf8)
        try Self.link(theme + "/assets/extra.css", to: "../../../secret.css")
        var options = Self.options(folder)
        options.themeLayers.append(.directory(theme))
        let report = try SiteBuilder(options: options).build()
        #expect(
            Self.warnings(report, in: folder) == [
                "site-templates/assets/extra.css: warning: is a symbolic link to TMP/secret.css, outside site-templates; skipped, because only links to files inside it are read"
            ])
        #expect(!Fixtures.tree(folder + "/site/public").keys.contains { $0.hasPrefix("assets/extra") })
    }

    @Test(arguments: [
        ("../secret.svg", "is outside the content folder"),
        ("/etc/passwd", "is outside the content folder"),
        ("missing.svg", "does not exist"),
        ("linked.svg", "is a symbolic link to TMP/secret.svg, outside the content folder"),
    ])
    func aLogoOutsideTheContentFolderIsAnErrorAtItsPosition(logo: String, why: String) throws {
        let folder = try Self.site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let content = folder + "/site/content"
        try "<svg/>".write(toFile: folder + "/site/secret.svg", atomically: false, encoding: .utf8)
        try Self.link(content + "/linked.svg", to: "../secret.svg")
        try "title: Safety\nbrand:\n  logo: \(logo)\n".write(toFile: content + "/site.yml", atomically: false, encoding: .utf8)
        let canonicalTMP = FileSystem.canonical(folder + "/site")
        #expect {
            _ = try SiteBuilder(options: Self.options(folder)).build()
        } throws: { error in
            let lines = (error as! DiagnosticsError).diagnostics.map {
                $0.description.replacingOccurrences(of: FileSystem.display(content), with: "content")
                    .replacingOccurrences(of: canonicalTMP, with: "TMP")
            }
            let want =
                "content/site.yml:3:9: error: brand.logo \"\(logo)\" \(why); expected a file relative to content, such as assets/logo.svg"
            if lines != [want] { Issue.record("got \(lines)") }
            return lines == [want]
        }
    }

    @Test func urlPathsArePercentEncodedPerSegment() {
        #expect(URLPath.relative(from: "", to: "javascript:x/index.html") == "javascript%3Ax/index.html")
        #expect(URLPath.relative(from: "a", to: "a/b c/#1.pdf") == "b%20c/%231.pdf")
        #expect(URLPath.relative(from: "a/b", to: "mål/50%.pdf") == "../../m%C3%A5l/50%25.pdf")
        #expect(URLPath.relative(from: "", to: "guides/sla/index.html") == "guides/sla/index.html")
        #expect(URLPath.encoded("a\\b?c&d'e") == "a%5Cb%3Fc%26d%27e")
    }
}
