import Foundation
import ScoringCore
import TestSupport
import WasmKit

/// The committed `scoring.wasm`, run with WasmKit and driven through its exports the way
/// `tandem-scoring.js` drives it in the browser.
///
/// One instance per test: WasmKit stores are not shared across the tests' threads.
struct WasmScorer {
    /// What a scoring export returned: a result, or a status with its details.
    enum Outcome<Value: Equatable>: Equatable {
        case value(Value)
        case failure(status: Int32, details: [Double])
    }

    /// The questionnaire as the exports read it; unlike ``Questionnaire`` it may break the rules.
    struct RawQuestionnaire {
        var scaleMin: Double
        var scaleMax: Double
        var weights: [Double]
        var bandMins: [Double]
        var minAnswered: Double
        var gapThreshold: Double
        var minGroupSize: Double

        init(_ q: Questionnaire) {
            self.init(
                scaleMin: Double(q.scaleMin), scaleMax: Double(q.scaleMax), weights: q.weights,
                bandMins: q.bandMins, minAnswered: Double(q.minAnswered), gapThreshold: q.gapThreshold,
                minGroupSize: Double(q.minGroupSize)
            )
        }

        init(
            scaleMin: Double, scaleMax: Double, weights: [Double], bandMins: [Double], minAnswered: Double,
            gapThreshold: Double, minGroupSize: Double
        ) {
            self.scaleMin = scaleMin
            self.scaleMax = scaleMax
            self.weights = weights
            self.bandMins = bandMins
            self.minAnswered = minAnswered
            self.gapThreshold = gapThreshold
            self.minGroupSize = minGroupSize
        }

        var block: [Double] {
            [
                scaleMin, scaleMax, Double(weights.count), Double(bandMins.count), minAnswered, gapThreshold,
                minGroupSize,
            ] + weights + bandMins
        }
    }

    /// The committed module, found from this file's path: tests need no resources.
    static let moduleURL: URL = {
        URL(fileURLWithPath: Repository.defaultTheme + "/assets/scoring.wasm")
    }()

    static func moduleBytes() throws -> [UInt8] {
        [UInt8](try Data(contentsOf: moduleURL))
    }

    private let memory: Memory
    private let exports: Exports

    init() throws {
        let module = try parseWasm(bytes: try Self.moduleBytes())
        let store = Store(engine: Engine())
        let instance = try module.instantiate(store: store)
        exports = instance.exports
        memory = instance.exports[memory: "memory"]!
    }

    /// The size of the module's memory now, in bytes.
    var memoryByteCount: Int { memory.byteCount }

    // MARK: - Calls

    func call(_ name: String, _ arguments: [Value]) throws -> Value {
        guard let function = exports[function: name] else { fatalError("no export \(name)") }
        return try function(arguments).first ?? .i32(0)
    }

    func abiVersion() throws -> Int32 {
        try int32(call("tandem_abi_version", []))
    }

    func checkQuestionnaire(_ q: RawQuestionnaire) throws -> Outcome<Bool> {
        let block = q.block
        return try withBuffers([block, [0, 0, 0]]) { pointers in
            let status = try int32(call("tandem_check_questionnaire", [pointers[0], count(block), pointers[1]]))
            return status == 0 ? .value(true) : .failure(status: status, details: read(pointers[1], 3))
        }
    }

    func score(_ q: Questionnaire, _ answers: [Int?]) throws -> Outcome<RespondentScore> {
        try score(RawQuestionnaire(q), answers.map { $0.map(Double.init) ?? .nan })
    }

    func score(_ q: RawQuestionnaire, _ answers: [Double]) throws -> Outcome<RespondentScore> {
        let block = q.block
        return try withBuffers([block, answers, Array(repeating: 0, count: 5)]) { p in
            let status = try int32(call("tandem_score_respondent", [p[0], count(block), p[1], count(answers), p[2]]))
            guard status == 0 else { return .failure(status: status, details: read(p[2], 3)) }
            let out = read(p[2], 5)
            return .value(
                RespondentScore(
                    mean: out[0].isNaN ? nil : out[0],
                    percent: out[1].isNaN ? nil : out[1],
                    answered: Int(out[2]),
                    isComplete: out[3] == 1,
                    band: out[4] < 0 ? nil : Int(out[4])
                )
            )
        }
    }

    func report(_ q: Questionnaire, _ respondents: [Respondent]) throws -> Outcome<GroupReport> {
        let data = respondents.flatMap { r in
            [Double(r.department.rawValue)] + r.answers.map { $0.map(Double.init) ?? .nan }
        }
        return try report(RawQuestionnaire(q), data, respondentCount: respondents.count)
    }

