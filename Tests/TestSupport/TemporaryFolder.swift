public import Foundation

/// A fresh folder under the system's temporary folder, removed with everything in it when the
/// value is released.
public final class TemporaryFolder {
    public let path: String

    /// Creates the folder; `prefix` names it (`tandem-<prefix>-<uuid>`), for reading leftovers.
    public init(_ prefix: String = "test") throws {
        path = Self.newPath(prefix)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes a text file at a path relative to the folder, creating the folders on the way.
    public func write(_ relative: String, _ text: String) throws {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: false, encoding: .utf8)
    }

    /// A path for a new folder that does not exist yet (for commands that must create it
    /// themselves); the caller removes it.
    public static func newPath(_ prefix: String = "test") -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tandem-\(prefix)-\(UUID().uuidString)").path
    }

    /// A new empty folder that the caller removes (if it cannot be made, what the test then
    /// writes into it fails and says so).
    public static func create(_ prefix: String = "test") -> String {
        let path = newPath(prefix)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Every file below a folder, by path relative to it, with its bytes (links followed, as a
/// browser or a web server would read the folder).
public func fileTree(_ folder: String) -> [String: Data] {
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
