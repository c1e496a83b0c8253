internal import Core
internal import Formats

// MARK: - Results from CSV

/// Reads results out of a CSV table: a header row naming the columns, then one row per result.
///
/// Columns are the result fields (`assessment`, `version`, `date`, `department`, `respondent`,
/// `team`, `round`; only `date` and `department` are required) and one column per question id, in
/// any order. An empty cell is an unanswered question or an absent field. Every problem is reported
/// at the line and column of its cell. All rows of a file belong to one questionnaire.
struct CSVResultReader {
    let table: CSVTable
    let file: String
    let questionnaires: ResultQuestionnaires
    private var diagnostics: [Diagnostic] = []
    /// Problems past `Diagnostic.perFileLimit`, counted but not kept: a file with a million bad
    /// cells costs a counter, not a million messages.
    private var omitted = 0

    init(table: CSVTable, file: String, questionnaires: ResultQuestionnaires) {
        self.table = table
        self.file = file
        self.questionnaires = questionnaires
    }

    mutating func read() -> (results: [AssessmentResult], diagnostics: [Diagnostic]) {
        guard let header = table.rows.first else {
            error(
                line: 1, column: 1, "the file is empty; the first row names the columns: date, department and one per question id"
            )
            return ([], finishedDiagnostics)
        }
        let columnCount = header.count

        // The header: result fields and question columns.
        var fieldColumns: [String: Int] = [:]
        var questionColumns: [(column: Int, name: String)] = []
        var seen: [String: CSVTable.Cell] = [:]
        for (column, cell) in header.enumerated() {
            let name = cell.text.trimmingASCIISpaces()
            if name.isEmpty {
                error(cell, "column \(column + 1) has no name; name it after a result field or a question id, or remove it")
                continue
            }
            if let first = seen[name] {
                error(cell, "the column \"\(name)\" appears twice (first in column \(first.column)); keep one")
                continue
            }
            seen[name] = cell
            if ResultColumns.all.contains(name) {
                fieldColumns[name] = column
            } else {
                questionColumns.append((column, name))
            }
        }
        for required in ["date", "department"] where fieldColumns[required] == nil {
            error(
                header[0],
                "the header has no \"\(required)\" column; add one"
                    + (required == "date"
                        ? " with dates written YYYY-MM-DD" : " with each respondent's department, like sales or marketing"))
        }

        // The file's questionnaire: the first one a row names, or the fallback.
        var prepared: ResultQuestionnaires.Prepared?
        if let column = fieldColumns["assessment"],
            let named = table.rows.dropFirst().lazy.compactMap({ column < $0.count ? $0[column] : nil })
                .first(where: { !$0.text.trimmingASCIISpaces().isEmpty })
        {
            prepared = questionnaires.byID[named.text.trimmingASCIISpaces()]
        } else if let fallback = questionnaires.fallback {
            prepared = fallback
        } else {
            error(header[0], questionnaires.missingInCSV)
        }

        // Question columns against that questionnaire.
        var positions: [(column: Int, position: Int)] = []
        if let assessment = prepared?.assessment {
            for (column, name) in questionColumns {
                if let position = assessment.position(of: name) {
                    positions.append((column, position))
                } else if diagnostics.count >= Diagnostic.perFileLimit {
                    omitted += 1  // a million unknown columns need no million suggestions
                } else {
                    let candidates = ResultColumns.all + assessment.questions.map(\.id)
                    let hint = Suggestion.didYouMean(name, in: candidates)
                    error(
                        header[column],
                        "unknown column \"\(name)\""
                            + (hint.isEmpty
                                ? "; columns are result fields (\(ResultColumns.all.joined(separator: ", "))) or question ids of \"\(assessment.id)\""
                                : hint))
                }
            }
        }

        var results: [AssessmentResult] = []
        results.reserveCapacity(table.rows.count - 1)
        for (index, row) in table.rows.dropFirst().enumerated() {
            guard row.count == columnCount else {
                error(
                    line: row[0].line, column: 1,
                    "this row has \(row.count) cell\(row.count == 1 ? "" : "s"); the header has \(columnCount)")
                continue
            }
            if let result = readRow(row, index: index, fields: fieldColumns, questions: positions, prepared: prepared) {
                results.append(result)
            }
        }
        return (results, finishedDiagnostics)
    }

