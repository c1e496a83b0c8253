public import Content
internal import Core
internal import Dispatch
internal import Formats

/// The numbers of docs/pipeline.md's rules 2–5, computed once from the exports for `tandem
/// pipeline` and the site: goal attainment, SLA outcomes, the funnel, and the data's quality.
/// Only aggregates: no lead's id, name or address is in it.
public struct PipelineReport: Sendable {
    public struct Month: Sendable, Equatable {
        /// `2026-01`
        public var month: String
        public var delivered: Int
    }

    /// The SQLs and won deals of a goal that one channel or campaign brought (rule 3).
    public struct Breakdown: Sendable, Equatable {
        /// The export's label (`Referrals`, `Webinar: One pipeline`); nil for the leads without one.
        public var label: String?
        public var delivered: Int
        public var won: Int
        /// Won amounts in the goal's currency; nil when no lead of the goal has an amount.
        public var revenue: Double?
    }

    /// Rule 3, for one `goal` block.
    public struct GoalResult: Sendable {
        /// `2026-Q1`, or `2026-02-01 to 2026-04-30`.
        public var period: String
        public var team: String?
        public var sqlTarget: Int?
        public var delivered: Int
        public var expectedToDate: Double?
        public var won: Int
        public var minClosed: Int?
        public var closeRate: Double?
        public var revenue: Double?
        public var revenueTarget: Double?
        public var currency: String?
        public var months: [Month]
        /// Won amounts in another currency than the goal's, not converted and not in `revenue`.
        public var otherCurrencies: [(currency: String, amount: Double)]
        /// By `source` and by `campaign`: most SQLs first, then by label; the leads without one last.
        public var bySource: [Breakdown] = []
        public var byCampaign: [Breakdown] = []
        /// The quarters (`2026-Q1`) the period touches, in order.
        public var quarters: [String] = []
        /// Whether the period has begun by `as_of`.
        public var started = true
    }

    /// Rule 4's counts for one group of cases.
    public struct SLACounts: Sendable, Equatable {
        public var cases = 0, met = 0, late = 0, missed = 0, pending = 0, unmeasured = 0
        public var compliance: Double?
        public var medianSeconds: Double?
        public var p90Seconds: Double?
        public var shouldEscalate: Int?
        /// The answered cases (met or late) by business time to the answer, in the bands of
        /// ``responseBands``: `bands[i]` counts those at most `responseBands[i]` seconds and more
        /// than the band before; the last counts those over the last edge.
        public var bands: [Int] = []
    }

    /// The upper edges of the response-time bands, in business seconds: within 1 h, 1–4 h,
    /// 4–8 h, and (the last band) over 8 h.
    public static let responseBands: [Int64] = [3_600, 14_400, 28_800]

    /// Rule 4, for one `sla` rule and one quarter.
    public struct SLAResult: Sendable {
        public var stage: String
        /// `2026-Q1`
        public var quarter: String
        public var counts: SLACounts
        public var firstResponse: TimeSpan
        public var businessHours: BusinessHours?
        /// Per owner, only with `show_owners: true`; owners in name order.
        public var owners: [(owner: String, counts: SLACounts)]?
        /// The quarter's months (`2026-01`) in order, each with the cases that started in it.
        public var months: [(month: String, counts: SLACounts)] = []
    }

    /// Rule 5, one stage of one quarter.
    public struct FunnelStage: Sendable, Equatable {
        public var stage: String
        public var entered: Int
        public var advanced: Int
        public var conversion: Double?
        public var medianDays: Double?
    }

    public struct FunnelQuarter: Sendable {
        public var quarter: String
        public var stages: [FunnelStage]
    }

    public var asOf: Int64
    /// `as_of`'s date in the time zone: `2026-03-31`.
    public var asOfDate: String
    /// `as_of`'s wall-clock time in the time zone: `17:00`.
    public var asOfTime: String
    public var timeZone: String
    public var goals: [GoalResult] = []
    public var sla: [SLAResult] = []
    public var funnel: [FunnelQuarter] = []
    public var quality: DataQuality

