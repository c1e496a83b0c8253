public import Core

/// A line chart of scores across rounds: one line per series, the scale's full range upwards,
/// the bands' thresholds as dashed lines, and a label at the end of each line.
///
/// Inline SVG made at build time, accessible and legible in greyscale like ``RadarChart``: each
/// line has its own pattern and marker, and is named by a label beside its last point rather than
/// by colour. The first series' points also carry their value.
public struct TrendChart: Sendable {
    /// A band's threshold, drawn as a dashed line with the band's name above it.
    public struct Band: Sendable, Equatable {
        public var min: Double
        public var label: String

        public init(min: Double, label: String) {
            self.min = min
            self.label = label
        }
    }

    public var id: String
    public var title: String
    public var description: String
    /// The rounds' labels, in round order: the x axis.
    public var rounds: [String]
    /// The first series is drawn last (on top) and has its values written at its points.
    public var series: [ChartSeries]
    public var scaleMin: Int
    public var scaleMax: Int
    public var bands: [Band]
    /// The round the page is about, shaded; nil for none.
    public var current: Int?
    public var language: Language

    public init(
        id: String, title: String, description: String, rounds: [String], series: [ChartSeries], scaleMin: Int, scaleMax: Int,
        bands: [Band], current: Int? = nil, language: Language
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.rounds = rounds
        self.series = series
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.bands = bands
        self.current = current
        self.language = language
    }

    static let width = 760.0
    static let left = 40.0
    static let right = 600.0
    static let top = 16.0
    static let plotHeight = 300.0
    /// Space between the plot's edges and the first and last round.
    static let inset = 44.0
    /// An estimate of a character's width at the labels' size, for layout without font metrics.
    static let characterWidth = 7.4
    /// Slanted round labels longer than this are shortened with `…`.
    static let slantedLength = 26

    /// The chart as an `<svg>` element: the current round's shade, the grid and its scale, the
    /// bands' thresholds, the round labels, the lines with the first series' values, and a label
    /// at the end of each line.
    public func svg() -> String {
        let plot = Plot(self)
        var svg = SVGWriter()
        svg.openChart(id: id, kind: "trend", width: Self.width, height: plot.height, title: title, description: description)
        drawCurrentRound(into: &svg, plot)
        drawGrid(into: &svg, plot)
        drawBands(into: &svg, plot)
        drawRoundLabels(into: &svg, plot)
        drawLines(into: &svg, plot)
        drawValues(into: &svg, plot)
        drawEndLabels(into: &svg, plot)
        svg.close("svg")
        return svg.out
    }
}

// MARK: - The steps of a drawing

extension TrendChart {
    /// Where things go: the plot's bottom, the rounds' spacing along the x axis, and whether the
    /// round labels are slanted to fit.
    private struct Plot {
        let bottom: Double
        /// Between two rounds; 0 for a single round (drawn in the middle).
        let spacing: Double
        /// Round labels are slanted when they would not fit side by side.
        let slanted: Bool
        /// The whole chart's, with room for the round labels below the plot.
        let height: Double
        let rounds: Int
        let scaleMin: Double
        let range: Double

        init(_ chart: TrendChart) {
            bottom = TrendChart.top + TrendChart.plotHeight
            rounds = chart.rounds.count
            spacing = rounds > 1 ? (TrendChart.right - TrendChart.left - 2 * TrendChart.inset) / Double(rounds - 1) : 0
            let longest = Double(chart.rounds.map(\.count).max() ?? 0) * TrendChart.characterWidth
            slanted = rounds > 1 && longest > spacing - 10
            height =
                bottom + (slanted ? 28 + min(longest, Double(TrendChart.slantedLength) * TrendChart.characterWidth) * 0.5 : 34)
            scaleMin = Double(chart.scaleMin)
            range = Double(chart.scaleMax - chart.scaleMin)
        }

        func x(_ round: Int) -> Double {
            rounds > 1 ? TrendChart.left + TrendChart.inset + Double(round) * spacing : (TrendChart.left + TrendChart.right) / 2
        }

        func y(_ value: Double) -> Double {
            bottom - (value - scaleMin) / range * TrendChart.plotHeight
        }
    }

