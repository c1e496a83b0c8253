internal import Content

/// The goal as a funnel: SQLs, then closed deals with the close rate, then revenue with its
/// arithmetic, and a warning when the numbers do not add up.
struct GoalHTML {
    let goal: Goal
    let words: BlockWords
    var measure: BlockMeasure?

    func write(_ html: inout HTMLWriter) {
        let language = words.language
        html.raw("<figure class=\"tandem-block tandem-goal\">\n")
        html.open("figcaption", class: "tandem-block__caption")
        html.text(words.goalCaption(team: goal.team, period: goal.period))
        if let period = goal.period, period.quarter != nil {
            html.raw(" ")
            html.element("span", class: "tandem-block__meta", words.dateRange(period))
        }
        html.close("figcaption")
        html.raw("\n<ol class=\"tandem-funnel\">\n")
        if let sqls = goal.sqlTarget {
            step(&html, "sqls", value: BlockFormat.integer(sqls, language), label: words.sqlsLabel, note: nil)
        }
        if let closed = goal.closedDeals {
            let note = goal.closeRate.map {
                words.closeRateNote(BlockFormat.percent($0, language, space: BlockFormat.noBreakSpace))
            }
            step(&html, "closed", value: BlockFormat.integer(closed, language), label: words.closedLabel, note: note)
        }
        if let closed = goal.closedDeals {
            let money = { (amount: Double) in words.money(amount, goal.currency) }
            if let target = goal.revenueTarget {
                var note: String?
                if let average = goal.averageDealSize, let revenue = goal.revenue {
                    note = words.dealsTimes(closed, money(average)) + " = " + money(revenue)
                } else if let average = goal.averageDealNeeded {
                    // The deal size each closed deal must reach: rounded up to whole units of money.
                    note = words.averageDealNote(money(average.rounded(.up)))
                }
                step(&html, "revenue", value: money(target), label: words.revenueTargetLabel, note: note)
            } else if let revenue = goal.revenue, let average = goal.averageDealSize {
                step(
                    &html, "revenue", value: money(revenue), label: words.revenueLabel,
                    note: words.dealsTimes(closed, money(average)))
            }
        }
        html.raw("</ol>\n")
        if !goal.owners.isEmpty {
            html.open("p", class: "tandem-goal__owners")
            html.element("span", class: "tandem-block__term", (goal.owners.count == 1 ? words.owner : words.owners) + ":")
            html.raw(" ")
            html.text(words.list(goal.owners))
            html.raw("</p>\n")
        }
        if let shortfall = goal.shortfall {
            html.raw("<p class=\"tandem-goal__warning\" role=\"note\">")
            html.element("strong", words.shortfallTitle)
            html.raw(" ")
            html.text(words.shortfall(shortfall, currency: goal.currency))
            html.raw("</p>\n")
        }
        measure?.write(&html, tag: "p")
        html.raw("</figure>\n")
    }

    func step(_ html: inout HTMLWriter, _ kind: String, value: String, label: String, note: String?) {
        html.raw("<li class=\"tandem-funnel__step tandem-funnel__step--\(kind)\">")
        html.element("span", class: "tandem-funnel__value", value)
        html.raw(" ")
        html.element("span", class: "tandem-funnel__label", label)
        if let note {
            html.raw(" ")
            html.element("span", class: "tandem-funnel__note", note)
        }
        html.raw("</li>\n")
    }
}
