public import Core

/// What the exports held and what could not be used: rows read, rows used, and each kind of
/// problem counted with where it first occurs (docs/pipeline.md, rule 6).
///
/// A problem's summary names the column and what is wrong, never the value: this is what reaches
/// `tandem pipeline`'s output and the site, where personal data may not go. The diagnostics for
/// `tandem check` quote the value: the first `shownPerKind` of each kind of problem in a file,
/// the rest counted in one line per file.
public struct DataQuality: Sendable {
    public struct Problem: Sendable, Equatable {
        public var message: String
        public var count: Int
        public var first: SourceLocation
    }

    public internal(set) var rows = 0
    public internal(set) var used = 0
    public private(set) var problems: [Problem] = []
    private var problemIndex: [String: Int] = [:]
    /// Row problems are errors instead of warnings (`--strict`).
    let strict: Bool
    private(set) var diagnostics: [Diagnostic] = []
    /// Per diagnostic, its file and its kind (the file and the summary), for `append`.
    private var kinds: [(file: String, kind: String)] = []
    private var shown: [String: Int] = [:]
    /// How many problems of one kind in one file are shown one by one.
    static let shownPerKind = 10
    private var omitted: [String: Int] = [:]

    init(strict: Bool) {
        self.strict = strict
    }

    /// Counts a problem of one row or value: `summary` without the value, `detail` with it.
    mutating func note(_ location: SourceLocation, summary: String, detail: String) {
        if let index = problemIndex[summary] {
            problems[index].count += 1
        } else {
            problemIndex[summary] = problems.count
            problems.append(Problem(message: summary, count: 1, first: location))
        }
        let file = location.file
        let kind = file + "\u{0}" + summary
        if shown[kind, default: 0] < Self.shownPerKind {
            shown[kind, default: 0] += 1
            diagnostics.append(Diagnostic(location, detail, severity: strict ? .error : .warning))
            kinds.append((file, kind))
        } else {
            omitted[file, default: 0] += 1
        }
    }

    /// Adds what was found in the rows after these: the same as if they had been read here.
    mutating func append(_ other: DataQuality) {
        rows += other.rows
        used += other.used
        for problem in other.problems {
            if let index = problemIndex[problem.message] {
                problems[index].count += problem.count
            } else {
                problemIndex[problem.message] = problems.count
                problems.append(problem)
            }
        }
        for (diagnostic, kind) in zip(other.diagnostics, other.kinds) {
            if shown[kind.kind, default: 0] < Self.shownPerKind {
                shown[kind.kind, default: 0] += 1
                diagnostics.append(diagnostic)
                kinds.append(kind)
            } else {
                omitted[kind.file, default: 0] += 1
            }
        }
        for (file, count) in other.omitted { omitted[file, default: 0] += count }
    }

    /// The diagnostics for `tandem check`, with a summary of those past the limit of a file.
    var allDiagnostics: [Diagnostic] {
        diagnostics
            + omitted.sorted { $0.key < $1.key }.map {
                Diagnostic.omitted($0.value, file: $0.key, severity: strict ? .error : .warning)
            }
    }
}
