public import Core
public import ScoringCore

/// A questionnaire (`content/assessments/<id>.yml`) with its translations: ids, texts and the
/// numeric ``ScoringCore/Questionnaire`` that scores answers to it.
///
/// Questions and bands keep the order of the file; a question's position is the index that
/// ``ScoringCore`` uses for it, and a band's index is the one ``ScoringCore`` returns.
public struct Assessment: Sendable {
    /// The assessment's id, also the name of its file.
    public let id: String
    /// The version results must name; bump it when questions change meaning.
    public let version: Int
    /// The file it was read from, as shown to the user.
    public let file: String
    /// The language of the main file's texts; translations add others.
    public let primaryLanguage: Language
    /// Every language the texts are in: the primary language first, then translations in order.
    public let languages: [Language]
    /// The words at the low and high ends of the scale, when the questionnaire gives them.
    public let labels: Labels?
    public let bands: [Band]
    public let questions: [Question]
    /// The numbers that scoring needs, already validated.
    public let questionnaire: Questionnaire
    /// Each question id's position, for readers of results.
    let positions: [String: Int]

    /// The low and high labels of the scale.
    public struct Labels: Sendable, Hashable {
        public let low: LocalizedText
        public let high: LocalizedText
    }

    /// A range of means with its verdict (docs/scoring.md, rule 2): from ``min`` up to the next band's `min`.
    public struct Band: Sendable, Hashable {
        public let id: String
        public let min: Double
        public let label: LocalizedText
        /// What a respondent or group in this band should do; `nil` when the file gives none.
        public let message: LocalizedText?
    }

    /// One question, in the order of the file.
    public struct Question: Sendable, Hashable {
        public let id: String
        public let weight: Double
        public let text: LocalizedText
        /// What the low end of the scale means for this question.
        public let low: LocalizedText?
        /// What the high end of the scale means for this question.
        public let high: LocalizedText?
        /// The playbook page (and heading) that helps to improve on this question.
        public let improve: ImproveLink?
        /// `improve:` links given by translations, for the pages in their language.
        public var translatedImprove: [Language: ImproveLink] = [:]

        /// The link for pages in a language: the translation's own, or the questionnaire's.
        public func improve(in language: Language) -> ImproveLink? {
            translatedImprove[language] ?? improve
        }
    }

    /// The lowest answer.
    public var scaleMin: Int { questionnaire.scaleMin }
    /// The highest answer.
    public var scaleMax: Int { questionnaire.scaleMax }

    /// The position of a question id in ``questions``, or `nil` when there is no such question.
    public func position(of questionID: String) -> Int? { positions[questionID] }

    /// The `improve:` links of every question, in question order.
    ///
    /// The loader does not check them: whether `playbooks/sla.md#escalation` names a page and a
    /// heading on it is only known once the site's pages are parsed, so the Site module checks
    /// these links during `tandem build` and `tandem check` and reports a broken one at
    /// ``ImproveLink/location``.
    public var improveLinks: [ImproveLink] {
        questions.flatMap { question in
            (question.improve.map { [$0] } ?? [])
                + question.translatedImprove.keys.sorted().map { question.translatedImprove[$0]! }
        }
    }
}

/// A text in the questionnaire's primary language and in each translation.
public struct LocalizedText: Sendable, Hashable {
    /// The text in each language that has it; always holds the primary language.
    public private(set) var values: [Language: String]
    public let primaryLanguage: Language

    public init(_ text: String, language: Language) {
        values = [language: text]
        primaryLanguage = language
    }

    /// The text in `language`, or in the primary language when there is no translation.
    public func text(in language: Language) -> String {
        values[language] ?? values[primaryLanguage]!
    }

    /// The text in the primary language.
    public var primary: String { values[primaryLanguage]! }

    mutating func set(_ text: String, in language: Language) { values[language] = text }
}

/// A question's `improve:` link to the playbook page that helps, as written in the questionnaire.
///
/// Not checked when the questionnaire is loaded: the Site module resolves it against the site's
/// pages and headings (see ``Assessment/improveLinks``).
public struct ImproveLink: Sendable, Hashable {
    /// The question the link belongs to.
    public let questionID: String
    /// The link as written: `playbooks/sla.md#escalation`, relative to the content folder.
    public let target: String
    /// Where the link's value is in the questionnaire file, for errors about it.
    public let location: SourceLocation
    /// The language of the pages the link is for: the questionnaire's own language, or a
    /// translation's (whose headings, and so anchors, are in that language).
    public let language: Language

    public init(questionID: String, target: String, location: SourceLocation, language: Language = .en) {
        self.questionID = questionID
        self.target = target
        self.location = location
        self.language = language
    }

    /// The page part of the link: `playbooks/sla.md`.
    public var page: String {
        guard let hash = target.firstIndex(of: "#") else { return target }
        return String(target[..<hash])
    }

    /// The heading id after `#`, or `nil` when the link is to the whole page.
    public var fragment: String? {
        guard let hash = target.firstIndex(of: "#") else { return nil }
        return String(target[target.index(after: hash)...])
    }
}
