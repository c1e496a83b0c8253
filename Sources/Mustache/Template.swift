/// A parsed Mustache template: an immutable token tree, safe to render from many threads at once.
///
/// The language is Mustache as specified by the Mustache spec's modules interpolation, sections,
/// inverted sections, comments, partials and set delimiters; lambdas and template inheritance are
/// not supported. Values are `TemplateValue`s; see there how each case renders. Parsing and
/// rendering are bounded by `TemplateLimits`.
///
/// ```swift
/// let template = try Template("<h1>{{page.title}}</h1>")
/// try template.render(["page": ["title": "Goals & SLA"]])   // "<h1>Goals &amp; SLA</h1>"
/// ```
public struct Template: Sendable {
    /// The token tree for rendering at the top level or in a partial without indentation.
    let nodes: [Node]
    /// The same tree with a `lineStart` before every line, for a standalone partial tag that
    /// indents each line of the partial.
    let indentableNodes: [Node]
    /// The partial tags, in template order, with their positions.
    public let partialReferences: [PartialReference]
    /// The bytes of literal text, a hint for the output's capacity.
    let textByteCount: Int

    /// Parses a template.
    ///
    /// - Parameters:
    ///   - text: the template's source.
    ///   - trimIndentation: leave out the spaces and tabs that start each line of literal text, the
    ///     lines then empty, and the indentation of standalone partials: smaller HTML that a browser
    ///     shows the same. Ignored for a template with a `<pre>` or `<textarea>`, whose spaces count.
    /// - Throws: `TemplateError` with the 1-based line and column of the first problem.
    public init(_ text: String, trimIndentation: Bool = false) throws(TemplateError) {
        var parser = TemplateParser(text, trimIndentation: trimIndentation)
        let nodes = try parser.parse()
        self.indentableNodes = nodes
        self.nodes = Node.withoutLineStarts(nodes)
        self.partialReferences = parser.partialReferences
        self.textByteCount = Node.textByteCount(self.nodes)
    }

    /// Renders the template.
    ///
    /// - Parameters:
    ///   - context: the value at the bottom of the context stack, usually an `object`.
    ///   - partials: where `{{> name}}` finds its templates; a missing partial renders nothing.
    /// - Returns: the rendered text.
    /// - Throws: `TemplateRenderError` when the render would take more steps, expand more partials,
    ///   nest deeper or write more bytes than `TemplateLimits` allows.
    public func render(
        _ context: TemplateValue, partials: TemplateLibrary = TemplateLibrary()
    ) throws(TemplateRenderError) -> String {
        try renderCountingSteps(context, partials: partials).output
    }

    /// Renders the template and tells how many steps (see `TemplateLimits.steps`) the render took.
    func renderCountingSteps(
        _ context: TemplateValue, partials: TemplateLibrary
    ) throws(TemplateRenderError) -> (output: String, steps: Int) {
        var renderer = TemplateRenderer(context: context, partials: partials, capacity: textByteCount * 2 + 1024)
        try renderer.render(nodes, indentation: "")
        return (renderer.output, renderer.steps)
    }
}

/// A `{{> name}}` tag: which partial, and where (1-based) the tag starts.
public struct PartialReference: Sendable, Equatable {
    public let name: String
    public let line: Int
    public let column: Int
}

/// A name of a tag, split at its dots once when parsing.
struct Name: Sendable {
    /// The parts of a dotted name; empty for `.`, the top of the context stack.
    let parts: [String]
}

/// One token of a template.
indirect enum Node: Sendable {
    /// Literal text.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}`.
    case variable(Name, escaped: Bool)
    /// `{{#name}}...{{/name}}`.
    case section(Name, [Node])
    /// `{{^name}}...{{/name}}`.
    case inverted(Name, [Node])
    /// `{{> name}}`; `indentation` is the whitespace before a standalone tag, `nil` for a tag within a line.
    case partial(String, indentation: String?)
    /// The start of a line of the template's source: where an indented partial writes its indentation.
    case lineStart

    /// The tree without `lineStart`s, adjacent texts joined.
    static func withoutLineStarts(_ nodes: [Node]) -> [Node] {
        var result: [Node] = []
        result.reserveCapacity(nodes.count)
        for node in nodes {
            switch node {
            case .lineStart:
                continue
            case .text(let text):
                if case .text(let previous) = result.last {
                    result[result.count - 1] = .text(previous + text)
                } else {
                    result.append(node)
                }
            case .section(let name, let children):
                result.append(.section(name, withoutLineStarts(children)))
            case .inverted(let name, let children):
                result.append(.inverted(name, withoutLineStarts(children)))
            case .variable, .partial:
                result.append(node)
            }
        }
        return result
    }

    /// The bytes of literal text at the top level (what any render writes at least).
    static func textByteCount(_ nodes: [Node]) -> Int {
        var count = 0
        for case .text(let text) in nodes { count += text.utf8.count }
        return count
    }
}