    /// Computes every rule over the data.
    ///
    /// - Parameters:
    ///   - goals: the site's `goal` blocks with a period.
    ///   - rules: the site's `sla` rules with a first response.
    public init(_ data: CRMData, goals: [Goal], rules: [ServiceLevelAgreement.Rule]) {
        asOf = data.asOf
        timeZone = data.zone.identifier
        let (year, month, day) = Civil.date(ofDay: data.zone.localDay(ofUTC: data.asOf))
        asOfDate = "\(Civil.pad(year, 4))-\(Civil.pad(month))-\(Civil.pad(day))"
        let seconds = (data.zone.local(fromUTC: data.asOf) % Civil.secondsPerDay + Civil.secondsPerDay) % Civil.secondsPerDay
        asOfTime = Civil.pad(Int(seconds / 3600)) + ":" + Civil.pad(Int(seconds % 3600 / 60))
        quality = data.quality
        let calendar = LocalCalendar(zone: data.zone)
        let records = data.records
        goals.compactMap { Self.goal($0, records, asOf: asOf, calendar: calendar) }.forEach { self.goals.append($0) }
        let touches = TouchIndex(records)
        for rule in rules {
            sla.append(
                contentsOf: Self.sla(
                    rule, records, touches: touches, asOf: asOf, calendar: calendar, owners: data.sources.showOwners))
        }
        funnel = Self.funnel(records, asOf: asOf, calendar: calendar)
    }

    private enum Part: Sendable {
        case goal(GoalResult?)
        case sla([SLAResult])
        case funnel([FunnelQuarter])
    }

    // MARK: - Rule 3: goal attainment

    static func goal(_ goal: Goal, _ records: Records, asOf: Int64, calendar: LocalCalendar) -> GoalResult? {
        guard let period = goal.period else { return nil }
        let start = calendar.midnight(period.start)
        let end = calendar.midnight(period.end, plusDays: 1)
        let sql = records.stages.firstIndex(of: "sql")
        let team = goal.team.map(Preset.normalized)
        let monthKeys = calendar.months(from: period.start, to: period.end)
        var months = [Int](repeating: 0, count: monthKeys.count)
        var delivered = 0
        var won = 0
        // Summed as Double: ten-thousandths of up to 10^14 each could overflow Int64 over many leads.
        var revenue = 0.0
        var anyAmount = false
        var other: [String: Double] = [:]
        var currency = goal.currency
        struct Tally {
            var delivered = 0, won = 0
            var revenue = 0.0
        }
        var sources: [Int32: Tally] = [:]
        var campaigns: [Int32: Tally] = [:]
        for lead in 0..<records.count where records.createdAt[lead] <= asOf {
            guard let sql else { break }
            var entry = records.entry(lead, sql)
            // The first stage's entry is the lead's creation when the export has none (rule 5).
            if sql == 0, entry == Records.none { entry = records.createdAt[lead] }
            guard entry != Records.none, entry <= asOf, entry >= start, entry < end else { continue }
            if let team, records.labelText(records.team[lead]).map(Preset.normalized) != team { continue }
            delivered += 1
            let source = records.source[lead]
            let campaign = records.campaign[lead]
            sources[source, default: Tally()].delivered += 1
            campaigns[campaign, default: Tally()].delivered += 1
            let key = calendar.monthKey(entry)
            if let slot = monthKeys.firstIndex(where: { $0.key == key }) { months[slot] += 1 }
            guard records.status[lead] == .won, records.closedAt[lead] <= asOf else { continue }
            won += 1
            sources[source]!.won += 1
            campaigns[campaign]!.won += 1
            let amount = records.amount[lead]
            guard amount != Records.none else { continue }
            let leadCurrency = records.labelText(records.currency[lead])
            // Without a currency in the goal, the first won amount's currency is the goal's.
            if currency == nil, let leadCurrency { currency = leadCurrency }
            if let leadCurrency, let currency, leadCurrency != currency {
                other[leadCurrency, default: 0] += Double(amount) / 10_000
            } else {
                revenue += Double(amount) / 10_000
                sources[source]!.revenue += Double(amount) / 10_000
                campaigns[campaign]!.revenue += Double(amount) / 10_000
                anyAmount = true
            }
        }
        let hasAmounts = anyAmount || records.amount.contains(where: { $0 != Records.none })
        func breakdown(_ tallies: [Int32: Tally]) -> [Breakdown] {
            tallies.map {
                Breakdown(
                    label: records.labelText($0.key), delivered: $0.value.delivered, won: $0.value.won,
                    revenue: hasAmounts ? $0.value.revenue : nil)
            }.sorted { a, b in
                if (a.label == nil) != (b.label == nil) { return b.label == nil }
                if a.delivered != b.delivered { return a.delivered > b.delivered }
                return (a.label ?? "") < (b.label ?? "")
            }
        }
        var expected: Double?
        if let target = goal.sqlTarget {
            let share = end > start ? Double(min(max(asOf - start, 0), end - start)) / Double(end - start) : 0
            expected = Double(target) * share
        }
        return GoalResult(
            period: period.description, team: goal.team, sqlTarget: goal.sqlTarget, delivered: delivered,
            expectedToDate: expected, won: won, minClosed: goal.closedDeals,
            closeRate: delivered > 0 ? Double(won) / Double(delivered) : nil,
            revenue: hasAmounts ? revenue : nil,
            revenueTarget: goal.revenueTarget, currency: currency,
            months: zip(monthKeys, months).map { Month(month: $0.label, delivered: $1) },
            otherCurrencies: other.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            bySource: breakdown(sources), byCampaign: breakdown(campaigns),
            quarters: monthKeys.reduce(into: [String]()) { quarters, month in
                let label = LocalCalendar.quarterLabel(month.key / 3)
                if quarters.last != label { quarters.append(label) }
            }, started: start <= asOf)
    }

