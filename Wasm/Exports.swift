// The WebAssembly module's exports: marshalling only. Every number is computed by ScoringCore —
// the same Swift code that `tandem` runs natively — so the form and the command line agree.
//
// ABI (version 1). Pointers are byte offsets into the module's exported `memory`; get them from
// `tandem_alloc` and give them back with `tandem_free`. Every buffer holds f64 values:
//
// Questionnaire block, `7 + Q + B` values:
//   [scaleMin, scaleMax, Q (question count), B (band count), minAnswered, gapThreshold,
//    minGroupSize, weight × Q, bandMin × B]
// Answers: one value per question; NaN is unanswered, anything else must be an integer.
// Group data: per respondent `[department (0 sales, 1 marketing, 2 other), answer × Q]`.
//
// Every scoring call returns a status: 0, or one of the negative codes below with up to three
// details in `out[0...2]` (positions are 0-based; a respondent of -1 means "the only one").
//
// This file is compiled into the ScoringCore module itself (see Scripts/build-wasm.sh), so it
// needs no import.

// MARK: - Status codes

private enum Status {
    static let ok: Int32 = 0
    static let invalidScale: Int32 = -1  // details: min, max
    static let noQuestions: Int32 = -2
    static let invalidWeight: Int32 = -3  // details: question
    static let noBands: Int32 = -4
    static let firstBandNotAtScaleMin: Int32 = -5
    static let bandsNotSorted: Int32 = -6  // details: band
    static let bandOutOfScale: Int32 = -7  // details: band
    static let invalidMinAnswered: Int32 = -8  // details: minAnswered, question count
    static let invalidGapThreshold: Int32 = -9
    static let invalidMinGroupSize: Int32 = -10  // details: minGroupSize
    static let answerCountMismatch: Int32 = -11  // details: respondent, expected, actual
    static let answerOutOfRange: Int32 = -12  // details: respondent, question, value
    static let malformedQuestionnaire: Int32 = -13  // the block's counts or integers do not fit its length
    static let answerNotInteger: Int32 = -14  // details: respondent, question
    static let invalidDepartment: Int32 = -15  // details: respondent
    static let negativeCount: Int32 = -16  // an answer or respondent count below 0
}

/// A marshalling failure: a status and its details.
private struct Failure: Error {
    var status: Int32
    var details: (Double, Double, Double) = (0, 0, 0)
}

private func failure(_ error: ScoringError) -> Failure {
    switch error {
    case .invalidScale(let min, let max):
        Failure(status: Status.invalidScale, details: (Double(min), Double(max), 0))
    case .noQuestions: Failure(status: Status.noQuestions)
    case .invalidWeight(let question): Failure(status: Status.invalidWeight, details: (Double(question), 0, 0))
    case .noBands: Failure(status: Status.noBands)
    case .firstBandNotAtScaleMin: Failure(status: Status.firstBandNotAtScaleMin)
    case .bandsNotSorted(let band): Failure(status: Status.bandsNotSorted, details: (Double(band), 0, 0))
    case .bandOutOfScale(let band): Failure(status: Status.bandOutOfScale, details: (Double(band), 0, 0))
    case .invalidMinAnswered(let minAnswered, let questionCount):
        Failure(status: Status.invalidMinAnswered, details: (Double(minAnswered), Double(questionCount), 0))
    case .invalidGapThreshold: Failure(status: Status.invalidGapThreshold)
    case .invalidMinGroupSize(let size): Failure(status: Status.invalidMinGroupSize, details: (Double(size), 0, 0))
    case .answerCountMismatch(let respondent, let expected, let actual):
        Failure(status: Status.answerCountMismatch, details: (Double(respondent ?? -1), Double(expected), Double(actual)))
    case .answerOutOfRange(let respondent, let question, let value):
        Failure(status: Status.answerOutOfRange, details: (Double(respondent ?? -1), Double(question), Double(value)))
    }
}

private func fail(_ failure: Failure, _ out: UnsafeMutablePointer<Double>) -> Int32 {
    out[0] = failure.details.0
    out[1] = failure.details.1
    out[2] = failure.details.2
    return failure.status
}

// MARK: - Decoding

private let headerCount = 7

