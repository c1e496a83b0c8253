/// How a date written with day and month in numbers orders them, besides ISO 8601's year first.
public enum DateOrder: String, Sendable, CaseIterable {
    case ymd, dmy, mdy
}

/// A date and time as an export writes it: the wall clock, and the offset from UTC when given.
public struct LocalTimestamp: Sendable, Equatable {
    /// The wall-clock fields as seconds since 1970-01-01 00:00 ("local seconds"); with `offset`,
    /// still the wall clock of that offset.
    public var seconds: Int64
    /// Seconds east of UTC when the text has `Z` or `±HH:MM`; nil for a naive time.
    public var offset: Int64?
    /// A date alone: `seconds` is that day's local midnight.
    public var dateOnly: Bool

    public init(seconds: Int64, offset: Int64? = nil, dateOnly: Bool = false) {
        self.seconds = seconds
        self.offset = offset
        self.dateOnly = dateOnly
    }

    /// The instant, as seconds since 1970-01-01T00:00:00Z, when the offset is known.
    public var utc: Int64? { offset.map { seconds - $0 } }
}

/// Reads the dates and times CRM exports write, from bytes and without making strings.
///
/// ISO 8601 (`2026-03-31`, `2026-03-31 14:05`, `2026-03-31T14:05:00.123+02:00`) always; with a
/// day-first or month-first order also `31-03-2026 14:05`, `31.03.2026`, `03/31/2026 2:05 PM`
/// (Danish Excel writes `dd-mm-yyyy`); and 13 digits as epoch milliseconds (HubSpot's API).
public enum TimestampParser {
    /// The timestamp in `bytes`, surrounding spaces trimmed; nil for any other text.
    ///
    /// Accepted: `YYYY-MM-DD`; `YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]]` (the fraction dropped) with
    /// an optional `Z`, `z`, `±HH:MM`, `±HHMM`, `±HH`, ` UTC` or ` GMT`; with `order` `.dmy` or
    /// `.mdy` also `D[D]sM[M]sYYYY` (`s` one of `.`, `-`, `/`, both the same), optionally followed
    /// by a space or `, ` and `H[H]:MM[:SS]` with an optional ` AM` or ` PM` (12 AM is 00); and 13
    /// digits, epoch milliseconds UTC. Months, days (leap years included), hours 0–23 (or
    /// `24:00:00`), minutes and seconds 0–59 are checked; a leap second, 60, is read as 59.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, order: DateOrder?) -> LocalTimestamp? {
        guard let base = bytes.baseAddress else { return nil }
        var low = 0
        var high = bytes.count
        while low < high && (base[low] == 0x20 || base[low] == 0x09) { low += 1 }
        while high > low && (base[high - 1] == 0x20 || base[high - 1] == 0x09) { high -= 1 }
        let text = Text(p: base + low, count: high - low)
        guard text.count >= 8 else { return nil }
        if text.count >= 10 && text[4] == dash && text.digit(0) >= 0 {
            return iso(text)
        }
        if text.count == 13 {
            var milliseconds: Int64 = 0
            for i in 0..<13 {
                let digit = text.digit(i)
                guard digit >= 0 else { return nil }
                milliseconds = milliseconds * 10 + Int64(digit)
            }
            return LocalTimestamp(seconds: milliseconds / 1000, offset: 0)
        }
        if order == .dmy || order == .mdy { return numeric(text, dayFirst: order == .dmy) }
        return nil
    }

    /// The timestamp in `text`; see `parse(_:order:)` on bytes.
    public static func parse(_ text: String, order: DateOrder?) -> LocalTimestamp? {
        var text = text
        return text.withUTF8 { parse($0, order: order) }
    }

    /// The forms accepted, for error messages.
    public static func expectedForms(order: DateOrder?) -> String {
        let iso = "2026-03-31, 2026-03-31 14:05, 2026-03-31T14:05:00+02:00"
        switch order {
        case nil, .ymd: return iso
        case .dmy: return iso + ", 31-03-2026, 31-03-2026 14:05"
        case .mdy: return iso + ", 03/31/2026, 03/31/2026 2:05 PM"
        }
    }

    /// The bytes being read, unchecked: every index is checked against `count` first.
    struct Text {
        let p: UnsafePointer<UInt8>
        let count: Int

        subscript(_ i: Int) -> UInt8 { p[i] }

        /// The digit at `i`, or -1 when there is none.
        @inline(__always)
        func digit(_ i: Int) -> Int {
            guard i < count else { return -1 }
            let value = p[i] &- 0x30
            return value < 10 ? Int(value) : -1
        }

        /// The two-digit number at `i`, or -1.
        @inline(__always)
        func twoDigits(_ i: Int) -> Int {
            let tens = digit(i)
            let ones = digit(i + 1)
            return tens < 0 || ones < 0 ? -1 : tens * 10 + ones
        }

        /// The one- or two-digit number at `i` and the index after it, or nil.
        @inline(__always)
        func oneOrTwoDigits(_ i: Int) -> (value: Int, next: Int)? {
            let first = digit(i)
            guard first >= 0 else { return nil }
            let second = digit(i + 1)
            return second < 0 ? (first, i + 1) : (first * 10 + second, i + 2)
        }

        func isByte(_ i: Int, _ byte: UInt8) -> Bool { i < count && p[i] == byte }
    }

    /// `YYYY-MM-DD[T| ]HH:MM[:SS[.fraction]][zone]`
    static func iso(_ text: Text) -> LocalTimestamp? {
        let year = text.twoDigits(0) * 100 + text.twoDigits(2)
        let month = text.twoDigits(5)
        let day = text.twoDigits(8)
        guard text.twoDigits(0) >= 0, text.twoDigits(2) >= 0, text[7] == dash,
            let date = dayNumber(year: year, month: month, day: day)
        else { return nil }
        if text.count == 10 { return LocalTimestamp(seconds: date * 86_400, dateOnly: true) }
        let separator = text[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == space,
            text.isByte(13, colon)
        else { return nil }
        let hour = text.twoDigits(11)
        let minute = text.twoDigits(14)
        var second = 0
        var i = 16
        var fractionIsZero = true
        if text.isByte(i, colon) {
            second = text.twoDigits(i + 1)
            guard second >= 0 else { return nil }
            i += 3
            if text.isByte(i, UInt8(ascii: ".")) {
                i += 1
                guard text.digit(i) >= 0 else { return nil }
                while text.digit(i) >= 0 {
                    if text[i] != UInt8(ascii: "0") { fractionIsZero = false }
                    i += 1
                }
            }
        }
        guard let time = secondsOfDay(hour: hour, minute: minute, second: second), hour < 24 || fractionIsZero else {
            return nil
        }
        let seconds = date * 86_400 + time
        if i == text.count { return LocalTimestamp(seconds: seconds) }
        guard let offset = zone(text, from: i) else { return nil }
        return LocalTimestamp(seconds: seconds, offset: offset)
    }

    /// `Z`, `z`, `±HH:MM`, `±HHMM`, `±HH`, ` UTC` or ` GMT` from `i` to the end, as seconds east.
    static func zone(_ text: Text, from i: Int) -> Int64? {
        let rest = text.count - i
        let first = text[i]
        if rest == 1 && (first == UInt8(ascii: "Z") || first == UInt8(ascii: "z")) { return 0 }
        if rest == 4 && first == space {
            let (a, b, c) = (text[i + 1], text[i + 2], text[i + 3])
            if (a, b, c) == (UInt8(ascii: "U"), UInt8(ascii: "T"), UInt8(ascii: "C"))
                || (a, b, c) == (UInt8(ascii: "G"), UInt8(ascii: "M"), UInt8(ascii: "T"))
            {
                return 0
            }
            return nil
        }
        guard first == UInt8(ascii: "+") || first == dash else { return nil }
        let hours = text.twoDigits(i + 1)
        var minutes = 0
        switch rest {
        case 3: break
        case 5: minutes = text.twoDigits(i + 3)
        case 6:
            guard text[i + 3] == colon else { return nil }
            minutes = text.twoDigits(i + 4)
        default: return nil
        }
        guard hours >= 0, hours <= 23, minutes >= 0, minutes <= 59 else { return nil }
        let offset = Int64(hours * 3600 + minutes * 60)
        return first == dash ? -offset : offset
    }

    /// `D[D]sM[M]sYYYY` (or month first) with an optional time `H[H]:MM[:SS][ AM| PM]`.
    static func numeric(_ text: Text, dayFirst: Bool) -> LocalTimestamp? {
        guard let (first, afterFirst) = text.oneOrTwoDigits(0), afterFirst < text.count else { return nil }
        let separator = text[afterFirst]
        guard separator == UInt8(ascii: ".") || separator == dash || separator == UInt8(ascii: "/"),
            let (middle, afterSecond) = text.oneOrTwoDigits(afterFirst + 1), text.isByte(afterSecond, separator)
        else { return nil }
        let high = text.twoDigits(afterSecond + 1)
        let low = text.twoDigits(afterSecond + 3)
        guard high >= 0, low >= 0,
            let date = dayNumber(year: high * 100 + low, month: dayFirst ? middle : first, day: dayFirst ? first : middle)
        else { return nil }
        var i = afterSecond + 5
        if i == text.count { return LocalTimestamp(seconds: date * 86_400, dateOnly: true) }
        if text[i] == space {
            i += 1
        } else if text[i] == UInt8(ascii: ","), text.isByte(i + 1, space) {
            i += 2
        } else {
            return nil
        }
        guard let (clockHour, afterHour) = text.oneOrTwoDigits(i), text.isByte(afterHour, colon) else { return nil }
        var hour = clockHour
        let minute = text.twoDigits(afterHour + 1)
        var second = 0
        i = afterHour + 3
        if text.isByte(i, colon) {
            second = text.twoDigits(i + 1)
            guard second >= 0 else { return nil }
            i += 3
        }
        if i + 3 == text.count && text[i] == space {
            let letter = text[i + 1] | 0x20
            guard text[i + 2] | 0x20 == UInt8(ascii: "m"), hour >= 1, hour <= 12 else { return nil }
            if letter == UInt8(ascii: "a") {
                if hour == 12 { hour = 0 }
            } else if letter == UInt8(ascii: "p") {
                if hour != 12 { hour += 12 }
            } else {
                return nil
            }
            i += 3
        }
        guard i == text.count, let time = secondsOfDay(hour: hour, minute: minute, second: second) else { return nil }
        return LocalTimestamp(seconds: date * 86_400 + time)
    }

    /// The day number of a date that exists, or nil.
    @inline(__always)
    static func dayNumber(year: Int, month: Int, day: Int) -> Int64? {
        guard month >= 1, month <= 12, day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length = month == 2 ? (leap ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31)
        guard day <= length else { return nil }
        return Civil.day(year: year, month: month, day: day)
    }

    /// Seconds since midnight; `24:00:00` is the next midnight, a leap second 59.
    @inline(__always)
    static func secondsOfDay(hour: Int, minute: Int, second: Int) -> Int64? {
        guard hour >= 0, minute >= 0, minute <= 59, second >= 0, second <= 60 else { return nil }
        guard hour < 24 || (hour == 24 && minute == 0 && second == 0) else { return nil }
        return Int64(hour * 3600 + minute * 60 + min(second, 59))
    }
}

private let dash = UInt8(ascii: "-")
private let colon = UInt8(ascii: ":")
private let space: UInt8 = 0x20
