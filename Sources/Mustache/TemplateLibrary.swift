/// Templates by name, where partial tags find their partials: `{{> partials/nav}}` renders the
/// template named `partials/nav`.
public struct TemplateLibrary: Sendable {
    /// The templates by name.
    public private(set) var templates: [String: Template]

    /// A library of the given templates.
    public init(_ templates: [String: Template] = [:]) {
        self.templates = templates
    }

    /// Adds a template, replacing one of the same name.
    public mutating func register(_ template: Template, named name: String) {
        templates[name] = template
    }

    /// Parses and adds a template, replacing one of the same name.
    ///
    /// - Throws: `TemplateError` when the text does not parse; the library is then unchanged.
    public mutating func register(_ text: String, named name: String) throws(TemplateError) {
        templates[name] = try Template(text)
    }

    /// The template of a name.
    public subscript(name: String) -> Template? {
        templates[name]
    }

    /// Renders the template of a name, its partials from this library.
    ///
    /// - Returns: the rendered text, or `nil` when there is no template of that name.
    /// - Throws: `TemplateRenderError` when the render goes over `TemplateLimits`.
    public func render(_ name: String, context: TemplateValue) throws(TemplateRenderError) -> String? {
        try templates[name]?.render(context, partials: self)
    }
}
