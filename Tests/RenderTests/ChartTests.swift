import Core
import Foundation
import TestSupport
import Testing

@testable import Render

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The results pages' SVG charts, compared with the snapshots in `Snapshots/charts/`
/// (re-record on purpose with `TANDEM_RECORD=1 swift test --filter ChartTests`).
@Suite struct ChartTests {
    static let snapshots = Repository.root + "/Tests/RenderTests/Snapshots/charts"

    static let questions = [
        "Does marketing understand what goes on in sales?", "Does sales understand what goes on in marketing?",
        "How is the internal relationship defined?", "Are marketing's and sales' metrics connected?", "Are leads sorted?",
        "Is the whole pipeline reported and visible?", "What is the relationship between the two departments?",
        "Is a marketing automation platform used?", "Is there access to data and data management?",
    ]

    static let bands = [
        TrendChart.Band(min: 1, label: "Take a closer look"), TrendChart.Band(min: 2.5, label: "On the way"),
        TrendChart.Band(min: 4, label: "On the right track"),
    ]

    /// Every chart the snapshots hold, by file name.
    static let charts: [(name: String, svg: @Sendable () -> String)] = [
        (
            "cumulative.en",
            {
                CumulativeChart(
                    id: "sqls", title: "SQLs delivered, month by month", description: "The running total against the pace.",
                    labels: ["Jan", "Feb", "Mar"], totals: [37, 80, nil], target: 120, totalName: "SQLs so far",
                    targetName: "Pace to the target", language: .en
                ).svg()
            }
        ),
        (
            "bars.da",
            {
                BarChart(
                    id: "kept", title: "SQL: SLA overholdt", description: "Andelen besvaret i tide, pr. kvartal.",
                    rows: [
                        .init(label: "4. kvartal 2025", value: 0.51, text: "51 %"),
                        .init(label: "1. kvartal 2026", value: 0.84, text: "84 %", isCurrent: true),
                        .init(label: "2. kvartal 2026 med et meget langt navn, der må afkortes", value: nil, text: "–"),
                    ], scale: 1
                ).svg()
            }
        ),
        (
            "radar.en",
            {
                RadarChart(
                    id: "radar", title: "Sales, marketing and overall, question by question",
                    description: "Radar chart of nine means.",
                    axes: questions, axisNumbers: (1...9).map(String.init), scaleMin: 1, scaleMax: 5,
                    series: [
                        ChartSeries(
                            name: "Overall", values: [2.18, 2.64, 2.18, 1.95, 1.73, 2.1, 2.09, 2.57, 1.95], style: .overall),
                        ChartSeries(name: "Sales", values: [1.42, 3.75, 2, 1.64, 1.42, 2, 1.83, 2.45, 2.08], style: .sales),
                        ChartSeries(
                            name: "Marketing", values: [3.38, 1.25, 2.75, 2.43, 2.13, 2.25, 2.38, 2.88, 2], style: .marketing),
                    ], language: .en
                ).svg()
            }
        ),
        // A department too small to show, and a question without a number: the line breaks there.
        (
            "radar-withheld.da",
            {
                RadarChart(
                    id: "radar", title: "Salg, marketing og samlet", description: "Radardiagram.",
                    axes: ["Første", "Anden", "Tredje", "Fjerde"], axisNumbers: ["1", "2", "3", "4"], scaleMin: 0, scaleMax: 10,
                    series: [
                        ChartSeries(name: "Samlet", values: [7.5, nil, 4, 6.25], style: .overall),
                        ChartSeries(name: "Salg", values: [8, 3, nil, 9], style: .sales),
                        ChartSeries(
                            name: "Marketing", values: [nil, nil, nil, nil], style: .marketing, note: "færre end 3 svar"),
                    ], language: .da
                ).svg()
            }
        ),
        (
            "trend.en",
            {
                TrendChart(
                    id: "trend", title: "The score round by round", description: "Line chart of three rounds.",
                    rounds: ["2025-Q3", "2025-Q4", "2026-Q1"],
                    series: [
                        ChartSeries(name: "Overall", values: [2.21, 2.92, 3.64], style: .overall),
                        ChartSeries(name: "Sales", values: [2.14, 2.95, 3.63], style: .sales),
                        ChartSeries(name: "Marketing", values: [2.37, nil, 3.75], style: .marketing),
                    ], scaleMin: 1, scaleMax: 5, bands: bands, current: 2, language: .en
                ).svg()
            }
        ),
        // Long round labels are slanted; Danish decimals.
        (
            "trend-slanted.da",
            {
                TrendChart(
                    id: "trend", title: "Scoren runde for runde", description: "Kurve.",
                    rounds: ["Workshop januar 2026", "Workshop februar 2026", "Workshop marts 2026", "Workshop april 2026"],
                    series: [ChartSeries(name: "Samlet", values: [3.05, 3.45, nil, 4.15], style: .overall)],
                    scaleMin: 1, scaleMax: 5, bands: bands, current: 1, language: .da
                ).svg()
            }
        ),
        (
            "distribution",
            { DistributionBar(counts: [1, 0, 5, 10, 4], scaleMin: 1, label: "Answers from 1 to 5: 1, 0, 5, 10, 4").svg() }
        ),
        ("distribution-key", { DistributionBar.key(values: ["1", "2", "3", "4", "5"], label: "Shades from 1 to 5") }),
        (
            "band-scale.en",
            {
                BandScale(
                    id: "scale", title: "The overall score among the bands", description: "3.6 lies in On the way.", scaleMin: 1,
                    scaleMax: 5,
                    bands: bands, value: 3.6428571428571432, language: .en
                ).svg()
            }
        ),
    ]

