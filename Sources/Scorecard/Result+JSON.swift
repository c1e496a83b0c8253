internal import Core
internal import Formats

// MARK: - Results from JSON

/// Reads result objects out of a parsed JSON document, reporting each problem at its JSON path.
///
/// This runs once per value of a results bundle (100,000 results are about 3.5 million values), so
/// keys are compared as bytes without decoding, and paths and positions are made only for errors.
struct JSONResultReader {
    let document: JSONDocument
    let file: String
    let questionnaires: ResultQuestionnaires
    private var diagnostics: [Diagnostic] = []
    /// Problems past `Diagnostic.perFileLimit`, counted but not kept.
    private var omitted = 0
    private var positions: TextPosition?
    /// Per question position, the number of the last result (from 1) that answered it, to find a
    /// question answered twice without clearing a buffer for every result.
    private var answeredIn: [Int] = []
    private var resultNumber = 0

    /// The keys of a result object, as bytes.
    private static let keyBytes: [[UInt8]] = ResultColumns.jsonKeys.map { Array($0.utf8) }

    private enum Key: Int {
        case assessment, version, date, department, respondent, team, round, answers
    }

    init(document: JSONDocument, file: String, questionnaires: ResultQuestionnaires) {
        self.document = document
        self.file = file
        self.questionnaires = questionnaires
    }

    mutating func read() -> (results: [AssessmentResult], diagnostics: [Diagnostic]) {
        let root = document.root
        var results: [AssessmentResult] = []
        switch document.kind(root) {
        case .array:
            results.reserveCapacity(document.count(root))
            var index = 0
            for element in document.elements(root) {
                if document.kind(element) == .object {
                    if let result = readResult(element, index: index, isElement: true) { results.append(result) }
                } else {
                    error(element, "$[\(index)]", "expected a result object, not \(shown(element))")
                }
                index += 1
            }
        case .object:
            if let result = readResult(root, index: 0, isElement: false) { results.append(result) }
        default:
            error(root, "$", "expected a result object, or an array of result objects, not \(shown(root))")
        }
        return (results, omitted == 0 ? diagnostics : diagnostics + [.omitted(omitted, file: file)])
    }

    // MARK: - One result

    private mutating func readResult(_ object: Int, index: Int, isElement: Bool) -> AssessmentResult? {
        resultNumber += 1
        let errorsBefore = diagnostics.count + omitted
        func path(_ suffix: String = "") -> String { (isElement ? "$[\(index)]" : "$") + suffix }

        var fields = [Int](repeating: -1, count: 8)
        var answersNode = -1
        for (key, value) in document.members(object) {
            guard let field = Self.field(of: key, in: document) else {
                let name = document.string(key)
                let hint = Suggestion.didYouMean(name, in: ResultColumns.jsonKeys)
                error(
                    key, path(Self.member(name)),
                    "unknown key \"\(name)\""
                        + (hint.isEmpty ? "; a result has \(ResultColumns.jsonKeys.joined(separator: ", "))" : hint))
                continue
            }
            if fields[field.rawValue] >= 0 {
                error(
                    key, path(Self.member(document.string(key))),
                    "\"\(document.string(key))\" appears twice in this result; keep one")
                continue
            }
            fields[field.rawValue] = value
            if field == .answers { answersNode = value }
        }

        // The questionnaire.
        var prepared: ResultQuestionnaires.Prepared?
        let assessmentNode = fields[Key.assessment.rawValue]
        if assessmentNode >= 0, document.kind(assessmentNode) != .null {
            if document.kind(assessmentNode) == .string {
                let id = document.string(assessmentNode)
                prepared = questionnaires.byID[id]
                if prepared == nil { error(assessmentNode, path(".assessment"), questionnaires.unknown(id)) }
            } else {
                error(assessmentNode, path(".assessment"), "must be text (the questionnaire's id), not \(shown(assessmentNode))")
            }
        } else if let fallback = questionnaires.fallback {
            prepared = fallback
        } else {
            error(object, path(), questionnaires.missing)
        }

        var version = prepared?.assessment.version ?? 0
        let versionNode = fields[Key.version.rawValue]
        if versionNode >= 0, document.kind(versionNode) != .null {
            if let given = document.integer(versionNode) {
                if let assessment = prepared?.assessment, given != assessment.version {
                    error(versionNode, path(".version"), ResultMessages.versionMismatch(given, assessment))
                }
                version = given
            } else {
                error(versionNode, path(".version"), "must be a whole number, not \(shown(versionNode))")
            }
        }

        var date: SimpleDate?
        let dateNode = fields[Key.date.rawValue]
        if dateNode < 0 {
            error(object, path(), "the result has no date; add \"date\": \"YYYY-MM-DD\"")
        } else if document.kind(dateNode) == .string,
            let parsed = document.withRawString(dateNode, { SimpleDate(utf8: $0) }) ?? SimpleDate(document.string(dateNode))
        {
            date = parsed
        } else {
            error(dateNode, path(".date"), ResultMessages.notADate(shown(dateNode)))
        }

        var department: String?
        let departmentNode = fields[Key.department.rawValue]
        if departmentNode < 0 {
            error(object, path(), "the result has no department; add \"department\": \"sales\" (or \"marketing\", or any other)")
        } else if document.kind(departmentNode) == .string {
            let text = document.string(departmentNode)
            if text.isEmpty {
                error(
                    departmentNode, path(".department"),
                    "must not be empty; write the respondent's department, like \"sales\" or \"marketing\"")
            } else {
                department = text
            }
        } else {
            error(
                departmentNode, path(".department"), "must be text, like \"sales\" or \"marketing\", not \(shown(departmentNode))"
            )
        }

        let respondent = optionalText(fields[Key.respondent.rawValue], path(".respondent"))
        let team = optionalText(fields[Key.team.rawValue], path(".team"))
        let round = optionalText(fields[Key.round.rawValue], path(".round"))
        if let round, round.isEmpty {
            error(fields[Key.round.rawValue], path(".round"), "must not be empty; leave it out to use the date's quarter")
        }

        var answers: [Int?] = []
        if answersNode < 0 {
            error(object, path(), "the result has no answers; add \"answers\": {\"<question id>\": <answer>, ...}")
        } else if document.kind(answersNode) != .object {
            error(answersNode, path(".answers"), "must be an object of question ids and answers, not \(shown(answersNode))")
        } else if let prepared {
            answers = readAnswers(answersNode, prepared, path: { path(".answers" + $0) })
        }

        guard diagnostics.count + omitted == errorsBefore, let prepared, let date, let department else { return nil }
        return AssessmentResult(
            assessment: prepared.assessment.id, version: version, date: date, department: department, respondent: respondent,
            team: team, round: round, answers: answers, file: file, index: index)
    }

