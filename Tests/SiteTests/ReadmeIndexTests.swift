import Core
import Foundation
import Render
import Site
import TestSupport
import Testing

/// A folder's `README.md` is its page when it has no `index.md`, as on GitHub, GitBook and MkDocs.
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
}
