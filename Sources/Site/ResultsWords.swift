internal import Content
internal import Core
internal import Render

/// The sentences of the results pages in English and Danish.
///
/// Labels that stand alone (column headings, section titles) are theme strings (`results…` in
/// `i18n/*.yml`) so a theme can reword them; sentences that carry numbers, names and plurals are
/// built here, like the playbook blocks' ``BlockWords``, because they follow each language's grammar.
struct ResultsWords: Sendable {
    let language: Language

    init(_ language: Language) {
        self.language = language
    }

    // MARK: - Numbers

    func score(_ value: Double) -> String { ScoreFormat.decimal(value, language) }
    func signed(_ value: Double) -> String { ScoreFormat.signed(value, language) }
    func integer(_ value: Int) -> String { BlockFormat.integer(value, language) }
    /// A setting as written, up to two decimals: `1.5`, `1.25`.
    func setting(_ value: Double) -> String { BlockFormat.decimal(value, language, maxDecimals: 2) }

    // MARK: - Pages

    var resultsTitle: String { language.pick("Results", "Resultater") }
    var resultsDescription: String {
        language.pick(
            "Each team's self-assessment, round by round: how well sales and marketing work together, where they see it differently, and what to work on first.",
            "Hvert teams selvevaluering, runde for runde: hvor godt salg og marketing arbejder sammen, hvor de ser forskelligt på det, og hvad I skal tage fat på først."
        )
    }

    func teamDescription(_ team: String) -> String {
        language.pick(
            "The self-assessment rounds of \(team): the scores and the gap between sales and marketing over time.",
            "Selvevalueringerne for \(team): scorerne og forskellen mellem salg og marketing over tid.")
    }

    func roundTitle(team: String, round: String) -> String {
        language.pick("\(team), round \(round)", "\(team), runde \(round)")
    }

    func roundDescription(team: String, round: String) -> String {
        language.pick(
            "How \(team) answered the self-assessment in round \(round): the overall score, where sales and marketing disagree, the trend and what to work on first.",
            "Sådan besvarede \(team) selvevalueringen i runde \(round): den samlede score, hvor salg og marketing er uenige, udviklingen og hvad I skal tage fat på først."
        )
    }

    var noTeam: String { language.pick("Without a team", "Uden team") }

    // MARK: - Groups

    var overall: String { language.pick("Overall", "Samlet") }
    var sales: String { language.pick("Sales", "Salg") }
    var marketing: String { language.pick("Marketing", "Marketing") }

    /// What a department's number says when showing it would reveal a smaller group's.
    var protectsOthers: String { language.pick("hidden to protect a smaller group", "skjult for at beskytte en mindre gruppe") }

    /// What a number too small to show says instead.
    func fewerThan(_ size: Int) -> String {
        language.pick("fewer than \(integer(size)) answers", "færre end \(integer(size)) svar")
    }

    func scale(_ min: Int, _ max: Int) -> String {
        language.pick("on the scale \(integer(min)) to \(integer(max))", "på skalaen \(integer(min)) til \(integer(max))")
    }

    func complete(_ n: Int) -> String {
        language.pick(
            n == 1 ? "1 complete answer" : "\(integer(n)) complete answers",
            n == 1 ? "1 fuldstændig besvarelse" : "\(integer(n)) fuldstændige besvarelser")
    }

    func respondents(_ n: Int) -> String {
        language.pick(
            n == 1 ? "1 respondent" : "\(integer(n)) respondents", n == 1 ? "1 besvarelse" : "\(integer(n)) besvarelser")
    }

    func change(_ value: Double, since round: String) -> String {
        language.pick("\(signed(value)) since \(round)", "\(signed(value)) siden \(round)")
    }

    func privacy(_ size: Int) -> String {
        language.pick(
            "Groups with fewer than \(integer(size)) answers show no numbers, so nobody's answers can be singled out; individual answers are never shown.",
            "Grupper med færre end \(integer(size)) svar viser ingen tal, så ingens svar kan udpeges; enkeltpersoners svar vises aldrig."
        )
    }

    // MARK: - The gap

    func gapExplained(threshold: Double, size: Int) -> String {
        language.pick(
            "The gap is the sales mean minus the marketing mean. A gap of \(setting(threshold)) or more either way is flagged: the two departments see this question differently, and that is worth a conversation. A gap needs at least \(integer(size)) answers from each department.",
            "Forskellen er salgs gennemsnit minus marketings gennemsnit. En forskel på \(setting(threshold)) eller mere i den ene eller anden retning markeres: De to afdelinger ser forskelligt på spørgsmålet, og det er værd at tale om. En forskel kræver mindst \(integer(size)) svar fra hver afdeling."
        )
    }

    /// Why a question's gap is flagged, in the direction of the gap.
    func flagReason(_ gap: Double) -> String {
        let size = ScoreFormat.decimal(abs(gap), language)
        return gap > 0
            ? language.pick(
                "Sales rates this \(size) higher than marketing.", "Salg vurderer dette \(size) højere end marketing.")
            : language.pick(
                "Marketing rates this \(size) higher than sales.", "Marketing vurderer dette \(size) højere end salg.")
    }

    var noGap: String { language.pick("no gap", "ingen forskel") }

    // MARK: - What to work on first

    func largeGapReason(sales: Double, marketing: Double, gap: Double) -> String {
        language.pick(
            "Sales and marketing disagree: sales \(score(sales)), marketing \(score(marketing)), a gap of \(signed(gap)).",
            "Salg og marketing er uenige: salg \(score(sales)), marketing \(score(marketing)), en forskel på \(signed(gap)).")
    }