    private mutating func readAnswers(
        _ object: Int, _ prepared: ResultQuestionnaires.Prepared, path: (String) -> String
    ) -> [Int?] {
        let assessment = prepared.assessment
        let count = assessment.questions.count
        if answeredIn.count < count { answeredIn = [Int](repeating: 0, count: count) }
        var answers = [Int?](repeating: nil, count: count)
        let scaleMin = assessment.scaleMin
        let scaleMax = assessment.scaleMax
        var member = 0
        for (key, value) in document.members(object) {
            // Results usually list answers in questionnaire order: try the expected id first.
            var position = -1
            if member < count, prepared.idBytes[member].withUnsafeBufferPointer({ document.string(key, equals: $0) }) {
                position = member
            } else if let found = assessment.position(of: document.string(key)) {
                position = found
            }
            member += 1
            guard position >= 0 else {
                let id = document.string(key)
                error(key, path(Self.member(id)), ResultMessages.unknownQuestion(id, assessment))
                continue
            }
            if answeredIn[position] == resultNumber {
                let id = assessment.questions[position].id
                error(key, path(Self.member(id)), "\"\(id)\" is answered twice in this result; keep one answer")
                continue
            }
            answeredIn[position] = resultNumber
            switch document.kind(value) {
            case .null:
                continue
            case .number:
                if let answer = document.integer(value) {
                    if answer >= scaleMin && answer <= scaleMax {
                        answers[position] = answer
                    } else {
                        error(
                            value, path(Self.member(assessment.questions[position].id)),
                            ResultMessages.outOfRange(document.text(value), assessment, empty: "null"))
                    }
                } else {
                    error(
                        value, path(Self.member(assessment.questions[position].id)),
                        "\(document.text(value)) is not a whole number; \(ResultMessages.expectedAnswer(assessment, empty: "null"))"
                    )
                }
            case .string:
                let text = document.string(value)
                let fix =
                    Int(text).map { "write \($0) without quotes" } ?? ResultMessages.expectedAnswer(assessment, empty: "null")
                error(
                    value, path(Self.member(assessment.questions[position].id)), "\(shown(value)) is text, not a number; \(fix)")
            default:
                error(
                    value, path(Self.member(assessment.questions[position].id)),
                    "\(shown(value)) is not an answer; \(ResultMessages.expectedAnswer(assessment, empty: "null"))")
            }
        }
        return answers
    }

    /// A text field that may be absent or null.
    private mutating func optionalText(_ node: Int, _ path: @autoclosure () -> String) -> String? {
        guard node >= 0 else { return nil }
        switch document.kind(node) {
        case .null: return nil
        case .string: return document.string(node)
        default:
            error(node, path(), "must be text or null, not \(shown(node))")
            return nil
        }
    }

    // MARK: - Helpers

    private static func field(of key: Int, in document: JSONDocument) -> Key? {
        for (index, name) in keyBytes.enumerated() where name.withUnsafeBufferPointer({ document.string(key, equals: $0) }) {
            return Key(rawValue: index)
        }
        return nil
    }

    /// `.q3`, or `["my id"]` for a key that is not a plain name.
    static func member(_ key: String) -> String {
        let plain =
            !key.isEmpty
            && key.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    true
                default: false
                }
            }
        return plain ? "." + key : "[" + JSONText.quoted(key) + "]"
    }

    /// A value as a message shows it: `7`, `"four"`, `true`, `an array`.
    private func shown(_ node: Int) -> String {
        let text = document.text(node)
        return text.count > 40 ? String(text.prefix(37)) + "..." : text
    }

    private mutating func error(_ node: Int, _ path: String, _ message: String) {
        guard diagnostics.count < Diagnostic.perFileLimit else {
            omitted += 1
            return
        }
        if positions == nil { positions = TextPosition(document.bytes) }
        let (line, column) = positions!.lineAndColumn(of: document.offset(node), in: document.bytes)
        diagnostics.append(Diagnostic(SourceLocation(file: file, line: line, column: column, path: path), message))
    }
}