    /// The round the page is about, shaded half-way to the neighbouring rounds, within the plot.
    private func drawCurrentRound(into svg: inout SVGWriter, _ plot: Plot) {
        guard let current, rounds.indices.contains(current) else { return }
        let half = rounds.count > 1 ? plot.spacing / 2 : Self.inset
        let start = max(Self.left, plot.x(current) - half)
        let end = min(Self.right, plot.x(current) + half)
        svg.empty(
            "rect",
            [
                ("class", "results-chart__current"), ("x", SVGWriter.number(start)), ("y", SVGWriter.number(Self.top)),
                ("width", SVGWriter.number(end - start)), ("height", SVGWriter.number(Self.plotHeight)), ("fill", "#f1f3f6"),
            ])
    }

    /// Grid lines and their values at each step of the scale.
    private func drawGrid(into svg: inout SVGWriter, _ plot: Plot) {
        let step = RadarChart.ringStep(scaleMin: scaleMin, scaleMax: scaleMax)
        let values = stride(from: scaleMin, through: scaleMax, by: step)
        svg.open("g", [("class", "results-chart__grid"), ("stroke", "#dde2e8"), ("stroke-width", "1")])
        for value in values {
            let lineY = SVGWriter.number(plot.y(Double(value)))
            svg.empty(
                "line", [("x1", SVGWriter.number(Self.left)), ("x2", SVGWriter.number(Self.right)), ("y1", lineY), ("y2", lineY)])
        }
        svg.close("g")
        svg.open(
            "g",
            [
                ("class", "results-chart__scale"), ("fill", "#556070"), ("font-size", "12"), ("text-anchor", "end"),
                ("aria-hidden", "true"),
            ])
        for value in values {
            svg.element(
                "text", [("x", SVGWriter.number(Self.left - 8)), ("y", SVGWriter.number(plot.y(Double(value)) + 4))],
                text: "\(value)")
        }
        svg.close("g")
    }

    /// Band thresholds: a dashed line where each band starts, its name just above the line.
    private func drawBands(into svg: inout SVGWriter, _ plot: Plot) {
        svg.open("g", [("class", "results-chart__bands"), ("fill", "#556070"), ("font-size", "12.5"), ("font-style", "italic")])
        for (index, band) in bands.enumerated() where band.min >= Double(scaleMin) && band.min <= Double(scaleMax) {
            let lineY = plot.y(band.min)
            if index > 0 {
                svg.empty(
                    "line",
                    [
                        ("class", "results-chart__threshold"), ("x1", SVGWriter.number(Self.left)),
                        ("x2", SVGWriter.number(Self.right)),
                        ("y1", SVGWriter.number(lineY)), ("y2", SVGWriter.number(lineY)), ("stroke", "#8a94a3"),
                        ("stroke-width", "1"),
                        ("stroke-dasharray", "3 3"),
                    ])
            }
            svg.element(
                "text",
                [
                    ("class", "results-chart__band-label"), ("x", SVGWriter.number(Self.left + 6)),
                    ("y", SVGWriter.number(lineY - 5)),
                ], text: band.label)
        }
        svg.close("g")
    }

    /// Round labels under the axis; slanted when they would not fit side by side.
    private func drawRoundLabels(into svg: inout SVGWriter, _ plot: Plot) {
        svg.open("g", [("class", "results-chart__rounds"), ("fill", "#1c2430"), ("font-size", "13.5")])
        for (index, label) in rounds.enumerated() {
            let labelX = SVGWriter.number(plot.x(index))
            let labelY = SVGWriter.number(plot.bottom + 22)
            let weight = index == current ? "700" : nil
            if plot.slanted {
                // Down to the right, where the end labels leave room; the table below has the whole label.
                let shown = label.count > Self.slantedLength ? String(label.prefix(Self.slantedLength - 1)) + "…" : label
                svg.element(
                    "text",
                    [
                        ("x", labelX), ("y", labelY), ("text-anchor", "start"), ("transform", "rotate(30 \(labelX) \(labelY))"),
                        ("font-weight", weight),
                    ], text: shown)
            } else {
                svg.element(
                    "text", [("x", labelX), ("y", labelY), ("text-anchor", "middle"), ("font-weight", weight)], text: label)
            }
        }
        svg.close("g")
    }

