public import Formats

/// The time a goal covers: a calendar quarter, or any span of dates.
public struct GoalPeriod: Sendable, Hashable, CustomStringConvertible {
    public var start: SimpleDate
    public var end: SimpleDate
    /// Set when the period was written as a quarter (`2026-Q1`).
    public var quarter: Quarter?

    public init(start: SimpleDate, end: SimpleDate) {
        self.start = start
        self.end = end
    }

    public init(_ quarter: Quarter) {
        self.start = quarter.start
        self.end = quarter.end
        self.quarter = quarter
    }

    /// Whether the two periods share at least one day.
    public func overlaps(_ other: GoalPeriod) -> Bool {
        !(end < other.start) && !(other.end < start)
    }

    /// `2026-Q1` or `2026-02-01 to 2026-04-30`, as an author writes it.
    public var description: String {
        quarter?.description ?? "\(start) to \(end)"
    }
}

/// A calendar quarter written `2026-Q1`.
public struct Quarter: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1 to 4.
    public var number: Int

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            let year = Int(parts[0]), parts[1].count == 2, parts[1].first == "Q" || parts[1].first == "q",
            let number = Int(parts[1].dropFirst()), (1...4).contains(number)
        else { return nil }
        self.year = year
        self.number = number
    }

    public var start: SimpleDate { SimpleDate(year: year, month: number * 3 - 2, day: 1) }

    public var end: SimpleDate {
        let month = number * 3
        return SimpleDate(year: year, month: month, day: SimpleDate.daysIn(month: month, year: year))
    }

    /// `2026-Q1`
    public var description: String { "\(year)-Q\(number)" }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { (lhs.year, lhs.number) < (rhs.year, rhs.number) }
}