    @Test(arguments: charts.map(\.name))
    func matchesItsSnapshot(_ name: String) throws {
        let svg = try #require(Self.charts.first { $0.name == name }).svg()
        let expected = try Snapshot.expected(svg + "\n", file: Self.snapshots + "/" + name + ".svg")
        #expect(
            svg + "\n" == expected,
            "\(name) differs from Snapshots/charts/\(name).svg; set TANDEM_RECORD=1 to re-record on purpose")
    }

    @Test(arguments: charts.map(\.name))
    func isWellFormedAndAccessible(_ name: String) throws {
        let svg = try #require(Self.charts.first { $0.name == name }).svg()
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(name) is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("viewBox=\"0 0 "))
        // Scaled by its container: no fixed size on the root element.
        let root = String(svg.prefix { $0 != ">" })
        #expect(!root.contains(" width=") && !root.contains(" height="))
        #expect(!svg.contains("<script"))
        if svg.contains("aria-labelledby=") {
            #expect(svg.contains("<title id=") && svg.contains("<desc id="))
        } else {
            #expect(svg.contains("aria-label=") && svg.contains("<title>"))
        }
    }

    @Test func seriesDifferByPatternAndMarkerNotOnlyColour() throws {
        let svg = try #require(Self.charts.first { $0.name == "radar.en" }).svg()
        #expect(
            svg.contains(
                "results-chart__line--sales\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2.5\" stroke-dasharray=\"9 5\""))
        #expect(
            svg.contains(
                "results-chart__line--marketing\" fill=\"none\" stroke=\"#b45309\" stroke-width=\"3.5\" stroke-dasharray=\"0.5 6\""
            ))
        #expect(
            !svg.contains("results-chart__line--overall\" fill=\"none\" stroke=\"#1c2430\" stroke-width=\"2.5\" stroke-dasharray")
        )
        #expect(svg.components(separatedBy: "<rect").count - 1 == 9 + 1)  // a square per sales value, one in the legend
        #expect(svg.components(separatedBy: "<circle").count - 1 == 9 + 1)
        // The legend names each series in text.
        for name in ["Overall", "Sales", "Marketing"] { #expect(svg.contains(">\(name)</text>")) }
        // Full precision rides along for checking.
        #expect(svg.contains("data-value=\"3.38\""))
    }

    @Test func aWithheldSeriesIsNamedWithItsReasonAndNotDrawn() throws {
        let svg = try #require(Self.charts.first { $0.name == "radar-withheld.da" }).svg()
        #expect(svg.contains(">Marketing (færre end 3 svar)</text>"))
        #expect(!svg.contains("results-chart__series--marketing"))
        // The sales line breaks at the missing third value: two runs, not closed.
        #expect(svg.contains("results-chart__series--sales\"><path d=\"M"))
        let sales = try #require(svg.components(separatedBy: "results-chart__series--sales\"><path d=\"").last)
        let path = String(sales.prefix { $0 != "\"" })
        #expect(path.filter { $0 == "M" }.count == 1)  // the run 4 → 1 → 2 wraps past the last axis
        #expect(!path.contains("Z"))
    }

    @Test func everyTextIsEscaped() {
        let hostile = "<script>alert(\"x\")</script> & 'R&D'"
        let radar = RadarChart(
            id: "r\"id", title: hostile, description: hostile, axes: [hostile, "b", "c"], axisNumbers: ["1", "2", "3"],
            scaleMin: 1,
            scaleMax: 5, series: [ChartSeries(name: hostile, values: [1, 2, 3], style: .overall, note: "<b>")], language: .en
        ).svg()
        let trend = TrendChart(
            id: "t", title: hostile, description: hostile, rounds: [hostile, "2"],
            series: [ChartSeries(name: hostile, values: [1, 2], style: .sales)], scaleMin: 1, scaleMax: 5,
            bands: [TrendChart.Band(min: 1, label: hostile)], language: .en
        ).svg()
        let bar = DistributionBar(counts: [1, 2], scaleMin: 1, label: hostile).svg()
        for svg in [radar, trend, bar] {
            #expect(!svg.contains("<script"))
            #expect(!svg.contains("<b>"))
            #expect(svg.contains("&lt;script&gt;alert("))
            #expect(XMLParser(data: Data(svg.utf8)).parse())
        }
        #expect(radar.contains("id=\"r&quot;id\""))
        #expect(bar.contains("aria-label=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'R&amp;D'\""))
    }

    @Test func trendLabelsAtTheLineEndsDoNotOverlap() throws {
        let svg = try #require(Self.charts.first { $0.name == "trend.en" }).svg()
        let group = try #require(svg.components(separatedBy: "results-chart__end-labels").last)
        let ys = group.components(separatedBy: "<text x=\"").dropFirst().compactMap { part -> Double? in
            guard let y = part.components(separatedBy: "y=\"").dropFirst().first?.prefix(while: { $0 != "\"" }) else {
                return nil
            }
            return Double(y)
        }
        #expect(ys.count == 3)
        for (a, b) in zip(ys.sorted(), ys.sorted().dropFirst()) { #expect(b - a >= 17.9) }
    }

    // MARK: - Numbers

    @Test func scoresHaveOneDecimalInTheLanguagesStyle() {
        #expect(ScoreFormat.decimal(3.4444444444444446, .en) == "3.4")
        #expect(ScoreFormat.decimal(3.4444444444444446, .da) == "3,4")
        #expect(ScoreFormat.decimal(4, .en) == "4.0")
        #expect(ScoreFormat.decimal(2.25, .da) == "2,3")  // half away from zero
        #expect(ScoreFormat.decimal(-0.75, .en) == "\u{2212}0.8")
        #expect(ScoreFormat.signed(1.5, .da) == "+1,5")
        #expect(ScoreFormat.signed(-2.0000000000000004, .en) == "\u{2212}2.0")
        #expect(ScoreFormat.signed(-0.04, .en) == "0.0")
        #expect(ScoreFormat.signed(0.04, .da) == "0,0")
        #expect(ScoreFormat.full(3.4444444444444446) == "3.4444444444444446")
        #expect(ScoreFormat.full(4) == "4.0")
    }

    @Test func coordinatesAreWrittenTheSameEverywhere() {
        #expect(SVGWriter.number(12.34) == "12.3")
        #expect(SVGWriter.number(12.05) == "12.1")
        #expect(SVGWriter.number(-4.5) == "-4.5")
        #expect(SVGWriter.number(200) == "200")
        #expect(SVGWriter.number(-0.01) == "0")
        #expect(SVGWriter.fraction(0.14) == "0.14")
        #expect(SVGWriter.fraction(0.07) == "0.07")
        #expect(SVGWriter.fraction(1) == "1")
    }

    @Test func labelsWrapAtSpaces() {
        #expect(
            RadarChart.wrap("Does marketing understand what goes on in sales?", width: 20) == [
                "Does marketing", "understand what goes", "on in sales?",
            ])
        #expect(
            RadarChart.wrap("Supercalifragilisticexpialidocious word", width: 10) == [
                "Supercalifragilisticexpialidocious", "word",
            ])
    }

    @Test func theCumulativeScaleHasAtMostFiveLinesOfRoundNumbers() {
        #expect(CumulativeChart.gridStep(4) == 1)
        #expect(CumulativeChart.gridStep(12) == 5)
        #expect(CumulativeChart.gridStep(127) == 50)
        #expect(CumulativeChart.gridStep(1_000) == 200)
        for highest in [1, 7, 23, 99, 100, 101, 480, 12_345] {
            #expect(highest / CumulativeChart.gridStep(highest) <= 5, "\(highest)")
        }
    }

    @Test func aMonthAfterAsOfHasNoPointAndEveryValueIsWrittenOnce() {
        let svg = CumulativeChart(
            id: "c", title: "t", description: "d", labels: ["Jan", "Feb", "Mar"], totals: [3, 9, nil], target: 12,
            totalName: "So far", targetName: "Pace", language: .en
        ).svg()
        #expect(svg.components(separatedBy: "class=\"pipeline-chart__marker\"").count == 3)
        #expect(svg.contains(">9</text>"))
        #expect(svg.contains("role=\"img\" aria-labelledby=\"c-title c-desc\""))
    }
}