    func report(_ q: RawQuestionnaire, _ data: [Double], respondentCount: Int) throws -> Outcome<GroupReport> {
        let block = q.block
        let outCount = try withBuffers([block, [0, 0, 0]]) { p in
            try int32(call("tandem_group_output_count", [p[0], count(block), p[1]]))
        }
        guard outCount > 0 else { return .failure(status: outCount, details: []) }
        return try withBuffers([block, data, Array(repeating: 0, count: Int(outCount))]) { p in
            let status = try int32(
                call("tandem_score_group", [p[0], count(block), p[1], .i32(UInt32(respondentCount)), p[2]])
            )
            guard status == 0 else { return .failure(status: status, details: read(p[2], 3)) }
            return .value(decodeReport(read(p[2], Int(outCount)), questionCount: q.weights.count))
        }
    }

    // MARK: - Memory

    private func withBuffers<T>(_ contents: [[Double]], _ body: ([Value]) throws -> T) throws -> T {
        var pointers: [Value] = []
        defer {
            for pointer in pointers { _ = try? call("tandem_free", [pointer]) }
        }
        for values in contents {
            let pointer = try call("tandem_alloc", [.i32(UInt32(max(values.count, 3) * 8))])
            precondition(pointer != .i32(0), "tandem_alloc failed")
            pointers.append(pointer)
            write(values, at: pointer)
        }
        return try body(pointers)
    }

    private func write(_ values: [Double], at pointer: Value) {
        guard case .i32(let offset) = pointer, !values.isEmpty else { return }
        memory.withUnsafeMutableBufferPointer(offset: UInt(offset), count: values.count * 8) { buffer in
            for (index, value) in values.enumerated() {
                buffer.storeBytes(of: value.bitPattern.littleEndian, toByteOffset: index * 8, as: UInt64.self)
            }
        }
    }

    func read(_ pointer: Value, _ count: Int) -> [Double] {
        guard case .i32(let offset) = pointer else { return [] }
        return memory.withUnsafeBufferPointer(offset: UInt(offset), count: count * 8) { buffer in
            (0..<count).map { index in
                Double(bitPattern: UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))
            }
        }
    }

    private func count(_ values: [Double]) -> Value { .i32(UInt32(values.count)) }

    private func int32(_ value: Value) -> Int32 {
        guard case .i32(let bits) = value else { fatalError("expected an i32, got \(value)") }
        return Int32(bitPattern: bits)
    }

    private func decodeReport(_ values: [Double], questionCount: Int) -> GroupReport {
        var index = 0
        func next() -> Double {
            defer { index += 1 }
            return values[index]
        }
        func optional(_ value: Double) -> Double? { value.isNaN ? nil : value }
        func group() -> (n: Int, mean: Double?, band: Int?) {
            let n = Int(next())
            let mean = optional(next())
            let band = next()
            return (n, mean, band < 0 ? nil : Int(band))
        }
        func gap() -> Gap {
            let value = optional(next())
            return Gap(value: value, isFlagged: next() == 1)
        }
        let all = group()
        let sales = group()
        let marketing = group()
        let overallGap = gap()
        let width = (values.count - 11) / questionCount - 8
        var allQuestions: [QuestionStats] = []
        var salesQuestions: [QuestionStats] = []
        var marketingQuestions: [QuestionStats] = []
        var gaps: [Gap] = []
        for _ in 0..<questionCount {
            let n = Int(next())
            let mean = optional(next())
            let salesN = Int(next())
            let salesMean = optional(next())
            let marketingN = Int(next())
            let marketingMean = optional(next())
            gaps.append(gap())
            let distribution = (0..<width).map { _ in Int(next()) }
            allQuestions.append(QuestionStats(n: n, mean: mean, distribution: distribution))
            // The module sends the departments' n and mean per question, not their distributions.
            salesQuestions.append(QuestionStats(n: salesN, mean: salesMean, distribution: []))
            marketingQuestions.append(QuestionStats(n: marketingN, mean: marketingMean, distribution: []))
        }
        return GroupReport(
            all: GroupScore(n: all.n, mean: all.mean, band: all.band, questions: allQuestions),
            sales: GroupScore(n: sales.n, mean: sales.mean, band: sales.band, questions: salesQuestions),
            marketing: GroupScore(n: marketing.n, mean: marketing.mean, band: marketing.band, questions: marketingQuestions),
            questionGaps: gaps,
            overallGap: overallGap
        )
    }
}

extension GroupReport {
    /// The report as the module sends it: the departments' per-question distributions left out.
    var withoutDepartmentDistributions: GroupReport {
        func strip(_ group: GroupScore) -> GroupScore {
            GroupScore(
                n: group.n, mean: group.mean, band: group.band,
                questions: group.questions.map { QuestionStats(n: $0.n, mean: $0.mean, distribution: []) }
            )
        }
        return GroupReport(
            all: all, sales: strip(sales), marketing: strip(marketing), questionGaps: questionGaps, overallGap: overallGap
        )
    }
}
