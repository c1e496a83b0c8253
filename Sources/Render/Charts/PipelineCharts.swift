internal import Content
public import Core

/// The pipeline pages' charts (docs/pipeline.md, "The pipeline pages"): inline SVG made at build
/// time, sized for a phone. The view box is as wide as a phone's column, so the text is drawn at
/// about its own size there and grows with the chart on a wider screen; every number is also in
/// the table the page puts beside the chart.
enum PipelineChartLayout {
    static let width = 360.0
    static let characterWidth = 6.6

    /// `<svg>` with a title and a description that screen readers announce.
    static func open(
        _ svg: inout SVGWriter, id: String, kind: String, height: Double, title: String, description: String, fontSize: Int = 12
    ) {
        svg.openChart(
            id: id, kind: kind, width: width, height: height, title: title, description: description, family: "pipeline-chart",
            fontSize: fontSize)
    }

    /// A label cut to fit `width` units, with `…`.
    static func fitted(_ text: String, width: Double) -> String {
        let room = max(Int(width / characterWidth), 2)
        return text.count <= room ? text : String(text.prefix(room - 1)) + "…"
    }
}

/// A running total against a straight line to a target: the SQLs delivered month by month, and
/// the pace that reaches the goal's target at the end of its period.
public struct CumulativeChart: Sendable {
    public var id: String
    public var title: String
    public var description: String
    /// The x axis: one label per month, short (`Jan`).
    public var labels: [String]
    /// The running total at the end of each month; nil for months after `as_of`.
    public var totals: [Int?]
    /// The total the line runs to at the end of the last month; nil without a target.
    public var target: Int?
    /// What the totals' and the target's lines are called in the key.
    public var totalName: String
    public var targetName: String
    public var language: Language

    public init(
        id: String, title: String, description: String, labels: [String], totals: [Int?], target: Int?, totalName: String,
        targetName: String, language: Language
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.labels = labels
        self.totals = totals
        self.target = target
        self.totalName = totalName
        self.targetName = targetName
        self.language = language
    }

    static let left = 40.0
    static let right = 344.0
    static let top = 40.0
    static let bottom = 216.0
    static let height = 244.0

    public func svg() -> String {
        var svg = SVGWriter()
        PipelineChartLayout.open(&svg, id: id, kind: "cumulative", height: Self.height, title: title, description: description)
        let highest = max(target ?? 0, totals.compactMap { $0 }.max() ?? 0, 1)
        let step = Self.gridStep(highest)
        let top = Double((highest + step - 1) / step * step)
        let x = { (i: Int) -> Double in
            Self.left + (Self.right - Self.left) * Double(i) / Double(max(labels.count, 1))
        }
        let y = { (value: Double) -> Double in Self.bottom - (Self.bottom - Self.top) * value / top }
        // The key, above the plot.
        svg.open("g", [("class", "pipeline-chart__key")])
        svg.empty(
            "path",
            [
                ("d", "M\(SVGWriter.number(Self.left)) 14 h24"), ("class", "pipeline-chart__line"), ("fill", "none"),
                ("stroke", "#1f2937"), ("stroke-width", "3"),
            ])
        svg.element("text", [("x", SVGWriter.number(Self.left + 30)), ("y", "18")], text: totalName)
        if target != nil {
            let keyX = Self.left + 30 + Double(totalName.count) * PipelineChartLayout.characterWidth + 20
            svg.empty(
                "path",
                [
                    ("d", "M\(SVGWriter.number(keyX)) 14 h24"), ("class", "pipeline-chart__target"), ("fill", "none"),
                    ("stroke", "#6b7280"), ("stroke-width", "2"), ("stroke-dasharray", "6 4"),
                ])
            svg.element("text", [("x", SVGWriter.number(keyX + 30)), ("y", "18")], text: targetName)
        }
        svg.close("g")
        // The grid and its scale.
        svg.open("g", [("class", "pipeline-chart__grid")])
        var value = 0
        while value <= Int(top) {
            let gy = SVGWriter.number(y(Double(value)))
            svg.empty(
                "line",
                [
                    ("x1", SVGWriter.number(Self.left)), ("x2", SVGWriter.number(Self.right)), ("y1", gy), ("y2", gy),
                    ("stroke", "#d1d5db"), ("stroke-width", "1"),
                ])
            svg.element(
                "text",
                [("x", SVGWriter.number(Self.left - 6)), ("y", SVGWriter.number(y(Double(value)) + 4)), ("text-anchor", "end")],
                text: BlockFormat.integer(value, language))
            value += step
        }
        svg.close("g")
        // Month labels, each under the end of its month.
        svg.open("g", [("class", "pipeline-chart__labels")])
        let slot = (Self.right - Self.left) / Double(max(labels.count, 1))
        for (i, label) in labels.enumerated() {
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(x(i + 1) - slot / 2)), ("y", SVGWriter.number(Self.bottom + 18)),
                    ("text-anchor", "middle"),
                ],
                text: PipelineChartLayout.fitted(label, width: slot - 4))
        }
        svg.close("g")
        if let target {
            svg.empty(
                "path",
                [
                    ("d", SVGWriter.path([[(x(0), y(0)), (x(labels.count), y(Double(target)))]])),
                    ("class", "pipeline-chart__target"), ("fill", "none"), ("stroke", "#6b7280"), ("stroke-width", "2"),
                    ("stroke-dasharray", "6 4"),
                ])
        }
        var points: [(x: Double, y: Double)] = [(x(0), y(0))]
        for (i, total) in totals.enumerated() {
            guard let total else { break }
            points.append((x(i + 1), y(Double(total))))
        }
        svg.empty(
            "path",
            [
                ("d", SVGWriter.path([points])), ("class", "pipeline-chart__line"), ("fill", "none"), ("stroke", "#1f2937"),
                ("stroke-width", "3"), ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
            ])
        for (i, point) in points.enumerated().dropFirst() {
            svg.empty(
                "circle",
                [
                    ("cx", SVGWriter.number(point.x)), ("cy", SVGWriter.number(point.y)), ("r", "4"),
                    ("class", "pipeline-chart__marker"), ("fill", "#1f2937"), ("stroke", "#ffffff"), ("stroke-width", "1.5"),
                ])
            let total = totals[i - 1]!
            // The value above its point, or below it when the point is at the top of the plot.
            let above = point.y - 9 > Self.top - 6
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(point.x)), ("y", SVGWriter.number(above ? point.y - 9 : point.y + 18)),
                    ("text-anchor", i == points.count - 1 && point.x > Self.right - 12 ? "end" : "middle"),
                    ("class", "pipeline-chart__value"), ("font-weight", "bold"),
                ],
                text: BlockFormat.integer(total, language))
        }
        svg.close("svg")
        return svg.out
    }

    /// 1, 2, 5, 10, 20, 50, … so that the scale has at most five lines.
    static func gridStep(_ highest: Int) -> Int {
        var step = 1
        while highest / step > 5 {
            let digits = String(step)
            step = digits.hasPrefix("1") ? step * 2 : digits.hasPrefix("2") ? step / 2 * 5 : step * 2
        }
        return step
    }
}

