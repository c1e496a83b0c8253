import Content
import Formats
import Testing

@testable import PipelineData

@Suite struct HolidaysTests {
    /// Easter Sundays from published tables, the earliest possible (22 March) and the latest (25 April) among them.
    static let easters = [
        "1943-04-25", "2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21", "2023-04-09", "2024-03-31",
        "2025-04-20", "2026-04-05", "2038-04-25", "2285-03-22",
    ]

    @Test(arguments: easters)
    func easterSunday(_ date: String) {
        let day = dayNumber(date)
        let year = Civil.date(ofDay: day).year
        #expect(Holidays.easterSunday(year: year) == day)
        #expect(Civil.weekday(ofDay: day) == 7)
    }

    static let denmark: [(year: Int, dates: [String])] = [
        (
            2023,
            [
                "2023-01-01", "2023-04-06", "2023-04-07", "2023-04-09", "2023-04-10", "2023-05-05", "2023-05-18",
                "2023-05-28", "2023-05-29", "2023-12-25", "2023-12-26",
            ]
        ),
        (
            2024,
            [
                "2024-01-01", "2024-03-28", "2024-03-29", "2024-03-31", "2024-04-01", "2024-05-09", "2024-05-19",
                "2024-05-20", "2024-12-25", "2024-12-26",
            ]
        ),
        (
            2025,
            [
                "2025-01-01", "2025-04-17", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-08",
                "2025-06-09", "2025-12-25", "2025-12-26",
            ]
        ),
    ]

    @Test(arguments: denmark)
    func denmarksHolidays(_ c: (year: Int, dates: [String])) {
        #expect(Holidays.denmark(year: c.year) == c.dates.map(dayNumber))
    }

    @Test func greatPrayerDayUpTo2023Only() {
        let days = Holidays.days([.denmark], years: 2020...2026)
        #expect(days.contains(dayNumber("2023-05-05")))
        #expect(!days.contains(dayNumber("2024-04-26")))
        #expect(days.contains(dayNumber("2022-05-13")))
    }

    @Test func datesCountInTheirYearsOnly() {
        let holidays: [Holiday] = [
            .date(SimpleDate(year: 2026, month: 12, day: 24)), .date(SimpleDate(year: 2027, month: 1, day: 2)),
        ]
        #expect(Holidays.days(holidays, years: 2026...2026) == [dayNumber("2026-12-24")])
        #expect(Holidays.days(holidays + [.denmark], years: 2026...2026).count == 11)
        #expect(Holidays.days(holidays, years: 2020...2025).isEmpty)
    }
}

/// `2025-04-20` as a day number.
func dayNumber(_ date: String) -> Int64 {
    Civil.day(ofSeconds: instant(date + "T00:00:00"))
}
