import Testing

@testable import PipelineData

@Suite struct TimestampTests {
    /// Local seconds of a wall-clock time.
    static func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Int64 {
        Civil.day(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    static func naive(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0) -> LocalTimestamp {
        LocalTimestamp(seconds: local(year, month, day, hour, minute, second))
    }

    @Test func isoDates() {
        #expect(
            TimestampParser.parse("2026-03-31", order: nil) == LocalTimestamp(seconds: Self.local(2026, 3, 31), dateOnly: true))
        #expect(TimestampParser.parse("1970-01-01", order: .dmy)?.seconds == 0)
        #expect(TimestampParser.parse("1969-12-31", order: nil)?.seconds == -86_400)
        #expect(TimestampParser.parse("  2026-03-31 ", order: nil)?.dateOnly == true)
        #expect(TimestampParser.parse("2026-03-31", order: nil)?.offset == nil)
        #expect(TimestampParser.parse("2026-03-31", order: nil)?.utc == nil)
    }

    @Test func isoDatesAndTimes() {
        let expected = Self.naive(2026, 3, 31, 14, 5)
        #expect(TimestampParser.parse("2026-03-31 14:05", order: nil) == expected)
        #expect(TimestampParser.parse("2026-03-31T14:05", order: nil) == expected)
        #expect(TimestampParser.parse("2026-03-31t14:05", order: nil) == expected)
        #expect(TimestampParser.parse("2026-03-31 14:05:00", order: nil) == expected)
        #expect(TimestampParser.parse("2026-03-31T14:05:09", order: .ymd) == Self.naive(2026, 3, 31, 14, 5, 9))
        // The fraction is dropped.
        #expect(TimestampParser.parse("2026-03-31T14:05:09.999", order: nil) == Self.naive(2026, 3, 31, 14, 5, 9))
        #expect(TimestampParser.parse("2026-03-31 14:05:09.1234567", order: nil) == Self.naive(2026, 3, 31, 14, 5, 9))
        #expect(TimestampParser.parse("\t2026-03-31 00:00  ", order: nil) == Self.naive(2026, 3, 31, 0, 0))
        #expect(TimestampParser.parse("2026-03-31 23:59:59", order: nil) == Self.naive(2026, 3, 31, 23, 59, 59))
        #expect(TimestampParser.parse("2026-03-31 14:05", order: nil)?.dateOnly == false)
    }

    @Test func zones() {
        let wall = Self.local(2026, 3, 31, 14, 5)
        for text in [
            "2026-03-31T14:05:00Z", "2026-03-31T14:05:00z", "2026-03-31T14:05Z", "2026-03-31 14:05:00 UTC",
            "2026-03-31 14:05 GMT", "2026-03-31T14:05:00+00:00", "2026-03-31T14:05:00-00:00", "2026-03-31T14:05:00.5Z",
        ] {
            #expect(TimestampParser.parse(text, order: nil) == LocalTimestamp(seconds: wall, offset: 0), "\(text)")
        }
        for text in ["2026-03-31T14:05:00+02:00", "2026-03-31T14:05:00+0200", "2026-03-31T14:05:00+02", "2026-03-31 14:05+02:00"]
        {
            let timestamp = TimestampParser.parse(text, order: nil)
            #expect(timestamp == LocalTimestamp(seconds: wall, offset: 7200), "\(text)")
            #expect(timestamp?.utc == wall - 7200)
        }
        #expect(TimestampParser.parse("2026-03-31T14:05:00+05:30", order: nil)?.offset == 19_800)
        #expect(TimestampParser.parse("2026-03-31T14:05:00+05:30", order: nil)?.utc == Self.local(2026, 3, 31, 8, 35))
        #expect(TimestampParser.parse("2026-03-31T14:05:00-03:00", order: nil)?.offset == -10_800)
        #expect(TimestampParser.parse("2026-03-31T14:05:00-03:00", order: nil)?.utc == Self.local(2026, 3, 31, 17, 5))
        #expect(TimestampParser.parse("2026-03-31T22:30:00-0330", order: nil)?.utc == Self.local(2026, 4, 1, 2, 0))
    }

    @Test func theEndOfTheDayAndLeapSeconds() {
        #expect(TimestampParser.parse("2026-03-31T24:00:00", order: nil) == Self.naive(2026, 4, 1, 0, 0))
        #expect(TimestampParser.parse("2026-12-31 24:00", order: nil) == Self.naive(2027, 1, 1, 0, 0))
        #expect(TimestampParser.parse("2026-03-31T24:00:00.000Z", order: nil)?.utc == Self.local(2026, 4, 1))
        #expect(TimestampParser.parse("2026-06-30T23:59:60Z", order: nil)?.utc == Self.local(2026, 6, 30, 23, 59, 59))
        for text in ["2026-03-31T24:00:01", "2026-03-31T24:01", "2026-03-31T24:00:00.5", "2026-03-31T24:00:60"] {
            #expect(TimestampParser.parse(text, order: nil) == nil, "\(text)")
        }
    }

    @Test func daysInMonths() {
        #expect(TimestampParser.parse("2024-02-29", order: nil) != nil)
        #expect(TimestampParser.parse("2000-02-29", order: nil) != nil)
        #expect(TimestampParser.parse("2026-01-31", order: nil) != nil)
        #expect(TimestampParser.parse("2026-04-30", order: nil) != nil)
        #expect(TimestampParser.parse("2026-12-31", order: nil) != nil)
        for text in [
            "2026-02-29", "1900-02-29", "2024-02-30", "2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31",
            "2026-01-32", "2026-13-01", "2026-00-10", "2026-01-00", "2026-02-29 12:00",
        ] {
            #expect(TimestampParser.parse(text, order: nil) == nil, "\(text)")
        }
    }

    @Test func rejectedTexts() {
        let rejected = [
            "", "   ", "2026", "2026-03", "2026-3-31", "2026-03-1", "2026/03/31", "20260331", "2026-03-31x",
            "2026-03-31 14", "2026-03-31 14:5", "2026-03-31 4:05", "2026-03-31 14:05:", "2026-03-31 14:05:5",
            "2026-03-31 25:00", "2026-03-31 14:60", "2026-03-31 14:05:61", "2026-03-31 -1:05", "2026-03-31_14:05",
            "2026-03-31T14:05:00.", "2026-03-31T14:05:00.Z", "2026-03-31T14:05.5", "2026-03-31T14:05:00+2",
            "2026-03-31T14:05:00+02:0", "2026-03-31T14:05:00+020", "2026-03-31T14:05:00+02:60", "2026-03-31T14:05:00+24:00",
            "2026-03-31T14:05:00 +02:00", "2026-03-31T14:05:00ZZ", "2026-03-31 14:05 CET", "2026-03-31 14:05 utc",
            "2026-03-31 14:05 PM", "yesterday", "31-03-2026", "03/31/2026", "1774969200", "177496920000", "17749692000000",
            "-774969200000", "1774969200.000", "+2026-03-31",
        ]
        for text in rejected {
            #expect(TimestampParser.parse(text, order: nil) == nil, "\(text.debugDescription)")
        }
    }

    @Test func dayFirstDates() {
        #expect(
            TimestampParser.parse("31-03-2026", order: .dmy) == LocalTimestamp(seconds: Self.local(2026, 3, 31), dateOnly: true))
        #expect(TimestampParser.parse("31.03.2026", order: .dmy)?.seconds == Self.local(2026, 3, 31))
        #expect(TimestampParser.parse("31/03/2026", order: .dmy)?.seconds == Self.local(2026, 3, 31))
        #expect(TimestampParser.parse("1-3-2026", order: .dmy)?.seconds == Self.local(2026, 3, 1))
        #expect(TimestampParser.parse("1.12.2026", order: .dmy)?.seconds == Self.local(2026, 12, 1))
        #expect(TimestampParser.parse("31-03-2026 14:05", order: .dmy) == Self.naive(2026, 3, 31, 14, 5))
        #expect(TimestampParser.parse("31-03-2026 14:05:30", order: .dmy) == Self.naive(2026, 3, 31, 14, 5, 30))
        #expect(TimestampParser.parse("31.03.2026, 9:05", order: .dmy) == Self.naive(2026, 3, 31, 9, 5))
        #expect(TimestampParser.parse(" 29-02-2024 00:00 ", order: .dmy) == Self.naive(2024, 2, 29, 0, 0))
        #expect(TimestampParser.parse("31-03-2026 24:00", order: .dmy) == Self.naive(2026, 4, 1, 0, 0))
        #expect(TimestampParser.parse("31-03-2026 14:05", order: .dmy)?.offset == nil)
        // ISO stays accepted whatever the order.
        #expect(TimestampParser.parse("2026-03-31 14:05", order: .dmy) == Self.naive(2026, 3, 31, 14, 5))
        #expect(TimestampParser.parse("2026-03-31", order: .mdy)?.dateOnly == true)
    }