    // MARK: - Rule 4: the SLA

    /// Each lead's touches, in time order: `touches[start[lead]..<start[lead + 1]]`.
    struct TouchIndex {
        var start: [Int]
        var at: [Int64]
        var automated: [Bool]

        init(_ records: Records) {
            start = [Int](repeating: 0, count: records.count + 1)
            for touch in records.touches { start[Int(touch.lead) + 1] += 1 }
            for i in 0..<records.count { start[i + 1] += start[i] }
            at = records.touches.map(\.at)
            automated = records.touches.map(\.automated)
        }
    }

    static func sla(
        _ rule: ServiceLevelAgreement.Rule, _ records: Records, touches: TouchIndex, asOf: Int64, calendar: LocalCalendar,
        owners: Bool
    ) -> [SLAResult] {
        guard let stageID = rule.stage, let stage = records.stages.firstIndex(of: stageID), let firstResponse = rule.firstResponse
        else { return [] }
        // The table of business days starts at the earliest instant a case can start.
        var low = records.createdAt.min() ?? asOf
        for lead in 0..<records.count {
            let t = records.entry(lead, stage)
            if t != Records.none, t < low { low = t }
        }
        guard let clock = BusinessClock(hours: rule.businessHours, covering: min(low, asOf)...max(asOf, records.latest, low))
        else { return [] }
        let due = clock.seconds(firstResponse)
        let escalation = rule.escalation.map { clock.seconds($0.after) }
        var groups: [Int: SLAAccumulator] = [:]
        var monthGroups: [Int: SLAAccumulator] = [:]
        var ownerGroups: [Int: [Int32: SLAAccumulator]] = [:]
        for lead in 0..<records.count where records.createdAt[lead] <= asOf {
            var start = records.entry(lead, stage)
            // The first stage's entry is the lead's creation when the export has none (rule 5).
            if stage == 0, start == Records.none { start = records.createdAt[lead] }
            guard start != Records.none, start <= asOf else { continue }
            var response = Records.none
            var hasTouchRows = false
            for t in touches.start[lead]..<touches.start[lead + 1] where touches.at[t] <= asOf {
                hasTouchRows = true
                if !touches.automated[t], touches.at[t] >= start {
                    response = touches.at[t]
                    break
                }
            }
            let first = records.firstTouch[lead]
            if first != Records.none, first >= start, first <= asOf, response == Records.none || first < response {
                response = first
            }
            let outcome: SLAAccumulator.Outcome
            var seconds: Int64 = 0
            if response != Records.none {
                seconds = clock.duration(from: start, to: response)
                outcome = response <= clock.deadline(from: start, after: due) ? .met : .late
            } else if !hasTouchRows, first != Records.none, first < start {
                outcome = .unmeasured
            } else {
                outcome = clock.deadline(from: start, after: due) <= asOf ? .missed : .pending
            }
            var escalate = false
            if let escalation, outcome != .unmeasured {
                let fires = clock.deadline(from: start, after: escalation)
                escalate = response != Records.none ? response > fires : fires <= asOf
            }
            let quarter = calendar.quarterKey(start)
            groups[quarter, default: SLAAccumulator()].add(outcome, seconds: seconds, escalate: escalate)
            monthGroups[calendar.monthKey(start), default: SLAAccumulator()].add(outcome, seconds: seconds, escalate: escalate)
            if owners {
                ownerGroups[quarter, default: [:]][records.owner[lead], default: SLAAccumulator()].add(
                    outcome, seconds: seconds, escalate: escalate)
            }
        }
        return groups.keys.sorted().map { quarter in
            var result = SLAResult(
                stage: stageID, quarter: LocalCalendar.quarterLabel(quarter),
                counts: groups[quarter]!.counts(escalation: escalation != nil), firstResponse: firstResponse,
                businessHours: rule.businessHours)
            result.months = monthGroups.keys.filter { $0 / 3 == quarter }.sorted().map {
                (LocalCalendar.monthLabel($0), monthGroups[$0]!.counts(escalation: escalation != nil))
            }
            if owners {
                result.owners = (ownerGroups[quarter] ?? [:]).map {
                    (records.labelText($0.key) ?? "(no owner)", $0.value.counts(escalation: escalation != nil))
                }.sorted { $0.0 < $1.0 }
            }
            return result
        }
    }

