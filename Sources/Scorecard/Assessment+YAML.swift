public import Core
internal import Formats
internal import ScoringCore
internal import Yams

// MARK: - Reading a questionnaire

extension Assessment {
    /// A translation file's text: `<id>.<language>.yml`, with the texts for the same ids.
    public struct Translation: Sendable {
        public var language: Language
        public var text: String
        /// The file's path as shown to the user.
        public var file: String

        public init(language: Language, text: String, file: String) {
            self.language = language
            self.text = text
            self.file = file
        }
    }

    static let keys = [
        "id", "version", "language", "scale", "labels", "min_answered", "gap_threshold", "min_group_size", "bands", "questions",
    ]
    static let scaleKeys = ["min", "max"]
    static let labelKeys = ["low", "high"]
    static let bandKeys = ["id", "min", "label", "message"]
    static let questionKeys = ["id", "weight", "text", "low", "high", "improve"]
    static let translationKeys = ["labels", "bands", "questions"]
    static let translatedBandKeys = ["id", "label", "message"]
    static let translatedQuestionKeys = ["id", "text", "low", "high", "improve"]

    /// Parses a questionnaire and its translations, reporting every problem at once.
    ///
    /// The numeric rules (scale, weights, bands, `min_answered`, `gap_threshold`,
    /// `min_group_size`) are ScoringCore's: its `Questionnaire` validates them, and each error it
    /// reports is mapped back to the YAML node that caused it.
    ///
    /// - Parameters:
    ///   - text: The questionnaire file's contents.
    ///   - file: Its path as shown in messages.
    ///   - language: The language of the questionnaire's texts (the site's main language).
    ///   - translations: The texts in other languages; each must give every band and question id,
    ///     and no other.
    /// - Returns: The validated questionnaire.
    /// - Throws: `DiagnosticsError` with every problem, each at `file:line:column`.
    public static func parse(
        _ text: String, file: String, language: Language = .en, translations: [Translation] = []
    ) throws(DiagnosticsError) -> Assessment {
        try parse(
            QuestionnaireDocument(text, file: file), language: language, translations: translations, expectedID: nil)
    }

    /// Reads a questionnaire from its composed YAML, whose file name must be its id when
    /// `expectedID` is given.
    static func parse(
        _ document: QuestionnaireDocument, language defaultLanguage: Language, translations: [Translation],
        expectedID: String?
    ) throws(DiagnosticsError) -> Assessment {
        let file = document.reader.file
        let language = document.declaredLanguage ?? defaultLanguage
        var parser = QuestionnaireParser(document, language: language, expectedID: expectedID)
        let parsed = parser.parse()
        var diagnostics = parser.reader.diagnostics.all
        guard var parsed else { throw DiagnosticsError(diagnostics) }
        var languages = [language]
        for translation in translations {
            if translation.language == language || languages.contains(translation.language) {
                diagnostics.append(
                    Diagnostic(
                        SourceLocation(file: translation.file),
                        "a second set of \(translation.language.rawValue) texts; the questionnaire's own texts are in "
                            + "\(language.rawValue), so remove this file or rename it for another language"))
                continue
            }
            var reader = YAMLReader(file: translation.file)
            parsed.translate(with: translation, reader: &reader)
            diagnostics.append(contentsOf: reader.diagnostics.all)
            languages.append(translation.language)
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return Assessment(
            id: parsed.id, version: parsed.version, file: file, primaryLanguage: language, languages: languages,
            labels: parsed.labels, bands: parsed.bands, questions: parsed.questions, questionnaire: parsed.questionnaire!,
            positions: parsed.positions)
    }

    /// Whether `id` can name a question, band or questionnaire: it appears in file names, JSON
    /// paths, CSV headers and HTML attributes, so it is ASCII letters, digits, `-`, `_` and `.`,
    /// starting with a letter or digit.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, isIDByte(first), first != UInt8(ascii: "-"), first != UInt8(ascii: "_"),
            first != UInt8(ascii: ".")
        else { return false }
        return id.utf8.allSatisfy(isIDByte)
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default: false
        }
    }
}

