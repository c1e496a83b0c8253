import Core
import Foundation
import Render
import Site
import TestSupport
import Testing

/// Paths of the repository, the default theme and the fixture sites.
enum Fixtures {
    static let root = Repository.fixtures(of: "SiteTests")
    static let repository = Repository.root
    static let defaultTheme = Repository.defaultTheme

    /// Builds options for a fixture site whose content is in `Fixtures/<name>/content`.
    static func options(_ name: String, output: String, drafts: Bool = false) -> BuildOptions {
        let site = root + "/" + name
        var layers: [ThemeLayer] = [.directory(defaultTheme)]
        if FileManager.default.fileExists(atPath: site + "/site-templates") {
            layers.append(.directory(site + "/site-templates"))
        }
        return BuildOptions(
            contentDirectory: site + "/content", themeLayers: layers, outputDirectory: output, includeDrafts: drafts)
    }

    /// A new empty folder, removed by the caller.
    static func temporaryFolder() -> String {
        TemporaryFolder.create("site")
    }

    /// Every file below a folder, by relative path, with its bytes.
    static func tree(_ folder: String) -> [String: Data] { fileTree(folder) }

    /// The diagnostics of a failing build, as `file:line:column: error: message` with the fixture
    /// folder's path removed so they read as in the fixture's `expected-errors.txt`.
    static func errorLines(_ error: DiagnosticsError, site: String) -> [String] {
        let prefix = FileSystem.display(root + "/" + site) + "/"
        return error.diagnostics.map { $0.description.replacingOccurrences(of: prefix, with: "") }
    }
}
