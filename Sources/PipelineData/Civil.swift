/// Calendar arithmetic on days and seconds counted from 1970-01-01 (a Thursday), without
/// Foundation: proleptic Gregorian dates, as ISO 8601 and every CRM export use them.
///
/// Instants are `Int64` seconds since 1970-01-01T00:00:00Z; a local time is the same count read
/// on the wall clock of a time zone (its "local seconds"); a day is `Int64` days since 1970-01-01.
public enum Civil {
    public static let secondsPerDay: Int64 = 86_400

    /// The day number of a date (Howard Hinnant's `days_from_civil`).
    public static func day(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number (Howard Hinnant's `civil_from_days`).
    public static func date(ofDay day: Int64) -> (year: Int, month: Int, day: Int) {
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(yearOfEra + era * 400 + (m <= 2 ? 1 : 0)), Int(m), Int(d))
    }

    /// 1 for Monday … 7 for Sunday (ISO 8601); day 0, 1970-01-01, was a Thursday.
    public static func weekday(ofDay day: Int64) -> Int {
        Int(((day % 7) + 7 + 3) % 7) + 1
    }

    /// The day a count of seconds falls on (rounding down, also before 1970).
    public static func day(ofSeconds seconds: Int64) -> Int64 {
        seconds >= 0 ? seconds / secondsPerDay : (seconds - secondsPerDay + 1) / secondsPerDay
    }

    /// `2026-03-31T15:00:00Z`
    public static func isoUTC(_ seconds: Int64) -> String {
        let day = day(ofSeconds: seconds)
        let (y, m, d) = date(ofDay: day)
        let rest = seconds - day * secondsPerDay
        return "\(pad(y, 4))-\(pad(m))-\(pad(d))T\(pad(Int(rest / 3600)))"
            + ":\(pad(Int(rest % 3600 / 60))):\(pad(Int(rest % 60)))Z"
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