/// The questionnaire as read so far, with the YAML nodes its values came from.
struct ParsedQuestionnaire {
    var id: String
    var version: Int
    var labels: Assessment.Labels?
    var bands: [Assessment.Band]
    var questions: [Assessment.Question]
    var questionnaire: Questionnaire?
    var positions: [String: Int]
}

/// A questionnaire file's YAML, composed once for everything that is read from it: the language
/// it declares and all its values.
struct QuestionnaireDocument {
    /// The reader of the file, holding the syntax error when the text is not YAML.
    var reader: YAMLReader
    /// The document's root; `nil` when the text is not YAML or is empty.
    let root: Node?

    init(_ text: String, file: String) {
        reader = YAMLReader(file: file)
        root = reader.parse(text)
    }

    /// The language the questionnaire declares for its own texts (`language: en`), if it does.
    ///
    /// A site in one language can use a questionnaire written in another; its translations then
    /// give the texts (and `improve:` anchors) for the site's language.
    var declaredLanguage: Language? {
        root?["language"]?.string.flatMap { Language(rawValue: $0) }
    }
}

/// Reads the main questionnaire file.
struct QuestionnaireParser {
    var reader: YAMLReader
    let root: Node?
    let language: Language
    /// The id the file name gives, when the questionnaire was found by its file name.
    let expectedID: String?
    /// The nodes that numeric values came from, filled in as they are read.
    private var nodes = NumericNodes()

    init(_ document: QuestionnaireDocument, language: Language, expectedID: String? = nil) {
        reader = document.reader
        root = document.root
        self.language = language
        self.expectedID = expectedID
    }

    /// The nodes that numeric values came from, to place ScoringCore's errors.
    private struct NumericNodes {
        var scale: Node?
        var root: Node?
        var questions: Node?
        var bandList: Node?
        var weights: [Node?] = []
        var bandMins: [Node?] = []
        var bandIDs: [String] = []
        var questionIDs: [String] = []
        var minAnswered: Node?
        var gapThreshold: Node?
        var minGroupSize: Node?
    }

    /// `min_answered`, `gap_threshold` and `min_group_size` as read; stand-ins where one is missing.
    private struct Thresholds {
        var minAnswered: Int?
        var gapThreshold = 0.0
        var minGroupSize = 1
    }

    /// The bands as read, with their `min` values for ScoringCore.
    private struct Bands {
        var bands: [Assessment.Band] = []
        var mins: [Double] = []
    }

    /// The questions as read, with their weights for ScoringCore and each id's position.
    private struct Questions {
        var questions: [Assessment.Question] = []
        var weights: [Double] = []
        var positions: [String: Int] = [:]
    }

    /// The parsed questionnaire, or `nil` when the file is not a YAML mapping at all. Problems are
    /// in `reader.diagnostics`; the result is complete only when there are none.
    mutating func parse() -> ParsedQuestionnaire? {
        guard let root, let fields = topLevelFields(root) else { return nil }
        nodes = NumericNodes(root: root)
        let id = readID(fields["id"], in: root)
        checkLanguage(fields["language"])
        let version = readVersion(fields["version"], in: root)
        let scale = readScale(fields["scale"], in: root)
        let labels = readLabels(fields["labels"])
        let thresholds = readThresholds(fields, in: root)
        let bands = readBands(fields["bands"], in: root)
        let questions = readQuestions(fields["questions"], in: root)
        let questionnaire = scale.flatMap {
            validateNumbers(scale: $0, weights: questions.weights, bandMins: bands.mins, thresholds: thresholds)
        }
        return ParsedQuestionnaire(
            id: id, version: version, labels: labels, bands: bands.bands, questions: questions.questions,
            questionnaire: reader.diagnostics.hasErrors ? nil : questionnaire, positions: questions.positions)
    }

