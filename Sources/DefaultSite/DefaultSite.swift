internal import Foundation

/// The default theme and the example site, carried inside the binary.
///
/// Each is decoded from its base64 once per process, the first time it is asked for (Swift
/// initialises a `static let` lazily and once, even when threads ask at the same time), so
/// `tandem serve` reuses the same files for every rebuild.
public enum DefaultSite {
    /// The files of `site-templates/`, by path.
    public static let theme: [String: [UInt8]] = decode(EmbeddedFiles.theme)

    /// The files of the example `content/` folder, by path.
    public static let example: [String: [UInt8]] = decode(EmbeddedFiles.example)

    /// The JSON Schemas a site with questionnaires publishes, by output path (`schemas/result.schema.json`).
    public static let schemas: [String: [UInt8]] = Dictionary(
        uniqueKeysWithValues: decode(EmbeddedFiles.schemas).map { ("schemas/" + $0.key, $0.value) })

    static func decode(_ files: [(path: String, base64: String)]) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for file in files {
            result[file.path] = Data(base64Encoded: file.base64).map { [UInt8]($0) } ?? []
        }
        return result
    }
}
