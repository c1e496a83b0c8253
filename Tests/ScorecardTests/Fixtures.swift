import Core
import Foundation
import Scorecard
import TestSupport

/// Paths of the checked-in fixtures, and the error lines they must produce.
enum Fixtures {
    static let root = Repository.fixtures(of: "ScorecardTests")

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The repository, and its example site's content folder.
    static let repository = Repository.root
    static let exampleContent = Repository.exampleContent

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }

    /// The lines of `invalid/<name>.expected`.
    static func expected(_ name: String) throws -> [String] {
        try text("invalid/\(name).expected").split(separator: "\n").map(String.init)
    }

    /// The fixture questionnaire with its Danish translation.
    static func alignment() throws -> Assessment {
        try Assessment.parse(
            text("content/assessments/alignment.yml"), file: "content/assessments/alignment.yml", language: .en,
            translations: [
                Assessment.Translation(
                    language: .da, text: try text("content/assessments/alignment.da.yml"),
                    file: "content/assessments/alignment.da.yml")
            ])
    }

    /// Problems as `tandem score` prints them: `location: message`.
    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.description): \($0.message)" }
    }

    /// The problems of parsing a questionnaire (and its translations), as lines.
    static func questionnaireErrors(_ text: String, file: String, translations: [Assessment.Translation] = []) -> [String] {
        do {
            _ = try Assessment.parse(text, file: file, translations: translations)
            return []
        } catch {
            return lines(error.diagnostics)
        }
    }

    /// The problems of reading a results file with the fixture questionnaire, as `tandem score
    /// --assessment` reads it: results that name no questionnaire are for this one.
    static func resultErrors(_ relative: String, format: ResultFile.Format) throws -> [String] {
        let questionnaires = ResultQuestionnaires.only(try alignment())
        let bytes = try bytes(relative)
        do {
            let file = try ResultFile(bytes: bytes, file: relative, format: format)
            return lines(file.results(for: questionnaires).diagnostics)
        } catch {
            return lines(error.diagnostics)
        }
    }
}
