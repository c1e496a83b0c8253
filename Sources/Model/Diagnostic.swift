/// A place in a source file, for error messages a person can act on.
public struct SourceLocation: Sendable, Hashable, Comparable {
    /// The file's path as the user should see it (relative to the working folder when possible).
    public var file: String
    /// 1-based line; 0 when the problem is about the whole file.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    /// The JSON path of the value in a JSON file, like `$[2].answers.q3`; when present, messages
    /// show it instead of the line and column (which still order the diagnostics).
    public var path: String?

    public init(file: String, line: Int = 0, column: Int = 0, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `file:line:column`, leaving out the parts that are unknown, or `file: $.json.path`.
    public var description: String {
        if let path { return "\(file): \(path)" }
        if line == 0 { return file }
        if column == 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}

/// One problem found in the input: where it is, what is wrong and what is expected.
public struct Diagnostic: Sendable, Hashable, Comparable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    public init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.severity = severity
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }

    /// `content/playbooks/sla.md:14:5: error: first_response "4 hours" is not a duration; ...`
    public var description: String {
        "\(location.description): \(severity.rawValue): \(message)"
    }
}

/// Every problem a step found, thrown together so the user sees them all in one run.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics while a step keeps going after the first problem.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    public mutating func error(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String) {
        all.append(Diagnostic(location, message, severity: .warning))
    }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    /// Throws every error collected so far, if there is any.
    public func throwIfErrors() throws(DiagnosticsError) {
        if hasErrors { throw DiagnosticsError(errors) }
    }
}
