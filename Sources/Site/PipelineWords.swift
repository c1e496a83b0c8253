internal import Content
internal import Core
internal import Formats
internal import PipelineData
internal import Render

/// The sentences and labels of the pipeline pages and of the blocks' measured lines, in English
/// and Danish. Numbers are rounded for people here; the pages carry the full values in `data-`
/// attributes (docs/pipeline.md, "The pipeline pages").
struct PipelineWords: Sendable {
    let language: Language

    init(_ language: Language) {
        self.language = language
    }

    // MARK: - Numbers

    func integer(_ value: Int) -> String { BlockFormat.integer(value, language) }

    /// A share as a whole percentage: `86%` / `86 %`.
    func percent(_ share: Double) -> String {
        let number = BlockFormat.decimal((share * 100).rounded(), language, maxDecimals: 0)
        return language == .da ? number + "\u{00A0}%" : number + "%"
    }

    /// A change of a share in percentage points: `+12 points` / `+12 procentpoint`.
    func points(_ change: Double) -> String {
        let rounded = (change * 100).rounded()
        let sign = rounded > 0 ? "+" : rounded < 0 ? ScoreFormat.minus : "±"
        let number = BlockFormat.integer(Int(rounded.magnitude), language)
        return sign + number + language.pick(" points", " procentpoint")
    }

    /// Whole units of money: `540,000 DKK` / `540.000 kr.`
    func money(_ amount: Double, _ currency: String?) -> String {
        BlockFormat.money(amount.rounded(), currency: currency, language, space: BlockFormat.noBreakSpace)
    }

    /// Days with one decimal: `12.5 days` / `12,5 dage`.
    func days(_ days: Double) -> String {
        let number = BlockFormat.decimal(days, language, maxDecimals: 1)
        return number + (number == "1" ? language.pick(" day", " dag") : language.pick(" days", " dage"))
    }

