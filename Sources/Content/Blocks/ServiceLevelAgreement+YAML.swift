internal import Core
internal import Formats
internal import Foundation
internal import Yams

extension ServiceLevelAgreement {
    static let ruleKeys = [
        "stage", "trigger", "owner", "first_response", "business_hours", "attempts", "escalation", "on_no_contact",
    ]
    static let businessHoursKeys = ["days", "from", "to", "time_zone", "holidays"]
    static let attemptsKeys = ["count", "within"]
    static let escalationKeys = ["after", "notify", "action"]

    /// Reads an `sla` block: a list of rules.
    static func read(_ root: Node, _ reader: inout YAMLReader) -> ServiceLevelAgreement {
        guard case .sequence(let items) = root else {
            reader.error(root, "the sla block must be a list of rules, each starting with - stage: ...")
            return ServiceLevelAgreement(rules: [])
        }
        if items.isEmpty {
            reader.error(root, "the sla block has no rules; add one per stage, each starting with - stage: ...")
        }
        let rules = items.compactMap { readRule($0, &reader) }
        // One rule per stage: two would promise two different follow-ups for the same lead.
        var stages = FirstUses()
        for rule in rules {
            guard let stage = rule.stage, let location = rule.stageLocation else { continue }
            stages.isRepeated(stage, at: location, reportingIn: &reader.diagnostics) {
                "stage \"\(stage)\" already has a rule at line \($0.line); give each stage one rule, and merge these two into it"
            }
        }
        return ServiceLevelAgreement(rules: rules)
    }

    static func readRule(_ node: Node, _ reader: inout YAMLReader) -> Rule? {
        guard let fields = reader.entries(node, "an SLA rule", allowed: ruleKeys, example: "- stage: sql") else { return nil }
        var rule = Rule()
        _ = reader.lacks(
            "stage", fields, allowed: ruleKeys, "an SLA rule has no stage; add the pipeline stage it applies to, e.g. stage: sql")
        rule.stage = reader.identifier(fields["stage"], "stage")
        rule.stageLocation = fields["stage"].map { reader.location($0) }
        let what = rule.stage.map { "the SLA rule for \($0)" } ?? "an SLA rule"
        rule.trigger = reader.optionalText(fields["trigger"], "trigger")
        rule.owner = reader.requiredText(
            fields, "owner", allowed: ruleKeys, in: what, hint: "the team that makes contact, e.g. owner: Sales")
        _ = reader.lacks(
            "first_response", fields, allowed: ruleKeys,
            "\(what) has no first_response; add the time to the first contact, e.g. first_response: 4h")
        rule.firstResponse = reader.timeSpan(fields["first_response"], "first_response")
        rule.businessHours = readBusinessHours(fields["business_hours"], &reader)
        var withinNode: Node?
        var afterNode: Node?
        if let attempts = reader.entries(
            fields["attempts"], "attempts", allowed: attemptsKeys, example: "attempts: {count: 6, within: 10d}")
        {
            withinNode = attempts["within"]
            _ = reader.lacks(
                "count", attempts, allowed: attemptsKeys, "attempts has no count; add how many times to try, e.g. count: 6")
            _ = reader.lacks(
                "within", attempts, allowed: attemptsKeys,
                "attempts has no within; add the time the attempts are spread over, e.g. within: 10d")
            let count = reader.count(attempts["count"], "count", example: "6")
            let within = reader.timeSpan(attempts["within"], "within")
            if let count, let within { rule.attempts = Attempts(count: count, within: within) }
        }
        if let escalation = reader.entries(
            fields["escalation"], "escalation", allowed: escalationKeys, example: "escalation: {after: 8h, notify: Sales manager}"
        ) {
            afterNode = escalation["after"]
            _ = reader.lacks(
                "after", escalation, allowed: escalationKeys,
                "escalation has no after; add how long without contact before escalating, e.g. after: 8h")
            let after = reader.timeSpan(escalation["after"], "after")
            let notify = reader.requiredText(
                escalation, "notify", allowed: escalationKeys, in: "escalation", hint: "who is told, e.g. notify: Sales manager")
            let action = reader.optionalText(escalation["action"], "action")
            if let after, let notify { rule.escalation = Escalation(after: after, notify: notify, action: action) }
        }
        if let node = fields["on_no_contact"], node.scalar == nil {
            reader.error(node, "on_no_contact must be one action: recycle, disqualify or reassign")
        } else if let node = fields["on_no_contact"], let text = reader.string(node, "on_no_contact") {
            if let action = NoContactAction(rawValue: text.lowercased()) {
                rule.onNoContact = action
            } else {
                let names = NoContactAction.allCases.map(\.rawValue)
                let hint = Suggestion.didYouMean(text, in: names)
                reader.error(
                    node, "on_no_contact \"\(text)\" is not an action; expected one of: \(names.joined(separator: ", "))\(hint)")
            }
        }
        checkTimes(rule, after: afterNode, within: withinNode, &reader)
        return rule
    }