    /// The problems kept, and a summary of the rest.
    private var finishedDiagnostics: [Diagnostic] {
        omitted == 0 ? diagnostics : diagnostics + [.omitted(omitted, file: file)]
    }

    // MARK: - One row

    private mutating func readRow(
        _ row: [CSVTable.Cell], index: Int, fields: [String: Int], questions: [(column: Int, position: Int)],
        prepared: ResultQuestionnaires.Prepared?
    ) -> AssessmentResult? {
        let errorsBefore = diagnostics.count + omitted
        func cell(_ name: String) -> (cell: CSVTable.Cell, text: String)? {
            guard let column = fields[name] else { return nil }
            let text = row[column].text.trimmingASCIISpaces()
            return text.isEmpty ? nil : (row[column], text)
        }

        if let (assessmentCell, id) = cell("assessment"), id != prepared?.assessment.id {
            if questionnaires.byID[id] == nil {
                error(assessmentCell, "assessment: " + questionnaires.unknown(id))
            } else {
                error(
                    assessmentCell,
                    "assessment: this file's other rows are for \"\(prepared?.assessment.id ?? "")\"; put results of \"\(id)\" in a file of their own"
                )
            }
        }
        guard let assessment = prepared?.assessment else { return nil }

        var version = assessment.version
        if let (versionCell, text) = cell("version") {
            if let given = Int(text) {
                if given != assessment.version {
                    error(versionCell, "version: " + ResultMessages.versionMismatch(given, assessment))
                }
                version = given
            } else {
                error(versionCell, "version: \"\(text)\" is not a whole number")
            }
        }

        var date: SimpleDate?
        if let (dateCell, text) = cell("date") {
            date = SimpleDate(text)
            if date == nil { error(dateCell, "date: " + ResultMessages.notADate("\"\(text)\"")) }
        } else if let column = fields["date"] {
            error(row[column], "date: the cell is empty; write the date the answers were given, as YYYY-MM-DD")
        }

        let department = cell("department")?.text
        if department == nil, let column = fields["department"] {
            error(row[column], "department: the cell is empty; write the respondent's department, like sales or marketing")
        }

        var answers = [Int?](repeating: nil, count: assessment.questions.count)
        let expected = ResultMessages.expectedAnswer(assessment, empty: "leave the cell empty")
        for (column, position) in questions {
            let text = row[column].text.trimmingASCIISpaces()
            if text.isEmpty { continue }
            let id = assessment.questions[position].id
            let isDecimal = Self.isDecimal(text)
            if isDecimal, let value = Int(text) ?? Self.wholeNumber(text) {
                if value >= assessment.scaleMin && value <= assessment.scaleMax {
                    answers[position] = value
                } else {
                    error(row[column], "\(id): " + ResultMessages.outOfRange(text, assessment, empty: "leave the cell empty"))
                }
            } else if isDecimal {
                error(row[column], "\(id): \(text) is not a whole number; \(expected)")
            } else {
                error(row[column], "\(id): \"\(text)\" is not a number; \(expected)")
            }
        }

        guard diagnostics.count + omitted == errorsBefore, let date, let department else { return nil }
        return AssessmentResult(
            assessment: assessment.id, version: version, date: date, department: department,
            respondent: cell("respondent")?.text, team: cell("team")?.text, round: cell("round")?.text, answers: answers,
            file: file, index: index)
    }

    /// Whether `text` is a number written in decimal: `4`, `-2`, `+3`, `4.0`, `.5`, `4e0`.
    ///
    /// Swift's `Double(_:)` also reads hexadecimal (`0x3`, `0X1P2`), `inf` and `nan`, which are
    /// not answers anyone writes; JSON results are decimal by the grammar JSONParser checks.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            var count = 0
            while let byte = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                bytes = bytes.dropFirst()
                count += 1
            }
            return count
        }
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// `4.0` or `4e0` as 4, like JSON readers and JSON Schema's `integer`; `nil` for fractions.
    private static func wholeNumber(_ text: String) -> Int? {
        guard let value = Double(text), value.isFinite, value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    // MARK: - Errors

    private mutating func error(_ cell: CSVTable.Cell, _ message: String) {
        error(line: cell.line, column: cell.column, message)
    }

    private mutating func error(line: Int, column: Int, _ message: String) {
        guard diagnostics.count < Diagnostic.perFileLimit else {
            omitted += 1
            return
        }
        diagnostics.append(Diagnostic(SourceLocation(file: file, line: line, column: column), message))
    }
}
