public import Foundation

/// Record-or-compare for snapshot files: a test compares what it made with the recorded file, and
/// `TANDEM_RECORD=1 swift test --filter <Suite>` records it anew on purpose.
///
/// ```swift
/// #expect(html == (try Snapshot.expected(html, file: path)), "set TANDEM_RECORD=1 to re-record on purpose")
/// ```
public enum Snapshot {
    /// Whether this run records snapshots instead of comparing them.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["TANDEM_RECORD"] != nil }

    /// The recorded text of `file`, or nil when there is none. When recording, writes `actual`
    /// there first (creating its folder) and returns it, so the comparison passes.
    public static func expected(_ actual: String, file: String) throws -> String? {
        if isRecording {
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try actual.write(toFile: file, atomically: false, encoding: .utf8)
            return actual
        }
        return try? String(contentsOfFile: file, encoding: .utf8)
    }

    /// The recorded lines of a file such as `expected-errors.txt` (one per line, a newline after
    /// the last), recording `actual` first when recording.
    public static func expectedLines(_ actual: [String], file: String) throws -> [String] {
        let text = try expected(actual.joined(separator: "\n") + "\n", file: file) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// The recorded files below `folder`; when recording, replaces the folder by `actual` first.
    public static func expectedTree(_ actual: [String: Data], folder: String) throws -> [String: Data] {
        if isRecording {
            try? FileManager.default.removeItem(atPath: folder)
            for (path, bytes) in actual {
                let file = folder + "/" + path
                try FileManager.default.createDirectory(
                    atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try bytes.write(to: URL(fileURLWithPath: file))
            }
        }
        return fileTree(folder)
    }
}
