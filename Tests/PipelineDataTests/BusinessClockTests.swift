import Content
import Formats
import PropertyBased
import Testing

@testable import PipelineData

@Suite struct BusinessClockTests {
    static let covering = instant("2023-01-01T00:00:00Z")...instant("2027-12-31T23:59:59Z")

    static func hours(
        _ days: [Weekday] = BusinessHours.weekdays, _ from: String = "08:00", _ to: String = "17:00",
        _ zone: String = "Europe/Copenhagen", _ holidays: [Holiday] = [.denmark]
    ) -> BusinessHours {
        BusinessHours(days: days, from: ClockTime(from)!, to: ClockTime(to)!, timeZone: zone, holidays: holidays)
    }

    static func clock(_ hours: BusinessHours?) -> BusinessClock {
        BusinessClock(hours: hours, covering: covering)!
    }

    static let danish = hours()
    static let monToThu = hours([.monday, .tuesday, .wednesday, .thursday], "08:00", "17:00", "Europe/Copenhagen", [])
    static let halfPast = hours(BusinessHours.weekdays, "08:00", "16:30", "Europe/Copenhagen", [])
    static let christmasEve = hours(
        BusinessHours.weekdays, "08:00", "17:00", "Europe/Copenhagen", [.denmark, .date(SimpleDate("2026-12-24")!)])
    static let newYork = hours(BusinessHours.weekdays, "09:00", "17:00", "America/New_York", [])
    static let allDay = hours(Weekday.allCases, "00:00", "24:00", "Europe/Copenhagen", [])
    static let night = hours(Weekday.allCases, "01:00", "04:00", "Europe/Copenhagen", [])

    /// Business time between two instants, by hand: Copenhagen is UTC+1 in winter, UTC+2 in summer;
    /// New York UTC−5 and UTC−4.
    static let durations: [(name: String, hours: BusinessHours?, from: String, to: String, seconds: Int64)] = [
        // Wed 16 Apr 2025 16:30 to Tue 22 Apr 09:00: Maundy Thursday, Good Friday, the weekend and Easter Monday are off.
        ("Easter", danish, "2025-04-16T14:30:00Z", "2025-04-22T07:00:00Z", 90 * 60),
        // Fri 28 Mar 2025 16:30 winter time to Mon 31 Mar 09:30 summer time.
        ("across the spring switch", danish, "2025-03-28T15:30:00Z", "2025-03-31T07:30:00Z", 120 * 60),
        ("Sat 11:00 to Mon 10:00", danish, "2025-03-29T10:00:00Z", "2025-03-31T08:00:00Z", 120 * 60),
        ("Sat 11:00 to Mon 10:00 in May", danish, "2025-05-10T09:00:00Z", "2025-05-12T08:00:00Z", 120 * 60),
        (
            "Fri 26 Apr 2024, once Great Prayer Day, is a business day", danish, "2024-04-26T06:00:00Z", "2024-04-26T15:00:00Z",
            9 * 3_600
        ),
        ("Fri 5 May 2023, Great Prayer Day, is not", danish, "2023-05-05T06:00:00Z", "2023-05-05T15:00:00Z", 0),
        ("a whole Mon-Fri week", danish, "2025-09-15T06:00:00Z", "2025-09-20T06:00:00Z", 45 * 3_600),
        ("17:00 to the next morning 08:00", danish, "2025-06-03T15:00:00Z", "2025-06-04T06:00:00Z", 0),
        ("before opening to after closing", danish, "2025-06-03T04:00:00Z", "2025-06-03T20:00:00Z", 9 * 3_600),
        ("backwards is zero", danish, "2025-06-03T12:00:00Z", "2025-06-03T10:00:00Z", 0),
        ("Thu 16:00 to Mon 09:00, Mon-Thu", monToThu, "2025-09-11T14:00:00Z", "2025-09-15T07:00:00Z", 2 * 3_600),
        ("a Mon-Thu week", monToThu, "2025-09-15T06:00:00Z", "2025-09-22T06:00:00Z", 36 * 3_600),
        ("Mon 16:00 to Tue 08:30, closing 16:30", halfPast, "2025-09-15T14:00:00Z", "2025-09-16T06:30:00Z", 3_600),
        (
            "Wed 23 Dec 2026 16:00 to Mon 28 Dec 09:00, 24 Dec off", christmasEve, "2026-12-23T15:00:00Z", "2026-12-28T08:00:00Z",
            2 * 3_600
        ),
        ("24 Dec 2026 counts without the date", danish, "2026-12-23T15:00:00Z", "2026-12-24T08:00:00Z", 2 * 3_600),
        ("New York, Fri 16:00 EST to Mon 10:00 EDT", newYork, "2025-03-07T21:00:00Z", "2025-03-10T14:00:00Z", 2 * 3_600),
        ("New York, Fri 16:00 EDT to Mon 10:00 EST", newYork, "2025-10-31T20:00:00Z", "2025-11-03T15:00:00Z", 2 * 3_600),
        (
            "New York, Mon 10 Mar 2025, the first weekday of summer time", newYork, "2025-03-10T12:00:00Z",
            "2025-03-10T22:00:00Z", 8 * 3_600
        ),
        ("Copenhagen's spring day has 23 hours", allDay, "2025-03-29T23:00:00Z", "2025-03-30T22:00:00Z", 23 * 3_600),
        ("Copenhagen's autumn day has 25 hours", allDay, "2025-10-25T22:00:00Z", "2025-10-26T23:00:00Z", 25 * 3_600),
        ("01:00-04:00 on the spring day is two hours", night, "2025-03-29T12:00:00Z", "2025-03-30T12:00:00Z", 2 * 3_600),
        ("01:00-04:00 on the autumn day is four hours", night, "2025-10-25T12:00:00Z", "2025-10-26T12:00:00Z", 4 * 3_600),
        ("calendar time", nil, "2025-03-28T15:30:00Z", "2025-03-31T07:30:00Z", 64 * 3_600),
        ("calendar time backwards", nil, "2025-03-31T07:30:00Z", "2025-03-28T15:30:00Z", 0),
    ]

