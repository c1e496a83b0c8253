public import Core
internal import Formats

/// A results file read and checked for syntax, before its results are matched to a questionnaire.
///
/// Reading is in two steps so that a caller can first learn which questionnaire the results name
/// (``assessmentIDs``), load it, and then validate the results against it with ``results(for:)``.
public struct ResultFile: Sendable {
    /// The two formats of results files.
    public enum Format: String, Sendable {
        /// One result object, or an array of them.
        case json
        /// A header row, then one row per result.
        case csv

        /// The format a file's extension names (`.json`, `.csv`, any case), or `nil`.
        public init?(path: String) {
            let lower = path.lowercased()
            if lower.hasSuffix(".json") {
                self = .json
            } else if lower.hasSuffix(".csv") {
                self = .csv
            } else {
                return nil
            }
        }
    }

    /// The file's path as shown to the user.
    public let file: String
    public let format: Format
    let content: Content

    enum Content: Sendable {
        case json(JSONDocument)
        case csv(CSVTable)
    }

    /// Checks the syntax of a results file's bytes.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: Its path as shown in messages.
    ///   - format: JSON or CSV.
    /// - Throws: `DiagnosticsError` with the syntax error at its line and column.
    public init(bytes: [UInt8], file: String, format: Format) throws(DiagnosticsError) {
        self.file = file
        self.format = format
        switch format {
        case .json:
            do {
                content = .json(try JSONDocument(parsing: bytes))
            } catch {
                throw DiagnosticsError([
                    Diagnostic(
                        SourceLocation(file: file, line: error.line, column: error.column),
                        "this is not valid JSON: \(error.message)")
                ])
            }
        case .csv:
            do {
                content = .csv(try CSVTable(parsing: bytes))
            } catch {
                throw DiagnosticsError([
                    Diagnostic(SourceLocation(file: file, line: error.line, column: error.column), error.message)
                ])
            }
        }
    }

    /// Reads a results file, its format from its extension.
    ///
    /// - Parameter path: A `.json` or `.csv` file.
    /// - Throws: `DiagnosticsError` when the file cannot be read, has another extension, or is not
    ///   valid JSON or CSV.
    public static func load(path: String) throws(DiagnosticsError) -> ResultFile {
        let display = FileSystem.display(path)
        guard let format = Format(path: path) else {
            throw DiagnosticsError([
                Diagnostic(
                    SourceLocation(file: display),
                    "not a results file; results are .json files (one object or an array) or .csv files")
            ])
        }
        guard let bytes = FileSystem.readBytes(path) else {
            let reason = FileSystem.isDirectory(path) ? "it is a folder" : "check that the file exists"
            throw DiagnosticsError([Diagnostic(SourceLocation(file: display), "cannot read the results file; \(reason)")])
        }
        return try ResultFile(bytes: bytes, file: display, format: format)
    }

    /// The questionnaire ids the results name, each once, in order of first appearance.
    public var assessmentIDs: [String] {
        var ids: [String] = []
        func add(_ id: String) {
            if !id.isEmpty, !ids.contains(id) { ids.append(id) }
        }
        switch content {
        case .json(let document):
            let objects: [Int] =
                switch document.kind(document.root) {
                case .array: Array(document.elements(document.root))
                case .object: [document.root]
                default: []
                }
            // Compared as bytes: a bundle of 100,000 results names the same id 100,000 times.
            var known: [[UInt8]] = []
            Array("assessment".utf8).withUnsafeBufferPointer { key in
                for object in objects where document.kind(object) == .object {
                    for member in document.members(object)
                    where document.kind(member.value) == .string && document.string(member.key, equals: key) {
                        let seen = known.contains { id in id.withUnsafeBufferPointer { document.string(member.value, equals: $0) }
                        }
                        if !seen {
                            let id = document.string(member.value)
                            known.append(Array(id.utf8))
                            add(id)
                        }
                    }
                }
            }
        case .csv(let table):
            guard let header = table.rows.first,
                let column = header.firstIndex(where: { $0.text.trimmingASCIISpaces() == "assessment" })
            else { break }
            for row in table.rows.dropFirst() where column < row.count {
                add(row[column].text.trimmingASCIISpaces())
            }
        }
        return ids
    }

    /// Validates the results against their questionnaires and returns the valid ones.
    ///
    /// Every problem is reported, not only the first: each names the file and, for JSON, the path
    /// of the value (`$[3].answers.q2`) with its line and column for ordering; for CSV, the line and
    /// column of the cell. A result with any problem is left out of `results`.
    ///
    /// - Parameter questionnaires: Which questionnaires results may name, and which one scores
    ///   results that name none.
    /// - Returns: The valid results in file order, and every problem found.
    public func results(for questionnaires: ResultQuestionnaires) -> (results: [AssessmentResult], diagnostics: [Diagnostic]) {
        var read: (results: [AssessmentResult], diagnostics: [Diagnostic])
        switch content {
        case .json(let document):
            var reader = JSONResultReader(document: document, file: file, questionnaires: questionnaires)
            read = reader.read()
        case .csv(let table):
            var reader = CSVResultReader(table: table, file: file, questionnaires: questionnaires)
            read = reader.read()
        }
        // In the order of the file, a summary of the problems past the limit last; problems at the
        // same place keep the order they were found in.
        read.diagnostics = read.diagnostics.enumerated()
            .sorted {
                let left = $0.element, right = $1.element
                return (left.omitted > 0 ? 1 : 0, left.location.line, left.location.column, $0.offset) < (
                    right.omitted > 0 ? 1 : 0, right.location.line, right.location.column, $1.offset
                )
            }
            .map(\.element)
        return read
    }
}