    /// Warnings for clocks that contradict each other.
    static func checkTimes(_ rule: Rule, after afterNode: Node?, within withinNode: Node?, _ reader: inout YAMLReader) {
        guard let first = rule.firstResponse else { return }
        let day = rule.businessHours?.dayMinutes ?? 24 * 60
        let week = rule.businessHours?.days.count ?? 7
        let firstMinutes = first.minutes(dayMinutes: day, weekDays: week)
        if let escalation = rule.escalation, escalation.after.minutes(dayMinutes: day, weekDays: week) <= firstMinutes,
            let node = afterNode
        {
            reader.warning(
                node,
                "escalation after \(escalation.after) comes no later than first_response \(first); escalate only once the first response is overdue, e.g. after: \(TimeSpan(min(first.value * 2, BlockLimits.maxDuration(first.unit)), first.unit))"
            )
        }
        if let attempts = rule.attempts, attempts.within.minutes() < first.minutes(), let node = withinNode {
            reader.warning(
                node,
                "attempts within \(attempts.within) ends before first_response \(first) is due; spread the attempts over a longer time"
            )
        }
    }

    static func readBusinessHours(_ node: Node?, _ reader: inout YAMLReader) -> BusinessHours? {
        guard
            let fields = reader.entries(
                node, "business_hours", allowed: businessHoursKeys,
                example: "business_hours: {days: Mon-Fri, from: \"08:00\", to: \"17:00\", time_zone: Europe/Copenhagen}")
        else { return nil }
        var days: [Weekday]? = BusinessHours.weekdays
        if let daysNode = fields["days"] { days = readDays(daysNode, &reader) }
        for key in ["from", "to", "time_zone"] {
            let example = key == "from" ? "from: \"08:00\"" : key == "to" ? "to: \"17:00\"" : "time_zone: Europe/Copenhagen"
            _ = reader.lacks(key, fields, allowed: businessHoursKeys, "business_hours has no \(key); add it, e.g. \(example)")
        }
        let from = readClock(fields["from"], "from", &reader)
        let to = readClock(fields["to"], "to", &reader)
        if let from, let to, from >= to, let node = fields["from"] {
            reader.error(
                node,
                from == to
                    ? "from \(from) and to \(to) are the same time; business hours must end after they start"
                    : "from \(from) is after to \(to); business hours start before they end on the same day, e.g. from: \"08:00\", to: \"17:00\""
            )
        }
        var zone: String?
        if let zoneNode = fields["time_zone"], let text = reader.string(zoneNode, "time_zone") {
            if TimeZones.isKnown(text) {
                zone = text
            } else {
                // Abbreviations such as CET are not close to any Region/City name worth suggesting.
                let hint = text.contains("/") ? Suggestion.didYouMean(text, in: TimeZones.identifiers) : ""
                reader.error(
                    zoneNode,
                    "time_zone \"\(text)\" is not an IANA time zone; write a Region/City name such as Europe/Copenhagen\(hint)")
            }
        }
        let holidays = readHolidays(fields["holidays"], &reader)
        guard let days, let from, let to, let zone, from < to, let holidays else { return nil }
        return BusinessHours(days: days, from: from, to: to, timeZone: zone, holidays: holidays)
    }