    @Test(arguments: durations)
    func duration(_ c: (name: String, hours: BusinessHours?, from: String, to: String, seconds: Int64)) {
        #expect(Self.clock(c.hours).duration(from: instant(c.from), to: instant(c.to)) == c.seconds, "\(c.name)")
    }

    static let deadlines: [(name: String, hours: BusinessHours?, start: String, span: String, deadline: String)] = [
        // Fri 28 Mar 2025 16:30 winter time + 4h: 30 minutes on Friday, Mon 31 Mar 08:00-11:30 summer time.
        ("across the spring switch", danish, "2025-03-28T15:30:00Z", "4h", "2025-03-31T09:30:00Z"),
        ("Easter", danish, "2025-04-16T14:30:00Z", "90m", "2025-04-22T07:00:00Z"),
        // Tue 3 Jun 2025 13:00 + 4h ends at the closing time, not at the next opening.
        ("ending at closing time", danish, "2025-06-03T11:00:00Z", "4h", "2025-06-03T15:00:00Z"),
        ("a whole day from opening", danish, "2025-06-03T06:00:00Z", "1d", "2025-06-03T15:00:00Z"),
        ("Friday's closing time", danish, "2025-06-06T11:00:00Z", "4h", "2025-06-06T15:00:00Z"),
        ("a lead at 17:00", danish, "2025-06-03T15:00:00Z", "1h", "2025-06-04T07:00:00Z"),
        ("a lead on Saturday", danish, "2025-05-10T09:00:00Z", "2h", "2025-05-12T08:00:00Z"),
        ("zero is the start, even on Saturday", danish, "2025-05-10T09:00:00Z", "0m", "2025-05-10T09:00:00Z"),
        ("a business week", danish, "2025-09-15T08:00:00Z", "1w", "2025-09-22T08:00:00Z"),
        ("two business days", danish, "2025-09-15T08:00:00Z", "2d", "2025-09-17T08:00:00Z"),
        ("Great Prayer Day 2023 skipped", danish, "2023-05-04T14:00:00Z", "2h", "2023-05-08T07:00:00Z"),
        ("Fri 26 Apr 2024 not skipped", danish, "2024-04-25T14:00:00Z", "2h", "2024-04-26T07:00:00Z"),
        ("Mon-Thu: Thu 16:00 + 2h", monToThu, "2025-09-11T14:00:00Z", "2h", "2025-09-15T07:00:00Z"),
        ("Mon-Thu: a week", monToThu, "2025-09-15T08:00:00Z", "1w", "2025-09-22T08:00:00Z"),
        ("closing 16:30", halfPast, "2025-09-15T14:00:00Z", "1h", "2025-09-16T06:30:00Z"),
        ("closing 16:30, one day", halfPast, "2025-09-15T14:00:00Z", "1d", "2025-09-16T14:00:00Z"),
        ("24 Dec 2026 off", christmasEve, "2026-12-23T15:00:00Z", "2h", "2026-12-28T08:00:00Z"),
        ("24 Dec 2026 without the date", danish, "2026-12-23T15:00:00Z", "2h", "2026-12-24T08:00:00Z"),
        ("New York spring", newYork, "2025-03-07T21:00:00Z", "2h", "2025-03-10T14:00:00Z"),
        ("New York autumn", newYork, "2025-10-31T20:00:00Z", "2h", "2025-11-03T15:00:00Z"),
        ("calendar time", nil, "2025-03-28T15:30:00Z", "4h", "2025-03-28T19:30:00Z"),
        ("calendar days", nil, "2025-03-28T15:30:00Z", "2d", "2025-03-30T15:30:00Z"),
        ("calendar week", nil, "2025-03-28T15:30:00Z", "1w", "2025-04-04T15:30:00Z"),
    ]