/// Horizontal bars, one per row, each with its label above it and its value after it, on the
/// page's background (never white text on a bar). A row can be marked as the current one.
public struct BarChart: Sendable {
    public struct Row: Sendable, Equatable {
        public var label: String
        /// The bar's length as a share of the chart's scale; nil for no bar (no data).
        public var value: Double?
        /// What is written after the bar.
        public var text: String
        public var isCurrent: Bool

        public init(label: String, value: Double?, text: String, isCurrent: Bool = false) {
            self.label = label
            self.value = value
            self.text = text
            self.isCurrent = isCurrent
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var rows: [Row]
    /// The value of a full-length bar (1 for shares).
    public var scale: Double

    public init(id: String, title: String, description: String, rows: [Row], scale: Double) {
        self.id = id
        self.title = title
        self.description = description
        self.rows = rows
        self.scale = scale
    }

    static let left = 4.0
    static let barWidth = 250.0
    static let rowHeight = 38.0

    public func svg() -> String {
        var svg = SVGWriter()
        let height = Double(rows.count) * Self.rowHeight + 6
        PipelineChartLayout.open(
            &svg, id: id, kind: "bars", height: height, title: title, description: description, fontSize: 13)
        for (i, row) in rows.enumerated() {
            let top = Double(i) * Self.rowHeight
            svg.open("g", [("class", row.isCurrent ? "pipeline-chart__row pipeline-chart__row--current" : "pipeline-chart__row")])
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(Self.left)), ("y", SVGWriter.number(top + 13)),
                    ("font-weight", row.isCurrent ? "bold" : nil),
                ],
                text: PipelineChartLayout.fitted(row.label, width: PipelineChartLayout.width - Self.left))
            // The bar's track, then the bar; a value of zero still shows its track.
            svg.empty(
                "rect",
                [
                    ("x", SVGWriter.number(Self.left)), ("y", SVGWriter.number(top + 19)),
                    ("width", SVGWriter.number(Self.barWidth)),
                    ("height", "12"), ("class", "pipeline-chart__track"), ("fill", "none"), ("stroke", "#9ca3af"),
                    ("stroke-width", "1"),
                ])
            var end = Self.left
            if let value = row.value, scale > 0 {
                let length = Self.barWidth * min(max(value / scale, 0), 1)
                end += length
                if length > 0 {
                    svg.empty(
                        "rect",
                        [
                            ("x", SVGWriter.number(Self.left)), ("y", SVGWriter.number(top + 19)),
                            ("width", SVGWriter.number(length)),
                            ("height", "12"), ("class", "pipeline-chart__bar"), ("fill", row.isCurrent ? "#1f2937" : "#4b5563"),
                        ])
                }
            }
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(Self.left + Self.barWidth + 8)), ("y", SVGWriter.number(top + 30)),
                    ("class", "pipeline-chart__value"), ("font-weight", "bold"),
                ],
                text: PipelineChartLayout.fitted(row.text, width: PipelineChartLayout.width - Self.barWidth - Self.left - 8))
            svg.close("g")
        }
        svg.close("svg")
        return svg.out
    }
}
