/// The sales-versus-marketing perception gap on one question, or overall (docs/scoring.md, rule 4).
public struct Gap: Hashable, Sendable {
    /// `mean(sales) − mean(marketing)`; `nil` unless both departments reach `minGroupSize`.
    public let value: Double?
    /// Whether `|value| ≥ gapThreshold`; `false` when there is no value.
    public let isFlagged: Bool

    public init(value: Double?, isFlagged: Bool) {
        self.value = value
        self.isFlagged = isFlagged
    }
}

extension Questionnaire {
    /// The gap between two means, each with the count it rests on.
    ///
    /// - Returns: A gap with a value only when both counts reach ``minGroupSize``.
    public func gap(sales: Double?, salesCount: Int, marketing: Double?, marketingCount: Int) -> Gap {
        guard salesCount >= minGroupSize, marketingCount >= minGroupSize, let sales, let marketing else {
            return Gap(value: nil, isFlagged: false)
        }
        let value = sales - marketing
        return Gap(value: value, isFlagged: abs(value) >= gapThreshold)
    }
}
