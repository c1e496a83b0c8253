import Foundation
import Testing

@testable import PipelineData

@Suite struct ZoneRulesTests {
    /// Offset changes by hand from the IANA rules: EU time switches at 01:00 UTC on the last Sunday
    /// of March and October; the US at 02:00 local on the second Sunday of March and the first of November.
    static let transitions: [(zone: String, at: String, before: Int64, after: Int64)] = [
        ("Europe/Copenhagen", "2024-03-31T01:00:00Z", 3_600, 7_200),
        ("Europe/Copenhagen", "2024-10-27T01:00:00Z", 7_200, 3_600),
        ("Europe/Copenhagen", "2025-03-30T01:00:00Z", 3_600, 7_200),
        ("Europe/Copenhagen", "2025-10-26T01:00:00Z", 7_200, 3_600),
        ("Europe/Copenhagen", "2026-03-29T01:00:00Z", 3_600, 7_200),
        ("Europe/Copenhagen", "2026-10-25T01:00:00Z", 7_200, 3_600),
        ("America/New_York", "2024-03-10T07:00:00Z", -18_000, -14_400),
        ("America/New_York", "2024-11-03T06:00:00Z", -14_400, -18_000),
        ("America/New_York", "2025-03-09T07:00:00Z", -18_000, -14_400),
        ("America/New_York", "2025-11-02T06:00:00Z", -14_400, -18_000),
        ("America/New_York", "2026-03-08T07:00:00Z", -18_000, -14_400),
        ("America/New_York", "2026-11-01T06:00:00Z", -14_400, -18_000),
        // Changes of standard time, not daylight saving: Moscow kept summer time in 2011 and went back in 2014.
        ("Europe/Moscow", "2011-03-26T23:00:00Z", 10_800, 14_400),
        ("Europe/Moscow", "2014-10-25T22:00:00Z", 14_400, 10_800),
    ]

    @Test(arguments: transitions)
    func offsetsChangeAtTheTransition(_ c: (zone: String, at: String, before: Int64, after: Int64)) throws {
        let rules = try #require(ZoneRules(identifier: c.zone))
        let at = instant(c.at)
        #expect(rules.offset(atUTC: at - 1) == c.before)
        #expect(rules.offset(atUTC: at) == c.after)
        #expect(rules.transitions.contains(at))
    }

    @Test(arguments: ["Europe/Copenhagen", "America/New_York"])
    func twoTransitionsAYear(_ zone: String) throws {
        let rules = try #require(ZoneRules(identifier: zone))
        let inRange = rules.transitions.filter { $0 >= instant("2024-01-01T00:00:00Z") && $0 < instant("2027-01-01T00:00:00Z") }
        #expect(inRange == Self.transitions.filter { $0.zone == zone }.map { instant($0.at) })
    }

    /// Wall-clock times (no `Z`) and the instants they stand for.
    static let locals: [(zone: String, local: String, utc: String, kind: ZoneRules.LocalKind)] = [
        ("Europe/Copenhagen", "2025-01-15T12:00:00", "2025-01-15T11:00:00Z", .unique),
        ("Europe/Copenhagen", "2025-07-01T12:00:00", "2025-07-01T10:00:00Z", .unique),
        ("Europe/Copenhagen", "2025-03-30T01:59:59", "2025-03-30T00:59:59Z", .unique),
        ("Europe/Copenhagen", "2025-03-30T02:00:00", "2025-03-30T01:00:00Z", .gap),
        // 02:30 does not exist: it moves forward by the gap, to 03:30 summer time.
        ("Europe/Copenhagen", "2025-03-30T02:30:00", "2025-03-30T01:30:00Z", .gap),
        ("Europe/Copenhagen", "2025-03-30T02:59:59", "2025-03-30T01:59:59Z", .gap),
        ("Europe/Copenhagen", "2025-03-30T03:00:00", "2025-03-30T01:00:00Z", .unique),
        ("Europe/Copenhagen", "2025-10-26T01:59:59", "2025-10-25T23:59:59Z", .unique),
        ("Europe/Copenhagen", "2025-10-26T02:00:00", "2025-10-26T00:00:00Z", .overlap),
        // 02:30 happens twice: the earlier, still summer time.
        ("Europe/Copenhagen", "2025-10-26T02:30:00", "2025-10-26T00:30:00Z", .overlap),
        ("Europe/Copenhagen", "2025-10-26T03:00:00", "2025-10-26T02:00:00Z", .unique),
        ("America/New_York", "2025-03-09T01:59:59", "2025-03-09T06:59:59Z", .unique),
        ("America/New_York", "2025-03-09T02:30:00", "2025-03-09T07:30:00Z", .gap),
        ("America/New_York", "2025-03-09T03:00:00", "2025-03-09T07:00:00Z", .unique),
        ("America/New_York", "2025-11-02T00:59:59", "2025-11-02T04:59:59Z", .unique),
        ("America/New_York", "2025-11-02T01:30:00", "2025-11-02T05:30:00Z", .overlap),
        ("America/New_York", "2025-11-02T02:00:00", "2025-11-02T07:00:00Z", .unique),
        ("UTC", "2025-03-30T02:30:00", "2025-03-30T02:30:00Z", .unique),
        ("UTC", "1969-12-31T23:59:59", "1969-12-31T23:59:59Z", .unique),
    ]