    @Test func monthFirstDatesAndTheTwelveHourClock() {
        #expect(TimestampParser.parse("03/31/2026", order: .mdy)?.seconds == Self.local(2026, 3, 31))
        #expect(TimestampParser.parse("03/31/2026 2:05 PM", order: .mdy) == Self.naive(2026, 3, 31, 14, 5))
        #expect(TimestampParser.parse("3/31/2026 2:05:09 pm", order: .mdy) == Self.naive(2026, 3, 31, 14, 5, 9))
        #expect(TimestampParser.parse("03/31/2026, 2:05 AM", order: .mdy) == Self.naive(2026, 3, 31, 2, 5))
        #expect(TimestampParser.parse("03/31/2026 14:05", order: .mdy) == Self.naive(2026, 3, 31, 14, 5))
        // 12 AM is midnight, 12 PM noon.
        #expect(TimestampParser.parse("03/31/2026 12:00 AM", order: .mdy) == Self.naive(2026, 3, 31, 0, 0))
        #expect(TimestampParser.parse("03/31/2026 12:59 AM", order: .mdy) == Self.naive(2026, 3, 31, 0, 59))
        #expect(TimestampParser.parse("03/31/2026 1:00 AM", order: .mdy) == Self.naive(2026, 3, 31, 1, 0))
        #expect(TimestampParser.parse("03/31/2026 11:59 AM", order: .mdy) == Self.naive(2026, 3, 31, 11, 59))
        #expect(TimestampParser.parse("03/31/2026 12:00 PM", order: .mdy) == Self.naive(2026, 3, 31, 12, 0))
        #expect(TimestampParser.parse("03/31/2026 12:30 PM", order: .mdy) == Self.naive(2026, 3, 31, 12, 30))
        #expect(TimestampParser.parse("03/31/2026 1:00 PM", order: .mdy) == Self.naive(2026, 3, 31, 13, 0))
        #expect(TimestampParser.parse("03/31/2026 11:59 PM", order: .mdy) == Self.naive(2026, 3, 31, 23, 59))
        #expect(TimestampParser.parse("31-03-2026 2:05 PM", order: .dmy) == Self.naive(2026, 3, 31, 14, 5))
    }