    struct SLAAccumulator {
        enum Outcome { case met, late, missed, pending, unmeasured }
        var counts = SLACounts()
        var times: [Int64] = []
        var escalate = 0

        mutating func add(_ outcome: Outcome, seconds: Int64, escalate: Bool) {
            counts.cases += 1
            switch outcome {
            case .met: counts.met += 1
            case .late: counts.late += 1
            case .missed: counts.missed += 1
            case .pending: counts.pending += 1
            case .unmeasured: counts.unmeasured += 1
            }
            if outcome == .met || outcome == .late {
                times.append(seconds)
                if counts.bands.isEmpty { counts.bands = [Int](repeating: 0, count: PipelineReport.responseBands.count + 1) }
                counts.bands[PipelineReport.responseBands.firstIndex { seconds <= $0 } ?? PipelineReport.responseBands.count] += 1
            }
            if escalate { self.escalate += 1 }
        }

        func counts(escalation: Bool) -> SLACounts {
            var result = counts
            let measured = counts.met + counts.late + counts.missed
            result.compliance = measured > 0 ? Double(counts.met) / Double(measured) : nil
            result.medianSeconds = Statistics.median(times)
            result.p90Seconds = Statistics.nearestRank(times, 0.9)
            result.shouldEscalate = escalation ? escalate : nil
            if result.bands.isEmpty { result.bands = [Int](repeating: 0, count: PipelineReport.responseBands.count + 1) }
            return result
        }
    }

    // MARK: - Rule 5: the funnel

    static func funnel(_ records: Records, asOf: Int64, calendar: LocalCalendar) -> [FunnelQuarter] {
        let count = records.stages.count
        guard count > 0 else { return [] }
        struct Cell {
            var entered = 0
            var advanced = 0
            var days: [Int64] = []
        }
        // Quarters in the order first met, each with a cell per stage: a search over a handful
        // of keys is cheaper than hashing one per entry.
        var keys: [Int] = []
        var cells: [Cell] = []
        var last = -1
        var entries = [Int64](repeating: Records.none, count: count)
        for lead in 0..<records.count where records.createdAt[lead] <= asOf {
            for stage in 0..<count {
                let t = records.entry(lead, stage)
                entries[stage] = t != Records.none && t <= asOf ? t : Records.none
            }
            if entries[0] == Records.none, records.entry(lead, 0) == Records.none { entries[0] = records.createdAt[lead] }
            let won = records.status[lead] == .won && records.closedAt[lead] <= asOf
            var laterFirst = Records.none
            // From the last stage back, so each stage knows the first entry into any later one.
            for stage in stride(from: count - 1, through: 0, by: -1) {
                let t = entries[stage]
                guard t != Records.none else { continue }
                let key = calendar.quarterKey(t)
                if last < 0 || keys[last] != key {
                    if let found = keys.firstIndex(of: key) {
                        last = found
                    } else {
                        last = keys.count
                        keys.append(key)
                        cells.append(contentsOf: repeatElement(Cell(), count: count))
                    }
                }
                let cell = last * count + stage
                cells[cell].entered += 1
                if laterFirst != Records.none || won {
                    cells[cell].advanced += 1
                    // A later stage entered before this one (dates out of order) has no duration.
                    if laterFirst != Records.none, laterFirst >= t { cells[cell].days.append(laterFirst - t) }
                }
                if laterFirst == Records.none || t < laterFirst { laterFirst = t }
            }
        }
        return keys.enumerated().sorted { $0.element < $1.element }.map { slot, key in
            FunnelQuarter(
                quarter: LocalCalendar.quarterLabel(key),
                stages: (0..<count).map { stage in
                    let cell = cells[slot * count + stage]
                    return FunnelStage(
                        stage: records.stages[stage], entered: cell.entered, advanced: cell.advanced,
                        conversion: cell.entered > 0 ? Double(cell.advanced) / Double(cell.entered) : nil,
                        medianDays: Statistics.median(cell.days).map { $0 / 86_400 })
                })
        }
    }
}

