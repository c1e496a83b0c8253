internal import Content
internal import Core
internal import Mustache
internal import Render
internal import Scorecard
internal import ScoringCore

/// The self-assessment's pages, for each questionnaire in each language of the site:
///
/// - the form (`assessment/<id>`, `layouts/form`), where one person answers and sees their score
///   at once, computed in the browser by `scoring.wasm` (`assets/form.js`);
/// - the tally page (`assessment/<id>-tally`, `layouts/tally`), where a facilitator types in a stack
///   of paper sheets and sees the group's score (`assets/tally.js`).
///
/// Both pages carry the questionnaire's numbers in `data-` attributes, beside the test hooks of
/// docs/form.md ("Test hooks"), so the scripts read everything from the page and work from `file://`.
enum FormPages {
    /// The form page with everything it loads opens at once on a workshop's laptop: 60 KiB.
    static let pageBudget = 60 * 1024

    /// The data pages of every questionnaire of the site.
    static func pages(data: SiteData, config: SiteConfig) -> [DataPage] {
        var pages: [DataPage] = []
        let several = data.assessments.count > 1
        for assessment in data.assessments {
            var languages = [config.language]
            for language in assessment.languages where !languages.contains(language) { languages.append(language) }
            for language in languages {
                let words = FormWords(language)
                // With several questionnaires, each page says which one it is for.
                let suffix = several ? ": " + Page.humanize(assessment.id) : ""
                let formKey = key(assessment)
                let tallyKey = key(assessment) + "-tally"
                pages.append(
                    DataPage(
                        key: formKey, language: language, title: words.formTitle + suffix,
                        description: words.formDescription(questions: assessment.questions.count), weight: 10,
                        layout: "layouts/form",
                        context: { linker in
                            var context = Self.context(assessment, linker: linker)
                            context["tallyURL"] = linker.dataPage(tallyKey).map { .string($0) }
                            return context
                        }, budget: (Self.pageBudget, assessment.file)))
                pages.append(
                    DataPage(
                        key: tallyKey, language: language, title: words.tallyTitle + suffix,
                        description: words.tallyDescription, weight: 20, layout: "layouts/tally",
                        context: { linker in
                            var context = Self.context(assessment, linker: linker)
                            context["formURL"] = linker.dataPage(formKey).map { .string($0) }
                            return context
                        }))
            }
        }
        return pages
    }

    /// The form's key: `assessment/sales-marketing-alignment`, below the content's `assessment/` section.
    static func key(_ assessment: Assessment) -> String {
        "assessment/" + assessment.id
    }

    // MARK: - Context

    /// What `layouts/form` and `layouts/tally` see under `data`.
    ///
    /// Numbers that the scripts hand to the scoring module are written as Swift prints a `Double`
    /// (the shortest text that reads back as the same value), so JavaScript reads them exactly.
    static func context(_ assessment: Assessment, linker: PageLinker) -> [String: TemplateValue] {
        let language = linker.language
        let q = assessment.questionnaire
        let scale = Array(q.scaleMin...q.scaleMax)
        // An answer is "low" when, given to every question, it would land in the lowest band: the
        // form then links to the playbook page that helps. Decided here, by the scoring module.
        let lowValues = Set(
            scale.filter { value in
                // The same answer to every question, on the scale: answers `validate` accepts.
                q.bandMins.count > 1 && q.score(validated: [Int?](repeating: value, count: q.questionCount)).band == 0
            })
        var questions: [TemplateValue] = []
        for (index, question) in assessment.questions.enumerated() {
            // A short name for the radio group and the element ids: the page carries it 50 times.
            let key = "q\(index + 1)"
            var options: [TemplateValue] = []
            for value in scale {
                var option: [String: TemplateValue] = [
                    "value": .string(String(value)), "inputID": .string("\(key)-\(value)"),
                    "isLow": .bool(lowValues.contains(value)),
                ]
                if value == q.scaleMin, question.low != nil { option["describedBy"] = .string("\(key)-low") }
                if value == q.scaleMax, question.high != nil { option["describedBy"] = .string("\(key)-high") }
                options.append(.object(option))
            }
            var entry: [String: TemplateValue] = [
                "id": .string(question.id), "key": .string(key), "number": .int(index + 1),
                "text": .string(question.text.text(in: language)),
                "weight": .string(String(question.weight)), "options": .list(options),
            ]
            if let low = question.low { entry["low"] = .string(low.text(in: language)) }
            if let high = question.high { entry["high"] = .string(high.text(in: language)) }
            if let link = question.improve(in: language), let url = linker.content(link.target) {
                var improve: [String: TemplateValue] = ["url": .string(url)]
                if let title = linker.title(of: link.target) { improve["title"] = .string(title) }
                entry["improve"] = .object(improve)
            }
            questions.append(.object(entry))
        }
        var bands: [TemplateValue] = []
        for (index, band) in assessment.bands.enumerated() {
            var entry: [String: TemplateValue] = [
                "id": .string(band.id), "min": .string(String(band.min)), "label": .string(band.label.text(in: language)),
                "from": .string(BlockFormat.decimal(band.min, language, maxDecimals: 2)),
            ]
            if index + 1 < assessment.bands.count {
                entry["below"] = .string(BlockFormat.decimal(assessment.bands[index + 1].min, language, maxDecimals: 2))
            }
            if let message = band.message { entry["message"] = .string(message.text(in: language)) }
            bands.append(.object(entry))
        }
        var context: [String: TemplateValue] = [
            "id": .string(assessment.id),
            "version": .string(String(assessment.version)),
            "scaleMin": .string(String(q.scaleMin)),
            "scaleMax": .string(String(q.scaleMax)),
            "minAnswered": .string(String(q.minAnswered)),
            "gapThreshold": .string(String(q.gapThreshold)),
            "minGroupSize": .string(String(q.minGroupSize)),
            "questionCount": .int(q.questionCount),
            "scale": .list(scale.map { ["value": .string(String($0))] }),
            "questions": .list(questions),
            "bands": .list(bands),
            // Tally mode types one key per answer when every answer is a single digit.
            "singleDigits": .bool(q.scaleMin >= 0 && q.scaleMax <= 9),
        ]
        if let labels = assessment.labels {
            context["labels"] = ["low": .string(labels.low.text(in: language)), "high": .string(labels.high.text(in: language))]
        }
        var scripts: [String: TemplateValue] = [:]
        for (key, asset) in [
            ("wasm", "scoring-wasm.js"), ("glue", "tandem-scoring.js"), ("form", "form.js"), ("tally", "tally.js"),
        ] {
            if let url = linker.asset(asset) { scripts[key] = .string(url) }
        }
        context["scripts"] = .object(scripts)
        return context
    }
}

/// The pages' titles and descriptions, which the navigation and the section's cards show too, so
/// they are made here rather than in the theme's strings.
struct FormWords {
    let language: Language

    init(_ language: Language) {
        self.language = language
    }

    var formTitle: String { language.pick("Take the self-assessment", "Tag selvevalueringen") }

    func formDescription(questions: Int) -> String {
        language.pick(
            "Answer \(questions) questions and see your score at once. Your answers stay on this computer.",
            "Besvar \(questions) spørgsmål, og se din score med det samme. Dine svar bliver på denne computer.")
    }

    var tallyTitle: String { language.pick("Type in paper sheets", "Tast papirskemaer ind") }

    var tallyDescription: String {
        language.pick(
            "For facilitators: type in a stack of paper answers with the keyboard and watch the group's score as you go.",
            "Til facilitatorer: tast en bunke besvarelser på papir ind med tastaturet, og følg gruppens score undervejs.")
    }
}
