public import Core

/// Where a score lies on the scale: the scale as a bar divided into the questionnaire's bands,
/// each named inside its stretch, and a marker at the score.
///
/// The bands are told apart by their names and a light-to-dark order, not by colour alone.
public struct BandScale: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var scaleMin: Int
    public var scaleMax: Int
    public var bands: [TrendChart.Band]
    /// The score; nil draws the scale without a marker.
    public var value: Double?
    public var language: Language

    public init(
        id: String, title: String, description: String, scaleMin: Int, scaleMax: Int, bands: [TrendChart.Band], value: Double?,
        language: Language
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.bands = bands
        self.value = value
        self.language = language
    }

    static let width = 640.0
    static let height = 80.0
    static let left = 12.0
    static let right = 628.0
    static let barTop = 28.0
    static let barHeight = 26.0

    /// The scale as an `<svg>` element.
    public func svg() -> String {
        let range = Double(scaleMax - scaleMin)
        func x(_ value: Double) -> Double {
            Self.left + (min(max(value, Double(scaleMin)), Double(scaleMax)) - Double(scaleMin)) / range
                * (Self.right - Self.left)
        }
        var svg = SVGWriter()
        svg.openChart(id: id, kind: "scale", width: Self.width, height: Self.height, title: title, description: description)

        // The bands, lighter to darker, each named when its stretch is wide enough.
        svg.open("g", [("class", "results-chart__band-segments")])
        for (index, band) in bands.enumerated() {
            let start = x(band.min)
            let end = index + 1 < bands.count ? x(bands[index + 1].min) : Self.right
            let opacity = bands.count > 1 ? 0.07 + 0.2 * Double(index) / Double(bands.count - 1) : 0.12
            svg.empty(
                "rect",
                [
                    ("class", "results-chart__band results-chart__band--\(index + 1)"), ("x", SVGWriter.number(start)),
                    ("y", SVGWriter.number(Self.barTop)), ("width", SVGWriter.number(end - start)),
                    ("height", SVGWriter.number(Self.barHeight)),
                    ("fill", "#1d4ed8"), ("fill-opacity", SVGWriter.fraction(opacity)), ("stroke", "#ffffff"),
                    ("stroke-width", "2"),
                ])
            if Double(band.label.count) * 7.2 + 12 < end - start {
                svg.element(
                    "text",
                    [
                        ("class", "results-chart__band-name"), ("x", SVGWriter.number((start + end) / 2)),
                        ("y", SVGWriter.number(Self.barTop + 18)), ("text-anchor", "middle"), ("fill", "#1c2430"),
                        ("font-size", "13"),
                    ], text: band.label)
            }
        }
        svg.close("g")

        // The scale's values under the bar.
        svg.open("g", [("class", "results-chart__scale"), ("fill", "#556070"), ("font-size", "12"), ("aria-hidden", "true")])
        let step = RadarChart.ringStep(scaleMin: scaleMin, scaleMax: scaleMax)
        var tick = scaleMin
        while tick <= scaleMax {
            let anchor = tick == scaleMin ? "start" : tick == scaleMax ? "end" : "middle"
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(x(Double(tick)))), ("y", SVGWriter.number(Self.barTop + Self.barHeight + 15)),
                    ("text-anchor", anchor),
                ], text: "\(tick)")
            tick += step
        }
        svg.close("g")

        // The marker: a line through the bar, a triangle above it, the value above that.
        if let value {
            let at = x(value)
            svg.open("g", [("class", "results-chart__score-marker"), ("data-value", ScoreFormat.full(value))])
            svg.empty(
                "line",
                [
                    ("x1", SVGWriter.number(at)), ("x2", SVGWriter.number(at)), ("y1", SVGWriter.number(Self.barTop - 2)),
                    ("y2", SVGWriter.number(Self.barTop + Self.barHeight + 2)), ("stroke", "#1c2430"), ("stroke-width", "3"),
                ])
            svg.empty(
                "polygon",
                [
                    (
                        "points",
                        SVGWriter.points([(at - 7, Self.barTop - 12), (at + 7, Self.barTop - 12), (at, Self.barTop - 3)])
                    ),
                    ("fill", "#1c2430"),
                ])
            let anchor = at < Self.left + 20 ? "start" : at > Self.right - 20 ? "end" : "middle"
            svg.element(
                "text",
                [
                    ("x", SVGWriter.number(at)), ("y", SVGWriter.number(Self.barTop - 15)), ("text-anchor", anchor),
                    ("font-weight", "700"),
                    ("fill", "#1c2430"),
                ], text: ScoreFormat.decimal(value, language))
            svg.close("g")
        }
        svg.close("svg")
        return svg.out
    }
}