    /// The lines with their markers, the first series drawn last, on top; a missing value breaks
    /// its line.
    private func drawLines(into svg: inout SVGWriter, _ plot: Plot) {
        for series in series.reversed() where !series.isEmpty {
            var runs: [[(x: Double, y: Double)]] = [[]]
            for (round, value) in series.values.enumerated() {
                if let value {
                    runs[runs.count - 1].append((plot.x(round), plot.y(value)))
                } else if !runs[runs.count - 1].isEmpty {
                    runs.append([])
                }
            }
            svg.open("g", [("class", "results-chart__series results-chart__series--\(series.style.rawValue)")])
            svg.empty("path", [("d", SVGWriter.path(runs))] + SVGWriter.lineAttributes(series.style))
            for (round, value) in series.values.enumerated() {
                guard let value else { continue }
                svg.marker(series.style, x: plot.x(round), y: plot.y(value), data: ScoreFormat.full(value))
            }
            svg.close("g")
        }
    }

    /// The first series' values at its points.
    private func drawValues(into svg: inout SVGWriter, _ plot: Plot) {
        guard let first = series.first else { return }
        svg.open(
            "g",
            [
                ("class", "results-chart__values"), ("fill", "#1c2430"), ("font-size", "13.5"), ("font-weight", "700"),
                ("text-anchor", "middle"), ("stroke", "#ffffff"), ("stroke-width", "3"), ("paint-order", "stroke"),
            ])
        for (round, value) in first.values.enumerated() {
            guard let value else { continue }
            svg.element("text", valuePosition(round: round, value: value, plot), text: ScoreFormat.decimal(value, language))
        }
        svg.close("g")
    }

    /// Where the first series' value in a round is written: above the point, unless another line's
    /// point is there; then below, or else to the left.
    private func valuePosition(round: Int, value: Double, _ plot: Plot) -> [(String, String?)] {
        let others = series.dropFirst().compactMap { $0.values.indices.contains(round) ? $0.values[round] : nil }.map {
            plot.y($0) - plot.y(value)
        }
        let above = others.filter { $0 < 0 }.map { -$0 }.min() ?? .infinity
        let below = others.filter { $0 >= 0 }.min() ?? .infinity
        let x = plot.x(round)
        let y = plot.y(value)
        if above >= 24 {
            return [("x", SVGWriter.number(x)), ("y", SVGWriter.number(y - 11))]
        } else if below >= 26 {
            return [("x", SVGWriter.number(x)), ("y", SVGWriter.number(y + 22))]
        } else {
            return [("x", SVGWriter.number(x - 10)), ("y", SVGWriter.number(y + 5)), ("text-anchor", "end")]
        }
    }

    /// A label beside each line's last point: the series' name and its last value.
    private struct EndLabel {
        var y: Double
        var x: Double
        var series: ChartSeries
        var value: Double
    }

    /// A label beside each line's last point, moved apart where they would overlap.
    private func drawEndLabels(into svg: inout SVGWriter, _ plot: Plot) {
        svg.open("g", [("class", "results-chart__end-labels"), ("fill", "#1c2430"), ("font-size", "14")])
        for label in endLabels(plot) {
            svg.open("text", [("x", SVGWriter.number(label.x)), ("y", SVGWriter.number(label.y))])
            svg.element("tspan", [("font-weight", "700")], text: label.series.name)
            svg.raw(" ")
            svg.element("tspan", [], text: ScoreFormat.decimal(label.value, language))
            svg.close("text")
        }
        svg.close("g")
    }

    /// The end labels from top to bottom, at least a line apart, moved up together when the
    /// lowest would fall below the plot.
    private func endLabels(_ plot: Plot) -> [EndLabel] {
        var labels: [EndLabel] = []
        for series in series {
            guard let last = series.values.lastIndex(where: { $0 != nil }), let value = series.values[last] else { continue }
            labels.append(EndLabel(y: plot.y(value) + 4, x: plot.x(last) + 14, series: series, value: value))
        }
        labels.sort { $0.y < $1.y }
        let gap = 18.0
        for i in labels.indices.dropFirst() where labels[i].y - labels[i - 1].y < gap {
            labels[i].y = labels[i - 1].y + gap
        }
        if let last = labels.last, last.y > plot.bottom + 4 {
            let shift = last.y - (plot.bottom + 4)
            for i in labels.indices { labels[i].y -= shift }
        }
        return labels
    }
}
