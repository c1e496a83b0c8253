import Core
import Foundation
import Testing

@testable import Site

/// The output-folder contract: Tandem replaces only a folder it wrote itself (with its marker) or an
/// empty one, and never touches anything else.
@Suite struct OutputFolderTests {
    static func build(into output: String) throws -> BuildReport {
        try SiteBuilder(options: Fixtures.options("rich", output: output)).build()
    }

    static func refusal(_ output: String, home: String? = nil) -> String? {
        let homes = home.map { [$0] } ?? []
        let site = Fixtures.root + "/rich"
        do {
            _ = try OutputFolder.checked(output, content: site + "/content", themes: [Fixtures.defaultTheme], homes: homes)
            return nil
        } catch {
            return error.diagnostics.first?.message
        }
    }

    @Test func aFileIsRefusedAndKeptByteForByte() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let notes = folder + "/notes.txt"
        try "my notes\n".write(toFile: notes, atomically: false, encoding: .utf8)
        #expect(throws: DiagnosticsError.self) { _ = try Self.build(into: notes) }
        #expect(
            Self.refusal(notes)
                == "cannot build into this folder: it is a file, not a folder; choose another --output folder, such as public")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["notes.txt"])
    }

    @Test func aDeviceIsRefused() throws {
        #expect(
            Self.refusal("/dev/null")
                == "cannot build into this folder: it is a device, not a folder; choose another --output folder, such as public")
        #expect(throws: DiagnosticsError.self) { _ = try Self.build(into: "/dev/null") }
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still a device")
    }

    @Test func aFolderTandemDidNotWriteIsRefusedAndKept() throws {
        let project = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: project) }
        try "print(1)\n".write(toFile: project + "/main.py", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: project + "/.git", withIntermediateDirectories: true)
        let before = Fixtures.tree(project)
        let refused =
            "cannot build into this folder: it is not empty, and tandem build did not write it (it has no .tandem-output file); "
            + "choose a new or empty --output folder; if it holds an earlier build of this site only, remove it and build again"
        #expect(Self.refusal(project) == refused)
        #expect(throws: DiagnosticsError.self) { _ = try Self.build(into: project) }
        #expect(Fixtures.tree(project) == before)
        // A folder holding only hidden files is not empty either.
        let hidden = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: hidden) }
        try FileManager.default.createDirectory(atPath: hidden + "/.git", withIntermediateDirectories: true)
        #expect(Self.refusal(hidden)?.contains("it is not empty") == true)
    }

    @Test func aFolderThatHoldsTheHomeFolderIsRefused() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/home/ann", withIntermediateDirectories: true)
        let home = folder + "/home/ann"
        #expect(
            Self.refusal(folder + "/home", home: home)
                == "cannot build into this folder: it holds your home folder \(FileSystem.canonical(home)); choose another --output folder, such as public"
        )
        #expect(Self.refusal(home, home: home)?.contains("it is your home folder") == true)
        #expect(Self.refusal("", home: home)?.contains("its name is empty") == true)
        #expect(Self.refusal("/", home: home)?.contains("it is the root of the file system") == true)
        #expect(Self.refusal(home + "/public", home: home) == nil)
    }

    @Test func anEmptyFolderAndTandemsOwnOutputAreReplaced() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/public"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        _ = try Self.build(into: output)
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/" + OutputFolder.markerName))
        try "stale".write(toFile: output + "/stale.html", atomically: false, encoding: .utf8)
        _ = try Self.build(into: output)
        #expect(!FileManager.default.fileExists(atPath: output + "/stale.html"), "a build replaces its own folder whole")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["public"])
    }

    /// The id of a process that has ended.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func stagingFoldersOfKilledBuildsAreRemoved() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dead = try Self.deadPID()
        let marker = OutputFolder.marker
        func make(_ name: String, marked: Bool, extra: Bool = true) throws {
            try FileManager.default.createDirectory(atPath: folder + "/" + name + "/assets", withIntermediateDirectories: true)
            if marked { try Data(marker).write(to: URL(fileURLWithPath: folder + "/" + name + "/.tandem-output")) }
            if extra { try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/" + name + "/assets/page.html")) }
        }
        try make(".public.tandem-new-\(dead)", marked: true)
        try make(".public.tandem-new-\(dead)-1f2e", marked: true)
        try FileManager.default.createDirectory(  // empty
            atPath: folder + "/.public.tandem-old-\(dead)-9", withIntermediateDirectories: true)
        // Locked: a build in another process namespace, whose pid only looks dead from here.
        try make(".public.tandem-new-\(dead)-abc", marked: true)
        let held = open(folder + "/.public.tandem-new-\(dead)-abc/.tandem-output", O_RDONLY)
        #expect(flock(held, LOCK_EX) == 0)
        defer { close(held) }
        try make(".public.tandem-old-\(dead)", marked: true)
        try make(".public.tandem-new-1", marked: true)  // pid 1 is alive: maybe another build
        try make(".public.tandem-old-\(dead)0", marked: false)  // not Tandem's: no marker
        try make(".other.tandem-new-\(dead)", marked: true)  // another output folder's
        try make(".public.tandem-new-x\(dead)", marked: true)  // not a staging name
        _ = try Self.build(into: folder + "/public")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(
            left == [
                ".other.tandem-new-\(dead)", ".public.tandem-new-1", ".public.tandem-new-\(dead)-abc",
                ".public.tandem-new-x\(dead)",
                ".public.tandem-old-\(dead)0", "public",
            ])
    }

    @Test func whatReplacedTheOutputDuringTheRenderIsPutBackUntouched() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/public"
        let site = Fixtures.root + "/rich"
        let target = try OutputFolder.checked(output, content: site + "/content", themes: [], homes: [])
        // After the check, someone puts a project of theirs where the output was going to be.
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try "print(1)\n".write(toFile: output + "/main.py", atomically: false, encoding: .utf8)
        #expect(throws: FileSystemError.self) { try target.replace(with: [OutputFile(path: "index.html", text: "x")]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output) == ["main.py"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["public"], "nothing is left beside it")
    }

    @Test func removingATreeNeverFollowsALinkPutInItsPlace() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/precious", withIntermediateDirectories: true)
        try "keep".write(toFile: folder + "/precious/file.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder + "/old", withDestinationPath: "precious")
        #expect(throws: FileSystemError.self) { try OutputFolder.remove(folder + "/old") }
        #expect(FileManager.default.fileExists(atPath: folder + "/precious/file.txt"))
    }
}
