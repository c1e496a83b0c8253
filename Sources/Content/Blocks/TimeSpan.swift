/// A length of time written the short way: `30m`, `4h`, `2d` or `1w`.
///
/// Whether it counts calendar time or business time depends on where it is used: an SLA rule with
/// business hours counts its response times in business time.
public struct TimeSpan: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case minutes = "m", hours = "h", days = "d", weeks = "w"
    }

    public var value: Int
    public var unit: Unit

    public init(_ value: Int, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// Parses `30m`, `4h`, `2d`, `1w` (a whole number and one unit letter, no space).
    public init?(_ text: some StringProtocol) {
        guard let last = text.last, let unit = Unit(rawValue: String(last).lowercased()) else { return nil }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) else {
            return nil
        }
        self.init(value, unit)
    }

    /// `4h`
    public var description: String { "\(value)\(unit.rawValue)" }

    /// The span in minutes, with a day of `dayMinutes` and a week of `weekDays` days: 24 hours and 7 days
    /// of calendar time, or one business day and the business days of a week.
    public func minutes(dayMinutes: Int = 24 * 60, weekDays: Int = 7) -> Int {
        switch unit {
        case .minutes: value
        case .hours: value * 60
        case .days: value * dayMinutes
        case .weeks: value * weekDays * dayMinutes
        }
    }
}
