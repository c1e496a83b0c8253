import Formats
import Foundation
import TestSupport
import Testing

/// The CSV reader against the RFC 4180 cases in `Fixtures/csv/*.json` (see `Fixtures/README.md`):
/// each case's input must split into exactly its rows, or fail at its error's line and column.
///
/// To measure the reader against csv-spectrum, point `CSV_SPECTRUM_DIR` at a copy of it: its
/// `csvs/<name>.csv` must read as the header and the rows of `json/<name>.json`.
@Suite("CSV reader conformance (RFC 4180 fixtures)")
struct CSVConformanceTests {
    struct Case: Sendable, Decodable, CustomTestStringConvertible {
        var group = ""
        let name: String
        let desc: String
        let input: String
        /// The cells of each row, the header first; absent when the input is an error.
        let rows: [[String]]?
        /// The line each row starts on, when the case checks it.
        let lines: [Int]?
        /// The delimiter found, when the case checks it.
        let delimiter: String?
        /// `line:column` of the syntax error.
        let error: String?

        var testDescription: String { "\(group): \(name)" }

        private enum CodingKeys: String, CodingKey { case name, desc, input, rows, lines, delimiter, error }
    }

    static let folder = Repository.fixtures(of: "FormatsTests") + "/csv"

    static let cases: [Case] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".json") }.sorted().flatMap { file -> [Case] in
            struct File: Decodable { let tests: [Case] }
            guard let data = FileManager.default.contents(atPath: folder + "/" + file),
                let decoded = try? JSONDecoder().decode(File.self, from: data)
            else { return [Case(name: file, desc: "unreadable", input: "", rows: nil, lines: nil, delimiter: nil, error: "?")] }
            return decoded.tests.map {
                var test = $0
                test.group = String(file.dropLast(".json".count))
                return test
            }
        }

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 30, "too few cases in \(Self.folder)")
    }

    @Test(arguments: cases)
    func readsAsExpected(_ test: Case) {
        #expect((test.rows == nil) != (test.error == nil), "a case has either rows or an error")
        let result = Result { () throws(CSVSyntaxError) in try CSVTable(parsing: Array(test.input.utf8)) }
        switch result {
        case .success(let table):
            #expect(test.error == nil, "expected an error at \(test.error ?? "")")
            #expect(table.rows.map { $0.map(\.text) } == test.rows, "\(test.desc)")
            if let lines = test.lines { #expect(table.lines == lines) }
            if let delimiter = test.delimiter { #expect(String(UnicodeScalar(table.delimiter)) == delimiter) }
        case .failure(let error):
            #expect("\(error.line):\(error.column)" == test.error, "\(error)")
        }
    }

    /// csv-spectrum's cases, when `CSV_SPECTRUM_DIR` is set.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CSV_SPECTRUM_DIR"] != nil))
    func csvSpectrum() throws {
        let root = ProcessInfo.processInfo.environment["CSV_SPECTRUM_DIR"]!
        for file in try FileManager.default.contentsOfDirectory(atPath: root + "/csvs").sorted() {
            let name = String(file.dropLast(".csv".count))
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/csvs/" + file)))
            let json = try Data(contentsOf: URL(fileURLWithPath: root + "/json/" + name + ".json"))
            // Each file is an array of rows as objects; one (location_coordinates) is a single object.
            let objects =
                try (try? JSONDecoder().decode([[String: String]].self, from: json))
                ?? [JSONDecoder().decode([String: String].self, from: json)]
            do {
                let rows = try CSVTable(parsing: bytes).rows.map { $0.map(\.text) }
                let header = rows.first ?? []
                let expected = objects.map { object in header.map { object[$0] ?? "<missing>" } }
                let passed = Array(rows.dropFirst()) == expected && objects.allSatisfy { $0.count == header.count }
                print("\(passed ? "pass" : "FAIL") \(name)\(passed ? "" : ": read \(rows), expected \(objects)")")
                #expect(passed, "\(name)")
            } catch {
                print("FAIL \(name): \(error)")
                Issue.record("\(name): \(error)")
            }
        }
    }
}
