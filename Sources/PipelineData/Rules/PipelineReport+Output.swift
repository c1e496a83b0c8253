internal import Content
internal import Core
internal import Formats

extension PipelineReport {
    /// The JSON of docs/pipeline.md ("`tandem pipeline --format json`"): every number at full
    /// `Double` precision, instants as UTC, and `null` for a value that cannot be computed.
    public func json() -> [UInt8] {
        var out = JSONWriter(capacity: 4096)
        out.raw("{")
        out.key("as_of")
        out.string(Civil.isoUTC(asOf))
        out.raw(", ")
        out.key("time_zone")
        out.string(timeZone)
        out.raw(",\n ")
        out.key("goals")
        out.raw("[")
        for (i, goal) in goals.enumerated() {
            out.raw(i == 0 ? "" : ",\n  ")
            out.raw("{")
            out.members([
                "period": .string(goal.period), "team": .string(goal.team), "sql_target": .integer(goal.sqlTarget),
                "delivered": .integer(goal.delivered), "expected_to_date": .number(goal.expectedToDate),
                "won": .integer(goal.won), "min_closed": .integer(goal.minClosed), "close_rate": .number(goal.closeRate),
                "revenue": .number(goal.revenue), "revenue_target": .number(goal.revenueTarget),
                "currency": .string(goal.currency),
            ])
            out.raw(", ")
            out.key("months")
            out.raw("[")
            for (j, month) in goal.months.enumerated() {
                if j > 0 { out.raw(", ") }
                out.object(["month": .string(month.month), "delivered": .integer(month.delivered)])
            }
            out.raw("], ")
            out.key("other_currencies")
            out.raw("[")
            for (j, other) in goal.otherCurrencies.enumerated() {
                if j > 0 { out.raw(", ") }
                out.object(["currency": .string(other.currency), "amount": .number(other.amount)])
            }
            out.raw("],\n   ")
            Self.write(goal.bySource, key: "by_source", label: "source", to: &out)
            out.raw(",\n   ")
            Self.write(goal.byCampaign, key: "by_campaign", label: "campaign", to: &out)
            out.raw("}")
        }
        out.raw("],\n ")
        out.key("sla")
        out.raw("[")
        for (i, result) in sla.enumerated() {
            out.raw(i == 0 ? "" : ",\n  ")
            out.raw("{")
            out.members(["stage": .string(result.stage), "quarter": .string(result.quarter)])
            out.raw(", ")
            Self.write(result.counts, to: &out)
            if let owners = result.owners {
                out.raw(", ")
                out.key("owners")
                out.raw("[")
                for (j, owner) in owners.enumerated() {
                    out.raw(j == 0 ? "" : ", ")
                    out.raw("{")
                    out.members(["owner": .string(owner.owner)])
                    out.raw(", ")
                    Self.write(owner.counts, to: &out)
                    out.raw("}")
                }
                out.raw("]")
            }
            out.raw(",\n   ")
            out.key("months")
            out.raw("[")
            for (j, month) in result.months.enumerated() {
                out.raw(j == 0 ? "" : ",\n    ")
                out.raw("{")
                out.members(["month": .string(month.month)])
                out.raw(", ")
                Self.write(month.counts, to: &out)
                out.raw("}")
            }
            out.raw("]}")
        }
        out.raw("],\n ")
        out.key("funnel")
        out.raw("[")
        for (i, quarter) in funnel.enumerated() {
            out.raw(i == 0 ? "" : ",\n  ")
            out.raw("{")
            out.members(["quarter": .string(quarter.quarter)])
            out.raw(", ")
            out.key("stages")
            out.raw("[")
            for (j, stage) in quarter.stages.enumerated() {
                if j > 0 { out.raw(", ") }
                out.object([
                    "stage": .string(stage.stage), "entered": .integer(stage.entered), "advanced": .integer(stage.advanced),
                    "conversion": .number(stage.conversion), "median_days": .number(stage.medianDays),
                ])
            }
            out.raw("]}")
        }
        out.raw("],\n ")
        out.key("data_quality")
        out.raw("{")
        out.members(["rows": .integer(quality.rows), "used": .integer(quality.used)])
        out.raw(", ")
        out.key("problems")
        out.raw("[")
        for (i, problem) in quality.problems.enumerated() {
            out.raw(i == 0 ? "" : ",\n   ")
            out.object([
                "message": .string(problem.message), "count": .integer(problem.count),
                "first": .string(problem.first.description),
            ])
        }
        out.raw("]}}\n")
        return out.bytes
    }

    static func write(_ counts: SLACounts, to out: inout JSONWriter) {
        out.members([
            "cases": .integer(counts.cases), "met": .integer(counts.met), "late": .integer(counts.late),
            "missed": .integer(counts.missed), "pending": .integer(counts.pending), "unmeasured": .integer(counts.unmeasured),
            "compliance": .number(counts.compliance), "median_s": .number(counts.medianSeconds),
            "p90_s": .number(counts.p90Seconds), "should_escalate": .integer(counts.shouldEscalate),
        ])
        out.raw(", ")
        out.key("response_bands")
        out.raw("[")
        for (i, count) in counts.bands.enumerated() {
            if i > 0 { out.raw(", ") }
            out.object([
                "up_to_s": .integer(i < responseBands.count ? Int(responseBands[i]) : nil), "count": .integer(count),
            ])
        }
        out.raw("]")
    }