    // MARK: - The steps

    /// The questionnaire's keys, when the file is a mapping of known keys.
    private mutating func topLevelFields(_ root: Node) -> YAMLReader.Fields? {
        guard case .mapping = root else {
            reader.error(root, "a questionnaire must be a mapping of keys (id, version, scale, bands, questions, ...) to values")
            return nil
        }
        return reader.fields(root, "the questionnaire", allowed: Assessment.keys)
    }

    /// The id, which must be the file's name when the questionnaire was found by it.
    private mutating func readID(_ node: Node?, in root: Node) -> String {
        let id = requiredID(node, in: root, what: "the questionnaire", example: expectedID ?? "sales-marketing-alignment") ?? ""
        if let expectedID, !id.isEmpty, id != expectedID, let node {
            reader.error(
                node, "id \"\(id)\" does not match the file name; name the file \(id).yml, or change the id to \"\(expectedID)\"")
        }
        return id
    }

    /// `language:`, which ``QuestionnaireDocument/declaredLanguage`` has read already, is checked here.
    private mutating func checkLanguage(_ node: Node?) {
        if let node, let code = reader.string(node, "language"), Language(rawValue: code) == nil {
            reader.error(node, "language \"\(code)\" is not supported; expected en or da (the language of this file's texts)")
        }
    }

    /// The version: 1 or more; 0 when it is missing or wrong.
    private mutating func readVersion(_ node: Node?, in root: Node) -> Int {
        guard let node else {
            reader.error(root, "the questionnaire has no version; add version: 1 (and raise it when questions change meaning)")
            return 0
        }
        guard let value = reader.int(node, "version", example: "1") else { return 0 }
        guard value >= 1 else {
            reader.error(node, "version must be 1 or more, not \(value)")
            return 0
        }
        return value
    }

    /// The scale's min and max, or `nil` when either is missing or not a whole number.
    private mutating func readScale(_ node: Node?, in root: Node) -> (min: Int, max: Int)? {
        guard let node else {
            reader.error(root, "the questionnaire has no scale; add scale: {min: 1, max: 5}")
            return nil
        }
        nodes.scale = node
        guard let scale = reader.fields(node, "scale", allowed: Assessment.scaleKeys) else { return nil }
        let low = scale["min"].flatMap { reader.int($0, "scale.min", example: "1") }
        let high = scale["max"].flatMap { reader.int($0, "scale.max", example: "5") }
        if scale["min"] == nil { reader.error(node, "scale has no min; write it like scale: {min: 1, max: 5}") }
        if scale["max"] == nil { reader.error(node, "scale has no max; write it like scale: {min: 1, max: 5}") }
        guard let low, let high else { return nil }
        return (low, high)
    }

    /// The labels of the scale's ends, when given and complete.
    private mutating func readLabels(_ node: Node?) -> Assessment.Labels? {
        guard let node, let texts = reader.fields(node, "labels", allowed: Assessment.labelKeys) else { return nil }
        let low = requiredText(texts["low"], in: node, key: "low", owner: "labels")
        let high = requiredText(texts["high"], in: node, key: "high", owner: "labels")
        guard let low, let high else { return nil }
        return Assessment.Labels(low: LocalizedText(low, language: language), high: LocalizedText(high, language: language))
    }

    /// `min_answered` (optional), `gap_threshold` and `min_group_size` (required).
    private mutating func readThresholds(_ fields: YAMLReader.Fields, in root: Node) -> Thresholds {
        var thresholds = Thresholds()
        if let node = fields["min_answered"] {
            nodes.minAnswered = node
            thresholds.minAnswered = reader.int(node, "min_answered", example: "5")
        }
        if let node = fields["gap_threshold"] {
            nodes.gapThreshold = node
            thresholds.gapThreshold = reader.double(node, "gap_threshold", example: "1.5") ?? 0
        } else {
            reader.error(
                root,
                "the questionnaire has no gap_threshold; add one, e.g. gap_threshold: 1.5 (a sales-marketing gap this large is flagged)"
            )
        }
        if let node = fields["min_group_size"] {
            nodes.minGroupSize = node
            thresholds.minGroupSize = reader.int(node, "min_group_size", example: "3") ?? 1
        } else {
            reader.error(
                root, "the questionnaire has no min_group_size; add one, e.g. min_group_size: 3 (smaller groups show no numbers)")
        }
        return thresholds
    }

