import Core
import Foundation
import Render
import Site
import TestSupport
import Testing

/// A folder's `README.md`, or a page beside the folder with its name, is the folder's page when it
/// has no `index.md`, as on GitHub, GitBook and MkDocs.
@Suite struct ReadmeIndexTests {
    static func build(_ files: [String: String]) throws -> (TemporaryFolder, Result<[String: Data], DiagnosticsError>) {
        let folder = try TemporaryFolder("readme")
        for (path, text) in files { try folder.write("content/" + path, text) }
        var options = Fixtures.options("rich", output: folder.path + "/public")
        options.contentDirectory = folder.path + "/content"
        options.themeLayers = [.directory(Fixtures.defaultTheme)]
        do {
            _ = try SiteBuilder(options: options).build()
            return (folder, .success(Fixtures.tree(folder.path + "/public")))
        } catch {
            return (folder, .failure(error))
        }
    }

    @Test func readmesAreTheHomeAndTheFoldersPagesAndLinksToThemWork() throws {
        let (folder, result) = try Self.build([
            "README.md": "---\ntitle: Handbook\n---\nSee [the team](team/README.md) and [legal](legal/readme.md#terms).\n",
            "team/README.md": "# Team\n\nBack [home](../README.md).\n",
            "team/hiring.md": "# Hiring\n\nSee [the team](README.md).\n",
            "legal/readme.md": "# Legal\n\n## Terms\n\nText.\n",
        ])
        _ = folder
        let built = try result.get()
        #expect(
            built.keys.filter { $0.hasSuffix(".html") }.sorted() == [
                "404.html", "index.html", "legal/index.html", "team/hiring/index.html", "team/index.html",
            ])
        let home = String(decoding: built["index.html"]!, as: UTF8.self)
        #expect(home.contains("<h1>Handbook</h1>"))
        #expect(home.contains("href=\"team/index.html\""))
        #expect(home.contains("href=\"legal/index.html#terms\""))
        #expect(String(decoding: built["team/index.html"]!, as: UTF8.self).contains("href=\"../index.html\""))
        #expect(String(decoding: built["team/hiring/index.html"]!, as: UTF8.self).contains("href=\"../index.html\""))
    }

    @Test func aFolderWithBothIndexAndReadmeIsAnErrorNamingBoth() throws {
        let (folder, result) = try Self.build([
            "index.md": "# Home\n", "legal/index.md": "# Legal\n", "legal/README.md": "# Legal too\n",
        ])
        _ = folder
        guard case .failure(let error) = result else {
            Issue.record("the build succeeded")
            return
        }
        let problem = try #require(error.diagnostics.first { $0.message.contains("README.md") })
        #expect(problem.location.file.hasSuffix("content/legal/README.md"))
        #expect(
            problem.message
                == "this folder has both index.md and README.md, and either would be its page; keep one of them (a README.md is the folder's page when there is no index.md)"
        )
    }

    @Test func aLinkToAReadmeThatDoesNotExistIsStillBroken() throws {
        let (folder, result) = try Self.build(["index.md": "# Home\n\n[Team](team/README.md)\n", "team/index.md": "# Team\n"])
        _ = folder
        guard case .failure(let error) = result else {
            Issue.record("the build succeeded")
            return
        }
        #expect(error.diagnostics.contains { $0.message.contains("team/README.md, which does not exist") })
    }

    @Test func aPageBesideAFolderOfItsNameIsTheFoldersPage() throws {
        let (folder, result) = try Self.build([
            "index.md": "# Home\n\nSee [legal](legal.md#terms).\n",
            "legal.md": "---\ntitle: Legal\n---\n## Terms\n\nRead [privacy](legal/privacy.md).\n",
            "legal/privacy.md": "# Privacy\n\nUp: [legal](../legal.md).\n",
        ])
        _ = folder
        let built = try result.get()
        #expect(
            built.keys.filter { $0.hasSuffix(".html") }.sorted() == [
                "404.html", "index.html", "legal/index.html", "legal/privacy/index.html",
            ])
        let legal = String(decoding: built["legal/index.html"]!, as: UTF8.self)
        // Its text is the section's page, and links from it are relative to where it is written.
        #expect(legal.contains("id=\"terms\""))
        #expect(legal.contains("href=\"privacy/index.html\""))
        #expect(String(decoding: built["index.html"]!, as: UTF8.self).contains("href=\"legal/index.html#terms\""))
        #expect(String(decoding: built["legal/privacy/index.html"]!, as: UTF8.self).contains("href=\"../index.html\""))
        // Once in the navigation and once among the home page's cards, not as a page and a section.
        let home = String(decoding: built["index.html"]!, as: UTF8.self)
        #expect(home.components(separatedBy: ">Legal</a>").count - 1 == 2)
        #expect(!home.contains("href=\"legal/index.html\">Legal</a></li>\n<li><a href=\"legal/index.html\""))
    }

    @Test func aPageBesideAFolderWithItsOwnIndexIsOneErrorNamingBoth() throws {
        let (folder, result) = try Self.build([
            "index.md": "# Home\n", "legal.md": "# Legal\n", "legal/index.md": "# Legal too\n",
        ])
        _ = folder
        guard case .failure(let error) = result else {
            Issue.record("the build succeeded")
            return
        }
        #expect(error.diagnostics.count == 1)
        let problem = try #require(error.diagnostics.first)
        #expect(problem.location.file.hasSuffix("content/legal.md"))
        #expect(problem.message.hasPrefix("this page and "))
        #expect(problem.message.contains("content/legal/index.md would both be the page of the folder legal/"))
    }
}
