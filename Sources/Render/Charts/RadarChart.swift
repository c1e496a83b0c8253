public import Core

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// A radar chart: one axis per question, from the scale's lowest value in the centre to its
/// highest at the rim, and one closed line per series.
///
/// Inline SVG made at build time: no script, no external requests. It carries `role="img"`, a
/// title and a description; the page shows the same numbers in a table. Series differ by line
/// pattern and marker shape as well as by colour, and the legend names them, so the chart reads
/// in greyscale and on paper. It scales with its container (a `viewBox`, no fixed size).
public struct RadarChart: Sendable {
    /// Unique on the page: the SVG's id and the prefix of its title's and description's ids.
    public var id: String
    public var title: String
    public var description: String
    /// Each axis's label, in axis order, clockwise from the top.
    public var axes: [String]
    /// A short mark per axis drawn at the rim (`1`, `2`, ...), matching the page's table.
    public var axisNumbers: [String]
    public var scaleMin: Int
    public var scaleMax: Int
    /// Drawn in this order, so the last is on top.
    public var series: [ChartSeries]
    public var language: Language

    public init(
        id: String, title: String, description: String, axes: [String], axisNumbers: [String], scaleMin: Int, scaleMax: Int,
        series: [ChartSeries], language: Language
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.axes = axes
        self.axisNumbers = axisNumbers
        self.scaleMin = scaleMin
        self.scaleMax = scaleMax
        self.series = series
        self.language = language
    }

    static let width = 760.0
    static let height = 640.0
    static let centre = (x: 380.0, y: 340.0)
    static let radius = 185.0
    /// Axis labels are wrapped to lines of about this many characters.
    static let labelWidth = 20
    /// With more axes than this, only the numbers are written at the rim.
    static let maxLabelledAxes = 12

    /// The chart as an `<svg>` element.
    public func svg() -> String {
        var svg = SVGWriter()
        svg.openChart(id: id, kind: "radar", width: Self.width, height: Self.height, title: title, description: description)
        let count = axes.count
        let range = Double(scaleMax - scaleMin)

        func point(_ axis: Int, _ value: Double) -> (x: Double, y: Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(axis) / Double(count)
            let r = Self.radius * (value - Double(scaleMin)) / range
            return (Self.centre.x + r * cos(angle), Self.centre.y + r * sin(angle))
        }

        // Rings at round steps of the scale, with their values along the top axis.
        svg.open("g", [("class", "results-chart__grid"), ("fill", "none"), ("stroke", "#c9d0d8"), ("stroke-width", "1")])
        let step = Self.ringStep(scaleMin: scaleMin, scaleMax: scaleMax)
        var ringValues: [Int] = []
        var value = scaleMin + step
        while value <= scaleMax {
            ringValues.append(value)
            value += step
        }
        if ringValues.last != scaleMax { ringValues.append(scaleMax) }
        for ring in ringValues {
            svg.empty("polygon", [("points", SVGWriter.points((0..<count).map { point($0, Double(ring)) }))])
        }
        for axis in 0..<count {
            let rim = point(axis, Double(scaleMax))
            svg.empty(
                "line",
                [
                    ("x1", SVGWriter.number(Self.centre.x)), ("y1", SVGWriter.number(Self.centre.y)),
                    ("x2", SVGWriter.number(rim.x)), ("y2", SVGWriter.number(rim.y)),
                ])
        }
        svg.close("g")
        svg.open("g", [("class", "results-chart__scale"), ("fill", "#556070"), ("font-size", "12"), ("aria-hidden", "true")])
        for ring in [scaleMin] + ringValues {
            let p = point(0, Double(ring))
            svg.element(
                "text", [("x", SVGWriter.number(p.x + 5)), ("y", SVGWriter.number(p.y + (ring == scaleMin ? -4 : 12)))],
                text: "\(ring)")
        }
        svg.close("g")

        // Axis labels: the number in bold, then the wrapped text, placed outside the rim.
        svg.open("g", [("class", "results-chart__axis-labels"), ("fill", "#1c2430")])
        for axis in 0..<count {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(axis) / Double(count)
            let (dx, dy) = (cos(angle), sin(angle))
            let anchor = dx > 0.2 ? "start" : dx < -0.2 ? "end" : "middle"
            let at = (x: Self.centre.x + (Self.radius + 16) * dx, y: Self.centre.y + (Self.radius + 16) * dy)
            var lines = count <= Self.maxLabelledAxes ? Self.wrap(axes[axis], width: Self.labelWidth) : []
            if lines.count > 4 {
                lines = Array(lines.prefix(4))
                lines[3] += "…"
            }
            let lineHeight = 16.0
            let extra = Double(lines.count) * lineHeight
            // The number's baseline: above the centre the block grows upwards, below it downwards,
            // beside it it is centred on the axis.
            let top = dy < -0.5 ? at.y - 4 - extra : dy > 0.5 ? at.y + 12 : at.y + 4 - extra / 2
            svg.open("text", [("x", SVGWriter.number(at.x)), ("y", SVGWriter.number(top)), ("text-anchor", anchor)])
            svg.element(
                "tspan", [("class", "results-chart__axis-number"), ("font-weight", "700"), ("font-size", "15")],
                text: axisNumbers[axis])
            for line in lines {
                svg.element(
                    "tspan", [("x", SVGWriter.number(at.x)), ("dy", SVGWriter.number(lineHeight)), ("font-size", "14")],
                    text: line)
            }
            svg.close("text")
        }
        svg.close("g")

        // The series: a line through the values (closed when none is missing), and a marker on each.
        for series in series where !series.isEmpty {
            var runs: [[(x: Double, y: Double)]] = [[]]
            for (axis, value) in series.values.enumerated() {
                if let value {
                    runs[runs.count - 1].append(point(axis, value))
                } else if !runs[runs.count - 1].isEmpty {
                    runs.append([])
                }
            }
            let complete = !series.values.contains { $0 == nil }
            svg.open("g", [("class", "results-chart__series results-chart__series--\(series.style.rawValue)")])
            if complete, series.style == .overall {
                svg.empty(
                    "polygon",
                    [
                        ("class", "results-chart__area"), ("points", SVGWriter.points(runs[0])),
                        ("fill", series.style.fallbackColour),
                        ("fill-opacity", "0.07"), ("stroke", "none"),
                    ])
            }
            // A run that wraps past the last axis joins the first run.
            if !complete, runs.count > 1, series.values.first != nil, series.values.last != nil {
                runs[0] = runs.removeLast() + runs[0]
            }
            svg.empty("path", [("d", SVGWriter.path(runs, closed: complete))] + SVGWriter.lineAttributes(series.style))
            for (axis, value) in series.values.enumerated() {
                guard let value else { continue }
                let p = point(axis, value)
                svg.marker(series.style, x: p.x, y: p.y, data: ScoreFormat.full(value))
            }
            svg.close("g")
        }

        // The legend, top left: the same line and marker as in the chart, with the name.
        svg.open("g", [("class", "results-chart__legend"), ("fill", "#1c2430")])
        var x = 12.0
        for series in series {
            x += svg.legendEntry(series, x: x, y: 20)
        }
        svg.close("g")
        svg.close("svg")
        return svg.out
    }

    /// The distance between rings: every value of a short scale, about five rings on a long one.
    static func ringStep(scaleMin: Int, scaleMax: Int) -> Int {
        let range = scaleMax - scaleMin
        return range <= 6 ? 1 : (range + 4) / 5
    }

    /// Splits text into lines of at most `width` characters, at spaces; a longer word stays whole.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
