internal import Foundation

/// A time zone's offsets from UTC between 1900 and 2200, read once from Foundation into a table
/// of transitions, so that turning instants into wall-clock times and back is a binary search.
///
/// Before 1900 the offset of 1900 holds, after 2200 the last offset of the table.
public struct ZoneRules: Sendable {
    /// The IANA identifier as given, such as `Europe/Copenhagen`.
    public let identifier: String
    /// The instants at which the offset changes, in order.
    let transitions: [Int64]
    /// `offsets[i]` is in force before `transitions[i]` and from `transitions[i - 1]`: one more
    /// offset than transitions.
    let offsets: [Int64]

    static let firstInstant: Int64 = Civil.day(year: 1900, month: 1, day: 1) * Civil.secondsPerDay
    static let lastInstant: Int64 = Civil.day(year: 2200, month: 1, day: 1) * Civil.secondsPerDay

    /// The rules of an IANA time zone, or nil if Foundation does not know it.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        (transitions, offsets) = Self.table(zone)
    }

    /// Foundation's daylight-saving transitions for the table.
    static func table(_ zone: TimeZone) -> (transitions: [Int64], offsets: [Int64]) {
        var hints: [Int64] = []
        var date = Date(timeIntervalSince1970: Double(firstInstant))
        while hints.count < 10_000, let next = zone.nextDaylightSavingTimeTransition(after: date),
            next.timeIntervalSince1970 < Double(lastInstant), next > date
        {
            hints.append(Int64(next.timeIntervalSince1970.rounded(.up)))
            date = next
        }
        return table(hints: hints) { Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double($0)))) }
    }

    /// The offset changes of `offset` from 1900 to 2200: it is read at the `hints` (the
    /// daylight-saving transitions) and at the start of every month, so that a change of standard
    /// time between transitions is found too; wherever a reading differs from the offset the table
    /// has in force, the exact second is found by bisection. (A change undone before the next reading
    /// is not seen.)
    static func table(hints: [Int64], offset: (Int64) -> Int64) -> (transitions: [Int64], offsets: [Int64]) {
        var samples = hints.filter { $0 > firstInstant && $0 < lastInstant }
        for year in 1900..<2200 {
            for month in 1...12 {
                samples.append(Civil.day(year: year, month: month, day: 1) * Civil.secondsPerDay)
            }
        }
        samples.sort()

        var transitions: [Int64] = []
        var offsets = [offset(firstInstant)]
        var known = firstInstant  // the offset in force is offsets.last from here on
        for sample in samples where sample > known {
            let target = offset(sample)
            while offsets.last! != target {
                let current = offsets.last!
                var change = sample
                if offset(sample - 1) != current {
                    // The offset changed before the sample: find the first second it differs.
                    var low = known
                    var high = sample
                    while high - low > 1 {
                        let middle = low + (high - low) / 2
                        if offset(middle) == current { low = middle } else { high = middle }
                    }
                    change = high
                }
                transitions.append(change)
                offsets.append(offset(change))
                known = change
            }
            known = sample
        }
        return (transitions, offsets)
    }

    /// Seconds east of UTC in force at an instant.
    public func offset(atUTC seconds: Int64) -> Int64 {
        offsets[Self.countNotAfter(seconds, in: transitions)]
    }

    /// The wall-clock time of an instant, in local seconds.
    public func local(fromUTC seconds: Int64) -> Int64 {
        seconds &+ offset(atUTC: seconds)
    }

    /// What a wall-clock time is: one instant, none (skipped by a spring-forward gap) or two (an
    /// autumn overlap, read twice).
    public enum LocalKind: Sendable { case unique, gap, overlap }

    /// A wall-clock time to an instant: in a spring-forward gap the time moves forward by the gap
    /// (i.e. use the offset in force before the transition), in an autumn overlap the earlier
    /// instant (also the offset before the transition).
    public func utc(fromLocal local: Int64) -> (seconds: Int64, kind: LocalKind) {
        // The first transition whose later wall-clock reading is still ahead of `local`: until then
        // the offset before it holds, in a gap and in an overlap too.
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if local < reach(middle) { high = middle } else { low = middle + 1 }
        }
        guard low < transitions.count else { return (local &- offsets[offsets.count - 1], .unique) }
        let before = offsets[low]
        let after = offsets[low + 1]
        let start = transitions[low]
        let kind: LocalKind
        if after > before, local >= start &+ before {
            kind = .gap
        } else if after < before, local >= start &+ after {
            kind = .overlap
        } else {
            kind = .unique
        }
        return (local &- before, kind)
    }

    /// The local day of an instant, as a day number.
    public func localDay(ofUTC seconds: Int64) -> Int64 {
        Civil.day(ofSeconds: local(fromUTC: seconds))
    }

    /// The last wall-clock reading at which transition `index` is still ahead.
    private func reach(_ index: Int) -> Int64 {
        transitions[index] &+ max(offsets[index], offsets[index + 1])
    }

    /// How many of the sorted `values` are at most `value`.
    static func countNotAfter(_ value: Int64, in values: [Int64]) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