    @Test func rejectedDayAndMonthFirstTexts() {
        let dayFirst = [
            "31-03-26", "31-03-02026", "31-03/2026", "31.03-2026", "32-03-2026", "29-02-2026", "31-04-2026", "0-03-2026",
            "31-13-2026", "31-00-2026", "031-03-2026", "31--03-2026", "31-03-2026T14:05", "31-03-2026  14:05",
            "31-03-2026,14:05", "31-03-2026 14", "31-03-2026 14:5", "31-03-2026 25:00", "31-03-2026 14:05:60:00",
            "31-03-2026 14:05Z", "31-03-2026 14:05 +02:00", "31-03-2026 0:30 AM", "31-03-2026 13:00 PM",
            "31-03-2026 2:05 XM", "31-03-2026 2:05 P", "31-03-2026 2:05PM", "31-03-2026 14:05:", "31 03 2026", "-1-03-2026",
        ]
        for text in dayFirst {
            #expect(TimestampParser.parse(text, order: .dmy) == nil, "\(text.debugDescription)")
        }
        #expect(TimestampParser.parse("03/31/2026", order: .dmy) == nil)
        #expect(TimestampParser.parse("31/03/2026", order: .mdy) == nil)
        #expect(TimestampParser.parse("31-03-2026", order: .ymd) == nil)
        #expect(TimestampParser.parse("31-03-2026", order: nil) == nil)
    }

    @Test func epochMilliseconds() {
        let timestamp = TimestampParser.parse("1774969200000", order: nil)
        #expect(timestamp == LocalTimestamp(seconds: 1_774_969_200, offset: 0))
        #expect(timestamp?.utc == Self.local(2026, 3, 31, 15, 0))
        #expect(TimestampParser.parse(" 1774969200999 ", order: .dmy)?.utc == 1_774_969_200)
        #expect(TimestampParser.parse("1000000000000", order: nil)?.utc == 1_000_000_000)
        #expect(TimestampParser.parse("177496920000a", order: nil) == nil)
    }

    @Test func fromBytes() {
        let bytes = Array("id,2026-03-31T14:05:00+02:00,x".utf8)
        let timestamp = bytes.withUnsafeBufferPointer {
            TimestampParser.parse(UnsafeBufferPointer(rebasing: $0[3..<28]), order: nil)
        }
        #expect(timestamp?.utc == Self.local(2026, 3, 31, 12, 5))
        #expect(TimestampParser.parse(UnsafeBufferPointer(start: nil, count: 0), order: .dmy) == nil)
    }

    @Test func expectedForms() {
        #expect(TimestampParser.expectedForms(order: nil) == "2026-03-31, 2026-03-31 14:05, 2026-03-31T14:05:00+02:00")
        #expect(TimestampParser.expectedForms(order: .ymd) == TimestampParser.expectedForms(order: nil))
        #expect(TimestampParser.expectedForms(order: .dmy).hasSuffix(", 31-03-2026, 31-03-2026 14:05"))
        #expect(TimestampParser.expectedForms(order: .mdy).hasSuffix(", 03/31/2026, 03/31/2026 2:05 PM"))
        // Each form named is read.
        for order in [nil] + DateOrder.allCases.map(Optional.some) {
            for form in TimestampParser.expectedForms(order: order).split(separator: ", ") {
                #expect(TimestampParser.parse(String(form), order: order) != nil, "\(form)")
            }
        }
    }
}
