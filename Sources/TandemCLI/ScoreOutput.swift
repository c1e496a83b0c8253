internal import Core
internal import Scorecard
internal import ScoringCore

/// What `tandem score` prints: the JSON of docs/scoring.md (`tandem score`, "JSON"), or a table for people.
struct ScoreOutput {
    let scored: ResultSet
    let files: Int
    let grouping: ResultSet.Dimension?

    private var assessment: Assessment { scored.assessment }

    // MARK: - JSON

    /// The JSON of docs/scoring.md, in the key order documented there, one respondent or question per line.
    ///
    /// With `--by`, two keys follow `gap`: `"by"` (the dimension) and `"groups"`, each group
    /// `{"group", "respondents", "overall", "questions", "gap", "trend"}` with the same shapes as
    /// the top level (see docs/scoring.md).
    func json() -> [UInt8] {
        var json = JSONWriter(capacity: scored.results.count * 200 + 4096)
        json.raw("{")
        json.members(["assessment": .string(assessment.id), "version": .integer(assessment.version)])
        json.raw(",\n ")
        json.key("respondents")
        json.raw("[")
        let scores = scored.scores()
        for (index, (result, score)) in zip(scored.results, scores).enumerated() {
            json.raw(index == 0 ? "\n  " : ",\n  ")
            json.object([
                "source": .string(result.file + "#" + String(result.index)), "department": .string(result.department),
                "mean": .number(score.mean), "percent": .number(score.percent),
                "band": .string(score.band.map { assessment.bands[$0].id }), "answered": .integer(score.answered),
                "complete": .bool(score.isComplete),
            ])
        }
        json.raw(scores.isEmpty ? "],\n " : "\n ],\n ")
        ReportJSON(scored.report(), assessment: assessment).write(to: &json, indent: " ")
        if let grouping {
            json.raw(",\n ")
            json.members(["by": .string(grouping.rawValue)])
            json.raw(",\n ")
            json.key("groups")
            json.raw("[")
            for (index, group) in scored.groups(by: grouping).enumerated() {
                json.raw(index == 0 ? "\n  {" : ",\n  {")
                json.members(["group": .string(group.key), "respondents": .integer(group.members.count)])
                json.raw(",\n   ")
                ReportJSON(group.report, assessment: assessment).write(to: &json, indent: "   ")
                json.raw(", ")
                json.members(["trend": .number(group.trend)])
                json.raw("}")
            }
            json.raw("\n ]")
        }
        json.raw("}\n")
        return json.bytes
    }

    // MARK: - Text

    /// A table for people: the overall score, each department's, the gap, then every question.
    func text() -> String {
        let results = scored.results
        let complete = scored.scores().filter(\.isComplete).count
        var text =
            "\(assessment.id) (version \(assessment.version)): \(count(results.count, "result")) from "
            + "\(count(files, "file")), \(complete) complete\n"
        if let grouping {
            for group in scored.groups(by: grouping) {
                let name = group.key ?? "(no \(grouping.rawValue))"
                var heading = "\n\(grouping.rawValue.capitalizedFirst) \(name): \(count(group.members.count, "result"))"
                if grouping == .round, let trend = group.trend { heading += ", trend \(Self.signed(trend))" }
                text += heading + "\n" + table(group.report)
            }
            text += "\nAll results\n"
        } else {
            text += "\n"
        }
        text += table(scored.report())
        text +=
            "\nMeans are on the scale \(assessment.scaleMin)–\(assessment.scaleMax); a gap is sales minus marketing, "
            + "shown when both have at least \(assessment.questionnaire.minGroupSize) answers, and flagged at "
            + "\(Self.fixed(assessment.questionnaire.gapThreshold)) or more either way.\n"
        return text
    }

    private func table(_ report: GroupReport) -> String {
        var lines: [[String]] = []
        let overall = report.all
        let band = overall.band.map { assessment.bands[$0].label.primary } ?? "—"
        lines.append([
            "Overall", Self.fixed(overall.mean), Self.percent(overall.mean.map(assessment.questionnaire.percent(of:))),
            "n \(overall.n)", band,
        ])
        lines.append(["Sales", Self.fixed(report.sales.mean), "", "n \(report.sales.n)", ""])
        lines.append(["Marketing", Self.fixed(report.marketing.mean), "", "n \(report.marketing.n)", ""])
        lines.append(["Gap", Self.signed(report.overallGap.value), "", "", report.overallGap.isFlagged ? "flagged" : ""])
        var text = Self.columns(lines, rightAligned: [1, 2]) + "\n"

        var rows: [[String]] = [["Question", "Mean", "n", "Sales", "Marketing", "Gap", ""]]
        for (position, question) in assessment.questions.enumerated() {
            let gap = report.questionGaps[position]
            rows.append([
                question.id, Self.fixed(overall.questions[position].mean), "\(overall.questions[position].n)",
                Self.fixed(report.sales.questions[position].mean), Self.fixed(report.marketing.questions[position].mean),
                Self.signed(gap.value), gap.isFlagged ? "flagged" : "",
            ])
        }
        text += Self.columns(rows, rightAligned: [1, 2, 3, 4, 5])
        return text
    }

    /// Rows laid out in columns two spaces apart; trailing spaces trimmed.
    private static func columns(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var text = ""
        for row in rows {
            var line = ""
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if column > 0 { line += "  " }
                line += rightAligned.contains(column) ? padding + cell : cell + padding
            }
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
        }
        return text
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// `3.44`, or `—` for none: two decimals, rounded half away from zero.
    static func fixed(_ value: Double?) -> String {
        guard let value else { return "—" }
        return FixedPoint(digits: 2).format(value)
    }

    /// `+0.25`, `-1.80`, `0.00`, or `—`.
    static func signed(_ value: Double?) -> String {
        guard let value else { return "—" }
        return FixedPoint(digits: 2, plus: "+").format(value)
    }

    /// `61.1%`, or empty for none.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "" }
        return FixedPoint(digits: 1).format(value) + "%"
    }
}

extension String {
    /// `team` -> `Team`.
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