    @Test(arguments: deadlines)
    func deadline(_ c: (name: String, hours: BusinessHours?, start: String, span: String, deadline: String)) {
        let clock = Self.clock(c.hours)
        let deadline = clock.deadline(from: instant(c.start), after: clock.seconds(TimeSpan(c.span)!))
        #expect(Civil.isoUTC(deadline) == c.deadline, "\(c.name)")
    }

    @Test func leadAtClosingTime() {
        let clock = Self.clock(Self.danish)
        let closing = instant("2025-06-03T15:00:00Z")
        #expect(clock.clock(at: closing) == clock.clock(at: closing - 1) + 1)
        #expect(clock.clock(at: closing) == clock.clock(at: instant("2025-06-04T06:00:00Z")))
        #expect(clock.clock(at: closing + 1) == clock.clock(at: closing))
    }

    static let units: [(name: String, hours: BusinessHours?, day: Int64, week: Int64)] = [
        ("Mon-Fri 08-17", danish, 9 * 3_600, 45 * 3_600),
        ("Mon-Thu 08-17", monToThu, 9 * 3_600, 36 * 3_600),
        ("Mon-Fri 08-16:30", halfPast, 30_600, 153_000),
        ("every day, all day", allDay, 86_400, 604_800),
        ("calendar", nil, 86_400, 604_800),
    ]

    @Test(arguments: units)
    func unitsInSeconds(_ c: (name: String, hours: BusinessHours?, day: Int64, week: Int64)) {
        let clock = Self.clock(c.hours)
        #expect(clock.dayLength == c.day)
        #expect(clock.weekLength == c.week)
        #expect(clock.seconds(TimeSpan(30, .minutes)) == 1_800)
        #expect(clock.seconds(TimeSpan(4, .hours)) == 14_400)
        #expect(clock.seconds(TimeSpan(2, .days)) == 2 * c.day)
        #expect(clock.seconds(TimeSpan(3, .weeks)) == 3 * c.week)
        #expect(clock.seconds(TimeSpan(Int.max, .weeks)) == Int64.max)
    }

