import Testing

@testable import PipelineData

@Suite struct CivilTests {
    @Test func dayNumbersRoundTrip() {
        #expect(Civil.day(year: 1970, month: 1, day: 1) == 0)
        #expect(Civil.day(year: 2000, month: 3, day: 1) == 11_017)
        #expect(Civil.day(year: 1969, month: 12, day: 31) == -1)
        for day in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let (y, m, d) = Civil.date(ofDay: day)
            #expect(Civil.day(year: y, month: m, day: d) == day)
        }
    }

    @Test func weekdays() {
        #expect(Civil.weekday(ofDay: 0) == 4)  // Thursday 1 January 1970
        #expect(Civil.weekday(ofDay: Civil.day(year: 2026, month: 3, day: 30)) == 1)  // a Monday
        #expect(Civil.weekday(ofDay: -1) == 3)
    }

    @Test func isoUTC() {
        #expect(Civil.isoUTC(0) == "1970-01-01T00:00:00Z")
        #expect(Civil.isoUTC(1_774_969_200) == "2026-03-31T15:00:00Z")
        #expect(Civil.isoUTC(-1) == "1969-12-31T23:59:59Z")
    }
}
