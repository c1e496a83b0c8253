internal import Mustache

/// A template context object: a class conforming to `MustacheParent` directly, which swift-mustache
/// looks into far faster than a `[String: Any]` (whose conformance is conditional and re-checked on
/// every lookup).
final class ContextObject: MustacheParent, @unchecked Sendable {
    let values: [String: Any]

    init(_ values: [String: Any]) {
        self.values = values
    }

    func child(named name: String) -> Any? {
        values[name]
    }

    /// Converts dictionaries at any depth (also inside arrays) into `ContextObject`s.
    static func wrap(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] {
            return ContextObject(dictionary.mapValues(wrap))
        }
        if let array = value as? [Any] {
            return array.map(wrap)
        }
        return value
    }
}

/// Renders a one-off template with the same context conversion as themes (tests only).
enum MustacheTemplateProbe {
    static func render(_ text: String, _ context: [String: Any]) throws -> String {
        try MustacheTemplate(string: text).render(ContextObject.wrap(context))
    }
}
