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

    /// At most this many diagnostics of one file are shown; the rest are counted in one more, a
    /// summary: `file: error: and 999,900 more problems in this file`.
    public static let perFileLimit = 100

    public var location: SourceLocation
    public var severity: Severity
    /// The text as found; `description` escapes its control characters for a terminal.
    public var message: String
    /// For a summary of the problems of a file past `perFileLimit`: how many it stands for; else 0.
    public private(set) var omitted: Int = 0

    public init(_ location: SourceLocation, _ message: String, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.severity = severity
    }

    /// The summary of `count` more problems of a file: an error when any of them is one.
    public static func omitted(_ count: Int, file: String, severity: Severity = .error) -> Diagnostic {
        let problems = count == 1 ? "problem" : "problems"
        var summary = Diagnostic(
            SourceLocation(file: file), "and \(count.grouped) more \(problems) in this file", severity: severity)
        summary.omitted = count
        return summary
    }

    /// By file, a file's summary last, then by line, column and message.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = (lhs.location.file, lhs.omitted > 0 ? 1 : 0, lhs.location.line, lhs.location.column, lhs.message)
        let right = (rhs.location.file, rhs.omitted > 0 ? 1 : 0, rhs.location.line, rhs.location.column, rhs.message)
        return left < right
    }

    /// `content/playbooks/sla.md:14:5: error: first_response "4 hours" is not a duration; ...`
    ///
    /// Always one line, safe for a terminal: control characters of the file name and the message
    /// (C0, DEL, C1, the line and paragraph separators, the bidirectional overrides and isolates)
    /// are written as `\u{1B}`, so a file cannot clear the screen, forge a line or reorder text.
    public var description: String {
        "\(location.description.escapingControls): \(severity.rawValue): \(message.escapingControls)"
    }

    /// The diagnostics sorted, at most `perFileLimit` of each file, the rest of a file (and any
    /// summaries among them) in one summary after them.
    public static func limited(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        result.reserveCapacity(diagnostics.count)
        var shown: [String: Int] = [:]
        var omitted: [String: (count: Int, severity: Severity)] = [:]
        for diagnostic in diagnostics.sorted() {
            let file = diagnostic.location.file
            if diagnostic.omitted == 0, shown[file, default: 0] < perFileLimit {
                shown[file, default: 0] += 1
                result.append(diagnostic)
                continue
            }
            var entry = omitted[file] ?? (0, .warning)
            entry.count += max(diagnostic.omitted, 1)
            if diagnostic.severity == .error { entry.severity = .error }
            omitted[file] = entry
        }
        guard !omitted.isEmpty else { return result }
        for (file, entry) in omitted { result.append(.omitted(entry.count, file: file, severity: entry.severity)) }
        return result.sorted()
    }
}

extension String {
    /// The text with every control character written as `\u{1B}`: C0 (U+0000–U+001F), DEL, C1
    /// (U+0080–U+009F), U+2028 and U+2029, and the bidirectional controls U+202A–U+202E and
    /// U+2066–U+2069.
    public var escapingControls: String {
        guard unicodeScalars.contains(where: \.isControlForTerminal) else { return self }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar.isControlForTerminal {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

extension Unicode.Scalar {
    fileprivate var isControlForTerminal: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

extension Int {
    /// `999980` as `999,980`, for messages.
    public var grouped: String { FixedPoint.integer(self, grouping: ",") }
}

/// Every problem a step found, thrown together so the user sees them all in one run.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// Sorted; at most `Diagnostic.perFileLimit` of a file, then one summary of the rest.
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = Diagnostic.limited(diagnostics)
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
