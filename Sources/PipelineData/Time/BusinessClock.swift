public import Content

/// Business time (docs/pipeline.md, rule 1): the seconds inside the business hours' daily windows,
/// or calendar time when a rule has no business hours.
///
/// A table of every local day's window, with the business seconds before it, makes the clock a
/// binary search; instants outside the table are counted day by day, and those before 1900 or
/// after 2200 (the time zone's table) count as those years' ends.
public struct BusinessClock: Sendable {
    /// The seconds in `d`: one window's length, or 24 hours of calendar time.
    public let dayLength: Int64
    /// The seconds in `w`: `d` times the business days of a week, or 7 × 24 hours.
    public let weekLength: Int64
    /// nil for calendar time.
    private let table: Table?

    /// A clock for `hours`, or calendar time for nil; its table covers the instants `covering`, a
    /// week before and a year after; nil when the time zone is unknown.
    public init?(hours: BusinessHours?, covering: ClosedRange<Int64>) {
        guard let hours else {
            dayLength = Civil.secondsPerDay
            weekLength = 7 * Civil.secondsPerDay
            table = nil
            return
        }
        guard let zone = ZoneRules(identifier: hours.timeZone) else { return nil }
        let days = Set(hours.days.map(\.rawValue))
        dayLength = max(0, Int64(hours.to.minutes - hours.from.minutes) * 60)
        weekLength = dayLength * Int64(days.count)
        table = Table(hours: hours, days: days, zone: zone, covering: covering)
    }

    /// A span in seconds: `m` and `h` as always, `d` and `w` as `dayLength` and `weekLength`;
    /// `Int64.max` if it is longer than that.
    public func seconds(_ span: TimeSpan) -> Int64 {
        let unit: Int64 =
            switch span.unit {
            case .minutes: 60
            case .hours: 3_600
            case .days: dayLength
            case .weeks: weekLength
            }
        let (product, overflow) = Int64(span.value).multipliedReportingOverflow(by: unit)
        return overflow ? (span.value < 0 ? Int64.min : Int64.max) : product
    }

    /// B(t): the business seconds from the table's first window to `t` (negative before it), or `t`
    /// itself in calendar time; never decreasing.
    public func clock(at t: Int64) -> Int64 {
        table?.clock(at: t) ?? t
    }

    /// The business time from `a` to `b`: B(b) − B(a), and 0 if `b` is before `a`.
    public func duration(from a: Int64, to b: Int64) -> Int64 {
        guard b > a else { return 0 }
        let (difference, overflow) = clock(at: b).subtractingReportingOverflow(clock(at: a))
        return overflow ? Int64.max : difference
    }

    /// The earliest instant `t` ≥ `start` with `duration` business seconds from `start` to `t`:
    /// `start` for 0, and a closing time itself (not the next opening) when the time runs out
    /// exactly there; `Int64.max` if that is never (no business days, or after 2200).
    public func deadline(from start: Int64, after duration: Int64) -> Int64 {
        guard duration > 0 else { return start }
        guard let table else {
            let (sum, overflow) = start.addingReportingOverflow(duration)
            return overflow ? Int64.max : sum
        }
        guard weekLength > 0 else { return Int64.max }
        return table.deadline(from: start, after: duration)
    }
}

extension BusinessClock {
    /// The windows of consecutive local days, each no earlier than the one before, so that the clock
    /// never runs backwards (a window that a transition turns inside out is empty).
    struct Table: Sendable {
        let zone: ZoneRules
        /// Business weekdays: `isDay[1]` Monday … `isDay[7]` Sunday.
        let isDay: [Bool]
        /// Local seconds after midnight.
        let from: Int64
        let to: Int64
        let holidays: Set<Int64>
        /// The local days the slow paths may reach (1900 to 2200).
        let days: ClosedRange<Int64>
        /// The instants the clock counts; outside they count as the nearest end.
        let instants: ClosedRange<Int64>
        /// The local day of `opens[0]`.
        let firstDay: Int64
        let opens: [Int64]
        let closes: [Int64]
        /// The business seconds before each window.
        let before: [Int64]
        /// The business seconds of all windows in the table.
        let total: Int64

