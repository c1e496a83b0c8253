import Core
import Foundation
import Render
import Site
import Testing

/// Paths of the repository, the default theme and the fixture sites.
enum Fixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = testsFolder.appendingPathComponent("Fixtures").path
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent().path
    static let defaultTheme = repository + "/site-templates"

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
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-tests-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every file below a folder, by relative path, with its bytes.
    static func tree(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return files }
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[relative] = FileManager.default.contents(atPath: base + "/" + relative) }
        }
        return files
    }

    /// The diagnostics of a failing build, as `file:line:column: error: message` with the fixture
    /// folder's path removed so they read as in the fixture's `expected-errors.txt`.
    static func errorLines(_ error: DiagnosticsError, site: String) -> [String] {
        let prefix = FileSystem.display(root + "/" + site) + "/"
        return error.diagnostics.map { $0.description.replacingOccurrences(of: prefix, with: "") }
    }
}
