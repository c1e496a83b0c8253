import Foundation
import TestSupport
import Testing

@Suite struct InitCommandTests {
    /// A path for the folder `tandem init` creates.
    static func temporaryFolder() -> String { TemporaryFolder.newPath("init") }

    @Test(arguments: ["en", "da"])
    func aNewSiteChecksAndBuildsAtOnce(language: String) throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let created = try Tandem.run(["init", folder, "--language", language, "--name", "Acme A/S"], in: Tandem.repository)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("Created a new site in \(folder)"))
        #expect(created.stdout.contains("Next steps:"))
        let settings = try String(contentsOfFile: folder + "/content/site.yml", encoding: .utf8)
        #expect(settings.contains("language: \(language)\n"))
        #expect(settings.contains("name: \"Acme A/S\""))
        #expect(!FileManager.default.fileExists(atPath: folder + "/content/results"), "the example client's results stay out")
        #expect(!FileManager.default.fileExists(atPath: folder + "/content/crm"), "and so do its CRM exports")
        let check = try Tandem.run(["check"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        let build = try Tandem.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let home = try String(contentsOfFile: folder + "/public/index.html", encoding: .utf8)
        #expect(home.contains("<html lang=\"\(language)\""))
        #expect(home.contains("Acme A/S"))
        let other = language == "en" ? "da" : "en"
        #expect(FileManager.default.fileExists(atPath: folder + "/public/\(other)/playbooks/sla/index.html"))
    }

    @Test func refusesAFolderThatIsNotEmptyAndNeverOverwrites() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/content", withIntermediateDirectories: true)
        try "my own notes".write(toFile: folder + "/content/index.md", atomically: false, encoding: .utf8)
        let refused = try Tandem.run(["init", folder], in: Tandem.repository)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("is not empty"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/content/site.yml"))
        let forced = try Tandem.run(["init", folder, "--force"], in: Tandem.repository)
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("kept the existing content/index.md"))
        #expect(try String(contentsOfFile: folder + "/content/index.md", encoding: .utf8) == "my own notes")
        #expect(FileManager.default.fileExists(atPath: folder + "/content/site.yml"))
    }

    @Test func rejectsAnUnknownLanguage() throws {
        let result = try Tandem.run(["init", Self.temporaryFolder(), "--language", "de"], in: Tandem.repository)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--language must be en or da"))
    }
}
