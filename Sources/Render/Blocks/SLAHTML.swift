internal import Content

/// The SLA as one plain-language sentence per rule, then a table with a column per rule.
struct SLAHTML {
    let sla: ServiceLevelAgreement
    let context: BlockContext
    let words: BlockWords

    func stageName(_ rule: ServiceLevelAgreement.Rule) -> String {
        guard let id = rule.stage else { return "" }
        return context.stage(id)?.name ?? id
    }

    func write(_ html: inout HTMLWriter) {
        html.raw("<div class=\"tandem-block tandem-sla\">\n<ul class=\"tandem-sla__sentences\">\n")
        for rule in sla.rules {
            html.raw("<li>")
            html.text(words.slaSentence(rule, stage: stageName(rule)))
            html.raw("</li>\n")
        }
        html.raw("</ul>\n<div class=\"tandem-table-wrap\">\n<table class=\"tandem-sla__table\">\n")
        html.element("caption", words.slaCaption)
        html.raw("\n<thead>\n<tr>")
        html.open("th", attributes: [("scope", "col")])
        html.text(words.stage)
        html.close("th")
        // The header cell of the first column names the rows; each rule's column is headed by its stage.
        for rule in sla.rules {
            html.raw("<th scope=\"col\">")
            if let id = rule.stage, let url = context.stage(id)?.url {
                html.open("a", attributes: [("href", url)])
                html.text(stageName(rule))
                html.close("a")
            } else {
                html.text(stageName(rule))
            }
            html.raw("</th>")
        }
        html.raw("</tr>\n</thead>\n<tbody>\n")
        // Rows that no rule fills are left out; a dash marks a rule without a value others have.
        let rules = sla.rules
        if rules.contains(where: { $0.trigger != nil }) {
            row(&html, words.trigger) { $0.trigger.map { words.capitalized($0) } ?? "—" }
        }
        row(&html, words.owner) { $0.owner ?? "—" }
        row(&html, words.firstResponse) { rule in
            rule.firstResponse.map { words.duration($0, business: rule.businessHours != nil) } ?? "—"
        }
        row(&html, words.businessHoursLabel) { rule in
            rule.businessHours.map { words.capitalized(words.businessHours($0)) } ?? words.calendarTime
        }
        if rules.contains(where: { $0.attempts != nil }) {
            row(&html, words.attemptsLabel) { rule in
                rule.attempts.map { words.attemptsCell($0) } ?? "—"
            }
        }
        if rules.contains(where: { $0.escalation != nil }) {
            escalationRow(&html)
        }
        if rules.contains(where: { $0.onNoContact != nil }) {
            row(&html, words.noContactLabel) { $0.onNoContact.map { words.noContactCell($0) } ?? "—" }
        }
        html.raw("</tbody>\n</table>\n</div>\n")
        let measures = sla.rules.compactMap(context.ruleMeasure)
        if !measures.isEmpty {
            html.raw("<ul class=\"tandem-measures\">\n")
            for measure in measures { measure.write(&html, tag: "li") }
            html.raw("</ul>\n")
        }
        html.raw("</div>\n")
    }

    func escalationRow(_ html: inout HTMLWriter) {
        rowHTML(&html, words.escalationLabel) { rule, cell in
            guard let escalation = rule.escalation else {
                cell.text("—")
                return
            }
            cell.text(words.escalationCell(escalation, business: rule.businessHours != nil))
            if let action = escalation.action {
                cell.raw("<br>")
                cell.element("span", class: "tandem-sla__action", words.capitalized(action))
            }
        }
    }

    func row(_ html: inout HTMLWriter, _ label: String, _ value: (ServiceLevelAgreement.Rule) -> String) {
        rowHTML(&html, label) { rule, cell in cell.text(value(rule)) }
    }

    func rowHTML(_ html: inout HTMLWriter, _ label: String, _ cell: (ServiceLevelAgreement.Rule, inout HTMLWriter) -> Void) {
        html.raw("<tr>")
        html.open("th", attributes: [("scope", "row")])
        html.text(label)
        html.close("th")
        for rule in sla.rules {
            html.raw("<td>")
            cell(rule, &html)
            html.raw("</td>")
        }
        html.raw("</tr>\n")
    }
}
