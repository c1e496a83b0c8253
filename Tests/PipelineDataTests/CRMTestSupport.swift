import Content
import Core
import Formats
import Foundation
import TestSupport

@testable import PipelineData

/// A content folder made for one test, with a `crm/` folder of exports; removed afterwards.
final class CRMFolder {
    let folder: TemporaryFolder
    var content: String { folder.path + "/content" }

    /// A content folder whose `crm/` is a copy of a fixture folder.
    init(fixture name: String) throws {
        folder = try TemporaryFolder("crm")
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Repository.fixtures(of: "PipelineDataTests") + "/" + name, toPath: content + "/crm")
    }

    /// A content folder with these files in `crm/`.
    init(files: [String: String]) throws {
        folder = try TemporaryFolder("crm")
        for (name, text) in files { try folder.write("content/crm/" + name, text) }
    }

    func load(
        stages: [String] = Pipeline.standardIDs, zone: String? = nil, asOf: String? = nil, strict: Bool = false
    ) -> (data: CRMData?, diagnostics: [Diagnostic]) {
        CRMLoader.load(
            contentDirectory: content, stages: stages, fallbackZone: zone,
            asOf: asOf.flatMap { TimestampParser.parse($0, order: nil) }, strict: strict)
    }

    /// The diagnostics as `file:line:column: severity: message`, with the folder's path left out.
    func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.sorted().map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }
}

/// `2025-04-07T09:00:00Z` as seconds.
func utc(_ text: String) -> Int64 {
    TimestampParser.parse(text, order: nil)!.utc!
}

extension Records {
    /// The lead with this id.
    func lead(_ id: String) -> Int? { ids.find(id) }
}
