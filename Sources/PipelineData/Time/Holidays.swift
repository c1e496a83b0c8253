public import Content
import Formats

/// Public holidays as day numbers (days since 1970-01-01), for the `holidays:` of business hours.
public enum Holidays {
    /// Easter Sunday of a year in the Gregorian calendar (the anonymous algorithm of Meeus, Jones
    /// and Butcher).
    public static func easterSunday(year: Int) -> Int64 {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Civil.day(year: year, month: month, day: day)
    }

    /// Denmark's public holidays: 1 Jan, Maundy Thursday (Easter-3), Good Friday (-2), Easter
    /// Sunday, Easter Monday (+1), Great Prayer Day (+26) up to and including 2023 only, Ascension
    /// (+39), Whit Sunday (+49), Whit Monday (+50), 25 and 26 Dec.
    public static func denmark(year: Int) -> [Int64] {
        let easter = easterSunday(year: year)
        var days = [Civil.day(year: year, month: 1, day: 1)]
        days += [-3, -2, 0, 1].map { easter + $0 }
        if year <= 2023 { days.append(easter + 26) }
        days += [39, 49, 50].map { easter + $0 }
        days += [25, 26].map { Civil.day(year: year, month: 12, day: $0) }
        return days
    }

    /// The days off that `holidays` names within `years`: Denmark's for each year, and the dates in
    /// those years.
    public static func days(_ holidays: [Holiday], years: ClosedRange<Int>) -> Set<Int64> {
        var days = Set<Int64>()
        for holiday in holidays {
            switch holiday {
            case .date(let date):
                if years.contains(date.year) { days.insert(Civil.day(year: date.year, month: date.month, day: date.day)) }
            case .denmark:
                for year in years { days.formUnion(denmark(year: year)) }
            }
        }
        return days
    }
}
