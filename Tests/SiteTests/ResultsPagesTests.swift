import Foundation
import Render
import Site
import Testing

/// The results pages, built from fixture sites whose numbers are worked out by hand.
///
/// `results-basic` has a three-question questionnaire (scale 1–5, `min_group_size: 2`,
/// `gap_threshold: 1.0`, bands from 1, 2.5 and 4) and these results:
///
/// | team, round | sales | marketing | other |
/// |---|---|---|---|
/// | Acme 2026-Q1 | 4 5 3 · 3 4 2 | 2 2 3 · 1 3 – (incomplete) | |
/// | Acme 2026-Q2 | 5 5 4 · 4 3 4 | 3 4 4 · 4 3 3 | |
/// | Tiny 2026-Q1 | 4 1 5 | | |
/// | (no team) 2026-Q1 | | | finance: 5 5 5 · 1 1 1 |
///
/// Acme 2026-Q1: the complete respondents' means are 4, 3 and 7/3, so the overall mean is
/// 28/9 = 3.111 (n 3, "On the way"). Marketing has one complete respondent, too few to show; and
/// were sales' 3.5 shown beside the overall 28/9, marketing's 7/3 would follow by subtraction, so
/// sales is withheld too. Question follow-up: 4, 3, 2, 1 → 2.5, distribution 1 1 1 1 0, sales 3.5,
/// marketing 1.5, gap +2.0 (flagged). Definition: 5, 4, 2, 3 → 3.5, sales 4.5, marketing 2.5, gap
/// +2.0 (flagged). Goal: 3, 2, 3 → 8/3, marketing has one answer (withheld) and sales is withheld
/// to protect it; no gap.
///
/// Acme 2026-Q2: means 14/3, 11/3, 11/3, 10/3 → 46/12 = 23/6 = 3.833; sales 25/6 = 4.167,
/// marketing 21/6 = 3.5, gap 4/6 = +0.667; trend 23/6 − 28/9 = 13/18 = +0.722. Follow-up: 5 4 3 4
/// → 4.0, sales 4.5, marketing 3.5, gap +1.0 (flagged, as in 2026-Q1); definition 5 3 4 3 → 3.75,
/// gap +0.5; goal 4 4 4 3 → 3.75, gap +0.5.
///
/// Tiny has one respondent: below `min_group_size`, so its pages and files show no numbers.
@Suite struct ResultsPagesTests {
    /// Builds a fixture site once per test and returns its files by path.
    static func build(_ fixture: String) throws -> [String: String] {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteBuilder(options: Fixtures.options(fixture, output: folder + "/public")).build()
        return Fixtures.tree(folder + "/public").mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The `data-value` of every element with a class, in page order.
    static func values(_ html: String, class name: String) -> [String] {
        html.components(separatedBy: "class=\"\(name)\" data-value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The question rows of a round page, each from its class attribute on.
    static func rows(_ html: String) -> [String] {
        Array(html.components(separatedBy: "<tr class=\"results-question").dropFirst())
    }

    // The hand-computed numbers (see above), as Swift computes them: ScoringCore sums and divides
    // in the same order, so they are equal to the last bit.
    static let firstOverall: Double = 28.0 / 9
    static let secondOverall: Double = 23.0 / 6
    static let trend: Double = secondOverall - firstOverall
    static let secondSales: Double = (14.0 / 3 + 11.0 / 3) / 2
    static let secondMarketing: Double = (11.0 / 3 + 10.0 / 3) / 2
    static let secondGap: Double = secondSales - secondMarketing
    static let goalMean: Double = 8.0 / 3

    /// The text between a start marker and the next end marker.
    static func between(_ html: String, _ start: String, _ end: String) -> String? {
        guard let from = html.range(of: start), let to = html.range(of: end, range: from.upperBound..<html.endIndex) else {
            return nil
        }
        return String(html[from.upperBound..<to.lowerBound])
    }

    // MARK: - Aggregates, checked against the hand-computed numbers

    @Test func theFirstRoundShowsTheHandComputedNumbers() throws {
        let site = try Self.build("results-basic")
        let page = try #require(site["results/acme/2026-q1/index.html"])
        #expect(page.contains("<title>Acme, round 2026-Q1 · Results fixture</title>"))
        // Overall: 28/9, its band, the counts.
        #expect(
            page.contains(
                "<p class=\"results-score__value\"><span class=\"results-number\" data-value=\"\(Self.firstOverall)\">3.1</span></p>"
            ))
        #expect(page.contains("<p class=\"results-verdict__band\">On the way</p>"))
        #expect(page.contains("<p class=\"results-verdict__message\">Fix the largest gap.</p>"))
        #expect(page.contains("<span>3 complete answers</span> <span>(4 respondents)</span>"))
        // The departments: marketing too small, sales withheld so marketing cannot be worked out.
        let departments = try #require(Self.between(page, "<dl class=\"results-departments\">", "</dl>"))
        #expect(
            departments.contains(
                "<dt>Sales</dt>\n<dd><span class=\"results-withheld\">hidden to protect a smaller group</span></dd>"))
        #expect(
            departments.contains(
                "<dt>Marketing</dt>\n<dd><span class=\"results-withheld\">fewer than 2 answers</span></dd>"))
        #expect(departments.contains("<span class=\"results-withheld\">–</span>"))  // no overall gap

        // Per question: mean, answers, spread, departments, gap.
        let rows = Self.rows(page)
        #expect(rows.count == 3)
        #expect(Self.values(rows[0], class: "results-number") == ["2.5", "3.5", "1.5"])
        #expect(rows[0].contains(">2.5</span>") && rows[0].contains("<td class=\"results-num\">4</td>"))
        #expect(rows[0].contains("data-value=\"1\" data-count=\"1\"") && rows[0].contains("data-value=\"4\" data-count=\"1\""))
        #expect(!rows[0].contains("data-value=\"5\" data-count"))
        #expect(rows[0].contains("aria-label=\"Answers from 1 to 5: 1, 1, 1, 1, 0\""))
        #expect(rows[0].hasPrefix(" results-question--flagged\""))
        #expect(rows[0].contains("class=\"results-gap results-gap--flagged\" data-value=\"2.0\">+2.0"))
        #expect(rows[0].contains("<span class=\"results-flag__reason\">Sales rates this 2.0 higher than marketing.</span>"))
        #expect(Self.values(rows[1], class: "results-number") == ["3.5", "4.5", "2.5"])
        #expect(rows[1].hasPrefix(" results-question--flagged\""))
        #expect(Self.values(rows[2], class: "results-number") == ["\(Self.goalMean)"])
        #expect(rows[2].contains(">2.7</span>"))
        #expect(rows[2].contains("hidden to protect a smaller group") && rows[2].contains("fewer than 2 answers"))
        #expect(!rows[2].contains("results-gap"))

        // The radar has the overall line and every department value that is shown.
        let radar = try #require(
            Self.between(page, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"results-chart results-chart--radar\"", "</svg>")
        )
        #expect(
            radar.contains(
                "results-chart__marker--overall\" fill=\"#1c2430\" stroke=\"#ffffff\" stroke-width=\"1.5\" data-value=\"\(Self.goalMean)\""
            ))
        #expect(radar.components(separatedBy: "results-chart__marker--sales").count - 1 == 3)  // two values and the legend
        // One round: no trend chart yet, no change.
        #expect(page.contains("The trend chart appears from the second round."))
        #expect(!page.contains("results-chart--trend"))

        // What to work on first: the two flagged questions, then the rest by score; links in English.
        let work = try #require(Self.between(page, "<ol class=\"results-work\">", "</ol>"))
        let items = work.components(separatedBy: "<span class=\"results-work__number\">").dropFirst().map { $0.prefix(1) }
        #expect(items == ["1", "2", "3"])
        #expect(work.contains("Sales and marketing disagree: sales 3.5, marketing 1.5, a gap of +2.0."))
        #expect(work.contains("One of the lowest scores: 2.5."))
        #expect(work.contains("<a href=\"../../../playbooks/fix/index.html#follow-up\">How to improve: Fix it</a>"))
        #expect(work.contains("<a href=\"../../../playbooks/fix/index.html#goal\">How to improve: Fix it</a>"))
    }

    @Test func theSecondRoundShowsItsTrendAndTheDepartments() throws {
        let site = try Self.build("results-basic")
        let page = try #require(site["results/acme/2026-q2/index.html"])
        #expect(page.contains("data-value=\"\(Self.secondOverall)\">3.8</span>"))
        #expect(
            page.contains(
                "<span class=\"results-change results-change--up\" data-value=\"\(Self.trend)\">+0.7 since 2026-Q1</span>"))
        let departments = try #require(Self.between(page, "<dl class=\"results-departments\">", "</dl>"))
        #expect(Self.values(departments, class: "results-number") == ["\(Self.secondSales)", "\(Self.secondMarketing)"])
        #expect(departments.contains(">4.2</span>") && departments.contains(">3.5</span>"))
        #expect(departments.contains("data-value=\"\(Self.secondGap)\">+0.7</span>"))

        let rows = Self.rows(page)
        #expect(Self.values(rows[0], class: "results-number") == ["4.0", "4.5", "3.5"])
        #expect(rows[0].contains("data-value=\"1.0\">+1.0"))
        #expect(rows[0].hasPrefix(" results-question--flagged\""))
        #expect(Self.values(rows[1], class: "results-number") == ["3.75", "4.0", "3.5"])
        #expect(rows[1].contains(">3.8</span>"))  // 3.75 rounds away from zero
        #expect(!rows[1].hasPrefix(" results-question--flagged\""))

        // The trend chart: both rounds, this one marked; the same numbers in the table under it.
        let trend = try #require(Self.between(page, "class=\"results-chart results-chart--trend\"", "</svg>"))
        #expect(trend.contains("data-value=\"\(Self.firstOverall)\""))
        #expect(trend.contains("data-value=\"\(Self.secondOverall)\""))
        #expect(trend.contains(">2026-Q2</text>") && trend.contains("font-weight=\"700\">2026-Q2</text>"))
        #expect(page.contains("2026-Q2 <span class=\"results-rounds__this\">(this page)</span>"))
        #expect(page.contains("<a href=\"../2026-q1/index.html\">2026-Q1</a>"))
        // Flagged again: said so.
        #expect(page.contains("Also flagged in 1 earlier round."))
    }

    @Test func danishPagesUseDanishWordsAndDecimalCommas() throws {
        let site = try Self.build("results-basic")
        let page = try #require(site["da/results/acme/2026-q2/index.html"])
        #expect(page.contains("<html lang=\"da\""))
        #expect(page.contains("<title>Acme, runde 2026-Q2 · Resultatfixture</title>"))
        #expect(page.contains("data-value=\"\(Self.secondOverall)\">3,8</span>"))
        #expect(page.contains(">+0,7 siden 2026-Q1</span>"))
        #expect(page.contains("<p class=\"results-verdict__band\">På vej</p>"))
        #expect(page.contains("Følger salg op på hvert lead?"))
        #expect(page.contains("<a href=\"../../../playbooks/fix/index.html#foelg-op\">Sådan bliver I bedre: Ret det</a>"))
        #expect(page.contains("Salg vurderer dette 1,0 højere end marketing."))
        #expect(page.contains(">Samlet</tspan> <tspan>3,8</tspan>"))
        let first = try #require(site["da/results/acme/2026-q1/index.html"])
        #expect(first.contains("<span class=\"results-withheld\">færre end 2 svar</span>"))
    }

    @Test func theIndexAndTeamPagesListEveryRound() throws {
        let site = try Self.build("results-basic")
        let index = try #require(site["results/index.html"])
        #expect(index.contains("<h2 class=\"results-section__title\"><a href=\"acme/index.html\">Acme</a></h2>"))
        #expect(index.contains("<a href=\"tiny/index.html\">Tiny</a>"))
        #expect(index.contains("<a href=\"no-team/index.html\">Without a team</a>"))
        // Acme's rows: respondents, overall, band, change.
        let acme = try #require(Self.between(index, "acme/index.html\">Acme</a>", "</table>"))
        #expect(acme.contains("<a href=\"acme/2026-q1/index.html\">2026-Q1</a>"))
        #expect(
            Self.values(acme, class: "results-number") == [
                "4", "\(Self.firstOverall)", "4", "\(Self.secondOverall)", "\(Self.secondSales)", "3.5",
            ])
        #expect(acme.contains("results-change--up\" data-value=\"\(Self.trend)\">+0.7</span>"))
        #expect(acme.contains("<span class=\"results-band-name results-band-name--2\">On the way</span>"))
        // Results are in the navigation and on the home page.
        #expect(index.contains("aria-current=\"page\"") || index.contains("is-current"))
        let home = try #require(site["index.html"])
        #expect(home.contains("<a href=\"results/index.html\">Results</a>"))
        #expect(try #require(site["da/index.html"]).contains("<a href=\"results/index.html\">Resultater</a>"))

        let team = try #require(site["results/acme/index.html"])
        #expect(team.contains("class=\"results-chart results-chart--trend\""))
        #expect(team.contains("<a href=\"2026-q2/index.html\">2026-Q2</a>"))
    }

    // MARK: - Privacy

    @Test func aGroupBelowTheMinimumShowsNoNumbersAnywhere() throws {
        let site = try Self.build("results-basic")
        let page = try #require(site["results/tiny/2026-q1/index.html"])
        #expect(!page.contains("data-value="))
        #expect(!page.contains("data-count="))
        #expect(page.contains("<p class=\"results-score__withheld\">fewer than 2 answers</p>"))
        #expect(page.contains("The radar chart has nothing to show: every group is too small."))
        #expect(!page.contains("results-chart--radar"))
        #expect(!page.contains("results-verdict__band"))
        #expect(
            !page.contains("results-number") && !page.contains("results-gap") && !page.contains("results-chart__score-marker"))
        // Its answers (4, 1, 5) appear nowhere as numbers: the table has only the questions' numbers.
        let table = try #require(Self.between(page, "<table class=\"results-table results-questions\">", "</table>"))
        let body = try #require(Self.between(table, "<tbody>", "</tbody>"))
            .replacingOccurrences(of: "fewer than 2 answers", with: "withheld")
            .replacingOccurrences(of: "<td class=\"results-qnum\">", with: "#")
        // What a reader sees: the text without the markup.
        let text = body.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for number in ["1", "2", "3"] { #expect(text.contains("#\(number)")) }
        #expect(text.components(separatedBy: "#").dropFirst().allSatisfy { !$0.dropFirst().contains { $0.isNumber } }, "\(text)")

        // The downloads too: nulls and empty cells only.
        let json = try #require(site["results/tiny/2026-q1/aggregate.json"])
        #expect(json.contains("\"respondents\": null"))
        #expect(json.contains("\"overall\": {\"n\": null, \"mean\": null, \"band\": null}"))
        #expect(
            json.contains(
                "{\"id\": \"follow-up\", \"n\": null, \"mean\": null, \"distribution\": null, \"sales\": {\"n\": null, \"mean\": null}"
            ))
        let numbers = json.replacingOccurrences(of: "\"version\": 1", with: "").replacingOccurrences(
            of: "\"scale\": {\"min\": 1, \"max\": 5}, \"min_group_size\": 2, \"gap_threshold\": 1.0", with: ""
        )
        .replacingOccurrences(of: "2026-Q1", with: "")
        #expect(!numbers.contains { $0.isNumber }, "\(numbers)")
        let csv = try #require(site["results/tiny/2026-q1/aggregate.csv"])
        #expect(csv.contains("\r\nTiny,2026-Q1,overall,Overall,,,,,,,,,,,,,,\r\n"))
        #expect(csv.contains("\r\nTiny,2026-Q1,follow-up,Does sales follow up every lead?,,,,,,,,,,,,,,\r\n"))
        // The index does not give the count away either.
        let index = try #require(site["results/index.html"])
        let tiny = try #require(Self.between(index, "<a href=\"tiny/index.html\">Tiny</a></h2>", "</table>"))
        #expect(!tiny.contains("data-value="))
        #expect(tiny.contains("fewer than 2 answers"))
    }

    @Test func departmentsThatWouldRevealASmallerGroupAreWithheldInTheDownloadsToo() throws {
        let site = try Self.build("results-basic")
        let json = try #require(site["results/acme/2026-q1/aggregate.json"])
        #expect(
            json == """
                {"assessment": "mini", "version": 1,
                 "team": "Acme", "round": "2026-Q1",
                 "scale": {"min": 1, "max": 5}, "min_group_size": 2, "gap_threshold": 1.0,
                 "respondents": 4,
                 "overall": {"n": 3, "mean": \(Self.firstOverall), "band": "mid"},
                 "sales": {"n": null, "mean": null},
                 "marketing": {"n": null, "mean": null},
                 "questions": [
                  {"id": "follow-up", "n": 4, "mean": 2.5, "distribution": [1, 1, 1, 1, 0], "sales": {"n": 2, "mean": 3.5}, "marketing": {"n": 2, "mean": 1.5}, "gap": 2.0, "flagged": true},
                  {"id": "definition", "n": 4, "mean": 3.5, "distribution": [0, 1, 1, 1, 1], "sales": {"n": 2, "mean": 4.5}, "marketing": {"n": 2, "mean": 2.5}, "gap": 2.0, "flagged": true},
                  {"id": "goal", "n": 3, "mean": \(Self.goalMean), "distribution": [0, 1, 2, 0, 0], "sales": {"n": null, "mean": null}, "marketing": {"n": null, "mean": null}, "gap": null, "flagged": false}
                 ],
                 "gap": null, "flagged": false, "trend": null}

                """)
        let csv = try #require(site["results/acme/2026-q1/aggregate.csv"])
        #expect(
            csv == [
                "team,round,question,text,n,mean,band,count_1,count_2,count_3,count_4,count_5,sales_n,sales_mean,marketing_n,marketing_mean,gap,flagged",
                "Acme,2026-Q1,overall,Overall,3,\(Self.firstOverall),mid,,,,,,,,,,,",
                "Acme,2026-Q1,follow-up,Does sales follow up every lead?,4,2.5,,1,1,1,1,0,2,3.5,2,1.5,2.0,true",
                "Acme,2026-Q1,definition,Is there a shared definition of a qualified lead?,4,3.5,,0,1,1,1,1,2,4.5,2,2.5,2.0,true",
                "Acme,2026-Q1,goal,Is there a shared goal?,3,\(Self.goalMean),,0,1,2,0,0,,,,,,",
            ].joined(separator: "\r\n") + "\r\n")
        let second = try #require(site["results/acme/2026-q2/aggregate.json"])
        #expect(second.contains("\"sales\": {\"n\": 2, \"mean\": \(Self.secondSales)}"))
        #expect(second.contains("\"trend\": \(Self.trend)}"))
    }

    @Test func individualRespondentsAreNeverListed() throws {
        let site = try Self.build("results-basic")
        for (path, text) in site { #expect(!text.contains("secret-"), "\(path) names a respondent") }
    }

    // MARK: - Escaping

    @Test func everythingFromResultsIsEscaped() throws {
        let site = try Self.build("results-escaping")
        let pages = site.filter { $0.key.hasSuffix(".html") }
        #expect(pages.keys.contains { $0.hasPrefix("results/script-alert-x-script-quotes-r/") })
        for (path, html) in pages {
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(!html.contains("<b>\"Q1\"</b>"), "\(path)")
            #expect(!html.contains("<img"), "\(path)")
        }
        // Rounds sort by their bytes: 2026-Q2 comes before <b>"Q1"</b>.
        let key = "results/script-alert-x-script-quotes-r/b-q1-b/index.html"
        let page = try #require(site[key])
        let name = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Quotes&quot; &#39;R&#39;"
        #expect(page.contains("<title>\(name), round &lt;b&gt;&quot;Q1&quot;&lt;/b&gt; · Escaping</title>"))
        #expect(page.contains("<h1>\(name), round &lt;b&gt;&quot;Q1&quot;&lt;/b&gt;</h1>"))
        // Inside the trend chart too: its labels and its description.
        let trend = try #require(Self.between(page, "class=\"results-chart results-chart--trend\"", "</svg>"))
        #expect(trend.contains(">&lt;b&gt;\"Q1\"&lt;/b&gt;</text>"))
        #expect(trend.contains("from 2026-Q2 to &lt;b&gt;\"Q1\"&lt;/b&gt;"))
        #expect(!trend.contains("<b>"))
        let folder = String(key.dropLast("/index.html".count))
        let json = try #require(site[folder + "/aggregate.json"])
        #expect(json.contains(#""team": "<script>alert(\"x\")</script> & \"Quotes\" 'R'", "round": "<b>\"Q1\"</b>""#))
        let csv = try #require(site[folder + "/aggregate.csv"])
        #expect(csv.contains("\r\n\"<script>alert(\"\"x\"\")</script> & \"\"Quotes\"\" 'R'\",\"<b>\"\"Q1\"\"</b>\",overall,"))
        // A name a spreadsheet would run as a formula is neutralised.
        let formula = try #require(site.first { $0.key.hasSuffix("aggregate.csv") && $0.value.contains("HYPERLINK") }?.value)
        #expect(formula.contains("\r\n\"'=HYPERLINK(\"\"http://example.com\"\")\",2026-Q1,overall,"))
    }

    // MARK: - A site without results

    @Test func aSiteWithoutResultsHasNoResultsPagesAndNoBrokenLinks() throws {
        let site = try Self.build("results-none")
        #expect(!site.keys.contains { $0.hasPrefix("results/") || $0.hasPrefix("da/results/") })
        for (path, html) in site where path.hasSuffix(".html") {
            #expect(!html.contains(">Results<"), "\(path)")
            #expect(!html.contains("results/"), "\(path)")
        }
        #expect(LinkCheck.broken(in: site).isEmpty, "\(LinkCheck.broken(in: site))")
    }

    @Test func everyLinkOfAResultsSiteResolves() throws {
        let site = try Self.build("results-basic")
        #expect(LinkCheck.broken(in: site).isEmpty, "\(LinkCheck.broken(in: site))")
        let escaping = try Self.build("results-escaping")
        #expect(LinkCheck.broken(in: escaping).isEmpty, "\(LinkCheck.broken(in: escaping))")
    }

    @Test func twoBuildsOfAResultsSiteAreByteIdentical() throws {
        #expect(try Self.build("results-basic") == Self.build("results-basic"))
    }

    /// The repository's own example site: one client over three rounds, every chart shown.
    @Test func theExampleSiteShowsEveryChartAndItsLinksResolve() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = BuildOptions(
            contentDirectory: Fixtures.repository + "/content", themeLayers: [.directory(Fixtures.defaultTheme)],
            outputDirectory: folder + "/public")
        _ = try SiteBuilder(options: options).build()
        let site = Fixtures.tree(folder + "/public").mapValues { String(decoding: $0, as: UTF8.self) }
        for language in ["", "da/"] {
            let page = try #require(site[language + "results/nordlys-a-s/2026-q1/index.html"])
            for chart in ["results-chart--radar", "results-chart--trend", "results-chart--scale"] {
                #expect(page.contains(chart))
            }
            // Both departments are large enough to show on every question.
            #expect(!page.contains("results-withheld\">hidden"))
            #expect(!page.contains("results-withheld\">skjult"))
        }
        #expect(site["results/nordlys-a-s/2025-q3/index.html"]?.contains("results-question--flagged") == true)
        #expect(LinkCheck.broken(in: site).isEmpty, "\(LinkCheck.broken(in: site))")
    }
}