    /// The bands, each with an id of its own, a min and a label.
    private mutating func readBands(_ list: Node?, in root: Node) -> Bands {
        var read = Bands()
        guard let list else {
            reader.error(root, "the questionnaire has no bands; add a list of bands, the first with min equal to scale.min")
            return read
        }
        nodes.bandList = list
        var bandIDs = FirstUses()
        for (index, entry) in (reader.sequence(list, "bands") ?? []).enumerated() {
            let name = "band \(index + 1)"
            guard let band = reader.fields(entry, name, allowed: Assessment.bandKeys) else { continue }
            let bandID = requiredID(band["id"], in: entry, what: name, example: "on-the-way")
            if let bandID, let idNode = band["id"] {
                bandIDs.isRepeated(bandID, at: reader.location(idNode), reportingIn: &reader.diagnostics) {
                    "band id \"\(bandID)\" is used twice; the first is at line \($0.line)"
                }
            }
            let what = bandID.map { "band \"\($0)\"" } ?? name
            var min = Double.nan
            if let node = band["min"] {
                min = reader.double(node, "\(what): min", example: "2.5") ?? .nan
            } else {
                reader.error(entry, "\(what) has no min; add the lowest mean that falls in it, e.g. min: 2.5")
            }
            let label = requiredText(band["label"], in: entry, key: "label", owner: what)
            let message = reader.string(band["message"], "message")
            nodes.bandMins.append(band["min"])
            nodes.bandIDs.append(bandID ?? name)
            read.mins.append(min)
            read.bands.append(
                Assessment.Band(
                    id: bandID ?? "", min: min, label: LocalizedText(label ?? "", language: language),
                    message: message.map { LocalizedText($0, language: language) }))
        }
        return read
    }

    /// The questions, each with an id of its own (and not a result field's name) and a text.
    private mutating func readQuestions(_ list: Node?, in root: Node) -> Questions {
        var read = Questions()
        guard let list else {
            reader.error(root, "the questionnaire has no questions; add a list of questions with id and text")
            return read
        }
        nodes.questions = list
        var questionIDs = FirstUses()
        for (index, entry) in (reader.sequence(list, "questions") ?? []).enumerated() {
            let name = "question \(index + 1)"
            guard let question = reader.fields(entry, name, allowed: Assessment.questionKeys) else { continue }
            let questionID = requiredID(question["id"], in: entry, what: name, example: "leads-sorted")
            if let questionID, let idNode = question["id"] {
                // A result field's name is never remembered, so it is reported as that each time.
                if ResultColumns.all.contains(questionID) {
                    reader.error(
                        idNode,
                        "question id \"\(questionID)\" is also the name of a result field; choose another id so CSV headers stay unambiguous"
                    )
                } else {
                    questionIDs.isRepeated(questionID, at: reader.location(idNode), reportingIn: &reader.diagnostics) {
                        "question id \"\(questionID)\" is used twice; the first is at line \($0.line)"
                    }
                }
            }
            let what = questionID.map { "question \"\($0)\"" } ?? name
            var weight = 1.0
            if let node = question["weight"] {
                weight = reader.double(node, "\(what): weight", example: "2") ?? 1
            }
            let text = requiredText(question["text"], in: entry, key: "text", owner: what)
            let low = reader.string(question["low"], "low")
            let high = reader.string(question["high"], "high")
            let improve = readImprove(question["improve"], questionID: questionID, what: what)
            if let questionID, read.positions[questionID] == nil { read.positions[questionID] = read.questions.count }
            nodes.weights.append(question["weight"])
            nodes.questionIDs.append(questionID ?? name)
            read.weights.append(weight)
            read.questions.append(
                Assessment.Question(
                    id: questionID ?? "", weight: weight, text: LocalizedText(text ?? "", language: language),
                    low: low.map { LocalizedText($0, language: language) },
                    high: high.map { LocalizedText($0, language: language) }, improve: improve))
        }
        return read
    }

