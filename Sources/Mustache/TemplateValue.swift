/// A value a template sees: the context of a render, and everything inside it.
///
/// Contexts are plain values built once per render, so the renderer looks names up with a switch
/// and a dictionary access: no existentials, no dynamic casts. Literals read naturally:
///
/// ```swift
/// let context: TemplateValue = ["page": ["title": "SLA", "hasToc": true], "items": ["a", "b"]]
/// ```
///
/// How each case behaves in a template:
///
/// | case | `{{name}}` | `{{#name}}` |
/// |---|---|---|
/// | `string` | the text, HTML-escaped | rendered once with the string on top of the context (also when empty) |
/// | `bool` | `true` or `false` | rendered once when true, with the context unchanged |
/// | `int` | the number | rendered once with the number on top of the context (also when 0) |
/// | `list` | nothing | rendered once per element, each on top of the context; not at all when empty |
/// | `object` | nothing | rendered once with the object on top of the context |
///
/// A name that is not found renders nothing and counts as false; leave a key out to make it absent.
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object([String: TemplateValue])
}

// MARK: - Literals

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self = .int(value)
    }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// A repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        // Assigned one by one: as fast as it gets, and a repeated key keeps its last value.
        var object = [String: TemplateValue](minimumCapacity: elements.count)
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}