/// Relative links between the files of a built site: each must name a file that was written and,
/// with a `#fragment`, an element of that page with that id.
enum LinkCheck {
    static func broken(in site: [String: String]) -> [String] {
        var problems: [String] = []
        for (path, html) in site where path.hasSuffix(".html") && path != "404.html" {
            let directory = URL(fileURLWithPath: "/" + path).deletingLastPathComponent()
            for attribute in ["href=\"", "src=\""] {
                for part in html.components(separatedBy: attribute).dropFirst() {
                    let link = String(part.prefix { $0 != "\"" }).replacingOccurrences(of: "&amp;", with: "&")
                    if link.isEmpty || link.contains(":") || link.hasPrefix("//") { continue }
                    let (file, fragment) =
                        link.firstIndex(of: "#").map { (String(link[..<$0]), String(link[link.index(after: $0)...])) } ?? (
                            link, nil
                        )
                    let target = file.isEmpty ? "/" + path : directory.appendingPathComponent(file).standardizedFileURL.path
                    let key = String(target.dropFirst())
                    guard let text = site[key] else {
                        problems.append("\(path): \(link) names no file")
                        continue
                    }
                    if let fragment, !fragment.isEmpty, !text.contains("id=\"\(fragment)\"") {
                        problems.append("\(path): \(link) names no element #\(fragment)")
                    }
                }
            }
        }
        return problems.sorted()
    }
}
