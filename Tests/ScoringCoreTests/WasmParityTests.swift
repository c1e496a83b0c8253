import PropertyBased
import ScoringCore
import Testing

/// The committed `scoring.wasm` against the native core: bit for bit.
@Suite("WebAssembly parity")
struct WasmParityTests {
    // MARK: - Generated cases

    /// A random questionnaire and one respondent's answers, gaps included.
    struct Case: CustomStringConvertible {
        var questionnaire: Questionnaire
        var answers: [Int?]

        var description: String {
            "scale \(questionnaire.scaleMin)...\(questionnaire.scaleMax), weights \(questionnaire.weights), "
                + "bands \(questionnaire.bandMins), minAnswered \(questionnaire.minAnswered), answers \(answers)"
        }
    }

    /// Weights that stress rounding: integers, decimal fractions, thirds, tiny and huge values.
    static func weight(_ rng: inout some RandomNumberGenerator) -> Double {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: Double(Int.random(in: 1...5, using: &rng))
        case 1: Double(Int.random(in: 1...99, using: &rng)) / 10
        case 2: Double(Int.random(in: 1...9, using: &rng)) / 3
        case 3: Double.random(in: 0.001...1_000, using: &rng)
        default: [1e-9, 0.1, 0.2, 0.3, 0.7, Questionnaire.maxWeight][Int.random(in: 0..<6, using: &rng)]
        }
    }

    static func randomQuestionnaire(_ rng: inout some RandomNumberGenerator) -> Questionnaire {
        let scaleMin = Int.random(in: -10...10, using: &rng)
        let scaleMax = scaleMin + Int.random(in: 1...10, using: &rng)
        let questionCount = Int.random(in: 1...15, using: &rng)
        let weights = (0..<questionCount).map { _ in weight(&rng) }
        // Band mins: scale.min, then increasing values on the scale; some at halves, where means
        // of two answers land exactly, some anywhere.
        var bandMins = [Double(scaleMin)]
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            let last = bandMins.last!
            guard last < Double(scaleMax) else { break }
            let next =
                Bool.random(using: &rng)
                ? (last * 2 + Double(Int.random(in: 1...4, using: &rng))).rounded(.down) / 2
                : Double.random(in: last...Double(scaleMax), using: &rng)
            if next > last, next <= Double(scaleMax) { bandMins.append(next) }
        }
        return try! Questionnaire(
            scaleMin: scaleMin, scaleMax: scaleMax, weights: weights, bandMins: bandMins,
            minAnswered: Int.random(in: 1...questionCount, using: &rng),
            gapThreshold: min(Double(Int.random(in: 0...8, using: &rng)) / 4, Double(scaleMax - scaleMin)),
            minGroupSize: Int.random(in: 1...4, using: &rng)
        )
    }

    static func randomAnswers(_ q: Questionnaire, _ rng: inout some RandomNumberGenerator) -> [Int?] {
        let unansweredRate = [0.0, 0.3, 0.8, 1.0][Int.random(in: 0..<4, using: &rng)]
        return q.weights.map { _ in
            Double.random(in: 0..<1, using: &rng) < unansweredRate
                ? nil : Int.random(in: q.scaleMin...q.scaleMax, using: &rng)
        }
    }

    static let cases = Generator<Case, Shrink.None<Case>> { rng in
        let q = randomQuestionnaire(&rng)
        return Case(questionnaire: q, answers: randomAnswers(q, &rng))
    }

    static let groups = Generator<(Questionnaire, [Respondent]), Shrink.None<(Questionnaire, [Respondent])>> { rng in
        let q = randomQuestionnaire(&rng)
        let respondents = (0..<Int.random(in: 0...30, using: &rng)).map { _ in
            Respondent(department: Department.allCases.randomElement(using: &rng)!, answers: randomAnswers(q, &rng))
        }
        return (q, respondents)
    }

    // MARK: - Comparison

    static func bits(_ value: Double?) -> UInt64? { value?.bitPattern }

    /// Compares every field, doubles by bit pattern.
    static func expectIdentical(
        _ wasm: RespondentScore, _ native: RespondentScore, _ context: @autoclosure () -> String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(bits(wasm.mean) == bits(native.mean), "mean: \(context())", sourceLocation: sourceLocation)
        #expect(bits(wasm.percent) == bits(native.percent), "percent: \(context())", sourceLocation: sourceLocation)
        #expect(wasm.band == native.band, "band: \(context())", sourceLocation: sourceLocation)
        #expect(wasm.answered == native.answered, "answered: \(context())", sourceLocation: sourceLocation)
        #expect(wasm.isComplete == native.isComplete, "complete: \(context())", sourceLocation: sourceLocation)
    }

    static func expectIdentical(_ wasm: GroupReport, _ native: GroupReport, _ context: @autoclosure () -> String) {
        func groupBits(_ g: GroupScore) -> [UInt64?] {
            [UInt64(g.n), bits(g.mean), g.band.map(UInt64.init)]
                + g.questions.flatMap { [UInt64($0.n), bits($0.mean)] + $0.distribution.map(UInt64.init) }
        }
        func gapBits(_ gap: Gap) -> [UInt64?] { [bits(gap.value), gap.isFlagged ? 1 : 0] }
        let native = native.withoutDepartmentDistributions
        #expect(groupBits(wasm.all) == groupBits(native.all), "all: \(context())")
        #expect(groupBits(wasm.sales) == groupBits(native.sales), "sales: \(context())")
        #expect(groupBits(wasm.marketing) == groupBits(native.marketing), "marketing: \(context())")
        #expect(wasm.questionGaps.flatMap(gapBits) == native.questionGaps.flatMap(gapBits), "gaps: \(context())")
        #expect(gapBits(wasm.overallGap) == gapBits(native.overallGap), "overall gap: \(context())")
    }

    // MARK: - Tests

    @Test func moduleSpeaksABIVersion1AndFitsTheBudget() throws {
        let scorer = try WasmScorer()
        #expect(try scorer.abiVersion() == 1)
        #expect(try WasmScorer.moduleBytes().count <= 16 * 1024)
    }

    @Test func tenThousandGeneratedRespondentsScoreIdentically() async throws {
        let scorer = try WasmScorer()
        var checked = 0
        await propertyCheck(count: 10_000, input: Self.cases) { c in
            let native = try c.questionnaire.score(c.answers)
            guard case .value(let wasm) = try scorer.score(c.questionnaire, c.answers) else {
                Issue.record("the module rejected a valid case: \(c)")
                return
            }
            Self.expectIdentical(wasm, native, c.description)
            checked += 1
        }
        #expect(checked == 10_000)
        // The allocator reuses freed blocks: ten thousand calls leave memory at its first size.
        #expect(scorer.memoryByteCount <= 2 * 65_536)
    }

    @Test func twoThousandGeneratedGroupsReportIdentically() async throws {
        let scorer = try WasmScorer()
        var checked = 0
        await propertyCheck(count: 2_000, input: Self.groups) { (q, respondents) in
            let native = try q.report(respondents)
            guard case .value(let wasm) = try scorer.report(q, respondents) else {
                Issue.record("the module rejected a valid group")
                return
            }
            Self.expectIdentical(wasm, native, "\(q) \(respondents)")
            checked += 1
        }
        #expect(checked == 2_000)
    }

    @Test(
        arguments: [
            // Exact band boundaries (bands from 1, 2.5 and 4).
            [1, 1], [2, 3], [4, 4], [5, 5], [3, 2],
            // Nothing answered, one answer (incomplete: min answered is 2), a gap.
            [nil, nil], [5, nil], [nil, 1],
        ] as [[Int?]])
    func handWrittenEdgeCases(answers: [Int?]) throws {
        let q = try Questionnaire(
            scaleMin: 1, scaleMax: 5, weights: [1, 1], bandMins: [1, 2.5, 4], minAnswered: 2, gapThreshold: 1,
            minGroupSize: 1
        )
        let native = try q.score(answers)
        #expect(try WasmScorer().score(q, answers) == .value(native))
        Self.expectIdentical(try #require(try WasmScorer().score(q, answers).value), native, "\(answers)")
    }

    @Test func oneQuestionAndRoundingBelowScaleMin() throws {
        let scorer = try WasmScorer()
        let one = try Questionnaire(
            scaleMin: 0, scaleMax: 10, weights: [0.3], bandMins: [0, 5], gapThreshold: 1, minGroupSize: 1)
        for answer in [nil, 0, 5, 10] as [Int?] {
            Self.expectIdentical(try #require(try scorer.score(one, [answer]).value), try one.score([answer]), "\(answer as Any)")
        }
        let below = try Questionnaire(
            scaleMin: 3, scaleMax: 7, weights: [0.1, 0.2, 0.3], bandMins: [3, 5], gapThreshold: 1, minGroupSize: 1
        )
        let wasm = try #require(try scorer.score(below, [3, 3, 3]).value)
        #expect(wasm.mean == 2.9999999999999996)
        #expect(wasm.band == 0)
        Self.expectIdentical(wasm, try below.score([3, 3, 3]), "below scale min")
    }

    @Test func theDesignExampleInTheModule() throws {
        let q = try Questionnaire(
            scaleMin: 1, scaleMax: 5, weights: Array(repeating: 1, count: 9), bandMins: [1, 2.5, 4], gapThreshold: 1.5,
            minGroupSize: 3
        )
        let score = try #require(try WasmScorer().score(q, [4, 4, 3, 3, 4, 3, 4, 3, 3]).value)
        #expect(score.mean == 3.4444444444444446)
        #expect(score.percent == 61.111111111111114)
    }

    @Test func theHandComputedGroupInTheModule() throws {
        let q = try GroupScoreTests.questionnaire(gapThreshold: 1.5, minGroupSize: 1)
        let wasm = try #require(try WasmScorer().report(q, GroupScoreTests.respondents).value)
        let native = try q.report(GroupScoreTests.respondents)
        Self.expectIdentical(wasm, native, "hand-computed group")
        #expect(wasm.all.mean == 3.625)
        #expect(wasm.all.questions[2].distribution == [0, 0, 2, 0, 1])
        #expect(wasm.overallGap == Gap(value: 0.75, isFlagged: false))
    }

    // MARK: - Errors

    typealias Raw = WasmScorer.RawQuestionnaire

    static let valid = Raw(
        scaleMin: 1, scaleMax: 5, weights: [1, 1, 1], bandMins: [1, 2.5, 4], minAnswered: 2, gapThreshold: 1.5,
        minGroupSize: 3
    )

    static func with(_ change: (inout Raw) -> Void) -> Raw {
        var raw = valid
        change(&raw)
        return raw
    }

    @Test(
        arguments: [
            (with { $0.scaleMax = 1 }, -1, [1.0, 1]),
            (with { $0.weights = [] }, -2, []),
            (with { $0.weights[2] = 0 }, -3, [2]),
            (with { $0.bandMins = [] }, -4, []),
            (with { $0.bandMins[0] = 2 }, -5, []),
            (with { $0.bandMins = [1, 4, 2.5] }, -6, [2]),
            (with { $0.bandMins = [1, 6] }, -7, [1]),
            (with { $0.minAnswered = 4 }, -8, [4, 3]),
            (with { $0.gapThreshold = -1 }, -9, []),
            (with { $0.minGroupSize = 0 }, -10, [0]),
            (with { $0.scaleMin = 1.5 }, -13, []),
            (with { $0.minAnswered = .nan }, -13, []),
        ] as [(Raw, Int32, [Double])])
    func questionnaireErrorsComeBackAsStatusCodes(raw: Raw, status: Int32, details: [Double]) throws {
        let scorer = try WasmScorer()
        let outcome = try scorer.checkQuestionnaire(raw)
        guard case .failure(let actual, let actualDetails) = outcome else {
            Issue.record("accepted: \(raw)")
            return
        }
        #expect(actual == status)
        #expect(Array(actualDetails.prefix(details.count)) == details)
        // The scoring calls check the questionnaire the same way.
        guard case .failure(let scoreStatus, _) = try scorer.score(raw, [1, 1, 1]) else {
            Issue.record("scored with \(raw)")
            return
        }
        #expect(scoreStatus == status)
    }

    @Test func answerErrorsComeBackAsStatusCodes() throws {
        let scorer = try WasmScorer()
        #expect(try scorer.score(Self.valid, [1, 6, 1]) == .failure(status: -12, details: [-1, 1, 6]))
        #expect(try scorer.score(Self.valid, [1, 0, 1]) == .failure(status: -12, details: [-1, 1, 0]))
        #expect(try scorer.score(Self.valid, [1, 1]) == .failure(status: -11, details: [-1, 3, 2]))
        #expect(try scorer.score(Self.valid, [1, 2.5, 1]) == .failure(status: -14, details: [-1, 1, 0]))
        #expect(try scorer.score(Self.valid, [1, .infinity, 1]) == .failure(status: -14, details: [-1, 1, 0]))
        let data: [Double] = [0, 1, 2, 3, /* respondent 1 */ 1, 1, 9, 3]
        #expect(try scorer.report(Self.valid, data, respondentCount: 2) == .failure(status: -12, details: [1, 1, 9]))
        let badDepartment: [Double] = [0, 1, 2, 3, /* respondent 1 */ 3, 1, 2, 3]
        #expect(try scorer.report(Self.valid, badDepartment, respondentCount: 2) == .failure(status: -15, details: [1, 0, 0]))
    }
}

extension WasmScorer.Outcome {
    var value: Value? {
        if case .value(let value) = self { value } else { nil }
    }
}
