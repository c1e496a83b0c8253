import Core
import Foundation
import Render
import Site
import TestSupport
import Testing

@Suite struct BuildTests {
    @Test func richSiteMatchesItsSnapshot() throws {
        let output = Fixtures.temporaryFolder() + "/public"
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path) }
        let report = try SiteBuilder(options: Fixtures.options("rich", output: output)).build()
        #expect(report.pages == 12)
        let built = Fixtures.tree(output)
        let snapshotFolder = Fixtures.root + "/rich/expected"
        // Pages, sitemap and the list of every written file; asset bytes are the theme's own.
        var snapshot: [String: Data] = [:]
        for (path, bytes) in built where path.hasSuffix(".html") || path.hasSuffix(".xml") { snapshot[path] = bytes }
        snapshot["files.txt"] = Data((built.keys.sorted().joined(separator: "\n") + "\n").utf8)
        let expected = try Snapshot.expectedTree(snapshot, folder: snapshotFolder)
        #expect(expected.keys.sorted() == snapshot.keys.sorted(), "set TANDEM_RECORD=1 to re-record on purpose")
        for (path, bytes) in snapshot {
            let want = expected[path].map { String(decoding: $0, as: UTF8.self) }
            #expect(String(decoding: bytes, as: UTF8.self) == want, "\(path) differs from its snapshot")
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteBuilder(options: Fixtures.options("rich", output: folder + "/one")).build()
        _ = try SiteBuilder(options: Fixtures.options("rich", output: folder + "/two")).build()
        let one = Fixtures.tree(folder + "/one")
        let two = Fixtures.tree(folder + "/two")
        #expect(one.count > 10)
        #expect(one == two)
    }

    @Test func draftsAreBuiltOnlyWhenAsked() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteBuilder(options: Fixtures.options("rich", output: folder + "/a")).build()
        _ = try SiteBuilder(options: Fixtures.options("rich", output: folder + "/b", drafts: true)).build()
        #expect(!FileManager.default.fileExists(atPath: folder + "/a/guides/advanced/draft/index.html"))
        #expect(FileManager.default.fileExists(atPath: folder + "/b/guides/advanced/draft/index.html"))
    }

    @Test func linksAreRelativeAndResolved() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteBuilder(options: Fixtures.options("rich", output: folder + "/p")).build()
        let sla = try String(contentsOfFile: folder + "/p/guides/sla/index.html", encoding: .utf8)
        #expect(sla.contains("<a href=\"../goal/index.html\">the goal</a>"))
        #expect(sla.contains("<a href=\"../../index.html\">home</a>"))
        #expect(sla.contains("<h3 id=\"escalation-2\">Escalation</h3>"))
        #expect(sla.contains("<!-- raw HTML omitted -->"))
        #expect(!sla.contains("class=\"raw\""))
        let danish = try String(contentsOfFile: folder + "/p/da/index.html", encoding: .utf8)
        #expect(danish.contains("<html lang=\"da\""))
        #expect(danish.contains("href=\"guides/sla/index.html#eskalering\""))
        let deep = try String(contentsOfFile: folder + "/p/guides/advanced/deep/index.html", encoding: .utf8)
        #expect(deep.contains("href=\"../../goal/index.html#review\""))
        #expect(deep.contains("href=\"../../../assets/diagram.png\""))
        // Nothing refers to the site root or another host.
        for (path, bytes) in Fixtures.tree(folder + "/p") where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.contains("href=\"/"), "\(path) has a root-relative link")
            #expect(!html.contains("src=\"/"), "\(path) has a root-relative source")
        }
    }

    @Test func aFolderWithoutSiteYmlBuildsWithDefaults() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/content/section-00", withIntermediateDirectories: true)
        try "---\ntitle: \"Page 0\"\ndate: 2026-01-01\nweight: 0\n---\n# Page 0\n\nText.\n"
            .write(toFile: folder + "/content/section-00/page-0.md", atomically: false, encoding: .utf8)
        let options = BuildOptions(
            contentDirectory: folder + "/content", themeLayers: [.directory(Fixtures.defaultTheme)],
            outputDirectory: folder + "/public")
        let report = try SiteBuilder(options: options).build()
        #expect(report.pages == 3)  // the page, its generated section page and the generated home page
        #expect(FileManager.default.fileExists(atPath: folder + "/public/section-00/page-0/index.html"))
        #expect(FileManager.default.fileExists(atPath: folder + "/public/index.html"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/public/sitemap.xml"))
    }
}