/// The median and percentiles of rules 4 and 5, by selection rather than a full sort.
enum Statistics {
    /// The middle value, or the mean of the two middle ones for an even count.
    static func median(_ values: [Int64]) -> Double? {
        guard !values.isEmpty else { return nil }
        var values = values
        let middle = values.count / 2
        let upper = select(&values, middle)
        if values.count % 2 == 1 { return Double(upper) }
        // After selecting, everything before `middle` is at most the upper middle value.
        let lower = values[..<middle].max()!
        return (Double(lower) + Double(upper)) / 2
    }

    /// The ⌈p·n⌉-th smallest value (nearest rank).
    static func nearestRank(_ values: [Int64], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        var values = values
        let rank = Int((p * Double(values.count)).rounded(.up))
        return Double(select(&values, min(max(rank, 1), values.count) - 1))
    }

    /// The value that would be at `k` if the values were sorted; they are reordered so that
    /// none before `k` is larger and none after it smaller (Hoare's selection).
    static func select(_ values: inout [Int64], _ k: Int) -> Int64 {
        var low = 0
        var high = values.count - 1
        while low < high {
            let pivot = values[low + (high - low) / 2]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return values[k]
            }
        }
        return values[k]
    }
}

/// Local dates, months and quarters in the sources' time zone (rule 2).
struct LocalCalendar {
    let zone: ZoneRules

    /// The instant of local midnight starting the date, `plusDays` later.
    func midnight(_ date: SimpleDate, plusDays: Int64 = 0) -> Int64 {
        let day = Civil.day(year: date.year, month: date.month, day: date.day) + plusDays
        return zone.utc(fromLocal: day * Civil.secondsPerDay).seconds
    }

    /// `year * 4 + quarter - 1` of the local date of an instant.
    func quarterKey(_ t: Int64) -> Int {
        let (year, month, _) = Civil.date(ofDay: zone.localDay(ofUTC: t))
        return year * 4 + (month - 1) / 3
    }

    func monthKey(_ t: Int64) -> Int {
        let (year, month, _) = Civil.date(ofDay: zone.localDay(ofUTC: t))
        return year * 12 + month - 1
    }

    /// The months a period touches, as keys and `2026-01` labels.
    func months(from start: SimpleDate, to end: SimpleDate) -> [(key: Int, label: String)] {
        var result: [(Int, String)] = []
        var key = start.year * 12 + start.month - 1
        let last = end.year * 12 + end.month - 1
        while key <= last && result.count < 1200 {
            result.append((key, "\(Civil.pad(key / 12, 4))-\(Civil.pad(key % 12 + 1))"))
            key += 1
        }
        return result
    }

    static func quarterLabel(_ key: Int) -> String { "\(key / 4)-Q\(key % 4 + 1)" }

    static func monthLabel(_ key: Int) -> String { "\(Civil.pad(key / 12, 4))-\(Civil.pad(key % 12 + 1))" }
}

/// Runs independent pieces of work on the machine's cores and collects their results in order.
enum Concurrently {
    static func map<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        let results = Results<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { results.slots[$0] = work($0) }
        return (0..<count).map { results.slots[$0]! }
    }

    /// Each slot is written by one task only, before `concurrentPerform` returns.
    private final class Results<T>: @unchecked Sendable {
        let slots: UnsafeMutablePointer<T?>
        let count: Int

        init(_ count: Int) {
            self.count = count
            slots = .allocate(capacity: max(count, 1))
            slots.initialize(repeating: nil, count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }
    }
}
