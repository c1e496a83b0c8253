import Foundation
import TestSupport
import Testing

/// What the commands refuse to do to files that are not theirs, run as a user would.
@Suite struct HardeningCLITests {
    static func temporaryFolder() throws -> String { TemporaryFolder.create("hard") }

    @Test func initRefusesAnEmptyNameAndTheRootAtOnce() throws {
        let empty = try Tandem.run(["init", ""], in: Tandem.repository)
        #expect(empty.status == 64)
        #expect(
            empty.stderr.contains(
                "Error: the folder's name is empty; give the folder to create the site in, e.g. tandem init acme"))
        let start = ContinuousClock.now
        let root = try Tandem.run(["init", "/", "--force"], in: Tandem.repository)
        #expect(root.status == 64)
        #expect(root.stderr.contains("Error: / is the root of the file system; give a new folder, e.g. tandem init acme"))
        #expect(ContinuousClock.now - start < .seconds(10), "deciding about / does not walk the file system")
        #expect(!FileManager.default.fileExists(atPath: "/content/site.yml"))
    }

    @Test func initRefusesAFileAndAFolderWithOnlyHiddenFiles() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "notes".write(toFile: folder + "/notes.txt", atomically: false, encoding: .utf8)
        let file = try Tandem.run(["init", folder + "/notes.txt"], in: folder)
        #expect(file.status == 64)
        #expect(file.stderr.contains("notes.txt is a file; give a new folder to create the site in"))
        try FileManager.default.createDirectory(atPath: folder + "/repo/.github", withIntermediateDirectories: true)
        let hidden = try Tandem.run(["init", "repo"], in: folder)
        #expect(hidden.status == 64)
        #expect(hidden.stderr.contains("repo is not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/repo") == [".github"])
    }

    @Test func initWithForceNeverWritesThroughALinkedFolder() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/site", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/site/content", withDestinationPath: "../elsewhere")
        let result = try Tandem.run(["init", "site", "--force"], in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("site/content is a symbolic link; tandem init writes only into real folders"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/elsewhere").isEmpty)
    }

    @Test func buildRefusesTheFolderItRunsIn() throws {
        let site = try Tandem.copyOfSite("rich")
        defer { try? FileManager.default.removeItem(atPath: site) }
        try "print(1)\n".write(toFile: site + "/main.py", atomically: false, encoding: .utf8)
        let result = try Tandem.run(["build", "--output", "."], in: site)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot build into this folder: it holds the content folder content"))
        #expect(FileManager.default.fileExists(atPath: site + "/main.py"))
        let project = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: project) }
        try "print(1)\n".write(toFile: project + "/main.py", atomically: false, encoding: .utf8)
        let other = try Tandem.run(["build", "--content", site + "/content", "--output", "."], in: project)
        #expect(other.status == 1)
        #expect(other.stderr.contains("it is not empty, and tandem build did not write it (it has no .tandem-output file)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: project) == ["main.py"])
    }

    /// A site large enough that its write phase takes a while, so it can be killed in the middle.
    static func largeSite() throws -> String {
        let site = try Tandem.copyOfSite("rich")
        let folder = site + "/content/many"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let body = String(repeating: "A paragraph of the playbook that sales and marketing agreed on. ", count: 40)
        for i in 0..<2000 {
            try "---\ntitle: Page \(i)\n---\n# Page \(i)\n\n\(body)\n".write(
                toFile: folder + "/page-\(i).md", atomically: false, encoding: .utf8)
        }
        return site
    }

    @Test func aBuildKilledWithSIGKILLLeavesDebrisThatTheNextBuildRemoves() throws {
        let site = try Self.largeSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        func debris() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: site).filter { $0.hasPrefix(".public.tandem-") }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Tandem.binary)
        process.arguments = ["build"]
        process.currentDirectoryURL = URL(fileURLWithPath: site)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(120)
        while try debris().isEmpty && process.isRunning && ContinuousClock.now < deadline { usleep(500) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the build was killed before it finished")
        #expect(try !debris().isEmpty, "a killed build leaves its staging folder")
        let again = try Tandem.run(["build"], in: site)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try debris().isEmpty, "the next build removes what the killed one left")
        #expect(FileManager.default.fileExists(atPath: site + "/public/many/page-1999/index.html"))
    }

    @Test func scoreOfAFolderWithLinkLoopsEnds() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results = Tandem.repository + "/content/results/nordlys"
        let first = try FileManager.default.contentsOfDirectory(atPath: results).sorted().first { $0.hasSuffix(".json") }!
        try FileManager.default.copyItem(atPath: results + "/" + first, toPath: folder + "/" + first)
        try FileManager.default.createSymbolicLink(atPath: folder + "/a", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: folder + "/b", withDestinationPath: ".")
        let result = try Tandem.run(
            [
                "score", folder, "--assessment", Tandem.repository + "/content/assessments/sales-marketing-alignment.yml",
                "--format", "json",
            ],
            in: Tandem.repository)
        #expect(result.status == 0, "\(result.stderr)")
        // Each respondent once, from the file itself: never again through a/ or b/.
        #expect(result.stdout.contains("/\(first)#0\""))
        #expect(!result.stdout.contains("/a/") && !result.stdout.contains("/b/"))
    }
}
