internal import Content
internal import Core
internal import Formats

/// The words and sentences of the block components in English and Danish.
///
/// Sentences are built here rather than in theme strings because they follow each language's
/// grammar: plurals, word order, lists joined with "and"/"og". The labels and captions can be
/// reworded by a theme: each has a key (`Keys`), looked up in `overrides` (the theme's UI strings)
/// before the built-in words; captions take `{placeholders}`.
struct BlockWords {
    let language: Language
    let overrides: [String: String]

    init(_ language: Language, overrides: [String: String] = [:]) {
        self.language = language
        self.overrides = overrides
    }

    /// The keys a theme can set, each with its built-in English and Danish words.
    static let keys: [(key: String, en: String, da: String)] = [
        ("blockOwner", "Owner", "Ejer"),
        ("blockOwners", "Owners", "Ejere"),
        ("blockEntry", "Entry", "Indgang"),
        ("blockExit", "Exit", "Udgang"),
        ("blockPipeline", "One pipeline", "Én pipeline"),
        (
            "blockPipelineStages", "One pipeline: {count} stages from {first} to {last}",
            "Én pipeline: {count} faser fra {first} til {last}"
        ),
        ("blockGoal", "Shared goal", "Fælles mål"),
        ("blockSQLs", "sales-qualified leads (SQLs) from marketing", "salgskvalificerede leads (SQL'er) fra marketing"),
        ("blockClosed", "closed deals at minimum", "lukkede ordrer som minimum"),
        ("blockRevenueTarget", "revenue target", "omsætningsmål"),
        ("blockRevenue", "new revenue", "ny omsætning"),
        ("blockShortfall", "The numbers do not add up.", "Tallene hænger ikke sammen."),
        ("blockSLA", "Service-level agreement: follow-up rules by stage", "Service-level-aftale: regler for opfølgning pr. fase"),
        ("blockStage", "Stage", "Fase"),
        ("blockStartsWhen", "Starts when", "Starter, når"),
        ("blockFirstContact", "First contact within", "Første kontakt inden for"),
        ("blockBusinessHours", "Business hours", "Arbejdstid"),
        ("blockCalendarTime", "Calendar time, every day", "Kalendertid, alle dage"),
        ("blockAttempts", "Attempts", "Forsøg"),
        ("blockEscalation", "Escalation", "Eskalering"),
        ("blockNoContact", "No contact after the last attempt", "Ingen kontakt efter sidste forsøg"),
        ("blockRequired", "Required", "Krav"),
        ("blockQualificationRule", "Qualification rule", "Kvalificeringsregel"),
        ("blockSQLDefinition", "Definition of a sales-qualified lead (SQL)", "Definition af et salgskvalificeret lead (SQL)"),
    ]

    private static let builtIn: [String: (en: String, da: String)] = Dictionary(
        uniqueKeysWithValues: keys.map { ($0.key, (en: $0.en, da: $0.da)) })

    /// The words of `key`: the theme's, else the built-in ones; `{name}` placeholders filled in.
    func word(_ key: String, _ values: [String: String] = [:]) -> String {
        let text = overrides[key] ?? Self.builtIn[key].map { language.pick($0.en, $0.da) } ?? key
        return values.isEmpty ? text : Self.fill(text, values)
    }

    /// `{name}` replaced by its value; a `{` without a known name after it is kept.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                out += value
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    // MARK: - Numbers

    func integer(_ value: Int) -> String { BlockFormat.integer(value, language) }

    func money(_ amount: Double, _ currency: String?) -> String {
        BlockFormat.money(amount, currency: currency, language, space: BlockFormat.noBreakSpace)
    }

