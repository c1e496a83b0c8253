internal import Foundation

/// The default theme and the example site, carried inside the binary.
public enum DefaultSite {
    /// The files of `site-templates/`, by path.
    public static var theme: [String: [UInt8]] { decode(EmbeddedFiles.theme) }

    /// The files of the example `content/` folder, by path.
    public static var example: [String: [UInt8]] { decode(EmbeddedFiles.example) }

    /// The JSON Schemas a site with questionnaires publishes, by output path (`schemas/result.schema.json`).
    public static var schemas: [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: decode(EmbeddedFiles.schemas).map { ("schemas/" + $0.key, $0.value) })
    }

    static func decode(_ files: [(path: String, base64: String)]) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for file in files {
            result[file.path] = Data(base64Encoded: file.base64).map { [UInt8]($0) } ?? []
        }
        return result
    }
}