    /// `holidays: [DK, 2026-12-24, 2026-12-31]`: dates, and `DK` for Denmark's public holidays.
    static func readHolidays(_ node: Node?, _ reader: inout YAMLReader) -> [Holiday]? {
        guard let node else { return [] }
        let items: [Node]
        switch node {
        case .sequence(let list): items = Array(list)
        case .scalar: items = [node]
        default:
            reader.error(node, "holidays must be a list of dates and DK, e.g. holidays: [DK, 2026-12-24]")
            return nil
        }
        var holidays: [Holiday] = []
        var valid = true
        for item in items {
            let text = item.scalar?.string.trimmingBlanks ?? ""
            if text.uppercased() == "DK" {
                holidays.append(.denmark)
            } else if let date = SimpleDate(text) {
                holidays.append(.date(date))
            } else {
                let shown = item.scalar.map { "\"\($0.string)\"" } ?? YAMLReader.show(item)
                reader.error(
                    item,
                    "holiday \(shown) is neither a date nor DK; write a date as YYYY-MM-DD, e.g. 2026-12-24, or DK for Denmark's public holidays"
                )
                valid = false
            }
        }
        return valid ? holidays : nil
    }

    static func readClock(_ node: Node?, _ key: String, _ reader: inout YAMLReader) -> ClockTime? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let time = ClockTime(text.trimmingBlanks) else {
            reader.error(
                node,
                "\(key) \(node.scalar.map { "\"\($0.string)\"" } ?? YAMLReader.show(node)) is not a time of day; write it as HH:MM in quotes, e.g. \(key): \"\(key == "to" ? "17:00" : "08:00")\""
            )
            return nil
        }
        return time
    }

    /// `Mon-Fri`, `Mon-Thu, Sat`, or a list of days.
    static func readDays(_ node: Node, _ reader: inout YAMLReader) -> [Weekday]? {
        var parts: [Substring] = []
        switch node {
        case .scalar(let scalar):
            parts = scalar.string.split(separator: ",").map { $0.description.trimmingBlanks }
        case .sequence(let items):
            for item in items {
                guard let text = item.scalar?.string else {
                    reader.error(item, "each entry of days must be a day such as Mon")
                    return nil
                }
                parts.append(text.trimmingBlanks)
            }
        default:
            reader.error(node, "days must be days of the week, e.g. days: Mon-Fri")
            return nil
        }
        var days = Set<Weekday>()
        let written = node.scalar?.string ?? parts.joined(separator: ", ")
        for part in parts {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false).map { $0.description.trimmingBlanks }
            var range: [Weekday] = []
            for end in ends {
                guard let day = Weekday(name: end) else {
                    let hint = Suggestion.didYouMean(String(end), in: Weekday.codes)
                    reader.error(
                        node,
                        "days \"\(written)\": \"\(end)\" is not a day; write days as Mon, Tue, Wed, Thu, Fri, Sat, Sun, e.g. days: Mon-Fri\(hint)"
                    )
                    return nil
                }
                range.append(day)
            }
            guard range.count <= 2, let first = range.first, let last = range.last else {
                reader.error(node, "days \"\(written)\" is not a list of days; write it like Mon-Fri or Mon, Wed, Fri")
                return nil
            }
            guard first <= last else {
                reader.error(
                    node,
                    "days \"\(written)\": \(first.code)-\(last.code) runs backwards; write days in week order, Monday first, e.g. Mon-Fri"
                )
                return nil
            }
            for raw in first.rawValue...last.rawValue { days.insert(Weekday(rawValue: raw)!) }
        }
        if days.isEmpty {
            reader.error(node, "days is empty; write the business days, e.g. days: Mon-Fri")
            return nil
        }
        return days.sorted()
    }
}

/// The IANA time zones Foundation knows.
enum TimeZones {
    static let identifiers: [String] = TimeZone.knownTimeZoneIdentifiers.sorted()
    static let known = Set(identifiers)

    static func isKnown(_ identifier: String) -> Bool {
        (known.contains(identifier) || identifier == "UTC" || identifier.hasPrefix("Etc/"))
            && TimeZone(identifier: identifier) != nil
    }
}