    static func write(_ rows: [Breakdown], key: String, label: String, to out: inout JSONWriter) {
        out.key(key)
        out.raw("[")
        for (i, row) in rows.enumerated() {
            if i > 0 { out.raw(", ") }
            out.object([
                label: .string(row.label), "delivered": .integer(row.delivered), "won": .integer(row.won),
                "revenue": .number(row.revenue),
            ])
        }
        out.raw("]")
    }

    // MARK: - Text

    /// The numbers as a person reads them in a terminal: a summary sentence per goal and SLA
    /// rule, then the tables.
    public func text() -> String {
        var lines: [String] = []
        lines.append("Pipeline as of \(Civil.isoUTC(asOf)) (times in \(timeZone))")
        lines.append("")
        for goal in goals {
            var sentence = "Goal \(goal.period)\(goal.team.map { " (\($0))" } ?? ""): SQLs \(goal.delivered.grouped)"
            if let target = goal.sqlTarget {
                sentence += " of \(target.grouped) (\(Self.percent(Double(goal.delivered) / Double(target))))"
                if let expected = goal.expectedToDate {
                    sentence += ", expected \(Int(expected.rounded()).grouped) by \(asOfDate)"
                }
            }
            lines.append(sentence)
            var won = "  won \(goal.won.grouped)"
            if let min = goal.minClosed { won += " of at least \(min.grouped)" }
            if let rate = goal.closeRate { won += ", close rate \(Self.percent(rate))" }
            lines.append(won)
            if let revenue = goal.revenue {
                var money = "  revenue \(Self.money(revenue))"
                if let target = goal.revenueTarget { money += " of \(Self.money(target))" }
                if let currency = goal.currency { money += " \(currency)" }
                for other in goal.otherCurrencies {
                    money += "; also \(Self.money(other.amount)) \(other.currency), not converted"
                }
                lines.append(money)
            }
            if !goal.months.isEmpty {
                lines.append("  by month: " + goal.months.map { "\($0.month) \($0.delivered.grouped)" }.joined(separator: ", "))
            }
            lines.append("")
        }
        for result in sla {
            let counts = result.counts
            let span = Self.spanWords(result.firstResponse, business: result.businessHours != nil)
            var sentence =
                "SLA \(result.stage) \(result.quarter): \(counts.compliance.map(Self.percent) ?? "no measured cases") within \(span)"
            if let median = counts.medianSeconds { sentence += ", median \(Self.duration(median))" }
            if let p90 = counts.p90Seconds { sentence += ", p90 \(Self.duration(p90))" }
            if let escalate = counts.shouldEscalate {
                sentence += "; \(escalate.grouped) should have been escalated"
            }
            lines.append(sentence)
            lines.append(
                "  \(counts.cases.grouped) cases: \(counts.met.grouped) met, \(counts.late.grouped) late, \(counts.missed.grouped) missed, \(counts.pending.grouped) pending, \(counts.unmeasured.grouped) unmeasured"
            )
            for owner in result.owners ?? [] {
                let c = owner.counts
                lines.append(
                    "    \(owner.owner): \(c.compliance.map(Self.percent) ?? "-") of \(c.cases.grouped) cases (\(c.met) met, \(c.late) late, \(c.missed) missed)"
                )
            }
            lines.append("")
        }
        if !funnel.isEmpty {
            let width = max(5, funnel.flatMap(\.stages).map(\.stage.count).max() ?? 5)
            lines.append("Funnel      " + "stage".padding(width) + "  entered  advanced  conversion  median days")
            for quarter in funnel {
                for (i, stage) in quarter.stages.enumerated() {
                    let label = i == 0 ? quarter.quarter : ""
                    lines.append(
                        "  " + label.padding(10) + stage.stage.padding(width) + "  "
                            + stage.entered.grouped.leftPadding(7) + "  " + stage.advanced.grouped.leftPadding(8) + "  "
                            + (stage.conversion.map(Self.percent) ?? "-").leftPadding(10) + "  "
                            + (stage.medianDays.map { FixedPoint(digits: 1).format($0) } ?? "-").leftPadding(11))
                }
            }
            lines.append("")
        }
        lines.append("Data: \(quality.rows.grouped) rows read, \(quality.used.grouped) used")
        for problem in quality.problems {
            lines.append("  \(problem.count.grouped) × \(problem.message) (first at \(problem.first.description))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func percent(_ share: Double) -> String {
        FixedPoint(digits: 0).format(share * 100) + "%"
    }

    static func money(_ amount: Double) -> String {
        FixedPoint(digits: 2, trimsZeros: true, grouping: ",").format(amount)
    }

    /// `4 business hours`, `30 minutes`, `2 days`
    static func spanWords(_ span: TimeSpan, business: Bool) -> String {
        let unit: String =
            switch span.unit {
            case .minutes: "minute"
            case .hours: "hour"
            case .days: "day"
            case .weeks: "week"
            }
        return "\(span.value) \(business ? "business " : "")\(unit)\(span.value == 1 ? "" : "s")"
    }

    /// `1 h 30 m`, `45 m`, `30 s`
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total) s" }
        let hours = total / 3600
        let minutes = total % 3600 / 60
        if hours == 0 { return "\(minutes) m" }
        return minutes == 0 ? "\(hours.grouped) h" : "\(hours.grouped) h \(minutes) m"
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    fileprivate func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
