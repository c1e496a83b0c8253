import Foundation
import Scorecard
import Testing

/// `schemas/result.schema.json` describes what the results reader accepts.
@Suite("JSON Schema for results")
struct SchemaTests {
    static let schemaPath = Fixtures.repository + "/schemas/result.schema.json"

    static func resultDefinition() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: schemaPath))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let definitions = try #require(schema["$defs"] as? [String: Any])
        return try #require(definitions["result"] as? [String: Any])
    }

    @Test func keysMatchTheReader() throws {
        let result = try Self.resultDefinition()
        let properties = try #require(result["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(ResultColumns.all + ["answers"]))
        #expect(result["required"] as? [String] == ["date", "department", "answers"])
        #expect(result["additionalProperties"] as? Bool == false)
    }

    /// Validates the fixtures with Python's `jsonschema` when it is installed.
    @Test func fixturesValidate() throws {
        // The first python3 on PATH, as a user's shell would find it.
        guard Self.run("/usr/bin/env", ["python3", "-c", "import jsonschema"]).status == 0 else {
            print("skipped: python3 with jsonschema is not installed")
            return
        }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
            valid, invalid = json.loads(sys.argv[2]), sys.argv[3:]
            for path in valid:
                errors = list(validator.iter_errors(json.load(open(path))))
                if errors: sys.exit(path + " rejected: " + errors[0].message)
            for document in invalid:
                if validator.is_valid(json.loads(document)): sys.exit("invalid document accepted: " + document)
            """
        let invalid = [
            #"{"date": "2026-01-01", "department": "sales"}"#,
            #"{"date": "2026-13-01", "department": "sales", "answers": {}}"#,
            #"{"date": "2026-01-01", "department": "sales", "answers": {"q1": 2.5}}"#,
            #"{"date": "2026-01-01", "department": "sales", "answers": {"q1": "4"}}"#,
            #"{"date": "2026-01-01", "department": "sales", "answers": {}, "departmnet": "x"}"#,
            #"[{"date": "2026-01-01", "department": "", "answers": {}}]"#,
            #""not a result""#,
        ]
        // The fixtures and the example site's results.
        let examples =
            FileManager.default.enumerator(atPath: Fixtures.exampleContent + "/results")?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.map { Fixtures.exampleContent + "/results/" + $0 }
            ?? []
        let valid = [Fixtures.path("content/results/round-1.json")] + examples
        let list = String(decoding: try JSONSerialization.data(withJSONObject: valid), as: UTF8.self)
        let outcome = Self.run("/usr/bin/env", ["python3", "-c", script, Self.schemaPath, list] + invalid)
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
