import Core
import Foundation
import TestSupport
import Testing

/// `FileSystem.listing`, the one folder walk of builds, scans and file watchers.
@Suite struct FolderListingTests {
    @Test func listsFilesAndTheFoldersWalkedButNothingHiddenOrOutside() throws {
        let root = try TemporaryFolder("listing")
        let outside = try TemporaryFolder("outside")
        try root.write("a/b/page.md", "x")
        try root.write("a/top.md", "x")
        try root.write(".git/config", "x")
        try root.write("shared/inside.md", "x")
        try outside.write("elsewhere.md", "x")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/linked", withDestinationPath: root.path + "/shared")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/away", withDestinationPath: outside.path)

        let listing = FileSystem.listing(root.path)
        #expect(listing.files == ["a/b/page.md", "a/top.md", "linked/inside.md", "shared/inside.md"])
        #expect(listing.folders == ["a", "a/b", "linked", "shared"])
        #expect(listing.skipped.map(\.path) == ["away"])
    }
}