        init(hours: BusinessHours, days weekdays: Set<Int>, zone: ZoneRules, covering: ClosedRange<Int64>) {
            self.zone = zone
            isDay = (0...7).map { weekdays.contains($0) }
            from = Int64(hours.from.minutes) * 60
            to = Int64(hours.to.minutes) * 60
            instants = ZoneRules.firstInstant...ZoneRules.lastInstant
            days = zone.localDay(ofUTC: instants.lowerBound)...zone.localDay(ofUTC: instants.upperBound)
            holidays = Holidays.days(hours.holidays, years: 1899...2200)
            let low = zone.localDay(ofUTC: covering.lowerBound.clamped(to: instants)) - 7
            let high = zone.localDay(ofUTC: covering.upperBound.clamped(to: instants)) + 370
            firstDay = max(low, days.lowerBound)
            let lastDay = max(firstDay, min(high, days.upperBound))

            var opens: [Int64] = []
            var closes: [Int64] = []
            var before: [Int64] = []
            opens.reserveCapacity(Int(lastDay - firstDay + 1))
            closes.reserveCapacity(opens.capacity)
            before.reserveCapacity(opens.capacity)
            var previous = Int64.min
            var total: Int64 = 0
            for day in firstDay...lastDay {
                let (open, close) = Self.window(day, zone: zone, isDay: isDay, from: from, to: to, holidays: holidays)
                let opening = max(open, previous)
                let closing = max(close, opening)
                opens.append(opening)
                closes.append(closing)
                before.append(total)
                total += closing - opening
                previous = closing
            }
            self.opens = opens
            self.closes = closes
            self.before = before
            self.total = total
        }

        /// A day's opening and closing instants, as the wall clock converts them (a gap forward, an
        /// overlap the earlier); both the would-be opening on a day off.
        static func window(
            _ day: Int64, zone: ZoneRules, isDay: [Bool], from: Int64, to: Int64, holidays: Set<Int64>
        ) -> (open: Int64, close: Int64) {
            let midnight = day * Civil.secondsPerDay
            let open = zone.utc(fromLocal: midnight + from).seconds
            guard isDay[Civil.weekday(ofDay: day)], !holidays.contains(day) else { return (open, open) }
            return (open, zone.utc(fromLocal: midnight + to).seconds)
        }

        func window(_ day: Int64) -> (open: Int64, close: Int64) {
            Self.window(day, zone: zone, isDay: isDay, from: from, to: to, holidays: holidays)
        }

        /// The windows after the table, in order, with the business seconds before each.
        func windowsAfter(_ body: (_ open: Int64, _ close: Int64, _ before: Int64) -> Bool) {
            var previous = closes[closes.count - 1]
            var sum = total
            var day = firstDay + Int64(opens.count)
            while day <= days.upperBound {
                let (open, close) = window(day)
                let opening = max(open, previous)
                let closing = max(close, opening)
                guard body(opening, closing, sum) else { return }
                sum += closing - opening
                previous = closing
                day += 1
            }
        }

        /// The windows before the table, latest first, with the business seconds before each
        /// (negative: the table starts at 0).
        func windowsBefore(_ body: (_ open: Int64, _ close: Int64, _ before: Int64) -> Bool) {
            var next = opens[0]
            var sum: Int64 = 0
            var day = firstDay - 1
            while day >= days.lowerBound {
                let (open, close) = window(day)
                let closing = min(close, next)
                let opening = min(open, closing)
                sum -= closing - opening
                guard body(opening, closing, sum) else { return }
                next = opening
                day -= 1
            }
        }

        func clock(at instant: Int64) -> Int64 {
            let t = instant.clamped(to: instants)
            if t < opens[0] {
                var result: Int64 = 0
                windowsBefore { open, close, before in
                    guard close > t else { return false }
                    result = before + max(t - open, 0)
                    return true
                }
                return result
            }
            if t >= closes[closes.count - 1] {
                var result = total
                windowsAfter { open, close, before in
                    guard open < t else { return false }
                    result = before + min(t, close) - open
                    return true
                }
                return result
            }
            let index = ZoneRules.countNotAfter(t, in: opens) - 1
            return before[index] + min(t - opens[index], closes[index] - opens[index])
        }

        func deadline(from start: Int64, after duration: Int64) -> Int64 {
            let (target, overflow) = clock(at: start).addingReportingOverflow(duration)
            if overflow { return Int64.max }
            if target <= 0 {
                var result = opens[0]
                windowsBefore { open, _, before in
                    guard target <= before else {
                        result = open + (target - before)
                        return false
                    }
                    return true
                }
                return result
            }
            if target <= total {
                // The first window whose end reaches the target.
                var low = 0
                var high = opens.count - 1
                while low < high {
                    let middle = (low + high) / 2
                    if before[middle] + closes[middle] - opens[middle] >= target { high = middle } else { low = middle + 1 }
                }
                return opens[low] + (target - before[low])
            }
            var result = Int64.max
            windowsAfter { open, close, before in
                guard before + close - open < target else {
                    result = open + (target - before)
                    return false
                }
                return true
            }
            return result
        }
    }
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self {
        min(max(self, range.lowerBound), range.upperBound)
    }
}