/// The questionnaires that results are matched with.
public struct ResultQuestionnaires: Sendable {
    let byID: [String: Prepared]
    let ids: [String]
    let fallback: Prepared?

    /// A questionnaire with its question ids as bytes, for matching JSON keys without decoding.
    struct Prepared: Sendable {
        let assessment: Assessment
        let idBytes: [[UInt8]]

        init(_ assessment: Assessment) {
            self.assessment = assessment
            idBytes = assessment.questions.map { Array($0.id.utf8) }
        }
    }

    /// - Parameters:
    ///   - assessments: The questionnaires a result may name in its `assessment` field.
    ///   - fallback: The questionnaire for results that name none (a CSV file without an
    ///     `assessment` column, say); without one, such results are errors.
    public init(_ assessments: [Assessment], fallback: Assessment? = nil) {
        var byID: [String: Prepared] = [:]
        for assessment in assessments { byID[assessment.id] = Prepared(assessment) }
        if let fallback, byID[fallback.id] == nil { byID[fallback.id] = Prepared(fallback) }
        self.byID = byID
        ids = byID.keys.sorted()
        self.fallback = fallback.map { byID[$0.id]! }
    }

    /// Exactly one questionnaire, for results that name it or none: what `tandem score` uses.
    public static func only(_ assessment: Assessment) -> ResultQuestionnaires {
        ResultQuestionnaires([assessment], fallback: assessment)
    }

    /// Why an id names no questionnaire, with a suggestion.
    func unknown(_ id: String) -> String {
        let hint = Suggestion.didYouMean(id, in: ids)
        if !hint.isEmpty { return "unknown assessment \"\(id)\"\(hint)" }
        if ids.count == 1 { return "unknown assessment \"\(id)\"; these results are scored with \"\(ids[0])\"" }
        if ids.isEmpty { return "unknown assessment \"\(id)\"; there are no questionnaires in assessments/" }
        return "unknown assessment \"\(id)\"; expected one of: \(ids.joined(separator: ", "))"
    }

    /// The message for a CSV file that names no questionnaire when there is no fallback.
    var missingInCSV: String {
        ids.count == 1
            ? "the file does not name its questionnaire; add an assessment column with \"\(ids[0])\""
            : "the file does not name its questionnaire; add an assessment column with one of: \(ids.joined(separator: ", "))"
    }

    /// The message for a result that names no questionnaire when there is no fallback.
    var missing: String {
        ids.count == 1
            ? "the result does not name its questionnaire; add \"assessment\": \"\(ids[0])\""
            : "the result does not name its questionnaire; add \"assessment\" with one of: \(ids.joined(separator: ", "))"
    }
}

// MARK: - Messages shared by the JSON and CSV readers

enum ResultMessages {
    /// `answer with a whole number from 1 to 5 or null`
    static func expectedAnswer(_ assessment: Assessment, empty: String) -> String {
        "answer with a whole number from \(assessment.scaleMin) to \(assessment.scaleMax) or \(empty)"
    }

    /// `7 is outside the scale 1–5; answer with ...`
    static func outOfRange(_ value: String, _ assessment: Assessment, empty: String) -> String {
        "\(value) is outside the scale \(assessment.scaleMin)–\(assessment.scaleMax); \(expectedAnswer(assessment, empty: empty))"
    }

    static func unknownQuestion(_ id: String, _ assessment: Assessment) -> String {
        let ids = assessment.questions.map(\.id)
        let hint = Suggestion.didYouMean(id, in: ids)
        if !hint.isEmpty { return "unknown question id \"\(id)\"\(hint)" }
        let shown = ids.prefix(12).joined(separator: ", ") + (ids.count > 12 ? ", ..." : "")
        return "unknown question id \"\(id)\"; the questions of \"\(assessment.id)\" are \(shown)"
    }

    static func versionMismatch(_ version: Int, _ assessment: Assessment) -> String {
        "version \(version) does not match the questionnaire \"\(assessment.id)\", which is version \(assessment.version) "
            + "(\(assessment.file)); score these results with the questionnaire they were given with"
    }

    static func notADate(_ text: String) -> String {
        "\(text) is not a date; write it as YYYY-MM-DD, e.g. 2026-03-04"
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingASCIISpaces() -> String {
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return "" }
        let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return self }
        return String(self[first...last])
    }
}
