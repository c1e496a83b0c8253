internal import Model

/// The words and sentences of the block components in English and Danish.
///
/// Sentences are built here rather than in theme strings because they follow each language's
/// grammar: plurals, word order, lists joined with "and"/"og".
struct BlockWords {
    let language: Language

    init(_ language: Language) {
        self.language = language
    }

    private func pick(_ english: String, _ danish: String) -> String {
        language == .da ? danish : english
    }

    // MARK: - Numbers

    func integer(_ value: Int) -> String { BlockFormat.integer(value, language) }

    func money(_ amount: Double, _ currency: String?) -> String {
        BlockFormat.money(amount, currency: currency, language, space: BlockFormat.noBreakSpace)
    }

    /// `a, b and c` / `a, b og c`
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + pick(" and ", " og ") + items.last!
    }

    func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    // MARK: - Shared labels

    var owner: String { pick("Owner", "Ejer") }
    var owners: String { pick("Owners", "Ejere") }

    // MARK: - Pipeline

    var entry: String { pick("Entry", "Indgang") }
    var exit: String { pick("Exit", "Udgang") }

    func pipelineCaption(_ pipeline: Pipeline) -> String {
        guard let first = pipeline.stages.first, let last = pipeline.stages.last, pipeline.stages.count > 1 else {
            return pick("One pipeline", "Én pipeline")
        }
        return pick(
            "One pipeline: \(integer(pipeline.stages.count)) stages from \(first.name) to \(last.name)",
            "Én pipeline: \(integer(pipeline.stages.count)) faser fra \(first.name) til \(last.name)")
    }

    // MARK: - Goal

    func goalCaption(team: String?, period: GoalPeriod?) -> String {
        var caption = pick("Shared goal", "Fælles mål")
        if let team { caption += pick(" for ", " for ") + team }
        guard let period else { return caption }
        if let quarter = period.quarter {
            return caption + ", " + pick("Q\(quarter.number) \(quarter.year)", "\(quarter.number). kvartal \(quarter.year)")
        }
        return caption + ", " + dateRange(period)
    }

    /// `1 January – 31 March 2026`; the first year is left out when both dates share it.
    func dateRange(_ period: GoalPeriod) -> String {
        var start = period.start.formatted(language)
        let suffix = " \(period.start.year)"
        if period.start.year == period.end.year, start.hasSuffix(suffix) { start.removeLast(suffix.count) }
        return start + " – " + period.end.formatted(language)
    }

    var sqlsLabel: String { pick("sales-qualified leads (SQLs) from marketing", "salgskvalificerede leads (SQL'er) fra marketing") }
    var closedLabel: String { pick("closed deals at minimum", "lukkede ordrer som minimum") }
    var revenueTargetLabel: String { pick("revenue target", "omsætningsmål") }
    var revenueLabel: String { pick("new revenue", "ny omsætning") }

    func closeRateNote(_ percent: String) -> String {
        pick("a close rate of \(percent)", "en lukkerate på \(percent)")
    }

    func dealsTimes(_ deals: Int, _ average: String) -> String {
        pick("\(integer(deals)) \(deals == 1 ? "deal" : "deals") × \(average)", "\(integer(deals)) \(deals == 1 ? "ordre" : "ordrer") × \(average)")
    }

    func averageDealNote(_ average: String) -> String {
        pick("an average deal of \(average)", "en gennemsnitlig ordre på \(average)")
    }

    var shortfallTitle: String { pick("The numbers do not add up.", "Tallene hænger ikke sammen.") }

    func shortfall(_ shortfall: Goal.Shortfall, currency: String?) -> String {
        let deals = dealsTimes(shortfall.deals, money(shortfall.averageDealSize, currency))
        let revenue = money(shortfall.revenue, currency)
        let target = money(shortfall.target, currency)
        let needed = integer(shortfall.dealsNeeded)
        return pick(
            "\(deals) = \(revenue), below the \(target) target. At this deal size the target takes \(needed) deals.",
            "\(deals) = \(revenue), under målet på \(target). Med den ordrestørrelse kræver målet \(needed) ordrer.")
    }

    // MARK: - SLA

    var slaCaption: String { pick("Service-level agreement: follow-up rules by stage", "Service-level-aftale: regler for opfølgning pr. fase") }
    var stage: String { pick("Stage", "Fase") }
    var trigger: String { pick("Starts when", "Starter, når") }
    var firstResponse: String { pick("First contact within", "Første kontakt inden for") }
    var businessHoursLabel: String { pick("Business hours", "Arbejdstid") }
    var calendarTime: String { pick("Calendar time, every day", "Kalendertid, alle dage") }
    var attemptsLabel: String { pick("Attempts", "Forsøg") }
    var escalationLabel: String { pick("Escalation", "Eskalering") }
    var noContactLabel: String { pick("No contact after the last attempt", "Ingen kontakt efter sidste forsøg") }

    /// `4 business hours` / `4 arbejdstimer`; `1 day` / `1 dag`.
    func duration(_ span: TimeSpan, business: Bool) -> String {
        let n = span.value
        let number = integer(n)
        let one = n == 1
        switch (span.unit, language) {
        case (.minutes, .en): return "\(number) \(business ? "business " : "")\(one ? "minute" : "minutes")"
        case (.hours, .en): return "\(number) \(business ? "business " : "")\(one ? "hour" : "hours")"
        case (.days, .en): return "\(number) \(business ? "business " : "")\(one ? "day" : "days")"
        case (.weeks, .en): return "\(number) \(one ? "week" : "weeks")"
        case (.minutes, .da): return "\(number) \(one ? "minut" : "minutter")\(business ? " i arbejdstiden" : "")"
        case (.hours, .da): return "\(number) \(business ? "arbejds" : "")\(one ? "time" : "timer")"
        case (.days, .da): return "\(number) \(business ? "arbejds" : "")\(one ? "dag" : "dage")"
        case (.weeks, .da): return "\(number) \(one ? "uge" : "uger")"
        }
    }

    static let englishDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let danishDays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]

    func dayName(_ day: Int) -> String {
        language == .da ? Self.danishDays[day - 1] : Self.englishDays[day - 1]
    }

    func clock(_ time: ClockTime) -> String {
        language == .da ? time.description.replacingColon : time.description
    }

    /// `Monday to Friday, 08:00–17:00 (Europe/Copenhagen)` / `mandag til fredag, 08.00–17.00 (Europe/Copenhagen)`
    func businessHours(_ hours: BusinessHours, zoneInBrackets: Bool = true) -> String {
        let days: String
        if hours.days.count == 7 {
            days = pick("every day", "alle ugens dage")
        } else {
            days = list(hours.dayRuns.map { run in
                run.count == 1 ? dayName(run.lowerBound) : dayName(run.lowerBound) + pick(" to ", " til ") + dayName(run.upperBound)
            })
        }
        let zone = zoneInBrackets ? "(\(hours.timeZone))" : hours.timeZone
        // Word joiners keep `08:00–17:00` on one line.
        return "\(days), \(clock(hours.from))\u{2060}–\u{2060}\(clock(hours.to)) \(zone)"
    }

    func attemptsCell(_ attempts: ServiceLevelAgreement.Attempts) -> String {
        pick("\(integer(attempts.count)) over \(duration(attempts.within, business: false))",
             "\(integer(attempts.count)) over \(duration(attempts.within, business: false))")
    }

    func escalationCell(_ escalation: ServiceLevelAgreement.Escalation, business: Bool) -> String {
        let after = duration(escalation.after, business: business)
        return pick("After \(after), notify \(Self.englishRole(escalation.notify)).", "Efter \(after): besked til \(escalation.notify).")
    }

    func noContactCell(_ action: ServiceLevelAgreement.NoContactAction) -> String {
        switch action {
        case .recycle: pick("Back to marketing for nurture", "Tilbage til marketing og leadpleje")
        case .disqualify: pick("Disqualified with a reason code", "Diskvalificeres med en årsagskode")
        case .reassign: pick("Given to another owner", "Gives til en anden ejer")
        }
    }

    /// "Sales contacts every SQL within 4 business hours (Monday to Friday, 08:00–17:00
    /// Europe/Copenhagen), with 6 attempts over 10 days; after 8 business hours without contact,
    /// the sales manager is notified."
    func slaSentence(_ rule: ServiceLevelAgreement.Rule, stage: String) -> String {
        let business = rule.businessHours != nil
        let owner = rule.owner ?? pick("Sales", "Salg")
        var sentence: String
        switch language {
        case .en: sentence = "\(owner) contacts every \(stage)"
        case .da: sentence = "\(owner) kontakter hvert lead i fasen \(stage)"
        }
        if let first = rule.firstResponse {
            sentence += pick(" within ", " inden for ") + duration(first, business: business)
        }
        if let hours = rule.businessHours {
            sentence += " (" + businessHours(hours, zoneInBrackets: false) + ")"
        }
        if let attempts = rule.attempts {
            let count = integer(attempts.count)
            let over = duration(attempts.within, business: false)
            sentence += pick(
                ", with \(count) \(attempts.count == 1 ? "attempt" : "attempts") over \(over)",
                ", med \(count) forsøg over \(over)")
        }
        if let escalation = rule.escalation {
            let after = duration(escalation.after, business: business)
            sentence += pick(
                "; after \(after) without contact, \(Self.englishRole(escalation.notify)) is notified",
                "; efter \(after) uden kontakt eskaleres leadet til \(escalation.notify)")
        }
        sentence += "."
        if let action = rule.onNoContact {
            let then: String
            switch action {
            case .recycle: then = pick("the lead goes back to marketing for nurture", "går leadet tilbage til marketing og leadpleje")
            case .disqualify: then = pick("the lead is disqualified with a reason code", "bliver leadet diskvalificeret med en årsagskode")
            case .reassign: then = pick("the lead is given to another owner", "får leadet en ny ejer")
            }
            sentence += pick(" With no contact after the last attempt, ", " Uden kontakt efter sidste forsøg ") + then + "."
        }
        return sentence
    }

    /// "Sales manager" reads as a role: "the sales manager". A name ("Anna Berg") or a single word
    /// ("Marketing", "CRM") is kept as written.
    static func englishRole(_ text: String) -> String {
        let words = text.split(separator: " ")
        guard words.count >= 2, let first = words.first, let initial = first.first, initial.isUppercase,
            first.dropFirst().allSatisfy({ $0.isLowercase }),
            words.dropFirst().allSatisfy({ $0.allSatisfy { !$0.isUppercase } })
        else { return text }
        return "the " + initial.lowercased() + text.dropFirst()
    }

    // MARK: - SQL definition

    var requiredBadge: String { pick("Required", "Krav") }
    var qualificationRule: String { pick("Qualification rule", "Kvalificeringsregel") }

    func points(_ n: Int) -> String {
        pick("\(integer(n)) \(n == 1 ? "point" : "points")", "\(integer(n)) point")
    }

    func sqlDefinitionCaption(_ framework: SQLDefinition.Framework) -> String {
        let caption = pick("Definition of a sales-qualified lead (SQL)", "Definition af et salgskvalificeret lead (SQL)")
        switch framework {
        case .custom: return caption
        case .bant: return caption + pick(", based on BANT", ", bygget på BANT")
        case .meddic: return caption + pick(", based on MEDDIC", ", bygget på MEDDIC")
        }
    }

    /// "A lead is an SQL when it meets all 3 required criteria and has at least 75 of 100 points."
    func rule(_ definition: SQLDefinition) -> String {
        let required = definition.required.count
        let total = integer(definition.totalPoints)
        var conditions: [String] = []
        if required == 1 {
            conditions.append(pick("meets the required criterion", "opfylder kravet"))
        } else if required == 2 {
            conditions.append(pick("meets both required criteria", "opfylder begge krav"))
        } else if required > 1 {
            conditions.append(pick("meets all \(integer(required)) required criteria", "opfylder alle \(integer(required)) krav"))
        }
        if let min = definition.minPoints, min > 0 {
            conditions.append(pick("has at least \(integer(min)) of \(total) points", "har mindst \(integer(min)) af \(total) point"))
        }
        return pick("a lead is an SQL when it ", "et lead er et SQL, når det ") + list(conditions) + "."
    }
}

extension String {
    /// `08:00` -> `08.00`, the Danish way of writing a time.
    fileprivate var replacingColon: String { String(map { $0 == ":" ? "." : $0 }) }
}
