/// One line of a chart: a name, a value per axis or round, and how it is drawn.
public struct ChartSeries: Sendable, Equatable {
    /// How a series is told apart without colour: line pattern and marker shape.
    ///
    /// Colour comes from the theme (`.results-chart__series--sales` and so on); the pattern, the
    /// marker and a label say the same in greyscale and on paper.
    public enum Style: String, Sendable, CaseIterable {
        /// A solid line with round markers (the whole group).
        case overall
        /// A dashed line with square markers.
        case sales
        /// A dotted line with triangle markers.
        case marketing

        /// `stroke-dasharray`, or nil for a solid line.
        var dash: String? {
            switch self {
            case .overall: nil
            case .sales: "9 5"
            case .marketing: "0.5 6"
            }
        }

        var strokeWidth: String {
            switch self {
            case .overall: "2.5"
            case .sales: "2.5"
            case .marketing: "3.5"
            }
        }

        /// The colour when the theme's stylesheet is not there (an SVG copied out of the page).
        var fallbackColour: String {
            switch self {
            case .overall: "#1c2430"
            case .sales: "#1d4ed8"
            case .marketing: "#b45309"
            }
        }
    }

    public var name: String
    /// One per axis (radar) or round (trend); nil where there is no number to show.
    public var values: [Double?]
    public var style: Style
    /// Said after the name in the legend, e.g. why the series has no line ("fewer than 3 answers").
    public var note: String?

    public init(name: String, values: [Double?], style: Style, note: String? = nil) {
        self.name = name
        self.values = values
        self.style = style
        self.note = note
    }

    /// Whether the series has anything to draw.
    public var isEmpty: Bool { !values.contains { $0 != nil } }
}