    @Test(arguments: locals)
    func wallClockToInstant(_ c: (zone: String, local: String, utc: String, kind: ZoneRules.LocalKind)) throws {
        let rules = try #require(ZoneRules(identifier: c.zone))
        let (seconds, kind) = rules.utc(fromLocal: instant(c.local))
        #expect(Civil.isoUTC(seconds) == c.utc)
        #expect(kind == c.kind)
    }

    static let localDays: [(zone: String, utc: String, local: String)] = [
        ("Europe/Copenhagen", "2025-03-29T23:30:00Z", "2025-03-30T00:30:00"),
        ("Europe/Copenhagen", "2025-10-25T22:30:00Z", "2025-10-26T00:30:00"),
        ("Europe/Copenhagen", "2025-10-26T01:30:00Z", "2025-10-26T02:30:00"),
        ("America/New_York", "2025-03-10T03:00:00Z", "2025-03-09T23:00:00"),
        ("America/New_York", "2025-11-02T05:30:00Z", "2025-11-02T01:30:00"),
        ("America/New_York", "2025-11-02T06:30:00Z", "2025-11-02T01:30:00"),
    ]

    @Test(arguments: localDays)
    func instantToWallClock(_ c: (zone: String, utc: String, local: String)) throws {
        let rules = try #require(ZoneRules(identifier: c.zone))
        #expect(rules.local(fromUTC: instant(c.utc)) == instant(c.local))
        #expect(rules.localDay(ofUTC: instant(c.utc)) == Civil.day(ofSeconds: instant(c.local)))
    }

    /// Changes Foundation's transitions do not name are found to the second, two in one month too;
    /// a named transition that changes nothing is left out.
    @Test func changesBetweenTransitionsAreFound() {
        let first = instant("2011-03-26T23:00:07Z")
        let second = instant("2011-03-27T00:08:13Z")
        let named = instant("2014-10-25T22:00:00Z")
        let last = instant("2150-06-15T12:34:56Z")
        let offsets: [Int64] = [10_800, 14_400, 18_000, 10_800, 7_200]
        let (transitions, table) = ZoneRules.table(hints: [instant("2000-01-01T12:00:00Z"), named]) { t in
            offsets[[first, second, named, last].filter { $0 <= t }.count]
        }
        #expect(transitions == [first, second, named, last])
        #expect(table == offsets)
    }

    @Test func utcHasNoTransitions() throws {
        let rules = try #require(ZoneRules(identifier: "UTC"))
        #expect(rules.identifier == "UTC")  // Foundation calls it GMT
        #expect(rules.transitions.isEmpty)
        for t in [Int64.min, -1, 0, 1_743_296_400, Int64.max] {
            #expect(rules.offset(atUTC: t) == 0)
            #expect(rules.local(fromUTC: t) == t)
        }
    }

    @Test(arguments: ["Mars/Olympus_Mons", "", "Europe/Copenhagn"])
    func unknownZone(_ identifier: String) {
        #expect(ZoneRules(identifier: identifier) == nil)
    }

    /// Every five hours from 1900 to 2100, the table agrees with Foundation, and a wall-clock time
    /// read off an instant leads back to it (or, in an overlap, to the earlier instant with that reading).
    @Test(arguments: ["Europe/Copenhagen", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Europe/Moscow"])
    func agreesWithFoundation(_ identifier: String) throws {
        let rules = try #require(ZoneRules(identifier: identifier))
        let zone = try #require(TimeZone(identifier: identifier))
        var wrong: [String] = []
        for t in stride(from: instant("1900-01-01T00:00:00Z"), to: instant("2100-01-01T00:00:00Z"), by: 5 * 3_600) {
            let offset = rules.offset(atUTC: t)
            if offset != Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t)))) {
                wrong.append("offset at \(Civil.isoUTC(t))")
            }
            let (back, kind) = rules.utc(fromLocal: t + offset)
            if kind == .overlap ? back > t || rules.local(fromUTC: back) != t + offset : back != t {
                wrong.append("\(kind) back from \(Civil.isoUTC(t)): \(Civil.isoUTC(back))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count): \(wrong.prefix(5))")
    }
}

/// `2025-03-30T01:00:00Z` as seconds since 1970; without the `Z`, the same count read as local seconds.
func instant(_ text: String) -> Int64 {
    let digits = text.split(whereSeparator: { "-T:Z".contains($0) }).map { Int($0)! }
    let day = Civil.day(year: digits[0], month: digits[1], day: digits[2])
    return day * Civil.secondsPerDay + Int64(digits[3] * 3_600 + digits[4] * 60 + (digits.count > 5 ? digits[5] : 0))
}
