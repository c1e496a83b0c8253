internal import Core

/// A template that does not parse: where (1-based line and column) and what is wrong.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong. Tags are quoted with the delimiters in force where they were written.
    public enum Reason: Sendable, Equatable {
        /// `{{#name}}` or `{{^name}}` (`tag`) opened at `line` has no `{{/name}}` (`expected`).
        case unclosedSection(tag: String, line: Int, expected: String)
        /// `found` closes a section, but the innermost open one is `open` from `line`.
        case mismatchedClose(found: String, open: String, line: Int, expected: String)
        /// `found` closes a section that is not open.
        case unopenedClose(found: String)
        /// A tag opened with `open` never reaches its closing `expected`.
        case unclosedTag(open: String, expected: String)
        /// A tag with no name, like `{{}}` or `{{# }}`.
        case emptyTag(tag: String)
        /// A name that cannot name anything; `problem` says why.
        case invalidName(name: String, problem: String)
        /// A swift-mustache transform such as `first()`, which plain Mustache does not have.
        case transform(name: String)
        /// Template inheritance (`{{<parent}}`, `{{$block}}`) or a pragma (`{{%...}}`).
        case unsupportedTag(tag: String, feature: String)
        /// A set-delimiter tag not of the form `{{=<% %>=}}`.
        case invalidDelimiters(tag: String)
        /// A section (`tag`) that opens inside more than `limit` sections.
        case nestedTooDeep(tag: String, limit: Int)
    }

    /// 1-based line of the problem.
    public let line: Int
    /// 1-based column (in Unicode scalars) of the problem.
    public let column: Int
    public let reason: Reason

    public init(line: Int, column: Int, reason: Reason) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// What is wrong and what is expected, without the position.
    public var message: String {
        switch reason {
        case .unclosedSection(let tag, let line, let expected):
            "a section \(tag) is opened at line \(line) but never closed; expected \(expected)"
        case .mismatchedClose(let found, let open, let line, let expected):
            "\(found) does not close the section \(open) opened at line \(line); expected \(expected)"
        case .unopenedClose(let found):
            "\(found) closes a section that is not open; remove it or open the section before it"
        case .unclosedTag(let open, let expected):
            "a tag is opened with \(open) but never closed; expected \(expected)"
        case .emptyTag(let tag):
            "\(tag) names nothing; expected a name, e.g. {{title}}"
        case .invalidName(let name, let problem):
            "\"\(name)\" is not a name: \(problem)"
        case .transform(let name):
            "\"\(name)\" is a swift-mustache transform, which Mustache does not have; "
                + "use a value of the context instead (e.g. hasChildren, isHome)"
        case .unsupportedTag(let tag, let feature):
            "\(tag) is \(feature), which Tandem's templates do not support"
        case .invalidDelimiters(let tag):
            "\(tag) does not set delimiters; expected two delimiters without spaces or =, "
                + "separated by a space, e.g. {{=<% %>=}}"
        case .nestedTooDeep(let tag, let limit):
            "the section \(tag) is nested \(limit + 1) sections deep, deeper than the limit of \(limit); "
                + "expected at most \(limit) sections inside one another"
        }
    }

    /// `line:column: message`.
    public var description: String {
        "\(line):\(column): \(message)"
    }
}

/// A render that would do more work than `TemplateLimits` allows for one render (one page).
///
/// The template's name is the caller's to add: a `Template` does not know its own.
public struct TemplateRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Limit: Sendable, Equatable {
        /// More than `TemplateLimits.steps` tags evaluated and list items rendered.
        case steps
        /// More than `TemplateLimits.partialExpansions` partials rendered.
        case partialExpansions
        /// More than `TemplateLimits.outputBytes` bytes written.
        case outputBytes
        /// Sections and partials nested more than `TemplateLimits.nestingDepth` levels deep.
        case nestingDepth
    }

    public let limit: Limit
    /// For `partialExpansions`, the partial whose expansion went over; otherwise the innermost
    /// partial being rendered then. `nil` at the top level.
    public let partial: String?

    public init(limit: Limit, partial: String?) {
        self.limit = limit
        self.partial = partial
    }

    /// What went over which limit, and what is expected; it reads after "rendering <what>".
    public var message: String {
        switch limit {
        case .steps:
            let inside = partial.map { " (the last in partial \($0))" } ?? ""
            return "evaluates more than \(TemplateLimits.steps.grouped) tags and list items\(inside), "
                + "the limit for one page; a section over a list inside a section over a list renders once for "
                + "every pair of items, and each further level multiplies again: expected fewer list sections "
                + "inside one another, or shorter lists"
        case .partialExpansions:
            let last = partial.map { " (the last one \($0))" } ?? ""
            return "expands more than \(TemplateLimits.partialExpansions.grouped) partials\(last), "
                + "the limit for one page; a partial that includes partials more than once, level after level, "
                + "multiplies the work at every level: expected fewer inclusions or fewer levels"
        case .outputBytes:
            let inside = partial.map { " (the last bytes in partial \($0))" } ?? ""
            return "writes more than \(TemplateLimits.outputBytes >> 20) MiB\(inside), "
                + "the limit for one page; expected a smaller page: fewer or smaller list items and partials"
        case .nestingDepth:
            let inside = partial.map { " (the deepest in partial \($0))" } ?? ""
            return "nests sections and partials more than \(TemplateLimits.nestingDepth) levels deep\(inside), "
                + "the limit for one page; expected partials that include each other fewer levels deep"
        }
    }

    /// `rendering expands more than ...`.
    public var description: String { "rendering " + message }
}

/// The bounds that keep parsing one template and rendering one page finite in time and memory.
///
/// Documented for theme authors in docs/themes.md.
public enum TemplateLimits {
    /// Sections (and inverted sections) one template may nest inside one another.
    public static let sectionDepth = 100
    /// Partials nested deeper than this render nothing, so a partial that includes itself
    /// unconditionally ends instead of exhausting the stack.
    public static let partialDepth = 100
    /// Steps one render may take: every tag evaluated and every item of a list section rendered is
    /// one. Sections over lists inside one another multiply their items without writing anything or
    /// expanding a partial: four levels over a list of 1,000 would be 10^12 steps. The default theme
    /// takes about five per listed page: some 50,000 for a section listing 10,000 pages.
    public static let steps = 10_000_000
    /// Partials one render may expand in all: a partial that includes another twice, a hundred
    /// levels deep, would otherwise be 2^100 expansions.
    public static let partialExpansions = 100_000
    /// Bytes one render may write: 64 MiB.
    public static let outputBytes = 64 << 20
    /// Sections and partials one render may nest inside one another, all templates together: each
    /// level is a stack frame of the renderer, and a page renders on a worker thread's small stack.
    public static let nestingDepth = 500
}
