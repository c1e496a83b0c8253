internal import Core
internal import Formats
internal import Yams

extension Goal {
    static let keys = [
        "team", "period", "start", "end", "sql_target", "min_closed", "min_close_rate", "revenue_target",
        "avg_deal_size", "currency", "owners",
    ]

    /// Reads a `goal` block, reporting every mistake.
    static func read(_ root: Node, _ reader: inout YAMLReader) -> Goal? {
        guard let fields = reader.fields(root, "the goal block", allowed: keys) else { return nil }
        var goal = Goal()
        goal.location = reader.location(root)
        goal.team = reader.optionalText(fields["team"], "team")
        goal.period = readPeriod(fields, &reader)
        goal.periodLocation = reader.location(fields["period"] ?? fields["start"] ?? root)

        _ = reader.lacks(
            "sql_target", fields, allowed: keys,
            "the goal block has no sql_target; add how many sales-qualified leads marketing delivers in the period, e.g. sql_target: 120"
        )
        goal.sqlTarget = reader.count(fields["sql_target"], "sql_target", example: "120")
        goal.minClosed = reader.count(fields["min_closed"], "min_closed", example: "24")
        if let node = fields["min_close_rate"] { goal.minCloseRate = readRate(node, &reader) }

        switch (fields["min_closed"], fields["min_close_rate"]) {
        case (nil, nil)
        where !YAMLReader.misspells("min_closed", fields, allowed: keys)
            && !YAMLReader.misspells("min_close_rate", fields, allowed: keys):
            reader.error(
                root,
                "the goal block has neither min_closed nor min_close_rate; add how many SQLs sales must at least close, e.g. min_closed: 24, or the share, e.g. min_close_rate: 0.2"
            )
        case (.some, .some(let rate)):
            reader.error(rate, "write either min_closed or min_close_rate, not both; keep the one you agreed on")
        default:
            break
        }
        if let closed = goal.minClosed, let target = goal.sqlTarget, closed > target, let node = fields["min_closed"] {
            reader.error(
                node,
                "min_closed \(closed) is more than sql_target \(target); sales cannot close more deals than the SQLs it receives")
        }

        goal.revenueTarget = reader.amount(fields["revenue_target"], "revenue_target", example: "480000")
        goal.revenueLocation = fields["revenue_target"].map { reader.location($0) }
        goal.averageDealSize = reader.amount(fields["avg_deal_size"], "avg_deal_size", example: "20000")
        if let node = fields["currency"], let text = reader.string(node, "currency") {
            if text.count == 3, text.allSatisfy({ $0.isASCII && $0.isLetter }) {
                goal.currency = text.uppercased()
            } else {
                reader.error(
                    node, "currency \"\(text)\" is not a currency code; write the three-letter code, e.g. DKK, EUR or USD")
            }
        } else if fields["currency"] == nil, fields["revenue_target"] != nil || fields["avg_deal_size"] != nil {
            let key = fields["revenue_target"] != nil ? "revenue_target" : "avg_deal_size"
            reader.error(root, "the goal block has \(key) but no currency; add the three-letter code, e.g. currency: DKK")
        }
        goal.owners = reader.textList(fields["owners"], "owners") ?? []
        return goal
    }

    static func readPeriod(_ fields: YAMLReader.Fields, _ reader: inout YAMLReader) -> GoalPeriod? {
        let hasDates = fields["start"] != nil || fields["end"] != nil
        if let node = fields["period"] {
            if hasDates {
                reader.error(node, "write either period: 2026-Q1 or start: and end: dates, not both")
                return nil
            }
            guard let text = node.scalar?.string else {
                reader.error(node, "period must be a quarter like 2026-Q1; for other periods write start: and end: dates instead")
                return nil
            }
            guard let quarter = Quarter(text.trimmingBlanks) else {
                reader.error(
                    node,
                    "period \"\(text)\" is not a quarter; write it like 2026-Q1 (Q1 to Q4), or give start: and end: dates instead"
                )
                return nil
            }
            return GoalPeriod(quarter)
        }
        guard hasDates else {
            _ = reader.lacks(
                "period", fields, allowed: keys,
                "the goal block has no period; add the quarter it covers, e.g. period: 2026-Q1, or start: and end: dates")
            return nil
        }
        let start = reader.date(fields["start"], "start")
        let end = reader.date(fields["end"], "end")
        if fields["start"] == nil {
            reader.error(
                fields.node,
                "the goal block has an end date but no start; add start: with the first day of the period, e.g. start: 2026-01-01"
            )
        }
        if fields["end"] == nil {
            reader.error(
                fields.node,
                "the goal block has a start date but no end; add end: with the last day of the period, e.g. end: 2026-03-31")
        }
        guard let start, let end else { return nil }
        if end < start {
            reader.error(fields["end"], "end \(end) is before start \(start); the period must end on or after the day it starts")
            return nil
        }
        return GoalPeriod(start: start, end: end)
    }

    static func readRate(_ node: Node, _ reader: inout YAMLReader) -> Double? {
        if let text = node.scalar?.string, text.hasSuffix("%") {
            let number = String(String(text.dropLast()).trimmingBlanks)
            let example = Double(number).map { BlockFormat.decimal($0 / 100, .en, maxDecimals: 4) } ?? "0.2"
            reader.error(node, "min_close_rate \"\(text)\" must be a share between 0 and 1; write \(text) as \(example)")
            return nil
        }
        guard let rate = reader.double(node, "min_close_rate", example: "0.2") else { return nil }
        if rate == 0 {
            reader.error(
                node,
                "min_close_rate is 0, so no SQL would need to close; write the share of SQLs that must close, e.g. 0.2 for 20%")
            return nil
        }
        guard rate > 0, rate <= 1 else {
            reader.error(
                node,
                "min_close_rate \(node.scalar?.string ?? "") is outside 0–1; write the share of SQLs that must close, above 0 and at most 1, e.g. 0.2 for 20%"
            )
            return nil
        }
        guard BlockLimits.rate.contains(rate) else {
            reader.error(node, BlockLimits.rateOutOfRange(node.scalar?.string ?? "\(rate)"))
            return nil
        }
        return rate
    }
}