    @Test func unknownZone() {
        #expect(
            BusinessClock(hours: Self.hours(BusinessHours.weekdays, "08:00", "17:00", "Europe/Atlantis"), covering: Self.covering)
                == nil)
    }

    /// A table that covers one month answers for other years as one that covers them.
    @Test func outsideTheTable() {
        let small = BusinessClock(
            hours: Self.danish, covering: instant("2025-01-01T00:00:00Z")...instant("2025-01-31T00:00:00Z"))!
        let wide = BusinessClock(hours: Self.danish, covering: instant("2019-01-01T00:00:00Z")...instant("2031-01-01T00:00:00Z"))!
        let instants = [
            "2019-06-03T07:00:00Z", "2023-12-31T12:00:00Z", "2024-12-20T16:00:00Z", "2025-01-15T10:00:00Z",
            "2026-04-02T10:00:00Z", "2030-12-24T12:00:00Z",
        ].map(instant)
        for a in instants {
            for b in instants {
                #expect(
                    small.duration(from: a, to: b) == wide.duration(from: a, to: b), "\(Civil.isoUTC(a)) to \(Civil.isoUTC(b))")
            }
            for span in ["1m", "4h", "3d", "2w", "60w"] {
                let d = small.seconds(TimeSpan(span)!)
                #expect(small.deadline(from: a, after: d) == wide.deadline(from: a, after: d), "\(Civil.isoUTC(a)) + \(span)")
            }
        }
        #expect(small.duration(from: instant("2025-01-06T07:00:00Z"), to: instant("2025-01-06T16:00:00Z")) == 9 * 3_600)
        #expect(Civil.isoUTC(small.deadline(from: instant("2019-06-03T07:00:00Z"), after: 3_600)) == "2019-06-03T08:00:00Z")
        // Tue 24 Dec 2030 16:30 + 1h: Christmas Day and Boxing Day are off.
        #expect(Civil.isoUTC(small.deadline(from: instant("2030-12-24T15:30:00Z"), after: 3_600)) == "2030-12-27T07:30:00Z")
    }

    @Test func extremesDoNotCrash() {
        for hours in [Self.danish, nil] {
            let clock = Self.clock(hours)
            #expect(clock.duration(from: Int64.min, to: Int64.max) >= 0)
            #expect(clock.clock(at: Int64.min) <= clock.clock(at: Int64.max))
            #expect(clock.deadline(from: instant("2025-01-01T00:00:00Z"), after: Int64.max) == Int64.max)
            #expect(clock.deadline(from: Int64.max, after: 1) == Int64.max)
        }
        let never = Self.clock(Self.hours([], "08:00", "17:00"))
        #expect(never.duration(from: Self.covering.lowerBound, to: Self.covering.upperBound) == 0)
        #expect(never.deadline(from: Self.covering.lowerBound, after: 60) == Int64.max)
    }

    /// Business time adds up, and a deadline is the first instant with enough of it: random instants
    /// in 2023 to 2027 from a fixed seed.
    @Test(arguments: ["danish", "newYork", "halfPast", "night", "calendar"])
    func businessTimeAddsUp(_ name: String) {
        let hours = ["danish": Self.danish, "newYork": Self.newYork, "halfPast": Self.halfPast, "night": Self.night][name]
        let clock = Self.clock(hours)
        let instants = Gen.int64(in: instant("2023-01-01T00:00:00Z")...instant("2027-12-31T00:00:00Z"))
        let durations = Gen.int64(in: 0...(600 * 3_600))
        var random = Xoshiro(seed: (20_250_330, 1, 2, 3))
        for _ in 0..<3_000 {
            let sorted = [instants.run(using: &random), instants.run(using: &random), instants.run(using: &random)].sorted()
            let (a, b, c) = (sorted[0], sorted[1], sorted[2])
            #expect(clock.duration(from: a, to: b) + clock.duration(from: b, to: c) == clock.duration(from: a, to: c))
            #expect(clock.deadline(from: a, after: clock.duration(from: a, to: c)) <= c)
            let d = durations.run(using: &random)
            let deadline = clock.deadline(from: a, after: d)
            #expect(deadline >= a)
            #expect(clock.duration(from: a, to: deadline) == d, "\(Civil.isoUTC(a)) + \(d)")
            if d > 0 { #expect(clock.duration(from: a, to: deadline - 1) < d, "\(Civil.isoUTC(a)) + \(d)") }
        }
    }
}