@Suite struct BlockWordingTests {
    /// A site's own `i18n/en.yml` with one key rewords the goal block, keeps every other UI string,
    /// and a page rendered with the old words is not taken from the cache.
    @Test func aSiteRewordsABlockWithOneStringAndTheCacheNotices() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let site = folder + "/site"
        try FileManager.default.copyItem(atPath: Fixtures.root + "/rich", toPath: site)
        try FileManager.default.createDirectory(atPath: site + "/site-templates/i18n", withIntermediateDirectories: true)
        let strings = site + "/site-templates/i18n/en.yml"
        let options = BuildOptions(
            contentDirectory: site + "/content",
            themeLayers: [.directory(Fixtures.defaultTheme), .directory(site + "/site-templates")],
            outputDirectory: folder + "/public")
        let cache = BuildCache()
        func goalPage() throws -> String {
            let rendered = try SiteBuilder(options: options).renderInMemory(cache: cache)
            return String(decoding: try #require(rendered.files["guides/goal/index.html"]), as: UTF8.self)
        }
        try "blockGoal: Joint target\n".write(toFile: strings, atomically: false, encoding: .utf8)
        let first = try goalPage()
        #expect(first.contains("Joint target, Q1 2026"))
        #expect(first.contains("Skip to content"), "the other strings come from the default theme")
        try "blockGoal: Our number\n".write(toFile: strings, atomically: false, encoding: .utf8)
        let second = try goalPage()
        #expect(second.contains("Our number, Q1 2026"))
        #expect(!second.contains("Joint target"))
    }
}

@Suite struct InMemoryRenderTests {
    @Test func inMemoryRenderMatchesTheBuildAndTheCacheIsReused() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let site = folder + "/site"
        try FileManager.default.copyItem(atPath: Fixtures.root + "/rich", toPath: site)
        let options = BuildOptions(
            contentDirectory: site + "/content", themeLayers: [.directory(Fixtures.defaultTheme)],
            outputDirectory: folder + "/public")
        _ = try SiteBuilder(options: options).build()
        let cache = BuildCache()
        let first = try SiteBuilder(options: options).renderInMemory(cache: cache)
        let written = Fixtures.tree(folder + "/public")
        // The build also writes its marker, which is not part of the site (serve never answers it).
        #expect(written[".tandem-output"] != nil)
        #expect(first.files.count == written.count - 1)
        for (path, bytes) in first.files { #expect(Data(bytes) == written[path], "\(path)") }
        #expect(cache.count == 9)
        #expect(cache.hits == 0)

        // One page changes: the next render gives the new text, from the cache for the others.
        let sla = site + "/content/guides/sla.md"
        try (try String(contentsOfFile: sla, encoding: .utf8)).replacingOccurrences(
            of: "4 business hours", with: "2 business hours"
        )
        .write(toFile: sla, atomically: false, encoding: .utf8)
        let second = try SiteBuilder(options: options).renderInMemory(cache: cache)
        let page = String(decoding: second.files["guides/sla/index.html"]!, as: UTF8.self)
        #expect(page.contains("<strong>2 business hours</strong>"))
        #expect(second.files["guides/goal/index.html"] == first.files["guides/goal/index.html"])
        #expect(cache.hits == 8, "every page but the changed one comes from the cache")
    }
}
