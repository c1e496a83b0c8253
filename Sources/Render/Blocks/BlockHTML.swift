public import Content
public import Core

/// What a block's HTML needs to know about the page it is on.
public struct BlockContext {
    /// The page's language: the components' words and number formats.
    public var language: Language
    /// The name of a pipeline stage by id, and a link to where the pipeline describes it.
    public var stage: (String) -> StageLink?
    /// The theme's wording of the components' labels, by key (`blockGoal`, …; see `BlockWords`),
    /// over the built-in words; usually the theme's UI strings for `language`.
    public var words: [String: String]
    /// What the CRM exports measured for a goal, and for an SLA rule (docs/pipeline.md, "The
    /// pipeline pages"); nil when the site has no pipeline data for it, and nothing is shown.
    public var goalMeasure: (Goal) -> BlockMeasure? = { _ in nil }
    public var ruleMeasure: (ServiceLevelAgreement.Rule) -> BlockMeasure? = { _ in nil }

    public init(
        language: Language, words: [String: String] = [:], stage: @escaping (String) -> StageLink? = { _ in nil }
    ) {
        self.language = language
        self.words = words
        self.stage = stage
    }
}

/// One "measured" line under a goal or an SLA rule: the latest numbers from the CRM exports and
/// a link to the pipeline page they come from.
public struct BlockMeasure: Sendable, Equatable {
    /// `Measured`, `Målt`: a label before the sentence.
    public var label: String
    public var text: String
    public var linkText: String?
    /// Relative to the page.
    public var url: String?
    /// `data-` attributes with the numbers at full precision, by name without the prefix.
    public var data: [String: String]

    public init(label: String, text: String, linkText: String? = nil, url: String? = nil, data: [String: String] = [:]) {
        self.label = label
        self.text = text
        self.linkText = linkText
        self.url = url
        self.data = data
    }

    /// `<tag class="tandem-measure" data-…>label text <a>link</a></tag>`
    func write(_ html: inout HTMLWriter, tag: String) {
        html.open(tag, class: "tandem-measure", attributes: data.sorted { $0.key < $1.key }.map { ("data-" + $0.key, $0.value) })
        html.element("strong", class: "tandem-measure__label", label + ":")
        html.raw(" ")
        html.text(text)
        if let linkText, let url {
            html.raw(" ")
            html.open("a", attributes: [("href", url)])
            html.text(linkText)
            html.close("a")
        }
        html.close(tag)
        html.raw("\n")
    }
}

/// A pipeline stage as an SLA table names it.
public struct StageLink: Sendable, Equatable {
    public var name: String
    /// Relative to the page; nil when the stage comes from the default pipeline, which no page shows.
    public var url: String?

    public init(name: String, url: String? = nil) {
        self.name = name
        self.url = url
    }
}

/// Renders playbook blocks as HTML components: semantic, accessible, every value escaped, and
/// printable on A4 with the theme's `assets/content.css`.
public enum BlockHTML {
    /// The block's component, ending with a newline.
    public static func render(_ block: PlaybookBlock, _ context: BlockContext) -> String {
        var html = HTMLWriter()
        let words = BlockWords(context.language, overrides: context.words)
        switch block {
        case .pipeline(let pipeline): PipelineHTML(pipeline: pipeline, words: words).write(&html)
        case .goal(let goal): GoalHTML(goal: goal, words: words, measure: context.goalMeasure(goal)).write(&html)
        case .sla(let sla): SLAHTML(sla: sla, context: context, words: words).write(&html)
        case .sqlDefinition(let definition): SQLDefinitionHTML(definition: definition, words: words).write(&html)
        }
        return html.out
    }

    /// A rule's time span in words, as the SLA block writes it: `4 business hours` / `4 arbejdstimer`.
    public static func duration(_ span: TimeSpan, business: Bool, language: Language) -> String {
        BlockWords(language).duration(span, business: business)
    }

    /// A goal's period in words, as the goal block's caption writes it: `Q1 2026` / `1. kvartal
    /// 2026`, or `1 February – 30 April 2026`.
    public static func periodName(_ period: GoalPeriod, language: Language) -> String {
        BlockWords(language).periodName(period)
    }

    /// The id a pipeline stage's list item carries, so SLA tables can link to it.
    public static func stageAnchor(_ id: String) -> String { "stage-" + id }
}

/// Builds HTML with every text escaped unless written with `raw`.
struct HTMLWriter {
    var out = ""

    /// Escaped text.
    mutating func text(_ text: String) {
        HTML.escape(text, into: &out, for: .attribute)
    }

    /// Markup written as it is.
    mutating func raw(_ markup: String) {
        out += markup
    }

    /// `<tag class="...">text</tag>`
    mutating func element(_ tag: String, class name: String? = nil, _ text: String) {
        open(tag, class: name)
        self.text(text)
        out += "</\(tag)>"
    }

    mutating func open(_ tag: String, class name: String? = nil, attributes: [(String, String)] = []) {
        out += "<" + tag
        if let name { out += " class=\"\(name)\"" }
        for (key, value) in attributes {
            out += " \(key)=\""
            HTML.escape(value, into: &out, for: .attribute)
            out += "\""
        }
        out += ">"
    }

    mutating func close(_ tag: String) {
        out += "</\(tag)>"
    }
}