/// An integer held in a f64, or nil when it is not one that fits `Int`.
private func integer(_ value: Double) -> Int? {
    Int(exactly: value)
}

private func decodeQuestionnaire(_ block: UnsafePointer<Double>, _ count: Int32) throws(Failure) -> Questionnaire {
    let malformed = Failure(status: Status.malformedQuestionnaire)
    guard count >= Int32(headerCount),
        let scaleMin = integer(block[0]), let scaleMax = integer(block[1]),
        let questionCount = integer(block[2]), let bandCount = integer(block[3]),
        let minAnswered = integer(block[4]), let minGroupSize = integer(block[6]),
        questionCount >= 0, bandCount >= 0, questionCount <= Int(count), bandCount <= Int(count),
        Int(count) == headerCount + questionCount + bandCount
    else { throw malformed }
    let weights = Array(UnsafeBufferPointer(start: block + headerCount, count: questionCount))
    let bandMins = Array(UnsafeBufferPointer(start: block + headerCount + questionCount, count: bandCount))
    do {
        return try Questionnaire(
            scaleMin: scaleMin,
            scaleMax: scaleMax,
            weights: weights,
            bandMins: bandMins,
            minAnswered: minAnswered,
            gapThreshold: block[5],
            minGroupSize: minGroupSize
        )
    } catch {
        throw failure(error)
    }
}

/// Checks that each of `count` answer values is NaN (unanswered) or an integer.
private func checkAnswers(_ values: UnsafePointer<Double>, _ count: Int, respondent: Int?) throws(Failure) {
    for question in 0..<count where !values[question].isNaN && integer(values[question]) == nil {
        throw Failure(status: Status.answerNotInteger, details: (Double(respondent ?? -1), Double(question), 0))
    }
}

/// Answers that `checkAnswers` accepted.
private func decodeAnswers(_ values: UnsafePointer<Double>, _ count: Int) -> [Int?] {
    [Int?](count: count) { question in integer(values[question]) }
}

private func decodeDepartment(_ value: Double) -> Department? {
    guard let tag = integer(value), let raw = UInt8(exactly: tag) else { return nil }
    return Department(rawValue: raw)
}

private func optional(_ value: Double?) -> Double { value ?? .nan }

// MARK: - Encoding

private func write(_ value: Double, to cursor: inout UnsafeMutablePointer<Double>) {
    cursor.pointee = value
    cursor += 1
}

private func write(_ group: GroupScore, to cursor: inout UnsafeMutablePointer<Double>) {
    write(Double(group.n), to: &cursor)
    write(optional(group.mean), to: &cursor)
    write(Double(group.band ?? -1), to: &cursor)
}

private func write(_ question: QuestionStats, to cursor: inout UnsafeMutablePointer<Double>) {
    write(Double(question.n), to: &cursor)
    write(optional(question.mean), to: &cursor)
}

private func write(_ gap: Gap, to cursor: inout UnsafeMutablePointer<Double>) {
    write(optional(gap.value), to: &cursor)
    write(gap.isFlagged ? 1 : 0, to: &cursor)
}

// MARK: - Exports

/// The ABI version of these exports; the JS glue refuses a module with another.
@_expose(wasm, "tandem_abi_version")
@_cdecl("tandem_abi_version")
public func tandemABIVersion() -> Int32 { 1 }

/// Checks a questionnaire block.
///
/// - Returns: 0, or a status with details in `out[0...2]`.
@_expose(wasm, "tandem_check_questionnaire")
@_cdecl("tandem_check_questionnaire")
public func tandemCheckQuestionnaire(
    _ block: UnsafePointer<Double>, _ blockCount: Int32, _ out: UnsafeMutablePointer<Double>
) -> Int32 {
    do {
        _ = try decodeQuestionnaire(block, blockCount)
        return Status.ok
    } catch {
        return fail(error, out)
    }
}