    /// A question's `improve:` link to the page that helps with it.
    private mutating func readImprove(_ node: Node?, questionID: String?, what: String) -> ImproveLink? {
        guard let node, let target = reader.string(node, "improve") else { return nil }
        guard !target.isEmpty, !target.contains(where: \.isWhitespace) else {
            reader.error(node, "\(what): improve \"\(target)\" must be a link to a page, like playbooks/sla.md#escalation")
            return nil
        }
        return ImproveLink(questionID: questionID ?? "", target: target, location: reader.location(node), language: language)
    }

    /// Builds ScoringCore's questionnaire, reporting each rule it breaks at the node that broke it.
    ///
    /// `Questionnaire.init` stops at the first broken rule; after reporting one, the offending
    /// value is set aside (a weight becomes 1, a band is left out) and the rest checked again, so
    /// one run reports every numeric mistake.
    private mutating func validateNumbers(
        scale: (min: Int, max: Int), weights: [Double], bandMins: [Double], thresholds: Thresholds
    ) -> Questionnaire? {
        let (scaleMin, scaleMax) = scale
        var checkedMin = scaleMin  // the scale checked against: a stand-in once it is broken
        var checkedMax = scaleMax
        var scaleBroken = false
        var weights = weights
        var mins = bandMins  // by original index; a band's min that broke a rule gets a stand-in
        var bands = Array(bandMins.indices)  // the original index of each band still checked
        var minAnswered = thresholds.minAnswered
        var gapThreshold = thresholds.gapThreshold
        var minGroupSize = thresholds.minGroupSize
        var reported = false
        // Each round either succeeds or sets one value aside, so this ends.
        for _ in 0...(weights.count + bandMins.count + 6) {
            do throws(ScoringError) {
                let questionnaire = try Questionnaire(
                    scaleMin: checkedMin, scaleMax: checkedMax, weights: weights, bandMins: bands.map { mins[$0] },
                    minAnswered: minAnswered, gapThreshold: gapThreshold, minGroupSize: minGroupSize)
                return reported ? nil : questionnaire
            } catch {
                reported = true
                let (node, message) = Self.explain(
                    error, nodes: nodes, bandMins: bandMins, bands: bands, weights: weights, scale: (scaleMin, scaleMax),
                    gapThreshold: gapThreshold)
                // A missing or mistyped value was reported already, and where bands are measured
                // against a broken scale, the scale is the problem; stand-ins keep checking going.
                let aboutScale: Bool =
                    switch error {
                    case .firstBandNotAtScaleMin, .bandOutOfScale: true
                    default: false
                    }
                if let node, !alreadyReported(node), !(scaleBroken && aboutScale) { reader.error(node, message) }
                switch error {
                case .invalidScale:
                    // Go on with the widest scale, to check everything that does not depend on it.
                    scaleBroken = true
                    checkedMin = Questionnaire.scaleLimits.lowerBound
                    checkedMax = Questionnaire.scaleLimits.upperBound
                case .noQuestions:
                    weights = [1]
                    minAnswered = nil  // measured against no questions, it says nothing more
                case .noBands:
                    mins.append(Double(checkedMin))
                    bands = [mins.count - 1]
                case .answerCountMismatch, .answerOutOfRange:
                    return nil
                case .invalidWeight(let question): weights[question] = 1
                case .firstBandNotAtScaleMin: mins[bands[0]] = Double(checkedMin)
                case .bandsNotSorted(let band), .bandOutOfScale(let band): bands.remove(at: band)
                case .invalidMinAnswered: minAnswered = nil
                case .invalidGapThreshold: gapThreshold = 0
                case .invalidMinGroupSize: minGroupSize = 1
                }
            }
        }
        return nil
    }

