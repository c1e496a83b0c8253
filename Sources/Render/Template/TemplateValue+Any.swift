// MARK: - Converting untyped contexts

extension TemplateValue {
    /// Converts a context of dictionaries, arrays, strings, numbers and booleans.
    ///
    /// For the transition from `[String: Any]` contexts only: it casts every value dynamically,
    /// which is the cost this type exists to avoid. Build `TemplateValue`s directly instead.
    ///
    /// `[String: Any]` becomes `object` and `[Any]` becomes `list` (at any depth); `String`,
    /// `Bool` and `Int` keep their case; a `Double` and anything else become their description as a
    /// `string` (`1.5` → `"1.5"`). A `nil` dictionary value leaves its key out, so the name is absent;
    /// a `nil` array element is dropped.
    public init(_ any: Any) {
        self = Self.converting(any) ?? .string("")
    }

    private static func converting(_ any: Any) -> TemplateValue? {
        switch any {
        case let value as TemplateValue:
            return value
        case let string as String:
            return .string(string)
        case let bool as Bool:
            return .bool(bool)
        case let int as Int:
            return .int(int)
        case let double as Double:
            return .string(double.description)
        case let dictionary as [String: Any]:
            var object: [String: TemplateValue] = [:]
            object.reserveCapacity(dictionary.count)
            for (key, value) in dictionary {
                if let converted = converting(value) { object[key] = converted }
            }
            return .object(object)
        case let array as [Any]:
            return .list(array.compactMap(converting))
        case let optional as any OptionalProtocol:
            return optional.wrappedAny.flatMap(converting)
        default:
            return .string(String(describing: any))
        }
    }
}

/// Lets `converting` see through an `Optional` boxed in `Any`.
private protocol OptionalProtocol {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalProtocol {
    fileprivate var wrappedAny: Any? {
        self.map { $0 as Any }
    }
}
