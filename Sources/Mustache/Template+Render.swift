internal import Core

/// Renders a token tree into one `String`: a switch per node, a dictionary access per name part.
///
/// The work is bounded by `TemplateLimits`: partials nested too deep render nothing, and a render
/// that takes too many steps, expands too many partials, nests too deep or writes too many bytes
/// stops with a `TemplateRenderError`.
struct TemplateRenderer {
    private(set) var output = ""
    /// The context stack; the innermost context is last.
    private var stack: [TemplateValue] = []
    private let partials: TemplateLibrary
    /// The partials being rendered, innermost last.
    private var partialNames: [String] = []
    private var partialExpansions = 0
    /// Tags evaluated and list items rendered: the work of sections over lists inside one another,
    /// which multiplies without writing output or expanding partials.
    private(set) var steps = 0
    /// How many `render` calls are running: sections and partials inside one another.
    private var depth = 0

    init(context: TemplateValue, partials: TemplateLibrary, capacity: Int) {
        self.partials = partials
        output.reserveCapacity(capacity)
        stack.reserveCapacity(16)
        stack.append(context)
    }

    /// Renders nodes; a non-empty `indentation` is written at every `lineStart`.
    mutating func render(_ nodes: [Node], indentation: String) throws(TemplateRenderError) {
        // Each level is a stack frame: deep enough nesting would overflow a worker thread's stack.
        guard depth < TemplateLimits.nestingDepth else {
            throw TemplateRenderError(limit: .nestingDepth, partial: partialNames.last)
        }
        depth += 1
        defer { depth -= 1 }
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(text)

            case .lineStart:
                if !indentation.isEmpty { output.append(indentation) }

            case .variable(let name, let escaped):
                try step()
                guard let value = lookUp(name) else { continue }
                switch value {
                case .string(let string):
                    if escaped { appendEscaped(string) } else { output.append(string) }
                case .int(let int):
                    output.append(String(int))
                case .bool(let bool):
                    output.append(bool ? "true" : "false")
                case .list, .object:
                    continue
                }

            case .section(let name, let children):
                try step()
                guard let value = lookUp(name) else { continue }
                switch value {
                case .bool(let bool):
                    if bool { try render(children, indentation: indentation) }
                case .list(let items):
                    for item in items {
                        try step()
                        stack.append(item)
                        try render(children, indentation: indentation)
                        stack.removeLast()
                    }
                case .string, .int, .object:
                    stack.append(value)
                    try render(children, indentation: indentation)
                    stack.removeLast()
                }

            case .inverted(let name, let children):
                try step()
                switch lookUp(name) {
                case nil, .bool(false):
                    try render(children, indentation: indentation)
                case .list(let items) where items.isEmpty:
                    try render(children, indentation: indentation)
                default:
                    continue
                }

            case .partial(let name, let own):
                try step()
                guard partialNames.count < TemplateLimits.partialDepth, let template = partials[name] else { continue }
                partialExpansions += 1
                guard partialExpansions <= TemplateLimits.partialExpansions else {
                    throw TemplateRenderError(limit: .partialExpansions, partial: name)
                }
                partialNames.append(name)
                // A standalone tag indents every line of the partial by its own whitespace, within the
                // indentation of its own line; a tag within a line indents nothing.
                let total = own.map { indentation + $0 } ?? ""
                if total.isEmpty {
                    try render(template.nodes, indentation: "")
                } else {
                    try render(template.indentableNodes, indentation: total)
                }
                partialNames.removeLast()
            }
            // A native string knows its UTF-8 length: one comparison per node.
            if output.utf8.count > TemplateLimits.outputBytes {
                throw TemplateRenderError(limit: .outputBytes, partial: partialNames.last)
            }
        }
    }

    /// Counts one step: a tag evaluated or a list item rendered.
    @inline(__always)
    private mutating func step() throws(TemplateRenderError) {
        steps += 1
        guard steps <= TemplateLimits.steps else {
            throw TemplateRenderError(limit: .steps, partial: partialNames.last)
        }
    }

    /// Resolves a name: its first part up the context stack, every further part in the value before it.
    private func lookUp(_ name: Name) -> TemplateValue? {
        let parts = name.parts
        guard !parts.isEmpty else { return stack.last }
        var value: TemplateValue?
        var index = stack.count - 1
        while index >= 0 {
            if case .object(let object) = stack[index], let found = object[parts[0]] {
                value = found
                break
            }
            index -= 1
        }
        guard var value else { return nil }
        var part = 1
        while part < parts.count {
            guard case .object(let object) = value, let found = object[parts[part]] else { return nil }
            value = found
            part += 1
        }
        return value
    }

    /// Appends text escaped for any place in HTML: `&`, `<`, `>`, `"` and `'` (the same five as
    /// swift-mustache).
    private mutating func appendEscaped(_ text: String) {
        HTML.escape(text, into: &output, for: .anywhere)
    }
}
