/// Where each id of a list was first given, so that a later use of the same id is reported with
/// the place of the first: the one check behind "used twice (first on line 3)".
///
/// Every list whose entries need their own id (a pipeline's stages, a questionnaire's bands and
/// questions, ...) keeps one of these while it is read. The wording stays the caller's: messages
/// name what the id is for and say how to fix it.
public struct FirstUses: Sendable {
    private var locations: [String: SourceLocation] = [:]

    public init() {}

    /// Checks one use of `id`: the first use is remembered; a later one is reported as an error at
    /// `location`, with the message made from where the first use is.
    ///
    /// - Parameters:
    ///   - id: The id as written.
    ///   - location: Where this use of it is.
    ///   - diagnostics: Where a repeated use is reported.
    ///   - message: The error's text, given the first use's location.
    /// - Returns: Whether `id` was given before (and so was reported).
    @discardableResult
    public mutating func isRepeated(
        _ id: String, at location: SourceLocation, reportingIn diagnostics: inout Diagnostics,
        _ message: (_ first: SourceLocation) -> String
    ) -> Bool {
        if let first = locations[id] {
            diagnostics.error(location, message(first))
            return true
        }
        locations[id] = location
        return false
    }
}
