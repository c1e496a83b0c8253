/// The numeric form of a questionnaire: everything that scoring needs, and nothing else.
///
/// Question ids, texts and band ids stay with the caller: questions are identified by their
/// position (the order of the questionnaire file) and bands by their index. That keeps `String`
/// out of the WebAssembly build, where it would pull in the Unicode tables.
///
/// A `Questionnaire` is validated when it is made, so every value of the type can be scored.
public struct Questionnaire: Hashable, Sendable {
    /// The range that `scale.min` and `scale.max` must lie in.
    ///
    /// It keeps answer sums exact in `Double` and integer arithmetic free of overflow on 32-bit
    /// WebAssembly, and bounds the size of a distribution.
    public static let scaleLimits: ClosedRange<Int> = -1000...1000

    /// The largest weight a question may have.
    ///
    /// With answers within ``scaleLimits``, a question adds at most 10^6 to a weighted sum, so
    /// means, percents and gaps are always finite numbers.
    public static let maxWeight: Double = 1000

    /// The lowest answer.
    public let scaleMin: Int
    /// The highest answer.
    public let scaleMax: Int
    /// The weight of each question, by position; each greater than 0 and at most ``maxWeight``.
    public let weights: [Double]
    /// The `min` of each band, strictly increasing; the first equals `scaleMin`.
    public let bandMins: [Double]
    /// The number of answers that makes a respondent complete.
    public let minAnswered: Int
    /// A gap whose magnitude is at or above this is flagged; from 0 to `scaleMax - scaleMin`.
    public let gapThreshold: Double
    /// The number of answers (or complete respondents) each department needs before a gap is computed.
    public let minGroupSize: Int

    /// Makes a questionnaire from its numeric parts, checking each against the rules.
    ///
    /// - Parameters:
    ///   - scaleMin: The lowest answer.
    ///   - scaleMax: The highest answer; above `scaleMin`.
    ///   - weights: One weight per question, in questionnaire order; each > 0 and ≤ ``maxWeight``.
    ///   - bandMins: The `min` of each band, strictly increasing, the first equal to `scaleMin`,
    ///     none above `scaleMax`.
    ///   - minAnswered: Answers needed for a complete respondent, `1...weights.count`;
    ///     `nil` means all questions.
    ///   - gapThreshold: The gap magnitude that is flagged; from 0 to `scaleMax - scaleMin`, the
    ///     largest gap there can be.
    ///   - minGroupSize: Answers per department needed for a gap; ≥ 1.
    /// - Throws: The first rule that the parts break, checked in parameter order.
    public init(
        scaleMin: Int,
        scaleMax: Int,
        weights: [Double],
        bandMins: [Double],
        minAnswered: Int? = nil,
        gapThreshold: Double,
        minGroupSize: Int
    ) throws(ScoringError) {
        guard Self.scaleLimits.contains(scaleMin), Self.scaleLimits.contains(scaleMax), scaleMin < scaleMax
        else { throw .invalidScale(min: scaleMin, max: scaleMax) }
        guard !weights.isEmpty else { throw .noQuestions }
        // Written so that NaN fails the comparison too.
        for (question, weight) in weights.enumerated() where !(weight > 0 && weight <= Self.maxWeight) {
            throw .invalidWeight(question: question)
        }
        guard let first = bandMins.first else { throw .noBands }
        guard first == Double(scaleMin) else { throw .firstBandNotAtScaleMin }
        for band in bandMins.indices.dropFirst() {
            // Written so that NaN fails the comparison too.
            guard bandMins[band] > bandMins[band - 1] else { throw .bandsNotSorted(band: band) }
            guard bandMins[band] <= Double(scaleMax) else { throw .bandOutOfScale(band: band) }
        }
        let minAnswered = minAnswered ?? weights.count
        guard minAnswered >= 1, minAnswered <= weights.count else {
            throw .invalidMinAnswered(minAnswered: minAnswered, questionCount: weights.count)
        }
        guard gapThreshold >= 0, gapThreshold <= Double(scaleMax - scaleMin) else { throw .invalidGapThreshold }
        guard minGroupSize >= 1 else { throw .invalidMinGroupSize(minGroupSize) }

        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.weights = weights
        self.bandMins = bandMins
        self.minAnswered = minAnswered
        self.gapThreshold = gapThreshold
        self.minGroupSize = minGroupSize
    }

    /// The number of questions.
    public var questionCount: Int { weights.count }

    /// The number of values on the scale, `scaleMax - scaleMin + 1`: the length of a distribution.
    public var scaleValueCount: Int { scaleMax - scaleMin + 1 }

    /// The band that a mean falls in: the one with the largest `min` at or below `mean`.
    ///
    /// A weighted mean can land a rounding error below `scaleMin` (for example `2.9999999999999996`
    /// on a scale from 3); as the first band starts at `scaleMin`, such a mean is in the first band.
    ///
    /// - Parameter mean: A respondent's or a group's mean.
    /// - Returns: The band's index in ``bandMins``.
    public func band(for mean: Double) -> Int {
        var band = bandMins.count - 1
        while band > 0, !(bandMins[band] <= mean) {
            band -= 1
        }
        return band
    }

    /// Checks that `answers` has one entry per question and each answer lies on the scale.
    ///
    /// - Parameters:
    ///   - answers: The answers by question position; `nil` is unanswered.
    ///   - respondent: The respondent's position in a group, reported in the error.
    /// - Throws: ``ScoringError/answerCountMismatch(respondent:expected:actual:)`` or
    ///   ``ScoringError/answerOutOfRange(respondent:question:value:)`` for the first bad answer.
    @inline(never)  // one copy for every caller keeps the WebAssembly module small
    public func validate(_ answers: [Int?], respondent: Int? = nil) throws(ScoringError) {
        guard answers.count == weights.count else {
            throw .answerCountMismatch(respondent: respondent, expected: weights.count, actual: answers.count)
        }
        for (question, answer) in answers.enumerated() {
            if let answer, answer < scaleMin || answer > scaleMax {
                throw .answerOutOfRange(respondent: respondent, question: question, value: answer)
            }
        }
    }
}
