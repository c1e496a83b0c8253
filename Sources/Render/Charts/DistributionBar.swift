/// How a question's answers spread over the scale: one bar, a segment per scale value as wide as
/// its share of the answers, from the lowest value (lightest) to the highest (darkest).
///
/// The shades are one colour at rising strength, so their order survives greyscale; segments
/// that are wide enough carry their count, and the label says every count in words.
public struct DistributionBar: Sendable {
    /// The count of each scale value, from the lowest to the highest.
    public var counts: [Int]
    /// The first scale value, for the label.
    public var scaleMin: Int
    /// What a screen reader announces and a tooltip shows: every count, in words.
    public var label: String

    public init(counts: [Int], scaleMin: Int, label: String) {
        self.counts = counts
        self.scaleMin = scaleMin
        self.label = label
    }

    static let width = 160.0
    static let height = 22.0
    /// A segment narrower than this shows no count.
    static let minimumLabelledWidth = 13.0

    /// The strength of the colour for value `index` of `count` values: light to dark.
    static func opacity(_ index: Int, of count: Int) -> Double {
        count > 1 ? 0.14 + 0.82 * Double(index) / Double(count - 1) : 0.9
    }

    /// The bar as an `<svg>` element.
    public func svg() -> String {
        var svg = SVGWriter()
        svg.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("class", "results-distribution"),
                ("viewBox", "0 0 \(SVGWriter.number(Self.width)) \(SVGWriter.number(Self.height))"), ("role", "img"),
                ("aria-label", label), ("font-size", "11"),
            ])
        svg.element("title", text: label)
        let total = counts.reduce(0, +)
        // White under the segments, so their shades are the same on a tinted table row.
        svg.empty(
            "rect",
            [
                ("class", "results-distribution__track"), ("x", "0.5"), ("y", "0.5"), ("width", SVGWriter.number(Self.width - 1)),
                ("height", SVGWriter.number(Self.height - 1)), ("fill", "#ffffff"), ("stroke", "#c9d0d8"),
            ])
        guard total > 0 else {
            svg.close("svg")
            return svg.out
        }
        var x = 0.0
        for (index, count) in counts.enumerated() where count > 0 {
            let width = Self.width * Double(count) / Double(total)
            let opacity = Self.opacity(index, of: counts.count)
            svg.empty(
                "rect",
                [
                    ("class", "results-distribution__segment"), ("x", SVGWriter.number(x)), ("y", "0"),
                    ("width", SVGWriter.number(width)),
                    ("height", SVGWriter.number(Self.height)), ("fill", "#1d4ed8"), ("fill-opacity", SVGWriter.fraction(opacity)),
                    ("stroke", "#ffffff"), ("stroke-width", "1"), ("data-value", "\(scaleMin + index)"),
                    ("data-count", "\(count)"),
                ])
            if width >= Self.minimumLabelledWidth {
                svg.element(
                    "text",
                    [
                        (
                            "class",
                            opacity > 0.5
                                ? "results-distribution__count results-distribution__count--on-dark"
                                : "results-distribution__count"
                        ),
                        ("x", SVGWriter.number(x + width / 2)), ("y", "15"), ("text-anchor", "middle"),
                        ("fill", opacity > 0.5 ? "#ffffff" : "#1c2430"), ("aria-hidden", "true"),
                    ], text: "\(count)")
            }
            x += width
        }
        svg.close("svg")
        return svg.out
    }

    /// A key to the shades: a swatch per scale value with the value in it.
    ///
    /// - Parameters:
    ///   - values: The scale's values as written, lowest first.
    ///   - label: What the key says in words, e.g. "1 (not so good) to 5 (super)".
    public static func key(values: [String], label: String) -> String {
        var svg = SVGWriter()
        let size = 22.0
        svg.open(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("class", "results-distribution results-distribution--key"),
                ("viewBox", "0 0 \(SVGWriter.number(size * Double(values.count))) \(SVGWriter.number(size))"), ("role", "img"),
                ("aria-label", label), ("font-size", "11"),
            ])
        svg.element("title", text: label)
        for (index, value) in values.enumerated() {
            let opacity = opacity(index, of: values.count)
            svg.empty(
                "rect",
                [
                    ("class", "results-distribution__segment"), ("x", SVGWriter.number(Double(index) * size)), ("y", "0"),
                    ("width", SVGWriter.number(size)), ("height", SVGWriter.number(size)), ("fill", "#1d4ed8"),
                    ("fill-opacity", SVGWriter.fraction(opacity)), ("stroke", "#ffffff"), ("stroke-width", "1"),
                ])
            svg.element(
                "text",
                [
                    (
                        "class",
                        opacity > 0.5
                            ? "results-distribution__count results-distribution__count--on-dark" : "results-distribution__count"
                    ),
                    ("x", SVGWriter.number(Double(index) * size + size / 2)), ("y", "15"), ("text-anchor", "middle"),
                    ("fill", opacity > 0.5 ? "#ffffff" : "#1c2430"), ("aria-hidden", "true"),
                ], text: value)
        }
        svg.close("svg")
        return svg.out
    }
}
