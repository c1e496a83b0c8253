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
        }
    }

    /// `line:column: message`.
    public var description: String {
        "\(line):\(column): \(message)"
    }
}
