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
        var out: [UInt8] = []
        out.reserveCapacity(scored.results.count * 200 + 4096)
        out.append(contentsOf: #"{"assessment": "#.utf8)
        JSONText.appendQuoted(assessment.id, to: &out)
        out.append(contentsOf: #", "version": "#.utf8)
        JSONText.appendInteger(assessment.version, to: &out)
        out.append(contentsOf: ",\n \"respondents\": [".utf8)
        let scores = scored.scores()
        for (index, (result, score)) in zip(scored.results, scores).enumerated() {
            out.append(contentsOf: (index == 0 ? "\n  " : ",\n  ").utf8)
            out.append(contentsOf: #"{"source": "#.utf8)
            JSONText.appendQuoted(result.file, to: &out)
            out.removeLast()  // the closing quote: the index follows inside the string
            out.append(UInt8(ascii: "#"))
            JSONText.appendInteger(result.index, to: &out)
            out.append(contentsOf: #"", "department": "#.utf8)
            JSONText.appendQuoted(result.department, to: &out)
            out.append(contentsOf: #", "mean": "#.utf8)
            JSONText.appendNumber(score.mean, to: &out)
            out.append(contentsOf: #", "percent": "#.utf8)
            JSONText.appendNumber(score.percent, to: &out)
            out.append(contentsOf: #", "band": "#.utf8)
            appendBand(score.band, to: &out)
            out.append(contentsOf: #", "answered": "#.utf8)
            JSONText.appendInteger(score.answered, to: &out)
            out.append(contentsOf: (score.isComplete ? #", "complete": true}"# : #", "complete": false}"#).utf8)
        }
        out.append(contentsOf: (scores.isEmpty ? "],\n" : "\n ],\n").utf8)
        let report = scored.report()
        out.append(contentsOf: " ".utf8)
        appendReport(report, indent: " ", to: &out)
        if let grouping {
            out.append(contentsOf: ",\n \"by\": ".utf8)
            JSONText.appendQuoted(grouping.rawValue, to: &out)
            out.append(contentsOf: ",\n \"groups\": [".utf8)
            for (index, group) in scored.groups(by: grouping).enumerated() {
                out.append(contentsOf: (index == 0 ? "\n  {\"group\": " : ",\n  {\"group\": ").utf8)
                if let key = group.key { JSONText.appendQuoted(key, to: &out) } else { out.append(contentsOf: "null".utf8) }
                out.append(contentsOf: #", "respondents": "#.utf8)
                JSONText.appendInteger(group.members.count, to: &out)
                out.append(contentsOf: ",\n   ".utf8)
                appendReport(group.report, indent: "   ", to: &out)
                out.append(contentsOf: #", "trend": "#.utf8)
                JSONText.appendNumber(group.trend, to: &out)
                out.append(UInt8(ascii: "}"))
            }
            out.append(contentsOf: "\n ]".utf8)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// `"overall": {...},\n "questions": [...],\n "gap": x` at the given indent.
    private func appendReport(_ report: GroupReport, indent: String, to out: inout [UInt8]) {
        out.append(contentsOf: #""overall": {"n": "#.utf8)
        JSONText.appendInteger(report.all.n, to: &out)
        out.append(contentsOf: #", "mean": "#.utf8)
        JSONText.appendNumber(report.all.mean, to: &out)
        out.append(contentsOf: #", "band": "#.utf8)
        appendBand(report.all.band, to: &out)
        out.append(contentsOf: "},\n\(indent)\"questions\": [".utf8)
        for (position, stats) in report.all.questions.enumerated() {
            out.append(contentsOf: (position == 0 ? "\n\(indent) " : ",\n\(indent) ").utf8)
            out.append(contentsOf: #"{"id": "#.utf8)
            JSONText.appendQuoted(assessment.questions[position].id, to: &out)
            out.append(contentsOf: #", "n": "#.utf8)
            JSONText.appendInteger(stats.n, to: &out)
            out.append(contentsOf: #", "mean": "#.utf8)
            JSONText.appendNumber(stats.mean, to: &out)
            out.append(contentsOf: #", "distribution": ["#.utf8)
            for (value, count) in stats.distribution.enumerated() {
                if value > 0 { out.append(contentsOf: ", ".utf8) }
                JSONText.appendInteger(count, to: &out)
            }
            let gap = report.questionGaps[position]
            out.append(contentsOf: #"], "gap": "#.utf8)
            JSONText.appendNumber(gap.value, to: &out)
            out.append(contentsOf: (gap.isFlagged ? #", "flagged": true}"# : #", "flagged": false}"#).utf8)
        }
        out.append(contentsOf: "\n\(indent)],\n\(indent)\"gap\": ".utf8)
        JSONText.appendNumber(report.overallGap.value, to: &out)
    }

    private func appendBand(_ band: Int?, to out: inout [UInt8]) {
        if let band {
            JSONText.appendQuoted(assessment.bands[band].id, to: &out)
        } else {
            out.append(contentsOf: "null".utf8)
        }
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
        let hundredths = Int((abs(value) * 100).rounded())
        let sign = value < 0 && hundredths > 0 ? "-" : ""
        let fraction = hundredths % 100
        return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `+0.25`, `-1.80`, `0.00`, or `—`.
    static func signed(_ value: Double?) -> String {
        guard let value else { return "—" }
        let text = fixed(value)
        return value > 0 && text != "0.00" ? "+" + text : text
    }

    /// `61.1%`, or empty for none.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

extension String {
    /// `team` -> `Team`.
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