    /// A business or calendar duration: `1 h 30 min`, `45 min`, `30 s` / `1 t 30 min`.
    func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)\u{00A0}s" }
        let hours = total / 3600
        let minutes = total % 3600 / 60
        let h = language.pick("h", "t")
        if hours == 0 { return "\(minutes)\u{00A0}min" }
        return minutes == 0 ? "\(integer(hours))\u{00A0}\(h)" : "\(integer(hours))\u{00A0}\(h) \(minutes)\u{00A0}min"
    }

    /// The text with its first letter in upper case, to start a sentence.
    func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    // MARK: - Periods

    /// `Q1 2026` / `1. kvartal 2026` for `2026-Q1`, and `1 February – 30 April 2026` for
    /// `2026-02-01 to 2026-04-30`: the period as the goal block's caption names it.
    func period(_ label: String) -> String {
        if let quarter = Quarter(label) { return BlockHTML.periodName(GoalPeriod(quarter), language: language) }
        let parts = label.split(separator: " ")
        if parts.count == 3, let start = SimpleDate(parts[0]), let end = SimpleDate(parts[2]) {
            return BlockHTML.periodName(GoalPeriod(start: start, end: end), language: language)
        }
        return label
    }

    /// `January 2026` / `januar 2026` for `2026-01`; `Jan` / `jan.` with `short`.
    func month(_ label: String, short: Bool = false) -> String {
        let parts = label.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else {
            return label
        }
        let name = SimpleDate.monthName(month, language)
        if short { return language == .da ? String(name.prefix(3)) + "." : String(name.prefix(3)) }
        return "\(name) \(year)"
    }

    /// `31 March 2026, 17:00` / `31. marts 2026 kl. 17.00`.
    func asOf(_ report: PipelineReport) -> String {
        let date = SimpleDate(report.asOfDate)?.formatted(language) ?? report.asOfDate
        return language == .da
            ? "\(date) kl. \(String(report.asOfTime.map { $0 == ":" ? "." : $0 }))" : "\(date), \(report.asOfTime)"
    }

    // MARK: - Pages

    var indexTitle: String { "Pipeline" }
    var indexDescription: String {
        language.pick(
            "The shared goal and the SLA held against the CRM: SQLs delivered, deals won, how fast sales follows up, and where leads are lost.",
            "Det fælles mål og SLA'en holdt op mod CRM'et: leverede SQL'er, vundne aftaler, hvor hurtigt salg følger op, og hvor leads går tabt."
        )
    }

    func periodTitle(_ label: String, team: String?) -> String {
        "Pipeline, " + period(label) + (team.map { ", " + $0 } ?? "")
    }

    func periodDescription(_ label: String, team: String?) -> String {
        let name = period(label) + (team.map { language.pick(" for \($0)", " for \($0)") } ?? "")
        return language.pick(
            "The monthly review's page for \(name): SQLs against the target, deals won, the SLA kept or missed, and the funnel.",
            "Månedsmødets side for \(name): SQL'er mod målet, vundne aftaler, SLA'en overholdt eller ej, og tragten.")
    }

    func measuredFrom(_ report: PipelineReport) -> String {
        language.pick(
            "Measured from the CRM exports as of \(asOf(report)) (times in \(report.timeZone)).",
            "Målt på CRM-eksporterne pr. \(asOf(report)) (tider i \(report.timeZone)).")
    }

    var privacy: String {
        language.pick(
            "Only totals reach this page: no lead's name, e-mail address or id. The CRM exports themselves are not published.",
            "Kun totaler når frem til denne side: ingen leads navn, e-mailadresse eller id. Selve CRM-eksporterne offentliggøres ikke."
        )
    }

    // MARK: - Goal

    var sqlsLabel: String { language.pick("SQLs delivered", "Leverede SQL'er") }
    var wonLabel: String { language.pick("Deals won", "Vundne aftaler") }
    var closeRateLabel: String { language.pick("Close rate", "Lukkerate") }
    var revenueLabel: String { language.pick("Revenue", "Omsætning") }

    func ofTarget(_ value: String, _ target: String) -> String {
        language.pick("\(value) of \(target)", "\(value) af \(target)")
    }

    func ofAtLeast(_ value: String, _ minimum: String) -> String {
        language.pick("\(value) of at least \(minimum)", "\(value) af mindst \(minimum)")
    }

    func shareOfTarget(_ share: Double) -> String {
        language.pick("\(percent(share)) of the target", "\(percent(share)) af målet")
    }

    /// The pace: how far ahead of or behind the straight line to the target the SQLs are.
    func pace(delivered: Int, expected: Double, ended: Bool) -> String {
        let expectedCount = Int(expected.rounded())
        if ended {
            return delivered >= expectedCount
                ? language.pick("target reached", "målet er nået")
                : language.pick("\(integer(expectedCount - delivered)) short", "\(integer(expectedCount - delivered)) for få")
        }
        let by = language.pick("expected by now: \(integer(expectedCount))", "forventet nu: \(integer(expectedCount))")
        if delivered >= expectedCount {
            return by + language.pick(", on pace", ", i takt med målet")
        }
        return by
            + language.pick(
                ", \(integer(expectedCount - delivered)) behind", ", \(integer(expectedCount - delivered)) bagud")
    }

    func closeRateTarget(_ rate: Double) -> String {
        language.pick("target \(percent(rate))", "mål \(percent(rate))")
    }

    func notConverted(_ amount: Double, _ currency: String) -> String {
        language.pick(
            "also \(money(amount, currency)) won in \(currency), not converted",
            "desuden \(money(amount, currency)) vundet i \(currency), ikke omregnet")
    }

    var notStarted: String { language.pick("The period has not begun yet.", "Perioden er ikke begyndt endnu.") }

    // MARK: - SLA

    func ruleTitle(_ stage: String) -> String {
        language.pick("Are we keeping the SLA for \(stage)?", "Overholder vi SLA'en for \(stage)?")
    }

    /// `4 business hours` / `4 arbejdstimer`, as the SLA block writes the rule.
    func span(_ span: TimeSpan, business: Bool) -> String {
        BlockHTML.duration(span, business: business, language: language)
    }

    /// `86% within 4 business hours (80 of 93 measured)`
    func compliance(_ counts: PipelineReport.SLACounts, span: String) -> String {
        let measured = counts.met + counts.late + counts.missed
        guard let compliance = counts.compliance else {
            return language.pick("no measured cases yet", "ingen målte tilfælde endnu")
        }
        return language.pick(
            "\(percent(compliance)) within \(span) (\(integer(counts.met)) of \(integer(measured)) measured)",
            "\(percent(compliance)) inden for \(span) (\(integer(counts.met)) af \(integer(measured)) målte)")
    }

    func median(_ seconds: Double) -> String { language.pick("median \(duration(seconds))", "median \(duration(seconds))") }
    func p90(_ seconds: Double) -> String {
        language.pick("90% within \(duration(seconds))", "90 % inden for \(duration(seconds))")
    }

    func shouldEscalate(_ count: Int) -> String {
        count == 1
            ? language.pick("1 lead should have been escalated", "1 lead burde være eskaleret")
            : language.pick("\(integer(count)) leads should have been escalated", "\(integer(count)) leads burde være eskaleret")
    }

    func noCases(_ stage: String) -> String {
        language.pick(
            "no lead entered \(stage) in the CRM exports, so this rule cannot be measured yet",
            "intet lead kom ind i \(stage) i CRM-eksporterne, så reglen kan ikke måles endnu")
    }

    var outcomes: [(key: String, label: String, help: String)] {
        [
            ("met", language.pick("Met", "Overholdt"), language.pick("answered in time", "besvaret i tide")),
            ("late", language.pick("Late", "For sent"), language.pick("answered after the deadline", "besvaret efter fristen")),
            (
                "missed", language.pick("Missed", "Misset"),
                language.pick("not answered, deadline passed", "ikke besvaret, fristen er overskredet")
            ),
            ("pending", language.pick("Pending", "Afventer"), language.pick("deadline still ahead", "fristen er ikke nået")),
            (
                "unmeasured", language.pick("Unmeasured", "Ikke målt"),
                language.pick("contacted before the stage began", "kontaktet før fasen begyndte")
            ),
        ]
    }

    var bandLabels: [String] {
        [
            language.pick("Within 1 h", "Inden for 1 t"), language.pick("1–4 h", "1–4 t"),
            language.pick("4–8 h", "4–8 t"), language.pick("Over 8 h", "Over 8 t"),
        ]
    }

    /// `In Q1 2026 the weakest step is MQL: 28% went on to a later stage.`
    func weakestStep(quarter: String, stage: String, next: String, conversion: Double) -> String {
        language.pick(
            "In \(quarter) the weakest step is \(stage): \(percent(conversion)) went on to \(next) or further.",
            "I \(quarter) er det svageste led \(stage): \(percent(conversion)) gik videre til \(next) eller længere.")
    }

    // MARK: - Measured lines

    var measuredLabel: String { language.pick("Measured", "Målt") }

    func measuredIn(_ label: String) -> String { language.pick("in \(period(label))", "i \(period(label))") }

    func seePage(_ label: String) -> String {
        language.pick("See the pipeline for \(period(label)).", "Se pipelinen for \(period(label)).")
    }

    var seeIndex: String { language.pick("See the pipeline.", "Se pipelinen.") }
}
