internal import Core

/// Builds SVG markup with every attribute value and text escaped, and coordinates written the
/// same way on every machine (rounded to a tenth, no exponent), so charts can be snapshot-tested.
struct SVGWriter {
    var out = ""

    /// `<tag a="1">`; an attribute whose value is nil is left out.
    mutating func open(_ tag: String, _ attributes: [(String, String?)] = []) {
        out += "<" + tag
        append(attributes)
        out += ">"
    }

    /// `<tag a="1"/>`
    mutating func empty(_ tag: String, _ attributes: [(String, String?)] = []) {
        out += "<" + tag
        append(attributes)
        out += "/>"
    }

    /// `<tag a="1">text</tag>` with the text escaped.
    mutating func element(_ tag: String, _ attributes: [(String, String?)] = [], text: String) {
        open(tag, attributes)
        HTML.escape(text, into: &out, for: .text)
        out += "</\(tag)>"
    }

    mutating func close(_ tag: String) {
        out += "</\(tag)>"
    }

    /// Markup written as it is: only for markup this module built.
    mutating func raw(_ markup: String) {
        out += markup
    }

    private mutating func append(_ attributes: [(String, String?)]) {
        for (name, value) in attributes {
            guard let value else { continue }
            out += " " + name + "=\""
            HTML.escape(value, into: &out, for: .attribute)
            out += "\""
        }
    }

    /// A coordinate rounded to a tenth: `12.3`, `12`, `-4.5`.
    static func number(_ value: Double) -> String {
        FixedPoint(digits: 1, trimsZeros: true).format(value)
    }

    /// A value from 0 to 1 with two decimals, for opacities: `0.14`, `1`.
    static func fraction(_ value: Double) -> String {
        let text = FixedPoint(digits: 2).format(min(max(value, 0), 1))
        return text == "1.00" ? "1" : text
    }

    /// `x,y x,y ...` for `points`.
    static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
    }

    /// A path through runs of points: a move to the first of each run, lines to the rest.
    /// - Parameter closed: join the last point to the first (a radar series with every value).
    static func path(_ runs: [[(x: Double, y: Double)]], closed: Bool = false) -> String {
        var d: [String] = []
        for run in runs where !run.isEmpty {
            d.append("M" + number(run[0].x) + " " + number(run[0].y))
            for point in run.dropFirst() { d.append("L" + number(point.x) + " " + number(point.y)) }
        }
        if closed { d.append("Z") }
        return d.joined(separator: " ")
    }

    /// A series' marker: a circle, a square or a triangle, centred on the point.
    mutating func marker(_ style: ChartSeries.Style, x: Double, y: Double, data: String?) {
        let common: [(String, String?)] = [
            ("class", "results-chart__marker results-chart__marker--\(style.rawValue)"),
            ("fill", style.fallbackColour), ("stroke", "#ffffff"), ("stroke-width", "1.5"), ("data-value", data),
        ]
        switch style {
        case .overall:
            empty("circle", [("cx", Self.number(x)), ("cy", Self.number(y)), ("r", "4.5")] + common)
        case .sales:
            empty("rect", [("x", Self.number(x - 4.5)), ("y", Self.number(y - 4.5)), ("width", "9"), ("height", "9")] + common)
        case .marketing:
            let points = [(x: x, y: y - 6), (x: x + 5.5, y: y + 4), (x: x - 5.5, y: y + 4)]
            empty("polygon", [("points", Self.points(points))] + common)
        }
    }

    /// The line of a series: its pattern as attributes, its colour from the theme's class.
    static func lineAttributes(_ style: ChartSeries.Style) -> [(String, String?)] {
        [
            ("class", "results-chart__line results-chart__line--\(style.rawValue)"),
            ("fill", "none"), ("stroke", style.fallbackColour), ("stroke-width", style.strokeWidth),
            ("stroke-dasharray", style.dash), ("stroke-linecap", "round"), ("stroke-linejoin", "round"),
        ]
    }

    /// A legend entry: a short stretch of the series' line with its marker, and its name.
    mutating func legendEntry(_ series: ChartSeries, x: Double, y: Double) -> Double {
        open("g", [("class", "results-chart__legend-entry")])
        if !series.isEmpty {
            empty("path", [("d", "M" + Self.number(x) + " " + Self.number(y) + " h30")] + Self.lineAttributes(series.style))
            marker(series.style, x: x + 15, y: y, data: nil)
        }
        // A series with nothing to draw has no sample: its name says why.
        let label = series.name + (series.note.map { " (\($0))" } ?? "")
        let textX = series.isEmpty ? x : x + 38
        element(
            "text", [("x", Self.number(textX)), ("y", Self.number(y + 5)), ("class", "results-chart__legend-text")], text: label)
        close("g")
        // Room for the next entry: an estimate of the text's width at 14 units per em.
        return textX - x + Double(label.count) * 7.8 + 24
    }
}

/// Accessible wrapping of a chart: `role="img"`, a title and a description that screen readers
/// announce, and both available to people as a tooltip.
extension SVGWriter {
    /// - Parameters:
    ///   - family: the chart's class, `results-chart` or `pipeline-chart`, with `--kind` after it.
    mutating func openChart(
        id: String, kind: String, width: Double, height: Double, title: String, description: String,
        family: String = "results-chart", fontSize: Int = 14
    ) {
        open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("class", "\(family) \(family)--\(kind)"), ("id", id),
                ("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"), ("role", "img"),
                ("aria-labelledby", "\(id)-title \(id)-desc"), ("font-size", String(fontSize)),
            ])
        element("title", [("id", "\(id)-title")], text: title)
        element("desc", [("id", "\(id)-desc")], text: description)
    }
}
