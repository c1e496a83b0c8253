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

    /// The chart as an `<svg>` element.
    public func svg() -> String {
        let bottom = Self.top + Self.plotHeight
        let spacing = rounds.count > 1 ? (Self.right - Self.left - 2 * Self.inset) / Double(rounds.count - 1) : 0
        let longest = Double(rounds.map(\.count).max() ?? 0) * Self.characterWidth
        let slanted = rounds.count > 1 && longest > spacing - 10
        let height = bottom + (slanted ? 28 + min(longest, Double(Self.slantedLength) * Self.characterWidth) * 0.5 : 34)
        let range = Double(scaleMax - scaleMin)

        func x(_ round: Int) -> Double {
            rounds.count > 1 ? Self.left + Self.inset + Double(round) * spacing : (Self.left + Self.right) / 2
        }
        func y(_ value: Double) -> Double {
            bottom - (value - Double(scaleMin)) / range * Self.plotHeight
        }

        var svg = SVGWriter()
        svg.openChart(id: id, kind: "trend", width: Self.width, height: height, title: title, description: description)

        if let current, rounds.indices.contains(current) {
            // Half-way to the neighbouring rounds, within the plot.
            let half = rounds.count > 1 ? spacing / 2 : Self.inset
            let start = max(Self.left, x(current) - half)
            let end = min(Self.right, x(current) + half)
            svg.empty(
                "rect",
                [
                    ("class", "results-chart__current"), ("x", SVGWriter.number(start)), ("y", SVGWriter.number(Self.top)),
                    ("width", SVGWriter.number(end - start)), ("height", SVGWriter.number(Self.plotHeight)), ("fill", "#f1f3f6"),
                ])
        }

        // Grid lines and their values at each step of the scale.
        let step = RadarChart.ringStep(scaleMin: scaleMin, scaleMax: scaleMax)
        svg.open("g", [("class", "results-chart__grid"), ("stroke", "#dde2e8"), ("stroke-width", "1")])
        var value = scaleMin
        while value <= scaleMax {
            let lineY = SVGWriter.number(y(Double(value)))
            svg.empty(
                "line", [("x1", SVGWriter.number(Self.left)), ("x2", SVGWriter.number(Self.right)), ("y1", lineY), ("y2", lineY)])
            value += step
        }
        svg.close("g")
        svg.open(
            "g",
            [
                ("class", "results-chart__scale"), ("fill", "#556070"), ("font-size", "12"), ("text-anchor", "end"),
                ("aria-hidden", "true"),
            ])
        value = scaleMin
        while value <= scaleMax {
            svg.element(
                "text", [("x", SVGWriter.number(Self.left - 8)), ("y", SVGWriter.number(y(Double(value)) + 4))], text: "\(value)")
            value += step
        }
        svg.close("g")

        // Band thresholds: a dashed line where each band starts, its name just above the line.
        svg.open("g", [("class", "results-chart__bands"), ("fill", "#556070"), ("font-size", "12.5"), ("font-style", "italic")])
        for (index, band) in bands.enumerated() where band.min >= Double(scaleMin) && band.min <= Double(scaleMax) {
            let lineY = y(band.min)
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

        // Round labels under the axis; slanted when they would not fit side by side.
        svg.open("g", [("class", "results-chart__rounds"), ("fill", "#1c2430"), ("font-size", "13.5")])
        for (index, label) in rounds.enumerated() {
            let labelX = SVGWriter.number(x(index))
            let labelY = SVGWriter.number(bottom + 22)
            let weight = index == current ? "700" : nil
            if slanted {
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

        // The lines, the first series on top, and the first series' values above its points.
        for series in series.reversed() where !series.isEmpty {
            var runs: [[(x: Double, y: Double)]] = [[]]
            for (round, value) in series.values.enumerated() {
                if let value {
                    runs[runs.count - 1].append((x(round), y(value)))
                } else if !runs[runs.count - 1].isEmpty {
                    runs.append([])
                }
            }
            svg.open("g", [("class", "results-chart__series results-chart__series--\(series.style.rawValue)")])
            svg.empty("path", [("d", SVGWriter.path(runs))] + SVGWriter.lineAttributes(series.style))
            for (round, value) in series.values.enumerated() {
                guard let value else { continue }
                svg.marker(series.style, x: x(round), y: y(value), data: ScoreFormat.full(value))
            }
            svg.close("g")
        }
        if let first = series.first {
            svg.open(
                "g",
                [
                    ("class", "results-chart__values"), ("fill", "#1c2430"), ("font-size", "13.5"), ("font-weight", "700"),
                    ("text-anchor", "middle"), ("stroke", "#ffffff"), ("stroke-width", "3"), ("paint-order", "stroke"),
                ])
            for (round, value) in first.values.enumerated() {
                guard let value else { continue }
                // Above the point, unless another line's point is there; then below, or else to the left.
                let others = series.dropFirst().compactMap { $0.values.indices.contains(round) ? $0.values[round] : nil }.map {
                    y($0) - y(value)
                }
                let above = others.filter { $0 < 0 }.map { -$0 }.min() ?? .infinity
                let below = others.filter { $0 >= 0 }.min() ?? .infinity
                let text = ScoreFormat.decimal(value, language)
                if above >= 24 {
                    svg.element("text", [("x", SVGWriter.number(x(round))), ("y", SVGWriter.number(y(value) - 11))], text: text)
                } else if below >= 26 {
                    svg.element("text", [("x", SVGWriter.number(x(round))), ("y", SVGWriter.number(y(value) + 22))], text: text)
                } else {
                    svg.element(
                        "text",
                        [
                            ("x", SVGWriter.number(x(round) - 10)), ("y", SVGWriter.number(y(value) + 5)), ("text-anchor", "end"),
                        ], text: text)
                }
            }
            svg.close("g")
        }

        // A label beside each line's last point, moved apart where they would overlap.
        var labels: [(y: Double, x: Double, series: ChartSeries, value: Double)] = []
        for series in series {
            guard let last = series.values.lastIndex(where: { $0 != nil }), let value = series.values[last] else { continue }
            labels.append((y(value) + 4, x(last) + 14, series, value))
        }
        labels.sort { $0.y < $1.y }
        let gap = 18.0
        for i in labels.indices.dropFirst() where labels[i].y - labels[i - 1].y < gap {
            labels[i].y = labels[i - 1].y + gap
        }
        if let last = labels.last, last.y > bottom + 4 {
            let shift = last.y - (bottom + 4)
            for i in labels.indices { labels[i].y -= shift }
        }
        svg.open("g", [("class", "results-chart__end-labels"), ("fill", "#1c2430"), ("font-size", "14")])
        for label in labels {
            svg.open("text", [("x", SVGWriter.number(label.x)), ("y", SVGWriter.number(label.y))])
            svg.element("tspan", [("font-weight", "700")], text: label.series.name)
            svg.raw(" ")
            svg.element("tspan", [], text: ScoreFormat.decimal(label.value, language))
            svg.close("text")
        }
        svg.close("g")
        svg.close("svg")
        return svg.out
    }
}
