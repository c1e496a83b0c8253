public import Foundation

/// Where the repository and its example site are, for tests that read them or run `tandem` in them.
public enum Repository {
    /// The repository's root folder (the one with `Package.swift`).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The example site's content folder.
    public static let exampleContent = root + "/content"

    /// The default theme's folder.
    public static let defaultTheme = root + "/site-templates"

    /// The text of the file at `relative` (from the repository's root).
    public static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    /// The folder of a test target's fixtures: `Tests/<target>/Fixtures`.
    public static func fixtures(of target: String) -> String {
        root + "/Tests/" + target + "/Fixtures"
    }
}
