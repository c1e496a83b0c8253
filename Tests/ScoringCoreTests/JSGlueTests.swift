import Foundation
import ScoringCore
import Testing

/// Node, if it is on PATH.
private let nodeExecutable: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    return path.split(separator: ":").lazy
        .map { URL(fileURLWithPath: String($0)).appendingPathComponent("node") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
}()

/// `site-templates/assets/tandem-scoring.js` run under Node against the committed module: the
/// glue must hand back the native core's numbers unchanged. Skipped where Node is not installed.
@Suite("JS glue", .enabled(if: nodeExecutable != nil, "needs node on PATH"))
struct JSGlueTests {

    static var glueURL: URL {
        WasmScorer.moduleURL.deletingLastPathComponent().appendingPathComponent("tandem-scoring.js")
    }

    /// Loads the glue with the module as base64 (as a page does from file://) and answers each
    /// request line with a JSON result line.
    static let script = """
        const fs = require("fs");
        const input = JSON.parse(fs.readFileSync(0, "utf8"));
        const T = require(input.glue);
        T.instantiate(input.wasm).then((scorer) => {
          const results = input.requests.map((r) => {
            try {
              return r.group ? scorer.scoreGroup(r.questionnaire, r.group) : scorer.scoreRespondent(r.questionnaire, r.answers);
            } catch (e) {
              return {error: e.code, question: e.question, respondent: e.respondent};
            }
          });
          process.stdout.write(JSON.stringify(results));
        });
        """

    struct Respondent: Decodable {
        var mean: Double?
        var percent: Double?
        var answered: Int?
        var complete: Bool?
        var band: Int?
        var error: String?
        var question: Int?
        var respondent: Int?
    }

    static func questionnaireJSON(_ q: Questionnaire) -> [String: Any] {
        [
            "scale": ["min": q.scaleMin, "max": q.scaleMax], "weights": q.weights, "bandMins": q.bandMins,
            "minAnswered": q.minAnswered, "gapThreshold": q.gapThreshold, "minGroupSize": q.minGroupSize,
        ]
    }

    static func answersJSON(_ answers: [Int?]) -> [Any] {
        answers.map { $0.map { $0 as Any } ?? NSNull() }
    }

    /// Runs the glue on `requests` and returns its raw JSON output.
    static func run(_ requests: [[String: Any]]) throws -> Data {
        let input = try JSONSerialization.data(withJSONObject: [
            "glue": glueURL.path, "wasm": try Data(WasmScorer.moduleBytes()).base64EncodedString(),
            "requests": requests,
        ])
        // Node reads its input from a file, so a Node that dies early cannot break a pipe of ours.
        let inputURL = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-glue-\(UUID()).json")
        try input.write(to: inputURL)
        defer { try? FileManager.default.removeItem(at: inputURL) }
        let process = Process()
        process.executableURL = nodeExecutable
        process.arguments = ["-e", script]
        let stdout = Pipe()
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        process.standardOutput = stdout
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return output
    }

    @Test func respondentsScoreAsNatively() throws {
        var rng = SystemRandomNumberGenerator()
        let cases = (0..<500).map { _ in
            let q = WasmParityTests.randomQuestionnaire(&rng)
            return (q, WasmParityTests.randomAnswers(q, &rng))
        }
        let requests = cases.map { q, answers in
            ["questionnaire": Self.questionnaireJSON(q), "answers": Self.answersJSON(answers)]
        }
        let results = try JSONDecoder().decode([Respondent].self, from: try Self.run(requests))
        #expect(results.count == cases.count)
        for ((q, answers), result) in zip(cases, results) {
            let native = try q.score(answers)
            // JSON carries doubles in shortest round-trip form, so equal values are equal bits.
            #expect(result.mean?.bitPattern == native.mean?.bitPattern, "\(answers)")
            #expect(result.percent?.bitPattern == native.percent?.bitPattern, "\(answers)")
            #expect(result.answered == native.answered)
            #expect(result.complete == native.isComplete)
            #expect(result.band == native.band)
        }
    }

    @Test func invalidInputBecomesAScoringError() throws {
        let q = try GroupScoreTests.questionnaire()
        let requests: [[String: Any]] = [
            ["questionnaire": Self.questionnaireJSON(q), "answers": [1, 9, NSNull()]],
            ["questionnaire": Self.questionnaireJSON(q), "answers": [1, 2.5, NSNull()]],
            ["questionnaire": Self.questionnaireJSON(q), "group": [["department": "sales", "answers": [1, 2]]]],
        ]
        let results = try JSONDecoder().decode([Respondent].self, from: try Self.run(requests))
        #expect(results.map(\.error) == ["answerOutOfRange", "answerNotInteger", "answerCountMismatch"])
        #expect(results.map(\.question) == [1, 1, nil])
        #expect(results.map(\.respondent) == [nil, nil, 0])
    }

    @Test func theHandComputedGroupThroughTheGlue() throws {
        let q = try GroupScoreTests.questionnaire(gapThreshold: 1.5, minGroupSize: 1)
        let names: [Department: String] = [.sales: "sales", .marketing: "marketing", .other: "operations"]
        let group = GroupScoreTests.respondents.map { r in
            ["department": names[r.department]!, "answers": Self.answersJSON(r.answers)] as [String: Any]
        }
        let output = try Self.run([["questionnaire": Self.questionnaireJSON(q), "group": group]])
        let json = try #require(try JSONSerialization.jsonObject(with: output) as? [[String: Any]]).first
        let all = try #require(json?["all"] as? [String: Any])
        #expect(all["n"] as? Int == 4)
        #expect(all["mean"] as? Double == 3.625)
        #expect(all["band"] as? Int == 1)
        let gap = try #require(json?["gap"] as? [String: Any])
        #expect(gap["value"] as? Double == 0.75)
        #expect(gap["flagged"] as? Bool == false)
        let questions = try #require(json?["questions"] as? [[String: Any]])
        #expect(questions.map { $0["distribution"] as? [Int] } == [[1, 1, 1, 1, 1], [0, 1, 1, 1, 1], [0, 0, 2, 0, 1]])
        #expect(questions.map { ($0["gap"] as? [String: Any])?["value"] as? Double } == [2.5, 1.5, -2])
    }
}