    private func alreadyReported(_ node: Node?) -> Bool {
        let location = reader.location(node)
        return reader.diagnostics.all.contains { $0.location == location }
    }

    /// Where a ScoringCore error comes from in the file, and what to tell the user, by id.
    private static func explain(
        _ error: ScoringError, nodes: NumericNodes, bandMins: [Double], bands: [Int], weights: [Double],
        scale: (min: Int, max: Int), gapThreshold: Double
    ) -> (Node?, String) {
        let limits = Questionnaire.scaleLimits
        func show(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        switch error {
        case .invalidScale(let min, let max):
            if min >= max {
                return (nodes.scale, "scale {min: \(min), max: \(max)} is invalid; min must be below max, like {min: 1, max: 5}")
            }
            return (
                nodes.scale,
                "scale {min: \(min), max: \(max)} is out of range; both must lie within \(limits.lowerBound)...\(limits.upperBound)"
            )
        case .noQuestions:
            return (nodes.questions ?? nodes.root, "the questionnaire has no questions; add at least one")
        case .invalidWeight(let question):
            let node = nodes.weights[question] ?? nil
            let weight = weights[question]
            if weight > Questionnaire.maxWeight {
                return (
                    node,
                    "question \"\(nodes.questionIDs[question])\": weight \(node?.scalar?.string ?? show(weight)) is out of range; expected a number above 0 and at most \(show(Questionnaire.maxWeight))"
                )
            }
            return (
                node,
                "question \"\(nodes.questionIDs[question])\": weight must be a number greater than 0, not \(show(weight))"
            )
        case .noBands:
            return (
                nodes.bandList ?? nodes.root,
                "the questionnaire has no bands; add at least one, starting at scale.min (\(scale.min))"
            )
        case .firstBandNotAtScaleMin:
            let band = bands[0]
            return (
                nodes.bandMins[band] ?? nil,
                "band \"\(nodes.bandIDs[band])\": the first band's min must equal scale.min (\(scale.min)), not \(show(bandMins[band]))"
            )
        case .bandsNotSorted(let position):
            let band = bands[position]
            let previous = bands[position - 1]
            return (
                nodes.bandMins[band] ?? nil,
                "band \"\(nodes.bandIDs[band])\": min \(show(bandMins[band])) must be greater than the min of band "
                    + "\"\(nodes.bandIDs[previous])\" (\(show(bandMins[previous]))); sort bands by min"
            )
        case .bandOutOfScale(let position):
            let band = bands[position]
            return (
                nodes.bandMins[band] ?? nil,
                "band \"\(nodes.bandIDs[band])\": min \(show(bandMins[band])) is above scale.max (\(scale.max))"
            )
        case .invalidMinAnswered(let minAnswered, let count):
            return (
                nodes.minAnswered,
                minAnswered < 1
                    ? "min_answered must be at least 1, not \(minAnswered)"
                    : "min_answered \(minAnswered) is more than the number of questions (\(count)); use a number from 1 to \(count)"
            )
        case .invalidGapThreshold:
            guard gapThreshold >= 0 else {
                return (nodes.gapThreshold, "gap_threshold must be a number at or above 0, not \(show(gapThreshold))")
            }
            // No gap is larger than the width of the scale, so a larger threshold never flags one.
            let width = scale.max > scale.min ? "\(scale.max - scale.min), the width of the scale" : "the width of the scale"
            return (
                nodes.gapThreshold,
                "gap_threshold \(nodes.gapThreshold?.scalar?.string ?? show(gapThreshold)) is out of range; expected a number from 0 to \(width) (scale.max - scale.min)"
            )
        case .invalidMinGroupSize(let size):
            return (nodes.minGroupSize, "min_group_size must be at least 1, not \(size)")
        case .answerCountMismatch, .answerOutOfRange:
            return (nodes.root, "\(error)")
        }
    }

    // MARK: - Helpers

    /// A required id: present, text, and made of the characters ids may use.
    mutating func requiredID(_ node: Node?, in owner: Node, what: String, example: String) -> String? {
        guard let node else {
            reader.error(owner, "\(what) has no id; add one, e.g. id: \(example)")
            return nil
        }
        guard let id = reader.string(node, "id") else {
            if node.scalar != nil { reader.error(node, "\(what): id must not be empty") }
            return nil
        }
        guard Assessment.isValidID(id) else {
            reader.error(
                node,
                "id \"\(id)\" may only contain letters, digits, '-', '_' and '.', and must start with a letter or digit; e.g. \(example)"
            )
            return nil
        }
        return id
    }

    /// A required text value.
    mutating func requiredText(_ node: Node?, in owner: Node, key: String, owner what: String) -> String? {
        guard let node else {
            reader.error(owner, "\(what) has no \(key); add \(key): \"...\"")
            return nil
        }
        guard let text = reader.string(node, key) else {
            if node.scalar != nil { reader.error(node, "\(what): \(key) must not be empty") }
            return nil
        }
        return text
    }
}

// MARK: - Translations

extension ParsedQuestionnaire {
    /// Adds a translation's texts, checking that it gives exactly the questionnaire's ids.
    mutating func translate(with translation: Assessment.Translation, reader: inout YAMLReader) {
        let language = translation.language
        let name = "the \(language.rawValue) translation"
        guard let root = reader.parse(translation.text) else { return }
        guard case .mapping = root else {
            reader.error(root, "a translation must be a mapping with labels, bands and questions")
            return
        }
        guard let fields = reader.fields(root, name, allowed: Assessment.translationKeys) else { return }

        // Labels.
        if let node = fields["labels"] {
            if let labels, let texts = reader.fields(node, "labels", allowed: Assessment.labelKeys) {
                var low = labels.low
                var high = labels.high
                if let text = translatedText(texts["low"], in: node, key: "low", owner: "labels", reader: &reader) {
                    low.set(text, in: language)
                }
                if let text = translatedText(texts["high"], in: node, key: "high", owner: "labels", reader: &reader) {
                    high.set(text, in: language)
                }
                self.labels = Assessment.Labels(low: low, high: high)
            } else if labels == nil {
                reader.error(
                    node, "labels: the questionnaire has no labels to translate; remove them or add labels to the questionnaire")
            }
        } else if labels != nil {
            reader.error(root, "\(name) has no labels; add labels: {low: \"...\", high: \"...\"}")
        }

        // Bands.
        let bandIDs = bands.map(\.id)
        let bandEntries = entries(
            fields["bands"], key: "bands", kind: "band", allowed: Assessment.translatedBandKeys, ids: bandIDs, root: root,
            reader: &reader)
        for (index, band) in bands.enumerated() {
            guard let entry = bandEntries[band.id] else { continue }
            let what = "band \"\(band.id)\""
            var label = band.label
            if let text = translatedText(entry.fields["label"], in: entry.node, key: "label", owner: what, reader: &reader) {
                label.set(text, in: language)
            }
            var message = band.message
            if var given = message {
                if let text = translatedText(
                    entry.fields["message"], in: entry.node, key: "message", owner: what, reader: &reader)
                {
                    given.set(text, in: language)
                    message = given
                }
            } else if let node = entry.fields["message"] {
                reader.error(node, "\(what) has no message in the questionnaire to translate; remove it or add one there")
            }
            bands[index] = Assessment.Band(id: band.id, min: band.min, label: label, message: message)
        }

        // Questions.
        let questionIDs = questions.map(\.id)
        let questionEntries = entries(
            fields["questions"], key: "questions", kind: "question", allowed: Assessment.translatedQuestionKeys,
            ids: questionIDs, root: root, reader: &reader)
        for (index, question) in questions.enumerated() {
            guard let entry = questionEntries[question.id] else { continue }
            let what = "question \"\(question.id)\""
            var text = question.text
            if let value = translatedText(entry.fields["text"], in: entry.node, key: "text", owner: what, reader: &reader) {
                text.set(value, in: language)
            }
            func optional(_ original: LocalizedText?, _ key: String) -> LocalizedText? {
                guard var original else {
                    if let node = entry.fields[key] {
                        reader.error(node, "\(what) has no \(key) in the questionnaire to translate; remove it or add one there")
                    }
                    return nil
                }
                if let value = translatedText(entry.fields[key], in: entry.node, key: key, owner: what, reader: &reader) {
                    original.set(value, in: language)
                }
                return original
            }
            let low = optional(question.low, "low")
            let high = optional(question.high, "high")
            var translatedImprove = question.translatedImprove
            if let node = entry.fields["improve"], let target = reader.string(node, "improve") {
                if target.isEmpty || target.contains(where: \.isWhitespace) {
                    reader.error(
                        node, "\(what): improve \"\(target)\" must be a link to a page, like playbooks/sla.md#escalation")
                } else {
                    translatedImprove[language] = ImproveLink(
                        questionID: question.id, target: target, location: reader.location(node), language: language)
                }
            }
            questions[index] = Assessment.Question(
                id: question.id, weight: question.weight, text: text, low: low, high: high, improve: question.improve,
                translatedImprove: translatedImprove)
        }
    }