    /// `a, b and c` / `a, b og c`
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + language.pick(" and ", " og ") + items.last!
    }

    func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    // MARK: - Shared labels

    var owner: String { word("blockOwner") }
    var owners: String { word("blockOwners") }

    // MARK: - Pipeline

    var entry: String { word("blockEntry") }
    var exit: String { word("blockExit") }

    func pipelineCaption(_ pipeline: Pipeline) -> String {
        guard let first = pipeline.stages.first, let last = pipeline.stages.last, pipeline.stages.count > 1 else {
            return word("blockPipeline")
        }
        return word(
            "blockPipelineStages", ["count": integer(pipeline.stages.count), "first": first.name, "last": last.name])
    }

    // MARK: - Goal

    func goalCaption(team: String?, period: GoalPeriod?) -> String {
        var caption = word("blockGoal")
        if let team { caption += language.pick(" for ", " for ") + team }
        guard let period else { return caption }
        return caption + ", " + periodName(period)
    }

    /// `Q1 2026` / `1. kvartal 2026` for a quarter, else its dates.
    func periodName(_ period: GoalPeriod) -> String {
        guard let quarter = period.quarter else { return dateRange(period) }
        return language.pick("Q\(quarter.number) \(quarter.year)", "\(quarter.number). kvartal \(quarter.year)")
    }

    /// `1 January – 31 March 2026`; the first year is left out when both dates share it.
    func dateRange(_ period: GoalPeriod) -> String {
        var start = period.start.formatted(language)
        let suffix = " \(period.start.year)"
        if period.start.year == period.end.year, start.hasSuffix(suffix) { start.removeLast(suffix.count) }
        return start + " – " + period.end.formatted(language)
    }

    var sqlsLabel: String { word("blockSQLs") }
    var closedLabel: String { word("blockClosed") }
    var revenueTargetLabel: String { word("blockRevenueTarget") }
    var revenueLabel: String { word("blockRevenue") }

    func closeRateNote(_ percent: String) -> String {
        language.pick("a close rate of \(percent)", "en lukkerate på \(percent)")
    }

    func dealsTimes(_ deals: Int, _ average: String) -> String {
        language.pick(
            "\(integer(deals)) \(deals == 1 ? "deal" : "deals") × \(average)",
            "\(integer(deals)) \(deals == 1 ? "ordre" : "ordrer") × \(average)")
    }

    func averageDealNote(_ average: String) -> String {
        language.pick("an average deal of \(average)", "en gennemsnitlig ordre på \(average)")
    }

    var shortfallTitle: String { word("blockShortfall") }

    func shortfall(_ shortfall: Goal.Shortfall, currency: String?) -> String {
        let deals = dealsTimes(shortfall.deals, money(shortfall.averageDealSize, currency))
        let revenue = money(shortfall.revenue, currency)
        let target = money(shortfall.target, currency)
        let needed = integer(shortfall.dealsNeeded)
        return language.pick(
            "\(deals) = \(revenue), below the \(target) target. At this deal size the target takes \(needed) deals.",
            "\(deals) = \(revenue), under målet på \(target). Med den ordrestørrelse kræver målet \(needed) ordrer.")
    }

    // MARK: - SLA

    var slaCaption: String { word("blockSLA") }
    var stage: String { word("blockStage") }
    var trigger: String { word("blockStartsWhen") }
    var firstResponse: String { word("blockFirstContact") }
    var businessHoursLabel: String { word("blockBusinessHours") }
    var calendarTime: String { word("blockCalendarTime") }
    var attemptsLabel: String { word("blockAttempts") }
    var escalationLabel: String { word("blockEscalation") }
    var noContactLabel: String { word("blockNoContact") }

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
            days = language.pick("every day", "alle ugens dage")
        } else {
            days = list(
                hours.dayRuns.map { run in
                    run.count == 1
                        ? dayName(run.lowerBound)
                        : dayName(run.lowerBound) + language.pick(" to ", " til ") + dayName(run.upperBound)
                })
        }
        let zone = zoneInBrackets ? "(\(hours.timeZone))" : hours.timeZone
        // Word joiners keep `08:00–17:00` on one line.
        return "\(days), \(clock(hours.from))\u{2060}–\u{2060}\(clock(hours.to)) \(zone)" + holidays(hours.holidays)
    }

    /// `, not on Danish public holidays and 24 December 2026` / `, ikke på helligdage og 24. december 2026`
    func holidays(_ holidays: [Holiday]) -> String {
        guard !holidays.isEmpty else { return "" }
        var parts: [String] = []
        if holidays.contains(.denmark) { parts.append(language.pick("Danish public holidays", "helligdage")) }
        for case .date(let date) in holidays { parts.append(date.formatted(language)) }
        return language.pick(", not on ", ", ikke på ") + list(parts)
    }

    func attemptsCell(_ attempts: ServiceLevelAgreement.Attempts) -> String {
        language.pick(
            "\(integer(attempts.count)) over \(duration(attempts.within, business: false))",
            "\(integer(attempts.count)) over \(duration(attempts.within, business: false))")
    }

    func escalationCell(_ escalation: ServiceLevelAgreement.Escalation, business: Bool) -> String {
        let after = duration(escalation.after, business: business)
        return language.pick(
            "After \(after), notify \(Self.englishRole(escalation.notify)).", "Efter \(after): besked til \(escalation.notify).")
    }

    func noContactCell(_ action: ServiceLevelAgreement.NoContactAction) -> String {
        switch action {
        case .recycle: language.pick("Back to marketing for nurture", "Tilbage til marketing og leadpleje")
        case .disqualify: language.pick("Disqualified with a reason code", "Diskvalificeres med en årsagskode")
        case .reassign: language.pick("Given to another owner", "Gives til en anden ejer")
        }
    }

    /// "Sales contacts every SQL within 4 business hours (Monday to Friday, 08:00–17:00
    /// Europe/Copenhagen), with 6 attempts over 10 days; after 8 business hours without contact,
    /// the sales manager is notified."
    func slaSentence(_ rule: ServiceLevelAgreement.Rule, stage: String) -> String {
        let business = rule.businessHours != nil
        let owner = rule.owner ?? language.pick("Sales", "Salg")
        var sentence: String
        switch language {
        case .en: sentence = "\(owner) contacts every \(stage)"
        case .da: sentence = "\(owner) kontakter hvert lead i fasen \(stage)"
        }
        if let first = rule.firstResponse {
            sentence += language.pick(" within ", " inden for ") + duration(first, business: business)
        }
        if let hours = rule.businessHours {
            sentence += " (" + businessHours(hours, zoneInBrackets: false) + ")"
        }
        if let attempts = rule.attempts {
            let count = integer(attempts.count)
            let over = duration(attempts.within, business: false)
            sentence += language.pick(
                ", with \(count) \(attempts.count == 1 ? "attempt" : "attempts") over \(over)",
                ", med \(count) forsøg over \(over)")
        }
        if let escalation = rule.escalation {
            let after = duration(escalation.after, business: business)
            sentence += language.pick(
                "; after \(after) without contact, \(Self.englishRole(escalation.notify)) is notified",
                "; efter \(after) uden kontakt eskaleres leadet til \(escalation.notify)")
        }
        sentence += "."
        if let action = rule.onNoContact {
            let then: String
            switch action {
            case .recycle:
                then = language.pick(
                    "the lead goes back to marketing for nurture", "går leadet tilbage til marketing og leadpleje")
            case .disqualify:
                then = language.pick(
                    "the lead is disqualified with a reason code", "bliver leadet diskvalificeret med en årsagskode")
            case .reassign: then = language.pick("the lead is given to another owner", "får leadet en ny ejer")
            }
            sentence +=
                language.pick(" With no contact after the last attempt, ", " Uden kontakt efter sidste forsøg ") + then + "."
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

    var requiredBadge: String { word("blockRequired") }
    var qualificationRule: String { word("blockQualificationRule") }

    func points(_ n: Int) -> String {
        language.pick("\(integer(n)) \(n == 1 ? "point" : "points")", "\(integer(n)) point")
    }

    func sqlDefinitionCaption(_ framework: SQLDefinition.Framework) -> String {
        let caption = word("blockSQLDefinition")
        switch framework {
        case .custom: return caption
        case .bant: return caption + language.pick(", based on BANT", ", bygget på BANT")
        case .meddic: return caption + language.pick(", based on MEDDIC", ", bygget på MEDDIC")
        }
    }

    /// "A lead is an SQL when it meets all 3 required criteria and has at least 75 of 100 points."
    func rule(_ definition: SQLDefinition) -> String {
        let required = definition.required.count
        let total = integer(definition.totalPoints)
        var conditions: [String] = []
        if required == 1 {
            conditions.append(language.pick("meets the required criterion", "opfylder kravet"))
        } else if required == 2 {
            conditions.append(language.pick("meets both required criteria", "opfylder begge krav"))
        } else if required > 1 {
            conditions.append(
                language.pick("meets all \(integer(required)) required criteria", "opfylder alle \(integer(required)) krav"))
        }
        if let min = definition.minPoints, min > 0 {
            conditions.append(
                language.pick("has at least \(integer(min)) of \(total) points", "har mindst \(integer(min)) af \(total) point"))
        }
        return language.pick("a lead is an SQL when it ", "et lead er et SQL, når det ") + list(conditions) + "."
    }
}

extension String {
    /// `08:00` -> `08.00`, the Danish way of writing a time.
    fileprivate var replacingColon: String { String(map { $0 == ":" ? "." : $0 }) }
}
