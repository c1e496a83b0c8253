import Foundation
import Testing

/// Two `tandem build` processes of the example site write the same files, byte for byte.
///
/// Each process seeds Swift's hashing at random (unless `SWIFT_DETERMINISTIC_HASHING` is set, which
/// is why the children run without it), so an output whose order follows a `Set` or `Dictionary`
/// differs between the two builds; two builds within one process would share the seed and agree.
@Suite struct DeterminismCLITests {
    @Test func twoProcessesWriteTheSameFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-twice-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for item in ["content", "site-templates"] {
            try FileManager.default.copyItem(atPath: Tandem.repository + "/" + item, toPath: folder + "/" + item)
        }
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_DETERMINISTIC_HASHING"] = nil
        for output in ["one", "two"] {
            let build = try Tandem.run(["build", "--output", output], in: folder, environment: environment)
            try #require(build.status == 0, "\(build.stderr)")
        }
        let one = try Self.files(folder + "/one")
        let two = try Self.files(folder + "/two")
        #expect(one.count > 50, "the example site has pages, assets and downloads")
        #expect(one.keys.sorted() == two.keys.sorted(), "both builds write the same paths")
        if let path = one.keys.sorted().first(where: { one[$0] != two[$0] && two[$0] != nil }) {
            let (a, b) = (Array(one[path]!), Array(two[path]!))
            let offset = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
            Issue.record("\(path) is the first file that differs, at byte \(offset) (\(a.count) and \(b.count) bytes)")
        }
    }

    /// Every file below `folder`, by its relative path, with its bytes.
    static func files(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
            }
        }
        return files
    }
}
