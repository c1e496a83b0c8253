/// When the clock of an SLA runs: which days, from when to when, in which time zone.
public import Formats

/// A day the SLA clock does not run on although its weekday is a business day.
public enum Holiday: Sendable, Hashable, CustomStringConvertible {
    /// One date: a company day off such as `2026-12-24`.
    case date(SimpleDate)
    /// Denmark's public holidays in every year (docs/pipeline.md, rule 1): written `DK`.
    case denmark

    /// `2026-12-24` or `DK`, as written in `holidays:`.
    public var description: String {
        switch self {
        case .date(let date): date.description
        case .denmark: "DK"
        }
    }
}

public struct BusinessHours: Sendable, Hashable {
    /// The days, in week order, Monday first.
    public var days: [Weekday]
    public var from: ClockTime
    public var to: ClockTime
    /// An IANA time zone such as `Europe/Copenhagen`.
    public var timeZone: String
    /// Days off in addition to the weekdays not in `days`.
    public var holidays: [Holiday]

    public init(days: [Weekday], from: ClockTime, to: ClockTime, timeZone: String, holidays: [Holiday] = []) {
        self.days = days
        self.from = from
        self.to = to
        self.timeZone = timeZone
        self.holidays = holidays
    }

    /// The length of one business day in minutes.
    public var dayMinutes: Int { max(to.minutes - from.minutes, 1) }

    /// Monday to Friday, the default when `days` is left out.
    public static let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// The days as runs of consecutive days: `Mon-Fri` is one run, `Mon, Wed-Thu` two.
    public var dayRuns: [ClosedRange<Int>] {
        var runs: [ClosedRange<Int>] = []
        for day in days.map(\.rawValue) {
            if let last = runs.last, last.upperBound + 1 == day {
                runs[runs.count - 1] = last.lowerBound...day
            } else {
                runs.append(day...day)
            }
        }
        return runs
    }
}

/// A day of the week, Monday first as in Denmark and ISO 8601.
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// `Mon` ... `Sun`, as written in `days:`.
    public var code: String { Self.codes[rawValue - 1] }

    public static let codes = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let englishNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// `Mon`, `mon`, `Monday`.
    public init?(name: some StringProtocol) {
        let lower = name.lowercased()
        if let index = Self.codes.firstIndex(where: { $0.lowercased() == lower }) ?? Self.englishNames.firstIndex(of: lower) {
            self.init(rawValue: index + 1)
        } else {
            return nil
        }
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A time of day written `HH:MM` (24-hour clock); `24:00` is the end of the day.
public struct ClockTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Parses `08:00`, `8:30` or `24:00`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour) && (0...59).contains(minute) || (hour == 24 && minute == 0)
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var minutes: Int { hour * 60 + minute }

    /// `08:00`
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}