    /// A translation's list of bands or questions by id, reporting extra, repeated and missing ids.
    private func entries(
        _ list: Node?, key: String, kind: String, allowed: [String], ids: [String], root: Node, reader: inout YAMLReader
    ) -> [String: (node: Node, fields: YAMLReader.Fields)] {
        var found: [String: (node: Node, fields: YAMLReader.Fields)] = [:]
        guard let list else {
            if !ids.isEmpty {
                reader.error(
                    root, "the translation has no \(key); add the texts of every \(kind): \(ids.joined(separator: ", "))")
            }
            return found
        }
        for (index, entry) in (reader.sequence(list, key) ?? []).enumerated() {
            guard let fields = reader.fields(entry, "\(kind) \(index + 1)", allowed: allowed) else { continue }
            guard let idNode = fields["id"], let id = reader.string(idNode, "id") else {
                reader.error(entry, "\(kind) \(index + 1) has no id; add the id of the \(kind) it translates")
                continue
            }
            guard ids.contains(id) else {
                let hint = Suggestion.didYouMean(id, in: ids)
                reader.error(
                    idNode,
                    "the questionnaire has no \(kind) \"\(id)\"\(hint.isEmpty ? "; its \(kind) ids are \(ids.joined(separator: ", "))" : hint)"
                )
                continue
            }
            if found[id] != nil {
                reader.error(idNode, "\(kind) \"\(id)\" is translated twice; keep one")
                continue
            }
            found[id] = (entry, fields)
        }
        let missing = ids.filter { found[$0] == nil && !$0.isEmpty }
        if !missing.isEmpty {
            let names = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            reader.error(
                list,
                "\(missing.count == 1 ? "\(kind) \(names) has" : "\(kind)s \(names) have") no translation; add \(missing.count == 1 ? "it" : "them") here"
            )
        }
        return found
    }

    private func translatedText(
        _ node: Node?, in owner: Node, key: String, owner what: String, reader: inout YAMLReader
    ) -> String? {
        guard let node else {
            reader.error(owner, "\(what) has no \(key); add its translation, \(key): \"...\"")
            return nil
        }
        guard let text = reader.string(node, key) else {
            if node.scalar != nil { reader.error(node, "\(what): \(key) must not be empty") }
            return nil
        }
        return text
    }
}
