import Core
import Foundation
import Site
import TestSupport
import Testing

/// Every folder in `Fixtures/invalid` is a site with mistakes, and its `expected-errors.txt` lists the
/// exact messages, with file, line and column, that a build must report.
@Suite struct InvalidSiteTests {
    static let sites: [String] = {
        let folder = Fixtures.root + "/invalid"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }()

    @Test(arguments: sites)
    func reportsEveryProblemWithItsPosition(site: String) throws {
        let name = "invalid/" + site
        let expectedFile = Fixtures.root + "/" + name + "/expected-errors.txt"
        let output = Fixtures.temporaryFolder() + "/public"
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path) }
        #expect {
            _ = try SiteBuilder(options: Fixtures.options(name, output: output)).build()
        } throws: { error in
            let lines = Fixtures.errorLines(error as! DiagnosticsError, site: name)
            let expected = try Snapshot.expectedLines(lines, file: expectedFile)
            if lines != expected { Issue.record("got:\n\(lines.joined(separator: "\n"))") }
            return lines == expected
        }
        #expect(!FileManager.default.fileExists(atPath: output), "a failed build wrote its output")
    }

    @Test func aFailedBuildLeavesThePreviousOutputUntouched() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/public"
        _ = try SiteBuilder(options: Fixtures.options("rich", output: output)).build()
        try "a file the user put there".write(toFile: output + "/extra.txt", atomically: false, encoding: .utf8)
        let before = Fixtures.tree(output)
        #expect(throws: DiagnosticsError.self) {
            _ = try SiteBuilder(options: Fixtures.options("invalid/broken-link", output: output)).build()
        }
        #expect(Fixtures.tree(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(leftovers == ["public"], "no staging folders are left behind")
    }

    @Test func refusesDangerousOutputFolders() throws {
        let site = Fixtures.root + "/rich"
        for output in ["/", site + "/content", site, site + "/content/guides", Fixtures.defaultTheme] {
            #expect {
                _ = try SiteBuilder(options: Fixtures.options("rich", output: output)).build()
            } throws: { error in
                let message = (error as! DiagnosticsError).diagnostics.first?.message ?? ""
                return message.hasPrefix("cannot build into this folder")
            }
        }
        #expect(FileManager.default.fileExists(atPath: site + "/content/index.md"))
    }
}