    func lowScoreReason(_ mean: Double) -> String {
        language.pick("One of the lowest scores: \(score(mean)).", "En af de laveste scorer: \(score(mean)).")
    }

    func flaggedBefore(_ rounds: Int) -> String {
        language.pick(
            rounds == 1 ? "Also flagged in 1 earlier round." : "Also flagged in \(integer(rounds)) earlier rounds.",
            rounds == 1 ? "Også markeret i 1 tidligere runde." : "Også markeret i \(integer(rounds)) tidligere runder.")
    }

    /// A question flagged in earlier rounds that is not flagged now.
    func flaggedEarlier(_ rounds: Int, gapNow: Double?) -> String {
        let times = language.pick(
            rounds == 1 ? "1 earlier round" : "\(integer(rounds)) earlier rounds",
            rounds == 1 ? "1 tidligere runde" : "\(integer(rounds)) tidligere runder")
        guard let gapNow else {
            return language.pick("A large gap in \(times).", "En stor forskel i \(times).")
        }
        return language.pick(
            "A large gap in \(times); now \(signed(gapNow)), so keep an eye on it.",
            "En stor forskel i \(times); nu \(signed(gapNow)), så hold øje med den.")
    }

    var improveLink: String { language.pick("How to improve", "Sådan bliver I bedre") }

    // MARK: - Charts

    func distribution(_ counts: [Int], scaleMin: Int) -> String {
        let max = scaleMin + counts.count - 1
        let list = counts.map(integer).joined(separator: ", ")
        return language.pick(
            "Answers from \(integer(scaleMin)) to \(integer(max)): \(list)",
            "Svar fra \(integer(scaleMin)) til \(integer(max)): \(list)")
    }

    func distributionKey(min: Int, max: Int, low: String?, high: String?) -> String {
        let lowText = low.map { " (\($0))" } ?? ""
        let highText = high.map { " (\($0))" } ?? ""
        return language.pick(
            "Shades from \(integer(min))\(lowText), the lightest, to \(integer(max))\(highText), the darkest",
            "Nuancer fra \(integer(min))\(lowText), den lyseste, til \(integer(max))\(highText), den mørkeste")
    }

    var scaleTitle: String { language.pick("The overall score among the bands", "Den samlede score og niveauerne") }

    func scaleDescription(score value: Double?, band: String?, bands: [String], min: Int, max: Int) -> String {
        let list = bands.joined(separator: ", ")
        guard let value, let band else {
            return language.pick(
                "The scale \(integer(min)) to \(integer(max)) with its bands: \(list).",
                "Skalaen \(integer(min)) til \(integer(max)) med niveauerne: \(list).")
        }
        return language.pick(
            "The overall score \(score(value)) \(scale(min, max)) lies in the band \(band). The bands from low to high: \(list).",
            "Den samlede score \(score(value)) \(scale(min, max)) ligger i niveauet \(band). Niveauerne fra lav til høj: \(list)."
        )
    }

    var radarTitle: String {
        language.pick("Sales, marketing and overall, question by question", "Salg, marketing og samlet, spørgsmål for spørgsmål")
    }

    func radarDescription(questions: Int, min: Int, max: Int, largestGap: (question: Int, gap: Double)?) -> String {
        var text = language.pick(
            "Radar chart of the mean answer to each of the \(integer(questions)) questions \(scale(min, max)), from the centre outwards: everyone (solid line, circles), sales (dashed line, squares) and marketing (dotted line, triangles).",
            "Radardiagram over gennemsnittet af svarene på hvert af de \(integer(questions)) spørgsmål \(scale(min, max)), fra midten og udad: alle (fuldt optrukket linje, cirkler), salg (stiplet linje, firkanter) og marketing (prikket linje, trekanter)."
        )
        if let gap = largestGap {
            text += language.pick(
                " The largest gap between sales and marketing is at question \(gap.question): \(signed(gap.gap)).",
                " Den største forskel mellem salg og marketing er ved spørgsmål \(gap.question): \(signed(gap.gap)).")
        }
        return text + language.pick(" The numbers are in the table below.", " Tallene står i tabellen nedenfor.")
    }

    var trendTitle: String { language.pick("The score round by round", "Scoren runde for runde") }

    func trendDescription(rounds: [String], min: Int, max: Int, series: [ChartSeries]) -> String {
        var text = language.pick(
            "Line chart of the overall score in each round from \(rounds.first ?? "") to \(rounds.last ?? "") \(scale(min, max)).",
            "Kurve over den samlede score i hver runde fra \(rounds.first ?? "") til \(rounds.last ?? "") \(scale(min, max)).")
        for series in series {
            let values = series.values.map { $0.map(score) ?? "–" }.joined(separator: ", ")
            text += " \(series.name): \(values)."
        }
        return text
    }

    var trendNeedsTwoRounds: String {
        language.pick("The trend chart appears from the second round.", "Kurven over udviklingen kommer fra anden runde.")
    }

    var radarNeedsThreeQuestions: String {
        language.pick(
            "A radar chart needs at least three questions; the table shows every number.",
            "Et radardiagram kræver mindst tre spørgsmål; tabellen viser alle tal.")
    }

    var radarNothingToShow: String {
        language.pick(
            "The radar chart has nothing to show: every group is too small.",
            "Radardiagrammet har intet at vise: alle grupper er for små.")
    }
}