/// Scores one respondent (docs/scoring.md, rule 2).
///
/// Writes `out[0...4]` = `[mean, percent, answered, complete (0 or 1), band (-1 for none)]`;
/// mean and percent are NaN when nothing is answered.
@_expose(wasm, "tandem_score_respondent")
@_cdecl("tandem_score_respondent")
public func tandemScoreRespondent(
    _ block: UnsafePointer<Double>, _ blockCount: Int32,
    _ answerValues: UnsafePointer<Double>, _ answerCount: Int32,
    _ out: UnsafeMutablePointer<Double>
) -> Int32 {
    do throws(Failure) {
        let questionnaire = try decodeQuestionnaire(block, blockCount)
        guard answerCount >= 0 else { throw Failure(status: Status.negativeCount) }
        try checkAnswers(answerValues, Int(answerCount), respondent: nil)
        let answers = decodeAnswers(answerValues, Int(answerCount))
        let score: RespondentScore
        do { score = try questionnaire.score(answers) } catch { throw failure(error) }
        out[0] = optional(score.mean)
        out[1] = optional(score.percent)
        out[2] = Double(score.answered)
        out[3] = score.isComplete ? 1 : 0
        out[4] = Double(score.band ?? -1)
        return Status.ok
    } catch {
        return fail(error, out)
    }
}

/// The number of f64 values that `tandem_score_group` writes for this questionnaire:
/// `11 + Q × (8 + scaleMax − scaleMin + 1)`; or a negative status (details in `out`).
@_expose(wasm, "tandem_group_output_count")
@_cdecl("tandem_group_output_count")
public func tandemGroupOutputCount(
    _ block: UnsafePointer<Double>, _ blockCount: Int32, _ out: UnsafeMutablePointer<Double>
) -> Int32 {
    do {
        let questionnaire = try decodeQuestionnaire(block, blockCount)
        return Int32(groupOutputCount(questionnaire))
    } catch {
        return fail(error, out)
    }
}

private func groupOutputCount(_ questionnaire: Questionnaire) -> Int {
    11 + questionnaire.questionCount * (8 + questionnaire.scaleValueCount)
}

/// Scores a group, its sales and marketing parts, and the gap (docs/scoring.md, rules 3 and 4).
///
/// `data` holds `respondentCount × (1 + Q)` values (see the file header). Writes
/// `tandem_group_output_count` values to `out`:
/// `[all.n, all.mean, all.band, sales.n, sales.mean, sales.band, marketing.n, marketing.mean,
///   marketing.band, gap, gapFlagged]`, then per question `[n, mean, sales.n, sales.mean,
///   marketing.n, marketing.mean, gap, gapFlagged, distribution × (scaleMax − scaleMin + 1)]`.
/// Absent means and gaps are NaN, absent bands -1.
@_expose(wasm, "tandem_score_group")
@_cdecl("tandem_score_group")
public func tandemScoreGroup(
    _ block: UnsafePointer<Double>, _ blockCount: Int32,
    _ data: UnsafePointer<Double>, _ respondentCount: Int32,
    _ out: UnsafeMutablePointer<Double>
) -> Int32 {
    do throws(Failure) {
        let questionnaire = try decodeQuestionnaire(block, blockCount)
        guard respondentCount >= 0 else { throw Failure(status: Status.negativeCount) }
        let stride = 1 + questionnaire.questionCount
        for index in 0..<Int(respondentCount) {
            let row = data + index * stride
            guard decodeDepartment(row[0]) != nil
            else { throw Failure(status: Status.invalidDepartment, details: (Double(index), 0, 0)) }
            try checkAnswers(row + 1, questionnaire.questionCount, respondent: index)
        }
        let respondents = [Respondent](count: Int(respondentCount)) { index in
            let row = data + index * stride
            return Respondent(department: decodeDepartment(row[0])!, answers: decodeAnswers(row + 1, stride - 1))
        }
        let report: GroupReport
        do { report = try questionnaire.report(respondents) } catch { throw failure(error) }

        var cursor = out
        write(report.all, to: &cursor)
        write(report.sales, to: &cursor)
        write(report.marketing, to: &cursor)
        write(report.overallGap, to: &cursor)
        for question in 0..<questionnaire.questionCount {
            let all = report.all.questions[question]
            write(all, to: &cursor)
            write(report.sales.questions[question], to: &cursor)
            write(report.marketing.questions[question], to: &cursor)
            write(report.questionGaps[question], to: &cursor)
            for count in all.distribution { write(Double(count), to: &cursor) }
        }
        return Status.ok
    } catch {
        return fail(error, out)
    }
}
