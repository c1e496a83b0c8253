import Core
import Scorecard
import Testing

/// Numbers in and out: answers in results are decimal numbers only, and JSON output has a form
/// for every number it is given.
@Suite struct ResultNumberTests {
    // MARK: - JSON output

    @Test func jsonHasNoFormForNonFiniteNumbersAndWritesNull() {
        for value in [Double.nan, .infinity, -.infinity] {
            var bytes: [UInt8] = []
            JSONText.appendNumber(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "null")
        }
        var bytes: [UInt8] = []
        JSONText.appendNumber(2.5, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        JSONText.appendInteger(Int.min, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "2.5 -9223372036854775808")
    }

    // MARK: - Answers

    static func csvErrors(_ csv: String) throws -> [String] {
        let file = try ResultFile(bytes: Array(csv.utf8), file: "r.csv", format: .csv)
        return Fixtures.lines(file.results(for: .only(try Fixtures.alignment())).diagnostics)
    }

    @Test func csvAnswersMustBeDecimal() throws {
        let expected = "answer with a whole number from 1 to 5 or leave the cell empty"
        #expect(
            try Self.csvErrors("date,department,shared-goal,sla-followed,one-pipeline\n2026-03-04,sales,0X1P2,0x3,inf\n") == [
                "r.csv:2:18: shared-goal: \"0X1P2\" is not a number; \(expected)",
                "r.csv:2:24: sla-followed: \"0x3\" is not a number; \(expected)",
                "r.csv:2:28: one-pipeline: \"inf\" is not a number; \(expected)",
            ])
        #expect(try Self.csvErrors("date,department,shared-goal,sla-followed,one-pipeline\n2026-03-04,sales,4.0,4e0,+3\n") == [])
        #expect(
            try Self.csvErrors("date,department,shared-goal\n2026-03-04,sales,2.5\n") == [
                "r.csv:2:18: shared-goal: 2.5 is not a whole number; \(expected)"
            ])
    }

    @Test func jsonAnswersAreDecimalByTheGrammar() throws {
        let json = #"[{"date": "2026-03-04", "department": "sales", "shared-goal": 0x3}]"#
        #expect(throws: DiagnosticsError.self) { try ResultFile(bytes: Array(json.utf8), file: "r.json", format: .json) }
        do {
            _ = try ResultFile(bytes: Array(json.utf8), file: "r.json", format: .json)
        } catch {
            #expect(
                Fixtures.lines(error.diagnostics).first?.hasPrefix("r.json:1:63: ") == true,
                "\(Fixtures.lines(error.diagnostics))")
        }
    }
}
