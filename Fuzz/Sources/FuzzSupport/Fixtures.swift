internal import Foundation
public import Scorecard

/// What the targets read beside their input: the example site's questionnaire, for results.
public enum Fixtures {
    /// The repository, found from this file's place in it.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// content/assessments/sales-marketing-alignment.yml; the fixture results name it.
    public static let questionnaires: ResultQuestionnaires = {
        let path = repository.appendingPathComponent("content/assessments/sales-marketing-alignment.yml").path
        do {
            return .only(try Assessment.load(file: path))
        } catch {
            fatalError("the fuzz targets for results need \(path): \(error)")
        }
    }()
}
